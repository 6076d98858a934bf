package io.github.spfkit.examples.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application ({@code src/test/modular-app}: {@code requires io.github.spfkit.dns;
 * requires io.github.spfkit.diagnosis;}) compiled against the packaged jars and their runtime
 * dependencies, and run with {@code java --module-path} and no class path, as the root README
 * tells users to. The module descriptors alone must resolve everything the library needs at run
 * time (mime4j's commons-io included).
 */
final class ModulePathIT {
  @TempDir static Path classes;

  private static List<String> modulePath() {
    String path = System.getProperty("spf.modulePath", "");
    assertThat(path).as("the build passes the packaged jars as spf.modulePath").isNotBlank();
    List<String> jars = List.of(path.split(File.pathSeparator));
    assertThat(jars).allSatisfy(jar -> assertThat(Path.of(jar)).isRegularFile());
    return jars;
  }

  @BeforeAll
  static void compileTheApplication() throws IOException {
    Path sources = Path.of(System.getProperty("spf.modularApp", "src/test/modular-app"));
    List<String> args = new ArrayList<>(List.of(
        "--release", "17", "-d", classes.toString(),
        "--module-path", String.join(File.pathSeparator, modulePath())));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(file -> file.toString().endsWith(".java")).forEach(file -> args.add(file.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac's status").isZero();
  }

  @Test
  void checksASenderAndDiagnosesTheDemoBounceOnTheModulePathAlone() throws Exception {
    List<String> modulePath = new ArrayList<>(modulePath());
    modulePath.add(classes.toString());
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", String.join(File.pathSeparator, modulePath),
        "--module", "com.example.mail/com.example.mail.Main",
        "demo/demo.zone", "demo/bounce-5.7.23.eml");
    Path out = Files.createTempFile(classes, "out", ".txt");
    Path err = Files.createTempFile(classes, "err", ".txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the application finished").isTrue();
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);

    assertThat(stderr).doesNotContain("Exception").doesNotContain("Error:");
    assertThat(process.exitValue()).as("exit status; standard error:%n%s", stderr).isZero();
    assertThat(stdout.lines()).containsExactly(
        "named module: com.example.mail",
        "class path: []",
        "check: pass by ip4:192.0.2.0/26",
        "diagnosis: IP_NOT_AUTHORIZED for 203.0.113.25",
        "proposed: v=spf1 mx ip4:192.0.2.0/26 include:_spf.mailer.example.net ip4:203.0.113.25 -all");
  }
}
