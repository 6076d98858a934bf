package com.example.mail;

import io.github.spfkit.core.SpfChecker;
import io.github.spfkit.core.SpfResult;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.diagnosis.BounceDiagnoser;
import io.github.spfkit.diagnosis.Diagnosis;
import io.github.spfkit.dns.CachingLookup;
import io.github.spfkit.dns.DnsJavaLookup;
import io.github.spfkit.dns.ZoneFileLookup;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a sender and diagnoses a bounce: {@code Main ZONE BOUNCE}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    System.out.println("named module: " + Main.class.getModule().getName());
    System.out.println("class path: [" + System.getProperty("java.class.path") + "]");

    // dnsjava is loaded too, though this run answers from the zone file alone
    DnsJavaLookup.builder().server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53)).build();

    DnsLookup dns = CachingLookup.of(ZoneFileLookup.load(Path.of(args[0])));
    SpfResult result =
        SpfChecker.builder().dns(dns).build().check()
            .ip("192.0.2.40").mailFrom("alice@example.com").helo("mail.example.com").evaluate();
    System.out.println("check: " + result.result().token() + " by " + result.match());

    Diagnosis diagnosis;
    try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
      diagnosis = BounceDiagnoser.builder().dns(dns).build().diagnose(in);
    }
    System.out.println("diagnosis: " + diagnosis.cause() + " for " + diagnosis.ip());
    System.out.println("proposed: " + diagnosis.proposedRecord());
  }
}
