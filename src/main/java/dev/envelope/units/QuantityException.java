package dev.envelope.units;

/**
 * A value that does not parse as the quantity a field wants. {@code problem} says what is wrong,
 * {@code expected} what would be valid; the reader adds the file, line, column, field and value.
 */
public final class QuantityException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String problem;
  private final String expected;

  public QuantityException(String problem, String expected) {
    super(problem + "; expected " + expected);
    this.problem = problem;
    this.expected = expected;
  }

  public String problem() {
    return problem;
  }

  public String expected() {
    return expected;
  }
}
