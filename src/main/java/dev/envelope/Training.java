package dev.envelope;

import dev.envelope.cli.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The run that the launcher (src/dist/bin/envelope) records its class-data sharing archive or AOT
 * cache from, in the background on first use: the common command lines on a bundled example, with
 * their output discarded. The archive then holds the classes those runs load (and on JDK 25 their
 * profiles), and a user's own command, which might write files, is never run twice.
 */
public final class Training {
  static final String EXAMPLE = "/examples/twitter.yaml";

  /** {@code FILE} stands for the example written to a temporary file; {@code -} reads it from standard input. */
  static final List<List<String>> COMMAND_LINES = List.of(
      List.of("estimate", "FILE"),
      List.of("FILE", "-o", "json"),
      List.of("estimate", "-"),
      List.of("estimate", "-", "-o", "yaml"),
      List.of("estimate", "-", "-o", "markdown"),
      List.of("estimate", "-", "-o", "csv"),
      List.of("qps", "-"),
      // A range makes the Monte Carlo run (Commons RNG, the lanes, two threads).
      List.of("estimate", "FILE", "--set", "users.mau=250M to 350M", "--samples", "20000"),
      List.of("check", "-"),
      List.of("validate", "-"),
      List.of("sla", "99.9%"),
      List.of("--help"),
      List.of("estimate", "--help"),
      List.of("--version"));

  private Training() {}

  public static void main(String[] args) throws IOException {
    byte[] example;
    try (InputStream in = Training.class.getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IOException(EXAMPLE + " is not on the class path");
      }
      example = in.readAllBytes();
    }
    // As Main.main does: on JDK 22 and newer this loads the console's classes.
    Main.stdoutIsTerminal();
    Path file = Files.createTempFile("envelope-training", ".yaml");
    try {
      Files.write(file, example);
      for (List<String> line : COMMAND_LINES) {
        String[] words = line.stream().map(a -> a.equals("FILE") ? file.toString() : a).toArray(String[]::new);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Main.run(new Context(discard, discard, new ByteArrayInputStream(example), System.getenv(), false), words);
      }
    } finally {
      Files.deleteIfExists(file);
    }
    // As Main.main does: on JDK 21 and newer, Runtime.exit looks up a logger.
    System.exit(0);
  }
}
