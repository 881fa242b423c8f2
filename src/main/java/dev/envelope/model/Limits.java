package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
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
   * Workloads in one file: the examples have up to six, a detailed design a few dozen. Past a
   * thousand request types a back-of-the-envelope estimate has become an inventory, and every
   * command's time grows with them (about 25 figures each, every one worked in every draw).
   */
  public static final int MAX_WORKLOADS = 1_000;

  /** Components of an availability chain: a request passes through a handful, never a thousand. */
  public static final int MAX_COMPONENTS = 1_000;

  /** Inputs of the file's own ({@code inputs:}): the handful its own figures need. */
  public static final int MAX_USER_INPUTS = 200;

  /** Figures of the file's own ({@code figures:}): each is worked in every draw of a Monte Carlo. */
  public static final int MAX_USER_FIGURES = 200;

  /** Fields of one record payload ({@code payload: {fields: ...}}): a table has tens of columns, not hundreds. */
  public static final int MAX_RECORD_FIELDS = 200;

  /** Scenarios in one file: each is a whole estimate again, in --scenarios, check and validate. */
  public static final int MAX_SCENARIOS = 1_000;

  /** Budgets in one file: each is judged in the base and in every scenario. */
  public static final int MAX_BUDGETS = 1_000;

  /**
   * The work budget: figures worked out at the point, over every binding a command estimates (the
   * base and each scenario, or each combination of a sweep, whose file is read again each time).
   * Measured on the 2-core machines under a 512 MB heap and the launcher's options: a sweep of 100
   * combinations of the 1,000-workload file at the caps (16,031 figures and 3,003 values each)
   * took 25 s of processor time, some 75,000 a second; this is some eight seconds of that
   * (docs/errors.md).
   */
  public static final long MAX_POINT_WORK = 600_000;

  /**
   * The work budget of the lanes: figures times lanes, for a Monte Carlo (one lane a draw, in each
   * binding) or a sensitivity analysis (two lanes an input), each figure weighed by what its
   * formula costs on a lane (a sum 1, a model's search more). 1,000 ranged workloads of plain
   * traffic and storage at the default 10,000 draws are some 250 million.
   */
  public static final long MAX_LANE_WORK = 300_000_000;

  /**
   * A point figure costs about what 400 lanes of one do (13 us against 33 ns): the models' searches,
   * counted in lanes ({@code cost}), weigh that much less at the point.
   */
  static final long LANES_PER_POINT_FIGURE = 400;

  /**
   * Refuses work past the budget: {@code bindings} estimates of {@code figures} figures each, on
   * {@code lanes} lanes each (1 at the point). The figures cost {@code cost} on a lane in all (the
   * models' searches cost more than a sum, as the estimate weighs them), and each binding may read
   * the file's {@code values} again as well (a sweep's combinations): reading a value costs about
   * what a figure does at the point. {@code option} names what asked for the work when an option did
   * ({@code --samples}, {@code --vary}), whose value {@code knob} the work grows with (exit 2, with
   * the largest value that fits); with {@code option} null the file alone did (exit 3, at
   * {@code at} and {@code path}).
   */
  public static void work(long bindings, long figures, long cost, long values, long lanes, String option,
      long knob, Location at, String path) {
    long max = lanes > 1 ? MAX_LANE_WORK : MAX_POINT_WORK;
    long extra = Math.max(0, cost - figures);
    double each = lanes > 1 ? figures + extra : figures + (double) extra / LANES_PER_POINT_FIGURE;
    double work = (double) bindings * (each + values) * lanes;
    if (work <= max) {
      return;
    }
    boolean plain = values == 0 && each == figures;
    String what = grouped(bindings) + (bindings == 1 ? " estimate" : " estimates")
        + (figures > 0 ? " of " + grouped(figures) + " figures" : "")
        + (each > figures ? " (weighing " + grouped((long) Math.ceil(each)) + " with the models' searches)" : "")
        + (values > 0 ? (figures > 0 ? " and " : " reading ") + grouped(values) + " values" + (figures > 0 ? " read" : " each")
            : "")
        + (lanes > 1 ? " on " + grouped(lanes) + " lanes each" : "") + " is "
        + String.format(java.util.Locale.ROOT, "%.3g", work) + (plain ? " figure evaluations" : " evaluations")
        + ", past the work budget of "
        + String.format(java.util.Locale.ROOT, "%.3g", (double) max) + " (some ten seconds)";
    if (option == null) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, java.util.List.of(new Diagnostic(at, path,
          what + "; expected fewer scenarios, workloads or ranges")));
    }
    long fits = (long) Math.max(1, Math.floor(max * (double) knob / work));
    throw new EnvelopeException(EnvelopeException.USAGE, option + ": " + what + "; expected " + option
        + " of at most " + grouped(fits));
  }

  /**
   * The work budget of reading: a file with scenarios is read once for its own values and once
   * more for each scenario, {@code values} values each time; past {@link #MAX_POINT_WORK} values
   * read in all, the problem at {@code at} (the scenarios), else null. Reading a value costs about
   * what working out a figure does (a file of 1,000 workloads of 3 values each, read 1,001 times,
   * took 17 s of processor time), so the one budget holds both.
   */
  public static Diagnostic reading(long readings, long values, Location at) {
    double work = (double) readings * values;
    if (work <= MAX_POINT_WORK) {
      return null;
    }
    return new Diagnostic(at, "scenarios", grouped(readings) + " readings of the file (its own values and each"
        + " scenario's) of " + grouped(values) + " values each is " + grouped(readings * values)
        + " values read, past the work budget of " + grouped(MAX_POINT_WORK)
        + " (some ten seconds); expected fewer scenarios, or fewer workloads in a file with this many scenarios");
  }

  /**
   * The problem with the {@code max}+1st item of a list or mapping of {@code what} (at
   * {@code at}), of which there are {@code count}.
   */
  public static Diagnostic tooMany(Location at, String path, String what, int count, int max, String why) {
    return new Diagnostic(at, path, grouped(count) + " " + what + ", more than the " + grouped(max)
        + " a file may hold (" + why + "); expected at most " + grouped(max));
  }

  /** {@code n} with thousands separators, for messages: 1048576 -> "1,048,576". */
  static String grouped(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
