package io.github.spfkit.policyd.mta;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One real Postfix instance on loopback, living in a folder of its own: {@code etc/} (main.cf,
 * master.cf), {@code queue/}, {@code data/}, {@code mail/} (virtual mailboxes as mbox files) and
 * {@code maillog}. Started with {@code postfix -c DIR/etc start}, stopped by {@link #close()}.
 * Facts behind this setup: {@code ../shared/mta/README.md}.
 *
 * <p>Without Postfix, or not as root (Postfix's master must start as root), {@link
 * #assumeAvailable()} skips the calling tests with a message, except with {@code CI=true}, where
 * it fails them: CI installs Postfix and runs these tests as root.
 */
final class Postfix implements AutoCloseable {
  private static final Path POSTFIX = Path.of("/usr/sbin/postfix");
  private static final Path SENDMAIL = Path.of("/usr/sbin/sendmail");
  private static final Path POSTQUEUE = Path.of("/usr/sbin/postqueue");

  private final Path dir;
  private boolean running;

  private Postfix(Path dir) {
    this.dir = dir;
  }

  static void assumeAvailable() {
    String why = null;
    if (!Files.isExecutable(POSTFIX)) {
      why = "Postfix is not installed: the tests against a real Postfix cannot run. Install it"
          + " with: echo \"postfix postfix/main_mailer_type select No configuration\" |"
          + " debconf-set-selections; apt-get install -y --no-install-recommends postfix";
    } else if (!"root".equals(System.getProperty("user.name"))) {
      why = "the tests against a real Postfix run as root (Postfix's master starts as root)";
    }
    if (why == null) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + " (CI=true: failing instead of skipping)");
    }
    Assumptions.assumeTrue(false, why);
  }

  /**
   * Writes the configuration and starts the instance.
   *
   * @param dir the instance's folder (created; its parents must be world-traversable)
   * @param main main.cf settings beyond the common ones
   * @param services master.cf lines before the standard services (listeners)
   */
  static Postfix start(Path dir, Map<String, String> main, List<String> services)
      throws IOException, InterruptedException {
    assumeAvailable();
    Files.createDirectories(dir.resolve("etc"));
    Files.createDirectories(dir.resolve("queue"));
    Files.createDirectories(dir.resolve("data"));
    Path mail = Files.createDirectories(dir.resolve("mail"));
    for (Path p = dir; p != null && p.getNameCount() > 1; p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    run(List.of("chown", "65534:65534", mail.toString()));
    // the master creates its lock file in data_directory as the mail owner
    run(List.of("chown", "postfix:postfix", dir.resolve("data").toString()));
    StringBuilder cf = new StringBuilder();
    cf.append("compatibility_level = 3.6\n")
        .append("queue_directory = ").append(dir.resolve("queue")).append('\n')
        .append("data_directory = ").append(dir.resolve("data")).append('\n')
        .append("inet_interfaces = loopback-only\n")
        .append("inet_protocols = ipv4\n")
        .append("mynetworks = 127.0.0.0/8\n")
        .append("mydestination =\n")
        .append("maillog_file = ").append(dir.resolve("maillog")).append('\n')
        .append("maillog_file_prefixes = /var, /dev/stdout, ").append(dir).append('\n')
        .append("smtpd_peername_lookup = no\n")
        .append("smtp_dns_support_level = disabled\n")
        .append("smtp_host_lookup = native\n")
        .append("biff = no\n")
        .append("alias_maps =\n")
        .append("alias_database =\n")
        .append("virtual_mailbox_base = ").append(mail).append('\n')
        .append("virtual_uid_maps = static:65534\n")
        .append("virtual_gid_maps = static:65534\n")
        .append("smtputf8_enable = no\n");
    main.forEach((k, v) -> cf.append(k).append(" = ").append(v).append('\n'));
    Files.writeString(dir.resolve("etc/main.cf"), cf, StandardCharsets.US_ASCII);
    List<String> master = new ArrayList<>(services);
    master.addAll(List.of(
        "pickup unix n - n 60 1 pickup",
        "cleanup unix n - n - 0 cleanup",
        "qmgr unix n - n 300 1 qmgr",
        "rewrite unix - - n - - trivial-rewrite",
        "bounce unix - - n - 0 bounce",
        "defer unix - - n - 0 bounce",
        "trace unix - - n - 0 bounce",
        "verify unix - - n - 1 verify",
        "flush unix n - n 1000? 0 flush",
        "proxymap unix - - n - - proxymap",
        "proxywrite unix - - n - 1 proxymap",
        "smtp unix - - n - - smtp",
        "relay unix - - n - - smtp",
        "showq unix n - n - - showq",
        "error unix - - n - - error",
        "retry unix - - n - - error",
        "discard unix - - n - - discard",
        "local unix - n n - - local",
        "virtual unix - n n - - virtual",
        "anvil unix - - n - 1 anvil",
        "scache unix - - n - 1 scache",
        "postlog unix-dgram n - n - 1 postlogd"));
    Files.write(dir.resolve("etc/master.cf"), master, StandardCharsets.US_ASCII);
    Postfix postfix = new Postfix(dir);
    String out = run(List.of(POSTFIX.toString(), "-c", dir.resolve("etc").toString(), "start"));
    postfix.running = true;
    if (!postfix.awaitLog("daemon started", Duration.ofSeconds(15))) {
      postfix.close();
      fail("postfix did not start:\n" + out + "\n" + postfix.log());
    }
    return postfix;
  }

  Path dir() {
    return dir;
  }

  /** Submits a message as root with {@code sendmail -C DIR/etc -f SENDER RECIPIENT}. */
  void sendmail(String sender, String recipient, String message)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(SENDMAIL.toString(), "-C", dir.resolve("etc").toString(), "-f",
        sender, recipient).redirectErrorStream(true).start();
    p.getOutputStream().write(message.getBytes(StandardCharsets.US_ASCII));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail("sendmail failed: " + out);
    }
  }

  /** Asks the queue manager to retry every deferred message now ({@code postqueue -f}). */
  void flush() throws IOException, InterruptedException {
    run(List.of(POSTQUEUE.toString(), "-c", dir.resolve("etc").toString(), "-f"));
  }

  /**
   * The message in a virtual mailbox (an mbox file) that contains {@code marker}, its mbox
   * {@code From } line dropped; waits for it to be delivered.
   */
  String awaitMessage(String mailbox, String marker, Duration timeout)
      throws IOException, InterruptedException {
    Path mbox = dir.resolve("mail").resolve(mailbox);
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      String text = Files.exists(mbox) ? Files.readString(mbox, StandardCharsets.ISO_8859_1) : "";
      for (String message : ("\n" + text).split("\nFrom ")) {
        if (message.contains(marker)) {
          int eol = message.indexOf('\n');
          return message.substring(eol + 1);
        }
      }
      if (System.nanoTime() > end) {
        fail("no message with " + marker + " in " + mbox + " after " + timeout + "; maillog:\n"
            + log());
      }
      Thread.sleep(50);
    }
  }

  /** Whether the maillog shows {@code text} within the timeout. */
  boolean awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (log().contains(text)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  String log() throws IOException {
    Path log = dir.resolve("maillog");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (!running) {
      return;
    }
    running = false;
    Path pidFile = dir.resolve("queue/pid/master.pid");
    String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
    run(List.of(POSTFIX.toString(), "-c", dir.resolve("etc").toString(), "stop"));
    // the master lingers briefly as a zombie after stop: wait on its status, not on kill -0
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Path status = Path.of("/proc", pid, "status");
    while (!pid.isEmpty() && Files.exists(status) && System.nanoTime() < end) {
      String text = Files.readString(status);
      if (text.contains("State:\tZ")) {
        break;
      }
      Thread.sleep(20);
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command + " did not finish: " + out);
    }
    if (p.exitValue() != 0) {
      fail(command + " exited " + p.exitValue() + ": " + out);
    }
    return out;
  }
}
