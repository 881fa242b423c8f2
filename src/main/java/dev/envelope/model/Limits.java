package dev.envelope.model;

/**
 * What a requirements file may hold. The largest bundled example is under 3 KB and four levels
 * deep, so each limit is far above any real file and far below what would exhaust memory, time or
 * the stack on a file that is mistaken or hostile (the tool runs in CI on files anyone can edit).
 */
public final class Limits {
  private Limits() {}

  /** Bytes in one file: 1 MiB, some 400 times the largest example. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** Mappings and lists inside each other: a file needs 4 (workloads.NAME.payload.low). */
  public static final int MAX_DEPTH = 32;

  /** Characters in one value: a name or a range such as "lognormal(1M, 2)" needs a few dozen. */
  public static final int MAX_VALUE_CHARS = 10_000;

  /** Characters in one key: keys are field names, workload and scenario names. */
  public static final int MAX_KEY_CHARS = 256;

  /**
   * Diagnostics printed for one run: the first hundred, then a count of the rest. A file has rarely
   * more than a handful of mistakes; past a hundred they are one mistake repeated.
   */
  public static final int MAX_DIAGNOSTICS_SHOWN = 100;

  /** {@code n} with thousands separators, for messages: 1048576 -> "1,048,576". */
  static String grouped(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
