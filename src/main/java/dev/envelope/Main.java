package dev.envelope;

import dev.envelope.cli.Cli;
import dev.envelope.cli.Context;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
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
    int code = run(new Context(out, err, System.in, System.getenv(), stdoutIsTerminal()), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line with the given streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(new Context(out, err, InputStream.nullInputStream(), Map.of(), false), args);
  }

  public static int run(Context context, String... args) {
    return Cli.run(context, args);
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
