package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import dev.envelope.model.FileSpec;
import dev.envelope.render.StarterFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path dir;

  /** The files in {@code dir}, by name. */
  List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static List<String> exampleNames() throws IOException {
    try (Stream<Path> list = Files.list(Path.of("examples"))) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
    }
  }

  @Test
  void withoutAFileItPrintsTheStarterFile() {
    CliRun run = CliRun.run("init");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(StarterFile.render());
    assertThat(run.err()).isEmpty();
    assertThat(CliRun.run("init", "-").out()).isEqualTo(run.out());
  }

  @Test
  void theStarterFileEstimatesAndValidatesAsWritten() throws IOException {
    Path file = dir.resolve("req.yaml");
    CliRun init = CliRun.run("init", file.toString());
    assertThat(init.exitCode()).as(init.toString()).isZero();
    assertThat(init.out()).isEqualTo("wrote " + file + "; next: envelope estimate " + file + "\n");

    CliRun estimate = CliRun.run("estimate", file.toString(), "-o", "json");
    assertThat(estimate.exitCode()).as(estimate.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(estimate.out());
    // 1M users x 2 writes a day, 10 reads per write, over an 86,400 s day, peak 2 x average:
    // writes 2M/day = 23.148/s; reads 20M/day = 231.48/s; total peak (2M + 20M) / 86,400 x 2 = 509.26/s.
    assertThat(json.at("/traffic/total/peak_per_second").asDouble()).isCloseTo(509.26, org.assertj.core.data.Offset.offset(0.01));
    // 2M writes a day x 1 KB x 365 days x 5 years = 3.65 TB retained.
    assertThat(json.at("/storage/bytes_retained").asDouble()).isCloseTo(3.65e12, org.assertj.core.data.Offset.offset(1e6));
    // ceil(509.26 / (1000 x 70%)) = 1 server.
    assertThat(json.at("/capacity/servers").asInt()).isEqualTo(1);

    CliRun validate = CliRun.run("validate", file.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
  }

  @Test
  void theStarterFileListsEveryKey() {
    String text = StarterFile.render();
    for (String path : FileSpec.inputPaths()) {
      String key = path.substring(path.lastIndexOf('.') + 1);
      assertThat(text).as(path).containsPattern("(?m)^ *#? *" + key + ":");
    }
    for (FileSpec.Field f : FileSpec.ROOT.fields()) {
      assertThat(text).as(f.key()).containsPattern("(?m)^#?" + f.key() + ":");
    }
  }

  @Test
  void theStarterFileShowsEachDefault() {
    String text = StarterFile.render();
    assertThat(text).contains("#peak_factor: 2 ", "#replication: 3 ", "#overhead: 0% ", "#hot_fraction: 20% ",
        "#utilization: 70% ", "#calendar: sre ", "#seconds_per_day: 86400 ", "#units: si ");
  }

  @Test
  void anExistingFileIsLeftAloneWithoutForce() throws IOException {
    Path file = dir.resolve("req.yaml");
    Files.writeString(file, "mine\n", UTF_8);
    CliRun run = CliRun.run("init", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("envelope: " + file
        + ": already exists; expected a new file name, or --force to overwrite it\n");
    assertThat(Files.readString(file, UTF_8)).isEqualTo("mine\n");
    assertThat(files()).containsExactly("req.yaml");
  }

  @Test
  void forceOverwritesAnExistingFile() throws IOException {
    Path file = dir.resolve("req.yaml");
    Files.writeString(file, "mine\n", UTF_8);
    CliRun run = CliRun.run("init", "--force", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(file, UTF_8)).isEqualTo(StarterFile.render());
    assertThat(files()).containsExactly("req.yaml");
  }

  @Test
  void anExampleIsCopiedAsItIs() throws IOException {
    Path file = dir.resolve("twitter.yaml");
    CliRun run = CliRun.run("init", "--example", "twitter", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(file, UTF_8)).isEqualTo(Files.readString(Path.of("examples/twitter.yaml"), UTF_8));
    assertThat(CliRun.run("init", "--example", "pastebin").out())
        .isEqualTo(Files.readString(Path.of("examples/pastebin.yaml"), UTF_8));
  }

  @Test
  void everyFileInExamplesIsBundled() throws IOException {
    assertThat(BundledExamples.names()).isEqualTo(exampleNames()).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void anUnknownExampleListsTheNamesAndWritesNothing() throws IOException {
    Path file = dir.resolve("req.yaml");
    CliRun run = CliRun.run("init", "--example", "twiter", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("envelope: --example twiter: no such example; expected one of: "
        + String.join(", ", exampleNames()) + "\n");
    assertThat(files()).isEmpty();
  }

  @Test
  void helpListsTheExamplesAndShowsAnExample() throws IOException {
    CliRun run = CliRun.run("init", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(exampleNames()).contains("Example:", "Exit codes:");
  }

  @Test
  void aFileInAMissingDirectoryExitsFourAndLeavesNothing() throws IOException {
    Path file = dir.resolve("no/such/req.yaml");
    CliRun run = CliRun.run("init", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).startsWith("envelope: " + file + ": cannot write: ");
    assertThat(run.out()).isEmpty();
    assertThat(files()).isEmpty();
  }

  @Test
  void aFileUnderAFileExitsFourAndLeavesNothing() throws IOException {
    Files.writeString(dir.resolve("plain"), "x", UTF_8);
    CliRun run = CliRun.run("init", dir.resolve("plain/req.yaml").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(files()).containsExactly("plain");
  }

  @Test
  void aNonEmptyDirectoryIsRefusedAndLeftAsItIs() throws IOException {
    // Refused before anything is written: no temporary file is made beside it.
    Path target = dir.resolve("taken");
    Files.createDirectories(target.resolve("inside"));
    CliRun run = CliRun.run("init", "--force", target.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).isEqualTo("envelope: " + target
        + ": is a directory; expected a new file name, or a regular file to overwrite with --force\n");
    assertThat(files()).containsExactly("taken");
    assertThat(Files.isDirectory(target.resolve("inside"))).isTrue();
  }

  @Test
  void initOfTheRootDirectoryIsAnErrorNotABug() {
    for (String[] args : List.of(new String[] {"init", "/"}, new String[] {"init", "/", "--force"},
        new String[] {"init", "--example", "twitter", "/", "--force"})) {
      CliRun run = CliRun.run(args);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
      assertThat(run.err()).as(run.toString()).startsWith("envelope: /: is a directory; ").doesNotContain("internal error");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void aNewDirectoryNameWithASlashMakesNoFile() throws IOException {
    String name = dir.resolve("newdir") + "/";
    CliRun run = CliRun.run("init", name);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).isEqualTo("envelope: " + name
        + ": ends in /, which names a directory; expected a new file name, or a regular file to overwrite with --force\n");
    assertThat(files()).isEmpty();
  }

  @Test
  void anEmptyFileNameIsABadCommandLine() throws IOException {
    CliRun run = CliRun.run("init", "");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("envelope: an empty file name; expected a file name, or - to print\n");
  }

  @Test
  void noTemporaryFileIsLeftAfterWriting() throws IOException {
    CliRun.run("init", dir.resolve("a.yaml").toString());
    CliRun.run("init", "--force", dir.resolve("a.yaml").toString());
    assertThat(files()).containsExactly("a.yaml");
  }
}
