#!/usr/bin/perl
# Mail::SPF (Debian libmail-spf-perl) as an oracle for spfkit's differential test.
#
# perl mailspf_driver.pl PORT RECEIVER DEFAULT_EXPLANATION
# Reads one JSON object per line on stdin:
#   {"id": "c0001", "ip": "192.0.2.1", "sender": "a@b.test", "helo": "h.test", "scope": "mfrom"}
# and writes one per line on stdout: {"id": ..., "result": ..., "explanation": ..., "detail": ...}.
# DNS goes to 127.0.0.1:PORT only (a resolver of its own), /etc/resolv.conf is not changed.
use strict;
use warnings;
use JSON::PP;
use Net::DNS::Resolver;
use Mail::SPF;

my ($port, $receiver, $default_explanation) = @ARGV;
my $json = JSON::PP->new->canonical->ascii;
$| = 1;

my $resolver = Net::DNS::Resolver->new(
    nameservers => ['127.0.0.1'], port => $port, recurse => 0,
    udp_timeout => 5, tcp_timeout => 5, retry => 2, retrans => 1);
my $server = Mail::SPF::Server->new(
    dns_resolver                  => $resolver,
    hostname                      => $receiver,
    default_authority_explanation => $default_explanation,
    query_rr_types                => Mail::SPF::Server->query_rr_type_txt,
    max_void_dns_lookups          => 2,
    max_dns_interactive_terms     => 10,
    max_name_lookups_per_term     => 10);

sub check {
    my ($case) = @_;
    my %request = (versions => [1], ip_address => $case->{ip}, helo_identity => $case->{helo});
    if ($case->{scope} eq 'helo') {
        @request{qw(scope identity)} = ('helo', $case->{helo});
    } elsif ($case->{sender} eq '') {
        # RFC 7208 section 2.4: the null reverse-path is checked as postmaster@ the HELO name
        @request{qw(scope identity)} = ('mfrom', 'postmaster@' . $case->{helo});
    } else {
        @request{qw(scope identity)} = ('mfrom', $case->{sender});
    }
    my $result = $server->process(Mail::SPF::Request->new(%request));
    my $explanation;
    if ($result->code eq 'fail') {
        $explanation = eval { $result->authority_explanation };
        $explanation = "error: $@" if $@;
    }
    return {result => $result->code, explanation => $explanation, detail => "" . $result->text};
}

while (my $line = <STDIN>) {
    chomp $line;
    next if $line eq '';
    my $case = $json->decode($line);
    my $out = eval { check($case) };
    if (!$out) {
        my $error = "$@";
        $error =~ s/\s+$//;
        $out = {result => 'crash', explanation => undef, detail => $error};
    }
    $out->{id} = $case->{id};
    print $json->encode($out), "\n";
}
