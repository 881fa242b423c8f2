package dev.envelope.model;

/** Where a value sits in an input: a file name (or {@code <stdin>}), 1-based line and column. */
public record Location(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
