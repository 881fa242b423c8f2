package dev.envelope.estimate;

import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.model.Assignment;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inputs a sweep varies and every combination of their values: the cartesian product, the
 * first axis varying slowest, as nested loops written in command-line order would.
 */
public record Sweep(List<Axis> axes) {
  /**
   * The most combinations a sweep runs. More is a mistake rather than a study: the table would be
   * unreadable and the run slow. A limit of this project's choosing, not a published figure.
   */
  public static final long MAX_COMBINATIONS = 10_000;

  /**
   * A run of digits that reads as one number with thousands separators ({@code 86,400},
   * {@code 1,000,000}), not inside a longer number or after a decimal point. No one groups the
   * digits of a number that starts with 0, so {@code 0,100} is two values.
   */
  private static final Pattern GROUPED = Pattern.compile("(?<![\\d.])[1-9]\\d{0,2}(,\\d{3})+(?!\\d)");

  /** One varied input: its path and its values, each an override as the option gave it. */
  public record Axis(String path, List<Assignment> values) {
    public Axis {
      values = List.copyOf(values);
    }
  }

  public Sweep {
    axes = List.copyOf(axes);
    Set<String> seen = new HashSet<>();
    for (Axis axis : axes) {
      if (!seen.add(axis.path())) {
        throw new EnvelopeException(EnvelopeException.USAGE, "--vary " + Diagnostic.got(axis.path())
            + ": varied twice; expected each input in one --vary with all its values, e.g. --vary "
            + Diagnostic.got(axis.path()) + "=1M,10M");
      }
    }
    long count = size(axes);
    if (count > MAX_COMBINATIONS) {
      List<String> sizes = axes.stream().map(a -> String.valueOf(a.values().size())).toList();
      throw new EnvelopeException(EnvelopeException.USAGE, "--vary: " + (count == Long.MAX_VALUE ? "too many"
          : String.format(java.util.Locale.ROOT, "%,d", count)) + " combinations (" + String.join(" x ", sizes)
          + "); expected at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_COMBINATIONS)
          + ": fewer values, or several smaller sweeps");
    }
  }

  /**
   * Reads {@code PATH=V1,V2,...} as given to {@code option}. Commas separate the values, unless the
   * list holds a semicolon: then semicolons do, and commas belong to the values ({@code 86,400;100,000}).
   * A comma list that also reads as a number with thousands separators ({@code 86,400}) is refused
   * as ambiguous rather than guessed. Malformed lists are command-line errors (exit 2); each value
   * is read later like a file value, and its errors name the option and that value.
   */
  public static Axis axis(String option, String text) {
    String example = ", e.g. " + option + " users.dau=1M,10M,100M";
    if (!text.contains("=")) {
      throw new EnvelopeException(EnvelopeException.USAGE, option + " " + Diagnostic.got(text) + ": expected PATH=V1,V2,..." + example);
    }
    Assignment whole = Assignment.parse(option, text);
    String path = whole.dottedPath();
    String list = whole.value();
    boolean semicolons = list.contains(";");
    if (!semicolons) {
      Matcher grouped = GROUPED.matcher(list);
      if (grouped.find()) {
        String g = grouped.group();
        throw new EnvelopeException(EnvelopeException.USAGE, option + " " + Diagnostic.got(text) + ": '"
            + Diagnostic.got(g) + "' reads both as one number with thousands separators and as several values;"
            + " expected " + Diagnostic.got(g.replace(",", ";")) + " (semicolons separate the values, commas may then"
            + " group digits) or " + Diagnostic.got(g.replace(",", "")) + " (one number)");
      }
    }
    List<Assignment> values = new ArrayList<>();
    for (String item : list.split(semicolons ? ";" : ",", -1)) {
      String value = item.strip();
      if (value.isEmpty()) {
        throw new EnvelopeException(EnvelopeException.USAGE, option + " " + Diagnostic.got(text)
            + ": an empty value in the list; expected values separated by " + (semicolons ? "semicolons" : "commas")
            + example);
      }
      values.add(new Assignment(whole.path(), value, Location.argument(Diagnostic.got(option + " " + path + "=" + value))));
    }
    return new Axis(path, values);
  }

  /** The number of combinations. */
  public long size() {
    return size(axes);
  }

  private static long size(List<Axis> axes) {
    long count = 1;
    for (Axis axis : axes) {
      // Saturates instead of overflowing: the count only matters up to the limit.
      count = count > Long.MAX_VALUE / Math.max(1, axis.values().size()) ? Long.MAX_VALUE
          : count * axis.values().size();
    }
    return count;
  }

  /** Every combination, one override per axis in axis order; the last axis varies fastest. */
  public List<List<Assignment>> combinations() {
    List<List<Assignment>> out = new ArrayList<>();
    int n = (int) size();
    for (int index = 0; index < n; index++) {
      Assignment[] combination = new Assignment[axes.size()];
      int rest = index;
      for (int a = axes.size() - 1; a >= 0; a--) {
        List<Assignment> values = axes.get(a).values();
        combination[a] = values.get(rest % values.size());
        rest /= values.size();
      }
      out.add(List.of(combination));
    }
    return out;
  }
}
