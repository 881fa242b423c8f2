package dev.envelope.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a run may touch besides files: its streams, its environment, whether standard output is a
 * terminal, and the width to fit (in display columns; 0: none given, today's layout whatever the
 * width). Tests pass their own; nothing reads System.* directly.
 */
public record Context(
    PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal, int columns) {
  public Context {
    env = Map.copyOf(env);
    columns = Math.max(0, columns);
  }

  /** A run with no width to fit. */
  public Context(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {
    this(out, err, in, env, terminal, 0);
  }

  /** Colour for tables: only on a terminal, never with NO_COLOR set or TERM=dumb. */
  public boolean colourAllowed() {
    return terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }
}
