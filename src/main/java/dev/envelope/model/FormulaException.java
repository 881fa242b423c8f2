package dev.envelope.model;

/**
 * A formula that does not parse, or whose units do not agree. {@code offset} is the 0-based index
 * of the character the problem is at (the length of the text for a problem at its end), so that
 * the reader can point at the column in the file; {@code problem} says what is wrong and
 * {@code expected} what would be valid, as in every diagnostic. Text of the formula quoted in a
 * message is cut to some 60 characters, so a message stays short whatever the formula.
 */
public final class FormulaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int offset;
  private final String problem;
  private final String expected;

  public FormulaException(int offset, String problem, String expected) {
    super(problem + "; expected " + expected);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    this.offset = offset;
    this.problem = problem;
    this.expected = expected;
  }

  /** The 0-based index in the formula's text of the character the problem is at. */
  public int offset() {
    return offset;
  }

  public String problem() {
    return problem;
  }

  public String expected() {
    return expected;
  }
}
