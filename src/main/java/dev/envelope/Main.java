package dev.envelope;

import dev.envelope.cli.Cli;
import dev.envelope.cli.Context;
import dev.envelope.app.StdinClosedException;
import dev.envelope.diagnostic.EnvelopeException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The entry point: {@link #main} for the shell, {@link #run} for tests (in-process, no exit). */
public final class Main {
  private Main() {}

  /**
   * picocli registers a converter for each java.sql and java.time type by reflection in every
   * command line it builds, which costs a short run several milliseconds; no option of ours has such
   * a type (CommandLineTest checks).
   */
  static final String PICOCLI_CONVERTER_EXCLUDES = "java\\.(sql|time)\\..*";

  public static void main(String[] args) {
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", PICOCLI_CONVERTER_EXCLUDES);
    }
    // Straight to the file descriptors: System.out would swallow write errors (a full disk, a
    // closed pipe), which must end in exit code 4.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code;
    try {
      code = guarded(new Context(out, err, new StandardInput(), System.getenv(), stdoutIsTerminal(),
          columns(System.getProperty(COLUMNS_PROPERTY))), args);
    } catch (RuntimeException | Error e) {
      code = report(err, e, args); // before the command line ran: in finding out about the terminal
    }
    System.exit(code);
  }

  /**
   * Runs one command line and flushes its streams; whatever escapes (Cli reports its own failures,
   * so only an Error thrown while reporting, or while flushing) is an internal error too: one line
   * (the stack trace with --debug), exit code 70, never the JVM's stack trace and exit code 1.
   */
  static int guarded(Context context, String... args) {
    try {
      int code = run(context, args);
      context.out().flush();
      context.err().flush();
      return code;
    } catch (RuntimeException | Error e) {
      return report(context.err(), e, args);
    }
  }

  private static int report(PrintWriter err, Throwable e, String... args) {
    try {
      Cli.internalError(err, e, List.of(args).contains("--debug"));
    } catch (RuntimeException | Error ignored) {
      // Even the report failed (out of memory, say): the exit code still tells.
    }
    return EnvelopeException.INTERNAL;
  }

  /** Runs one command line with the given streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(new Context(out, err, InputStream.nullInputStream(), Map.of(), false), args);
  }

  public static int run(Context context, String... args) {
    return Cli.run(context, args);
  }

  /**
   * {@code System.in}, unless the process was started with standard input closed. The JVM then
   * opens its own {@code lib/modules} as file descriptor 0 (the lowest free one), which would be
   * read as the file: a "file larger than 1 MiB" instead of an error about standard input. The
   * launcher opens /dev/null in its place and says so ({@code -Denvelope.stdin=closed}); run
   * without it, Linux's /proc shows where descriptor 0 points. Decided on the first read, so a run
   * that reads no standard input pays nothing for it.
   */
  static final class StandardInput extends InputStream {
    private static final Path FD0 = Path.of("/proc/self/fd/0");
    private boolean checked;

    private void check() throws IOException {
      if (!checked) {
        checked = true;
        if (closedAtStart(System.getProperty(STDIN_PROPERTY), FD0, Path.of(System.getProperty("java.home")))) {
          throw new StdinClosedException();
        }
      }
    }

    @Override
    public int read() throws IOException {
      check();
      return System.in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check();
      return System.in.read(buffer, offset, length);
    }

    @Override
    public int available() throws IOException {
      check();
      return System.in.available();
    }
  }

  /**
   * The terminal's width, which the launcher passes (JDK 17 has no API for it): COLUMNS when set,
   * else {@code stty size} when standard output is a terminal. Absent, output keeps the one layout.
   */
  static final String COLUMNS_PROPERTY = "envelope.columns";

  /** The width {@code value} gives: a whole number of columns, or 0 (none) for anything else. */
  static int columns(String value) {
    if (value == null || !value.matches("[0-9]{1,4}")) {
      return 0;
    }
    return Integer.parseInt(value);
  }

  /** Set to {@code closed} by the launcher when it found standard input closed. */
  static final String STDIN_PROPERTY = "envelope.stdin";

  /**
   * Whether standard input was closed when the JVM started: the launcher says so, or {@code fd0}
   * (a link to what descriptor 0 is) points into the JVM's own installation, {@code javaHome}.
   * Where there is no such link (not Linux), only the launcher can tell.
   */
  static boolean closedAtStart(String launcherSays, Path fd0, Path javaHome) {
    if ("closed".equals(launcherSays)) {
      return true;
    }
    try {
      Path target = Files.readSymbolicLink(fd0);
      return target.isAbsolute() && target.startsWith(javaHome.toRealPath());
    } catch (IOException | UnsupportedOperationException | SecurityException | java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /**
   * Whether standard output is a terminal. Java 22 and newer return a console even when output is
   * piped, and say so through {@code Console.isTerminal()}, which Java 17 lacks.
   */
  static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
