package dev.envelope;

import dev.envelope.cli.Context;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** One in-process run of the command line; on a failed assertion it prints everything together. */
public record CliRun(String[] args, int exitCode, String out, String err) {

  public static CliRun run(String... args) {
    return run("", Map.of(), false, args);
  }

  public static CliRun run(String stdin, Map<String, String> env, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context context = new Context(new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, terminal);
    int code = Main.run(context, args);
    return new CliRun(args, code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "envelope " + String.join(" ", Arrays.asList(args)) + "\n--- exit " + exitCode
        + "\n--- stdout\n" + out + "--- stderr\n" + err + "---";
  }
}
