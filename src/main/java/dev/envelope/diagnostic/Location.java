package dev.envelope.diagnostic;

/**
 * Where a value comes from: a file name (or {@code <stdin>}) with 1-based line and column, or, for a
 * value given on the command line, the argument itself ({@code --set users.dau=3x}, line 0).
 */
public record Location(String file, int line, int column) {
  // equals and hashCode written out: a record's generated ones are linked through invokedynamic at first use,
  // a cost a short run's start-up pays for nothing (docs/performance.md).
  @Override
  public boolean equals(Object o) {
    return o instanceof Location x && line == x.line && column == x.column && java.util.Objects.equals(file, x.file);
  }

  @Override
  public int hashCode() {
    return (java.util.Objects.hashCode(file) * 31 + line) * 31 + column;
  }

  /** A value that came from a command-line argument rather than a file. */
  public static Location argument(String argument) {
    return new Location(argument, 0, 0);
  }

  public boolean isArgument() {
    return line <= 0;
  }

  @Override
  public String toString() {
    return isArgument() ? file : file + ":" + line + ":" + column;
  }
}
