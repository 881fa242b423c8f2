package dev.envelope.model;

/**
 * One problem in an input, printed as {@code file:line:column: path: message}. {@code path} is the
 * dotted field path ({@code workloads.tweet.payload}), or empty for the whole file.
 */
public record Diagnostic(Location location, String path, String message) {
  @Override
  public String toString() {
    return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
