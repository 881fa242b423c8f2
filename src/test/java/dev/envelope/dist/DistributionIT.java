package dev.envelope.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The assembled archives, as a user gets them: unpacked (the zip with its file modes), then
 * {@code bin/envelope estimate examples/twitter.yaml} run through the shipped launcher, first
 * without its class-data sharing archive, then with the archive it recorded, then with a truncated,
 * a stale and a corrupt one; every run prints what the in-process run prints and nothing else, and
 * leaves nothing in the working directory. Also: standard input closed, and the launcher's own
 * failures (exit code 70). Run by the
 * dist profile (maven-failsafe-plugin) after JReleaser has assembled them; further JDKs to run the
 * launcher on may be listed in ENVELOPE_TEST_JAVA_HOMES (separated by ':').
 */
class DistributionIT {
  static final String VERSION = System.getProperty("envelope.version");
  static final Path ARCHIVES = Path.of(System.getProperty("envelope.archives", "target/jreleaser/assemble/envelope/java-archive"));
  static final Path JLINK = Path.of(System.getProperty("envelope.jlink", "target/jreleaser/assemble/envelope-standalone/jlink"));
  static final String[] ESTIMATE = {"estimate", "examples/twitter.yaml"};

  record Run(int exit, String out, String err) {}

  static Stream<String[]> archivesAndJdks() {
    List<String> jdks = new ArrayList<>();
    jdks.add(System.getProperty("java.home"));
    String more = System.getenv("ENVELOPE_TEST_JAVA_HOMES");
    if (more != null) {
      for (String jdk : more.split(":")) {
        if (!jdk.isBlank() && Files.isExecutable(Path.of(jdk, "bin", "java"))) {
          jdks.add(jdk);
        }
      }
    }
    List<String[]> cases = new ArrayList<>();
    for (String format : List.of("zip", "tgz")) {
      for (String jdk : jdks) {
        cases.add(new String[] {format, jdk});
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("archivesAndJdks")
  void unpackedArchiveRunsTheEstimateThroughItsLauncher(String format, String javaHome, @TempDir Path tmp) throws Exception {
    Path archive = ARCHIVES.resolve("envelope-" + VERSION + "." + format);
    assertThat(archive).exists();
    Path home = unpack(archive, tmp.resolve("unpacked")).resolve("envelope-" + VERSION);
    assertThat(home.resolve("bin/envelope")).isExecutable();
    for (String file : List.of("LICENSE", "NOTICE", "README.md", "bin/envelope.bat", "lib/envelope.jar",
        "completion/envelope.bash", "completion/envelope.zsh", "examples/twitter.yaml", "man/man1/envelope.1",
        "man/man1/envelope-estimate.1")) {
      assertThat(home.resolve(file)).as(file).isRegularFile();
    }

    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", javaHome);
    env.put("HOME", tmp.toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    env.put("PATH", System.getenv("PATH"));
    String expected = CliRun.run(ESTIMATE).out();
    Path cache = tmp.resolve("cache/envelope");

    // First use: no archive yet; one is recorded in the background.
    assertPrintsOnly(expected, run(home, env, ESTIMATE));
    Path recorded = awaitArchive(cache);
    assertThat(validated(recorded)).as("the check's mark beside the archive").isRegularFile();

    // Second use: the classes come from the archive.
    Path classLog = tmp.resolve("class-load.log");
    Map<String, String> logging = new HashMap<>(env);
    logging.put("ENVELOPE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
    assertPrintsOnly(expected, run(home, logging, ESTIMATE));
    assertThat(Files.readString(classLog)).contains("dev.envelope.Main source: shared objects file");

    // Truncated to half its size, as a full disk leaves a file (JDK 17 used to die of SIGBUS on it,
    // its crash report on stdout and an hs_err file in the working directory): never mapped,
    // deleted, and recorded again, whole.
    truncateToHalf(recorded);
    assertPrintsOnly(expected, run(home, env, ESTIMATE));
    recorded = awaitArchive(cache);
    Files.delete(classLog);
    assertPrintsOnly(expected, run(home, logging, ESTIMATE));
    assertThat(Files.readString(classLog)).contains("dev.envelope.Main source: shared objects file");

    // The same from a launcher that did not check its archives (no mark beside it), with the
    // archive's time left as it was.
    FileTime recordedAt = Files.getLastModifiedTime(recorded);
    Files.delete(validated(recorded));
    truncateToHalf(recorded);
    Files.setLastModifiedTime(recorded, recordedAt);
    assertPrintsOnly(expected, run(home, env, ESTIMATE));
    recorded = awaitArchive(cache);

    // A jar newer than the archive: it is dropped (and recorded again), never used stale.
    Files.setLastModifiedTime(home.resolve("lib/envelope.jar"), FileTime.fromMillis(Files.getLastModifiedTime(recorded).toMillis() + 2000));
    assertPrintsOnly(expected, run(home, env, ESTIMATE));
    recorded = awaitArchive(cache);

    // An archive the JVM refuses is skipped without a word: one that passed the launcher's
    // check (its mark newer than it) and that the JVM finds corrupt all the same.
    Files.write(recorded, "not an archive".getBytes(StandardCharsets.UTF_8));
    long jar = Files.getLastModifiedTime(home.resolve("lib/envelope.jar")).toMillis();
    Files.setLastModifiedTime(recorded, FileTime.fromMillis(jar + 2000));
    Files.setLastModifiedTime(validated(recorded), FileTime.fromMillis(jar + 4000));
    assertPrintsOnly(expected, run(home, env, ESTIMATE));

    // Without the cache directory's being writable, it runs all the same.
    Map<String, String> noCache = new HashMap<>(env);
    noCache.put("XDG_CACHE_HOME", "/proc/envelope-cache");
    assertPrintsOnly(expected, run(home, noCache, ESTIMATE));

    Run version = run(home, env, "--version");
    assertThat(version.exit()).as(version.toString()).isZero();
    assertThat(version.out()).as(version.toString()).startsWith("envelope " + VERSION);
    assertPrintsOnly(CliRun.run("--help").out(), run(home, env, "--help"));

    // Standard input closed: said so, not the JVM's own lib/modules read as the file.
    Run closed = runWithStdinClosed(home, env, "estimate", "-");
    assertThat(closed.exit()).as(closed.toString()).isEqualTo(4);
    assertThat(closed.err()).as(closed.toString()).isEqualTo("envelope: cannot read standard input (it is closed)\n");
    assertThat(closed.out()).as(closed.toString()).isEmpty();
    Map<String, String> noArchive = new HashMap<>(env);
    noArchive.put("ENVELOPE_CDS", "off");
    assertThat(runWithStdinClosed(home, noArchive, "estimate", "-").exit()).isEqualTo(4);

    // No crash, and nothing of the JVM's, in the working directory; and no recording left running
    // when the temporary directory is deleted.
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(f -> f.startsWith("hs_err") || f.startsWith("replay_pid") || f.startsWith("core"));
    }
    awaitArchive(cache);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archivesAndJdks")
  void theLaunchersOwnFailuresExitWith70(String format, String javaHome, @TempDir Path tmp) throws Exception {
    if (!javaHome.equals(System.getProperty("java.home"))) {
      return; // nothing here depends on the JDK
    }
    Path home = unpack(ARCHIVES.resolve("envelope-" + VERSION + "." + format), tmp.resolve("unpacked")).resolve("envelope-" + VERSION);
    Map<String, String> env = new HashMap<>();
    env.put("HOME", tmp.toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    env.put("PATH", "/usr/bin:/bin");

    env.put("JAVA_HOME", tmp.resolve("no-jdk").toString());
    assertFailsWith70(run(home, env, ESTIMATE), "envelope: JAVA_HOME is " + tmp.resolve("no-jdk")
        + ", which has no bin/java; envelope needs Java 17 or newer\n");

    // A Java 11 that would run if asked: the launcher reads its release file and refuses it.
    Path jdk11 = Files.createDirectories(tmp.resolve("jdk11/bin"));
    Files.writeString(jdk11.resolve("java"), "#!/bin/sh\necho ran >&2\nexit 1\n");
    jdk11.resolve("java").toFile().setExecutable(true);
    Files.writeString(tmp.resolve("jdk11/release"), "JAVA_VERSION=\"11.0.22\"\nJAVA_RUNTIME_VERSION=\"11.0.22+7\"\n");
    env.put("JAVA_HOME", tmp.resolve("jdk11").toString());
    assertFailsWith70(run(home, env, ESTIMATE), "envelope: " + jdk11.resolve("java")
        + " is Java 11.0.22+7; envelope needs Java 17 or newer (set JAVA_HOME to one)\n");

    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("ENVELOPE_APP_HOME", tmp.resolve("nowhere").toString());
    assertFailsWith70(run(home, env, ESTIMATE), "envelope: ENVELOPE_APP_HOME is " + tmp.resolve("nowhere")
        + ", which holds no envelope.jar and no lib/*.jar\n");
    assertThat(tmp.resolve("cache")).doesNotExist();
  }

  /**
   * The self-contained archive (linux-x86_64), unpacked and run by a user without Java: no java on
   * the PATH, no JAVA_HOME. The first run already takes envelope's classes from the archive recorded
   * at package time, and nothing is written in the installation or the cache directory; a corrupt
   * archive is skipped without a word, and a stale or missing one falls back to one recorded under
   * the cache directory, as the java-archive's launcher does.
   */
  @Test
  void selfContainedArchiveRunsOnItsOwnRuntimeAndArchive(@TempDir Path tmp) throws Exception {
    String name = "envelope-" + VERSION + "-linux-x86_64";
    Path archive = JLINK.resolve(name + ".tar.gz");
    assertThat(archive).exists();
    Path home = unpack(archive, tmp.resolve("unpacked")).resolve(name);
    assertThat(home.resolve("bin/envelope")).isExecutable();
    assertThat(home.resolve("bin/java")).isExecutable();
    for (String file : List.of("LICENSE", "NOTICE", "README.md", "release", "lib/modules", "lib/server/classes.jsa",
        "app/envelope.jar", "completion/envelope.bash", "completion/envelope.zsh", "examples/twitter.yaml",
        "man/man1/envelope.1", "man/man1/envelope-estimate.1")) {
      assertThat(home.resolve(file)).as(file).isRegularFile();
    }
    String javaVersion = Files.readAllLines(home.resolve("release")).stream()
        .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElseThrow().replaceAll("^JAVA_VERSION=\"|\"$", "");
    int major = Integer.parseInt(javaVersion.replaceAll("[^0-9].*", ""));
    Path bundled = home.resolve(major >= 25 ? "app/envelope.aot" : "app/envelope.jsa");
    assertThat(bundled).isRegularFile();
    assertThat(validated(bundled)).isRegularFile();

    Map<String, String> env = new HashMap<>();
    env.put("HOME", tmp.toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    env.put("PATH", pathWithoutJava(tmp.resolve("path")).toString());
    Path cache = tmp.resolve("cache/envelope");
    String expected = CliRun.run(ESTIMATE).out();
    Map<String, String> installed = snapshot(home);

    // First use: envelope's classes come from the bundled archive at once.
    Path classLog = tmp.resolve("class-load.log");
    Map<String, String> logging = new HashMap<>(env);
    logging.put("ENVELOPE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
    assertPrintsOnly(expected, run(home, logging, ESTIMATE));
    assertThat(Files.readString(classLog)).contains("dev.envelope.Main source: shared objects file");
    assertPrintsOnly(CliRun.run("--help").out(), run(home, env, "--help"));
    assertPrintsOnly(CliRun.run("sla", "99.9%").out(), run(home, env, "sla", "99.9%"));
    // Its own runtime, whatever JAVA_HOME says.
    Map<String, String> otherJava = new HashMap<>(env);
    otherJava.put("JAVA_HOME", tmp.resolve("no-jdk").toString());
    Run version = run(home, otherJava, "--version");
    assertThat(version.exit()).as(version.toString()).isZero();
    assertThat(version.out()).as(version.toString()).startsWith("envelope " + VERSION).contains("Java " + javaVersion);
    // Nothing written, in the installation or under the cache directory.
    assertThat(snapshot(home)).isEqualTo(installed);
    assertThat(tmp.resolve("cache")).doesNotExist();

    // Corrupt, with the times the package gave it: the JVM refuses it, without a word.
    FileTime recordedAt = Files.getLastModifiedTime(bundled);
    bundled.toFile().setWritable(true);
    Files.write(bundled, "not an archive".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(bundled, recordedAt);
    assertPrintsOnly(expected, run(home, env, ESTIMATE));

    // Stale (a jar newer than it): not used; one is recorded under the cache directory instead.
    Files.setLastModifiedTime(home.resolve("app/envelope.jar"), FileTime.fromMillis(recordedAt.toMillis() + 2000));
    assertPrintsOnly(expected, run(home, env, ESTIMATE));
    awaitArchive(cache);
    Files.delete(classLog);
    assertPrintsOnly(expected, run(home, logging, ESTIMATE));
    assertThat(Files.readString(classLog)).contains("dev.envelope.Main source: shared objects file");

    // Missing: the same.
    Files.delete(bundled);
    deleteTree(cache);
    assertPrintsOnly(expected, run(home, env, ESTIMATE));
    awaitArchive(cache);

    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(f -> f.startsWith("hs_err") || f.startsWith("replay_pid") || f.startsWith("core"));
    }
    deleteTree(tmp.resolve("path")); // links out of the temporary directory, which JUnit warns about
  }

  /**
   * README.md's commands that unpack the self-contained archive and run it, as a user without Java
   * runs them (HOME a temporary directory, no java on the PATH), from the repository's root.
   */
  @Test
  void readmesCommandsInstallTheSelfContainedArchive(@TempDir Path tmp) throws Exception {
    List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    int at = -1;
    for (int i = 0; i < readme.size(); i++) {
      if (readme.get(i).contains("envelope-standalone/jlink/")) {
        at = i;
        break;
      }
    }
    assertThat(at).as("README.md's commands for the self-contained archive").isNotNegative();
    int start = at;
    while (!readme.get(start).equals("```sh")) {
      start--;
    }
    int end = at;
    while (!readme.get(end).equals("```")) {
      end++;
    }
    String script = String.join("\n", readme.subList(start + 1, end));
    Map<String, String> env = new HashMap<>();
    env.put("HOME", tmp.toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    env.put("PATH", pathWithoutJava(tmp.resolve("path"), "mkdir", "tar", "gzip").toString());
    Run run = run(List.of("/bin/bash", "-euo", "pipefail", "-c", script), Path.of("").toAbsolutePath(), env);
    assertPrintsOnly(CliRun.run(ESTIMATE).out(), run);
    deleteTree(tmp.resolve("path"));
  }

  /** The commands the launcher runs besides the JVM (and its background recording). */
  static final List<String> LAUNCHER_COMMANDS = List.of("cksum", "find", "mkdir", "mv", "readlink", "rm", "rmdir", "sed", "stty", "wc");

  /** A directory for PATH holding links to the commands the launcher runs, and no java. */
  static Path pathWithoutJava(Path dir, String... more) throws IOException {
    Files.createDirectories(dir);
    for (String command : Stream.concat(LAUNCHER_COMMANDS.stream(), Stream.of(more)).distinct().toList()) {
      Path found = Stream.of("/usr/bin", "/bin").map(bin -> Path.of(bin, command)).filter(Files::isExecutable)
          .findFirst().orElseThrow(() -> new AssertionError(command + " is in neither /usr/bin nor /bin"));
      Files.createSymbolicLink(dir.resolve(command), found);
    }
    return dir;
  }

  /** Every file under DIR with its size and time. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path file : all.toList()) {
        files.put(dir.relativize(file).toString(), Files.isDirectory(file) ? "dir"
            : Files.size(file) + " " + Files.getLastModifiedTime(file));
      }
    }
    return files;
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path file : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  static void assertFailsWith70(Run run, String message) {
    assertThat(run.exit()).as(run.toString()).isEqualTo(70);
    assertThat(run.err()).as(run.toString()).isEqualTo(message);
    assertThat(run.out()).as(run.toString()).isEmpty();
  }

  /** The file the launcher writes beside an archive once a JVM has mapped and verified it. */
  static Path validated(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".ok");
  }

  static void truncateToHalf(Path archive) throws IOException {
    // Recorded read-only by the JVM on JDK 17; a full disk leaves whatever it likes.
    archive.toFile().setWritable(true);
    try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
  }

  /** Runs the launcher with its standard input closed ({@code <&-}), which ProcessBuilder cannot do. */
  static Run runWithStdinClosed(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" <&-", home.resolve("bin/envelope").toString()));
    command.addAll(List.of(args));
    return run(command, home, env);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archivesAndJdks")
  void bashCompletesCommandsAndOptions(String format, String javaHome, @TempDir Path tmp) throws Exception {
    if (!javaHome.equals(System.getProperty("java.home"))) {
      return; // the script does not depend on the JDK
    }
    Path home = unpack(ARCHIVES.resolve("envelope-" + VERSION + "." + format), tmp).resolve("envelope-" + VERSION);
    // compopt works only inside a completion that bash itself started; here it has nothing to do.
    String script = "source " + home.resolve("completion/envelope.bash") + "\ncompopt() { :; }\n"
        + "COMP_WORDS=(envelope est); COMP_CWORD=1; _complete_envelope; echo \"${COMPREPLY[@]}\"\n"
        + "COMP_WORDS=(envelope estimate --sce); COMP_CWORD=2; _complete_envelope; echo \"${COMPREPLY[@]}\"\n";
    Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(out).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).as(out).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("estimate");
    assertThat(lines.get(1).split(" ")).containsExactlyInAnyOrder("--scenario", "--scenarios");
  }

  static void assertPrintsOnly(String expected, Run run) {
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).isEqualTo(expected);
  }

  /** Waits for the launcher's background recording to finish (a bound, not a timing check). */
  static Path awaitArchive(Path cache) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.isDirectory(cache)) {
        try (Stream<Path> files = Files.list(cache)) {
          List<Path> all = files.toList();
          List<Path> archives = all.stream().filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot")).toList();
          boolean busy = all.stream().anyMatch(f -> f.toString().endsWith(".lock"));
          if (!busy && archives.size() == 1) {
            return archives.get(0);
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no archive recorded in " + cache);
  }

  static Run run(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/envelope").toString());
    command.addAll(List.of(args));
    return run(command, home, env);
  }

  static Run run(List<String> command, Path home, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Path out = Files.createTempFile("envelope-out", ".txt");
    Path err = Files.createTempFile("envelope-err", ".txt");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      int exit = process.waitFor();
      return new Run(exit, Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Unpacks a zip (keeping its Unix modes, as unzip does) or a tar.gz (with tar). */
  static Path unpack(Path archive, Path into) throws IOException, InterruptedException {
    Files.createDirectories(into);
    if (archive.toString().endsWith(".zip")) {
      try (FileSystem zip = FileSystems.newFileSystem(archive, Map.of("enablePosixFileAttributes", "true"))) {
        Path root = zip.getPath("/");
        try (Stream<Path> entries = Files.walk(root)) {
          for (Path entry : entries.toList()) {
            Path target = into.resolve(root.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
              Files.createDirectories(target);
            } else {
              Files.copy(entry, target);
              PosixFileAttributes attributes = Files.getFileAttributeView(entry, PosixFileAttributeView.class).readAttributes();
              Files.setPosixFilePermissions(target, attributes.permissions());
            }
          }
        }
      }
    } else {
      Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString()).directory(into.toFile()).inheritIO().start();
      assertThat(tar.waitFor()).isZero();
    }
    return into;
  }
}
