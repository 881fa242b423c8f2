package dev.envelope.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a run may touch besides files: its streams, its environment, and whether standard output is
 * a terminal. Tests pass their own; nothing reads System.* directly.
 */
public record Context(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {
  public Context {
    env = Map.copyOf(env);
  }

  /** Colour for tables: only on a terminal, never with NO_COLOR set or TERM=dumb. */
  public boolean colourAllowed() {
    return terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }
}
