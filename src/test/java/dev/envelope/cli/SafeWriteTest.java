package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envelope.CliRun;
import dev.envelope.diagnostic.EnvelopeException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the tool writes goes through {@link Output#writeAtomically}: a temporary file beside
 * the target, then a rename; nothing existing is replaced without --force, and with it only a
 * regular file or a symbolic link (the link itself); a failure leaves neither a partial file nor
 * the temporary. (InitCommandTest covers init's messages.)
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
  void aDirectoryIsRefusedWithOrWithoutForceAndNothingIsWritten() throws IOException {
    Path target = dir.resolve("req.yaml");
    Files.createDirectory(target);
    for (String[] args : List.of(new String[] {"init", "--force", target.toString()}, new String[] {"init", target.toString()})) {
      CliRun run = CliRun.run(args);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
      assertThat(run.err()).as(run.toString()).isEqualTo("envelope: " + target
          + ": is a directory; expected a new file name, or a regular file to overwrite with --force\n");
      assertThat(run.out()).isEmpty();
    }
    assertThat(files()).containsExactly("req.yaml");
    assertThat(Files.isDirectory(target)).isTrue();
  }

  @Test
  void theTemporaryIsRemovedWhenTheRenameFails() throws IOException {
    // The last step alone: the temporary is written, the rename into a directory that is not
    // there fails, and the temporary goes.
    Path temporary = dir.resolve(".req.yaml.1.tmp");
    Files.writeString(temporary, "new\n", UTF_8);
    Path target = dir.resolve("gone/req.yaml");
    assertThatThrownBy(() -> Output.install(target.toString(), temporary, target, true))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessage(target + ": cannot write: no such directory " + dir.resolve("gone"));
    assertThat(files()).isEmpty();
  }

  @Test
  void aDirectoryThatAppearsBeforeTheRenameIsNotReplacedAndTheTemporaryGoes() throws IOException {
    Path temporary = dir.resolve(".req.yaml.1.tmp");
    Files.writeString(temporary, "new\n", UTF_8);
    Path target = dir.resolve("req.yaml");
    Files.createDirectory(target);
    assertThatThrownBy(() -> Output.install(target.toString(), temporary, target, true))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.exitCode()).isEqualTo(4))
        .hasMessageStartingWith(target + ": is a directory; ");
    assertThat(files()).containsExactly("req.yaml");
    assertThat(Files.isDirectory(target)).isTrue();
  }

  @Test
  void aFifoIsRefusedEvenWithForce() throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(succeeds("mkfifo", fifo.toString()), "mkfifo is not available here");
    assertRefusedAsSpecial(fifo, "is a FIFO (named pipe), not a regular file");
  }

  @Test
  void aDeviceNodeIsRefusedEvenWithForce() throws Exception {
    // The same device as /dev/full (character device 1, 7 on Linux), made here: only root may,
    // and root is who could replace the real one by a regular file.
    Path device = dir.resolve("full");
    assumeTrue(succeeds("mknod", device.toString(), "c", "1", "7"), "mknod needs root");
    assertRefusedAsSpecial(device, "is a device, not a regular file");
  }

  @Test
  void aSocketIsRefusedEvenWithForce() throws Exception {
    Path socket = dir.resolve("sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertRefusedAsSpecial(socket, "is a socket, not a regular file");
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no Unix domain sockets here");
    }
  }

  private void assertRefusedAsSpecial(Path special, String what) throws IOException {
    for (String[] args : List.of(new String[] {"init", "--force", special.toString()}, new String[] {"init", special.toString()})) {
      CliRun run = CliRun.run(args);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
      assertThat(run.err()).as(run.toString()).isEqualTo("envelope: " + special + ": " + what
          + "; expected a new file name, or a regular file to overwrite with --force\n");
    }
    assertThat(Files.isRegularFile(special, LinkOption.NOFOLLOW_LINKS)).as("still what it was").isFalse();
    assertThat(Files.exists(special, LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(files()).containsExactly(special.getFileName().toString());
  }

  private static boolean succeeds(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void aNameEndingInSlashIsRefusedAndNoFileIsMadeOfIt() throws IOException {
    // Path.of("newdir/") is "newdir": written through naively, that would be a file named newdir.
    String name = dir.resolve("newdir") + "/";
    for (String[] args : List.of(new String[] {"init", name}, new String[] {"init", "--force", name})) {
      CliRun run = CliRun.run(args);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
      assertThat(run.err()).as(run.toString()).isEqualTo("envelope: " + name
          + ": ends in /, which names a directory; expected a new file name, or a regular file to overwrite with --force\n");
    }
    Files.writeString(dir.resolve("plain"), "mine\n", UTF_8);
    CliRun run = CliRun.run("init", "--force", dir.resolve("plain") + "/");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(Files.readString(dir.resolve("plain"), UTF_8)).isEqualTo("mine\n");
    assertThat(files()).containsExactly("plain");
  }

  @Test
  void anExistingDirectoryWrittenWithASlashIsReportedAsADirectory() throws IOException {
    Files.createDirectory(dir.resolve("sub"));
    CliRun run = CliRun.run("init", "--force", dir.resolve("sub") + "/");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).as(run.toString()).startsWith("envelope: " + dir.resolve("sub") + "/: is a directory; ");
    assertThat(files()).containsExactly("sub");
  }

  @Test
  void theRootDirectoryIsAClearErrorWithOrWithoutForce() {
    for (String[] args : List.of(new String[] {"init", "/"}, new String[] {"init", "--force", "/"})) {
      CliRun run = CliRun.run(args);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
      assertThat(run.err()).as(run.toString()).isEqualTo(
          "envelope: /: is a directory; expected a new file name, or a regular file to overwrite with --force\n");
    }
  }

  @Test
  void aSymbolicLinkIsReplacedItselfAndItsTargetIsUntouched() throws IOException {
    Path target = dir.resolve("theirs.yaml");
    Files.writeString(target, "theirs\n", UTF_8);
    Path link = Files.createSymbolicLink(dir.resolve("req.yaml"), target.getFileName());

    CliRun refused = CliRun.run("init", link.toString());
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(Files.isSymbolicLink(link)).isTrue();

    Output.writeAtomically(link.toString(), "mine\n", true);
    assertThat(Files.isSymbolicLink(link)).as("the link is gone").isFalse();
    assertThat(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readString(link, UTF_8)).isEqualTo("mine\n");
    assertThat(Files.readString(target, UTF_8)).as("the link's target").isEqualTo("theirs\n");
    assertThat(files()).containsExactly("req.yaml", "theirs.yaml");
  }

  @Test
  void aLinkToADirectoryOrToNothingIsReplacedToo() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path toDirectory = Files.createSymbolicLink(dir.resolve("a.yaml"), sub.getFileName());
    Path dangling = Files.createSymbolicLink(dir.resolve("b.yaml"), Path.of("nowhere"));
    for (Path link : List.of(toDirectory, dangling)) {
      Output.writeAtomically(link.toString(), "mine\n", true);
      assertThat(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS)).as(link.toString()).isTrue();
    }
    try (Stream<Path> inside = Files.list(sub)) {
      assertThat(inside).as("nothing written into the linked directory").isEmpty();
    }
    assertThat(files()).containsExactly("a.yaml", "b.yaml", "sub");
  }

  @Test
  void aTargetInAMissingDirectoryExitsFourAndCreatesNothing() throws IOException {
    CliRun run = CliRun.run("init", "--example", "twitter", dir.resolve("missing/deeper/req.yaml").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(files()).isEmpty();
  }
}
