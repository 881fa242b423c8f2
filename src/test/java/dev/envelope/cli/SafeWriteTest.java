package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envelope.CliRun;
import dev.envelope.model.EnvelopeException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the tool writes goes through {@link Output#writeAtomically}: a temporary file beside
 * the target, then a rename; nothing existing is replaced without --force; a failure leaves neither
 * a partial file nor the temporary. (InitCommandTest covers init's messages.)
 */
class SafeWriteTest {
  /** Ways of writing a file; only Output (and Main, for the standard streams) may use them. */
  private static final Pattern WRITES = Pattern.compile(
      "Files\\.(write|writeString|newOutputStream|newBufferedWriter|copy|move|createFile)\\b"
          + "|new (FileOutputStream|FileWriter|RandomAccessFile|PrintWriter\\(\\s*(new File|Path|\"))"
          + "|FileChannel\\.open");

  @TempDir Path dir;

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void onlyOutputWritesFiles() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String name = source.getFileName().toString();
        // Training (the launcher's archive run) writes a scratch copy of a bundled example to a
        // new file of Files.createTempFile and deletes it: no file a user named or reads.
        if (name.equals("Output.java") || name.equals("Training.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(source, UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          boolean standardStream = name.equals("Main.java") && line.contains("FileDescriptor.");
          if (WRITES.matcher(line).find() && !standardStream) {
            offenders.add(source + ":" + (i + 1) + ": " + line.strip());
          }
        }
      }
    }
    assertThat(offenders).as("files written other than through Output.writeAtomically").isEmpty();
  }

  @Test
  void aWriteLeavesOnlyTheFileWhole() throws IOException {
    Path target = dir.resolve("req.yaml");
    Output.writeAtomically(target.toString(), "a: 1\n", false);
    assertThat(Files.readString(target, UTF_8)).isEqualTo("a: 1\n");
    Output.writeAtomically(target.toString(), "b: 2\n", true);
    assertThat(Files.readString(target, UTF_8)).isEqualTo("b: 2\n");
    assertThat(files()).containsExactly("req.yaml");
  }

  @Test
  void withoutForceAnExistingFileIsNeverReplaced() throws IOException {
    Path target = dir.resolve("req.yaml");
    Files.writeString(target, "mine\n", UTF_8);
    assertThatThrownBy(() -> Output.writeAtomically(target.toString(), "theirs\n", false))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    assertThat(Files.readString(target, UTF_8)).isEqualTo("mine\n");
    assertThat(files()).containsExactly("req.yaml");
  }

  @Test
  void aFileThatAppearsBeforeTheRenameIsNotReplacedWithoutForce() throws IOException {
    // The existence check and the rename are two steps; the rename itself refuses a target that
    // another process created in between.
    Path temporary = dir.resolve(".req.yaml.1.tmp");
    Path target = dir.resolve("req.yaml");
    Files.writeString(temporary, "new\n", UTF_8);
    Files.writeString(target, "appeared\n", UTF_8);
    assertThatThrownBy(() -> Output.move(temporary, target, false)).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(target, UTF_8)).isEqualTo("appeared\n");
  }

  @Test
  void anUnwritableTargetExitsFourAndLeavesNoTemporary() throws IOException {
    // An empty directory in the target's place: the temporary is written, the rename over a
    // directory fails, and the temporary is removed.
    Path target = dir.resolve("req.yaml");
    Files.createDirectory(target);
    CliRun run = CliRun.run("init", "--force", target.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).as(run.toString()).startsWith("envelope: " + target + ": cannot write: ");
    assertThat(files()).containsExactly("req.yaml");
    assertThat(Files.isDirectory(target)).isTrue();
  }

  @Test
  void aTargetInAMissingDirectoryExitsFourAndCreatesNothing() throws IOException {
    CliRun run = CliRun.run("init", "--example", "twitter", dir.resolve("missing/deeper/req.yaml").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(files()).isEmpty();
  }
}
