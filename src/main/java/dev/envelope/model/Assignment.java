package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
import java.util.List;

/**
 * One {@code path=value} override: from {@code --set}, a sweep's {@code --vary}, or a scenario in
 * the file. The value is read like a file value; errors point at {@code origin}.
 */
public record Assignment(List<String> path, String value, Location origin) {
  public Assignment {
    path = List.copyOf(path);
  }

  public String dottedPath() {
    return String.join(".", path);
  }

  /**
   * Parses {@code path=value} as given to {@code option} ({@code --set}); a malformed one is a
   * command-line error (exit 2).
   */
  public static Assignment parse(String option, String text) {
    int eq = text.indexOf('=');
    String path = eq < 0 ? "" : text.substring(0, eq).strip();
    if (eq < 0 || path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw new EnvelopeException(EnvelopeException.USAGE, option + " " + Diagnostic.got(text)
          + ": expected path=value, e.g. " + option + " users.dau=300M or " + option + " workloads.tweet.payload=1KB");
    }
    List<String> parts = List.of(path.split("\\."));
    if (parts.size() > Limits.MAX_DEPTH) {
      throw new EnvelopeException(EnvelopeException.USAGE, option + " " + Diagnostic.got(text) + ": a path of "
          + Limits.grouped(parts.size()) + " levels; expected at most " + Limits.MAX_DEPTH
          + ", as in a file (an input path has at most 5, e.g. workloads.tweet.call_latency.p99)");
    }
    for (String key : parts) {
      if (key.length() > Limits.MAX_KEY_CHARS) {
        // As in a file: a key is a field or a workload's name, never thousands of characters.
        throw new EnvelopeException(EnvelopeException.USAGE, option + " " + Diagnostic.got(text) + ": a key of "
            + Limits.grouped(key.length()) + " characters in the path; expected keys of at most " + Limits.MAX_KEY_CHARS);
      }
    }
    return new Assignment(parts, text.substring(eq + 1).strip(), Location.argument(Diagnostic.got(option + " " + text)));
  }
}
