package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envelope.cli.Context;
import dev.envelope.app.StdinClosedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens around a command: failures no command reports (an Error, a failure while reporting)
 * end as internal errors with exit code 70 and one line, and standard input that was closed when
 * the process started is reported as such.
 */
class MainTest {
  static final String RERUN = "envelope: rerun with --debug for the stack trace\n";

  /** Standard input that fails as {@code error} on the first read. */
  static InputStream failing(Error error) {
    return new InputStream() {
      @Override
      public int read() {
        throw error;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw error;
      }
    };
  }

  static CliRun run(InputStream in, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.guarded(new Context(new PrintWriter(out), new PrintWriter(err), in, Map.of(), false), args);
    return new CliRun(args, code, out.toString(), err.toString());
  }

  @Test
  void anErrorInACommandIsAnInternalErrorWithExitCode70AndNoStackTrace() {
    // picocli hands its exception handler exceptions only; an Error passes it by.
    CliRun run = run(failing(new StackOverflowError()), "estimate", "-");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(70);
    assertThat(run.err()).isEqualTo(
        "envelope: internal error (this is a bug, please report it): java.lang.StackOverflowError\n" + RERUN);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void debugShowsTheStackTraceOfAnError() {
    CliRun run = run(failing(new OutOfMemoryError("Java heap space")), "estimate", "-", "--debug");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(70);
    assertThat(run.err()).startsWith(
        "envelope: internal error (this is a bug, please report it): java.lang.OutOfMemoryError: Java heap space\n"
            + "java.lang.OutOfMemoryError: Java heap space\n\tat ").doesNotContain(RERUN);
  }

  @Test
  void anExceptionInACommandIsAnInternalErrorWithExitCode70() {
    InputStream in = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("boom");
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw new IllegalStateException("boom");
      }
    };
    CliRun run = run(in, "estimate", "-");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(70);
    assertThat(run.err()).isEqualTo(
        "envelope: internal error (this is a bug, please report it): java.lang.IllegalStateException: boom\n" + RERUN);
  }

  @Test
  void aFailureWhileReportingStillExits70() {
    // Standard error itself throws: nothing can be said, the exit code still tells.
    Writer broken = new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) {
        throw new OutOfMemoryError("no room");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    PrintWriter err = new PrintWriter(broken);
    int code = Main.guarded(new Context(new PrintWriter(new StringWriter()), err,
        failing(new StackOverflowError()), Map.of(), false), "estimate", "-");
    assertThat(code).isEqualTo(70);
  }

  @Test
  void closedStandardInputIsReportedWithExitCode4() {
    InputStream closed = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new StdinClosedException();
      }
    };
    for (String[] args : List.of(new String[] {"estimate", "-"}, new String[] {"validate", "-"},
        new String[] {"diff", "-", "examples/twitter.yaml"})) {
      CliRun run = run(closed, args);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
      assertThat(run.err()).as(run.toString()).isEqualTo("envelope: cannot read standard input (it is closed)\n");
    }
  }

  @Test
  void theLauncherSaysWhenStandardInputWasClosed(@TempDir Path dir) {
    assertThat(Main.closedAtStart("closed", dir.resolve("no-link"), dir)).isTrue();
    assertThat(Main.closedAtStart(null, dir.resolve("no-link"), dir)).isFalse();
    assertThat(Main.closedAtStart("open", dir.resolve("no-link"), dir)).isFalse();
  }

  @Test
  void descriptorZeroOnAFileOfTheJvmMeansStandardInputWasClosed(@TempDir Path dir) throws IOException {
    // What /proc/self/fd/0 shows after `java ... <&-`: the JVM's lib/modules, opened as the
    // lowest free descriptor.
    Path javaHome = Files.createDirectories(dir.resolve("jdk/lib"));
    Path modules = Files.writeString(javaHome.resolve("modules"), "x");
    Path fd0 = Files.createSymbolicLink(dir.resolve("fd0"), modules.toRealPath());
    assertThat(Main.closedAtStart(null, fd0, dir.resolve("jdk"))).isTrue();

    Path input = Files.writeString(dir.resolve("req.yaml"), "x");
    Path fileLink = Files.createSymbolicLink(dir.resolve("fd0-file"), input.toRealPath());
    Path pipeLink = Files.createSymbolicLink(dir.resolve("fd0-pipe"), Path.of("pipe:[12345]"));
    assertThat(Main.closedAtStart(null, fileLink, dir.resolve("jdk"))).isFalse();
    assertThat(Main.closedAtStart(null, pipeLink, dir.resolve("jdk"))).isFalse();
  }

  @Test
  void aForkedJvmStartedWithStandardInputClosedSaysSo() throws Exception {
    // Without the launcher: what the JVM made of the closed descriptor is all there is to go by.
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/0")), "no /proc/self/fd here");
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder("/bin/sh", "-c", "exec \"$0\" -cp \"$1\" dev.envelope.Main estimate - <&-",
        java, System.getProperty("java.class.path")).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread drain = new Thread(() -> {
      try {
        process.getErrorStream().transferTo(err);
      } catch (IOException ignored) {
        // the assertions below see what arrived
      }
    });
    drain.start();
    process.getInputStream().transferTo(out);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    drain.join();
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(stderr).isEqualTo(4);
    assertThat(stderr).isEqualTo("envelope: cannot read standard input (it is closed)\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
