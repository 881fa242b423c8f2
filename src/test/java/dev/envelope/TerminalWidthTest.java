package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.render.Fit;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At 80 columns nothing envelope prints is wider than 80 display columns: every command on every
 * bundled example, and the commands that take no file, run by the shipped launcher
 * (src/dist/bin/envelope) in a pseudo-terminal of 80 columns (util-linux's {@code script}), so the
 * width goes the way a user's does: the launcher reads it with {@code stty size} and passes it on.
 * Standard output and standard error are both on the terminal and both measured. Where there is no
 * util-linux {@code script}, the launcher runs with COLUMNS=80 and its output piped, which takes the
 * same path from the launcher on. The JSON Schema ({@code schema}) is data, printed the same at
 * every width, and is not run.
 */
class TerminalWidthTest {
  private static final int WIDTH = 80;

  @TempDir static Path home;

  /** The launcher's installation: lib/ holds one jar whose manifest names this build's class path. */
  @BeforeAll
  static void installation() throws IOException {
    Path lib = Files.createDirectories(home.resolve("lib"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    String path = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(p -> Path.of(p).toAbsolutePath().toUri().toString())
        .collect(Collectors.joining(" "));
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, path);
    try (OutputStream out = Files.newOutputStream(lib.resolve("envelope.jar"));
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      // the manifest is all it holds
    }
  }

  /** The commands run on each example file F. */
  private static final List<String> ON_A_FILE = List.of(
      "estimate F", "estimate F --summary", "estimate F --scenarios", "qps F", "storage F", "bandwidth F",
      "shards F", "explain F", "check F", "validate F", "sensitivity F", "sla F",
      "sweep F --vary users.dau=1M,10M", "diff F examples/twitter.yaml");

  /** The commands that take no file. */
  private static final List<String> ALONE = List.of(
      "sla", "sla 99.9% 4", "reference", "keyspace --alphabet base62 --length 7 --keys 365B --rate 1K/s",
      "init", "init --minimal", "--help", "estimate --help");

  @Test
  void nothingIsWiderThanTheTerminal() throws Exception {
    List<List<String>> sessions = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        sessions.add(ON_A_FILE.stream().map(c -> c.replace("F", f.toString())).toList());
      }
    }
    sessions.add(ALONE);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (List<String> commands : sessions) {
        runs.add(pool.submit(() -> session(commands)));
      }
      List<String> wide = new ArrayList<>();
      int lines = 0;
      for (Future<String> run : runs) {
        String command = "";
        for (String line : run.get(10, TimeUnit.MINUTES).split("\n")) {
          String shown = line.replaceAll("\u001b\\[[0-9;]*m", "").replace("\r", "");
          if (shown.startsWith("$ envelope ")) {
            command = shown;
            continue;
          }
          lines++;
          if (Fit.width(shown) > WIDTH) {
            wide.add(command + "\n" + Fit.width(shown) + ": " + shown);
          }
        }
      }
      assertThat(lines).as("lines printed").isGreaterThan(2000);
      assertThat(wide).as("lines wider than %d columns", WIDTH).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theLauncherGivesTheWidthAsAWholeNumberOfColumns() {
    assertThat(Main.columns("80")).isEqualTo(80);
    assertThat(Main.columns(null)).isZero();
    assertThat(Main.columns("")).isZero();
    assertThat(Main.columns("-1")).isZero();
    assertThat(Main.columns("wide")).isZero();
    assertThat(Main.columns("99999")).isZero();
  }

  /** The output of {@code commands}, run one after another in one terminal, each after a line naming it. */
  private static String session(List<String> commands) throws IOException, InterruptedException {
    StringBuilder script = new StringBuilder();
    boolean pty = PTY;
    if (pty) {
      script.append("stty cols ").append(WIDTH).append(" rows 24\n");
    }
    for (String command : commands) {
      script.append("echo '$ envelope ").append(command).append("'\n");
      script.append("src/dist/bin/envelope ").append(command).append(" 2>&1 </dev/null\n");
    }
    Path file = Files.createTempFile(home, "session", ".sh");
    Files.writeString(file, script.toString(), StandardCharsets.UTF_8);
    ProcessBuilder builder = pty
        ? new ProcessBuilder("script", "-q", "-c", "sh " + file, "/dev/null")
        : new ProcessBuilder("sh", file.toString());
    Map<String, String> env = builder.environment();
    env.remove("COLUMNS");
    if (!pty) {
      env.put("COLUMNS", String.valueOf(WIDTH));
    }
    env.put("ENVELOPE_APP_HOME", home.toString());
    env.put("ENVELOPE_CDS", "off");
    env.put("TERM", "xterm");
    env.remove("NO_COLOR");
    builder.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.MINUTES);
    return out;
  }

  private static final boolean PTY = utilLinuxScript();

  /** Whether util-linux's script (which takes -c COMMAND) is on the PATH. */
  private static boolean utilLinuxScript() {
    try {
      Process p = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 && version.contains("util-linux");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
