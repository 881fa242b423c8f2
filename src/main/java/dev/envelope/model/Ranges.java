package dev.envelope.model;

import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
import dev.envelope.model.Node.Entry;
import dev.envelope.model.Node.MapNode;
import dev.envelope.model.Node.Scalar;
import dev.envelope.model.Uncertain.Shape;
import dev.envelope.units.Format;
import dev.envelope.units.Fractions;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Rate;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a numeric field written as a range instead of a value:
 *
 * <ul>
 *   <li>{@code "8M to 12M"}: a 90% interval, read as the lognormal through those two points (the
 *       convention of quantitative-estimation tools such as Squiggle and Guesstimate);
 *   <li>{@code {low: 8M, high: 12M}}, with {@code confidence: 80%} for another interval, and
 *       {@code mid} for a median that is not the geometric mean of the ends (a two-piece lognormal
 *       through all three points);
 *   <li>{@code {dist: lognormal|normal|uniform|triangular|fixed, ...}} with each shape's parameters.
 * </ul>
 *
 * Each end is read by the field's own parser, so {@code 1KB to 4KB} is a size and
 * {@code 1/day to 3/day} a rate, with the field's own limits.
 */
final class Ranges {
  private Ranges() {}

  /** The default interval of {@code a to b} and of {@code {low, high}}. */
  static final double DEFAULT_CONFIDENCE = 0.9;

  private static final Pattern TO = Pattern.compile("(.+?)\\s+to\\s+(.+)", Pattern.CASE_INSENSITIVE);
  static final Set<String> KEYS = new LinkedHashSet<>(FileSpec.RANGE_KEYS);
  static final String EXPECTED = "a value, a range such as \"8M to 12M\" (a 90% interval), {low: 8M, high: 12M}"
      + " (optionally with mid and confidence), or {dist: lognormal|normal|uniform|triangular|fixed, ...}";

  /** True when {@code node} is written as a range rather than a single value. */
  static boolean isRange(Node node) {
    if (node instanceof Scalar s) {
      return s.text() != null && TO.matcher(Numbers.spaces(s.text())).matches();
    }
    if (node instanceof MapNode m) {
      return m.entries().keySet().stream().anyMatch(KEYS::contains);
    }
    return false;
  }

  /**
   * The parser of one field, and how its values map to and from the base unit in which draws are
   * made. {@code min} and {@code max} bound the draws (a share of users cannot pass 100%).
   */
  record Field<T>(String path, Function<String, T> parser, TimeBase time, double min, double max, boolean whole) {
    double base(Object value) {
      if (value instanceof Double d) {
        return d;
      }
      if (value instanceof Rate r) {
        return r.perSecond(time);
      }
      if (value instanceof Span s) {
        return s.seconds(time);
      }
      throw new IllegalStateException("not a quantity: " + value);
    }

    /** A value of the field's own type for {@code base}, in the unit {@code like} was written in. */
    @SuppressWarnings("unchecked")
    T typed(double base, Object like) {
      if (like instanceof Double) {
        return (T) Double.valueOf(base);
      }
      if (like instanceof Rate r) {
        return (T) new Rate(base * time.seconds(r.per()), r.per());
      }
      if (like instanceof Span s) {
        var unit = s.terms().size() == 1 ? s.terms().get(0).unit() : dev.envelope.units.CalendarUnit.SECOND;
        return (T) new Span(List.of(new Span.Term(base / time.seconds(unit), unit)));
      }
      throw new IllegalStateException("not a quantity: " + like);
    }
  }

  /** The range, and a value of the field's type at its median; problems go to {@code problems}. */
  record Read<T>(Uncertain uncertain, T point) {}

  static <T> Read<T> read(Field<T> field, Node node, List<Diagnostic> problems) {
    int before = problems.size();
    Reader<T> r = new Reader<>(field, node, problems);
    Read<T> read = r.read();
    return problems.size() > before ? null : read;
  }

  private static final class Reader<T> {
    private final Field<T> field;
    private final Node node;
    private final List<Diagnostic> problems;
    private Object like;

    Reader(Field<T> field, Node node, List<Diagnostic> problems) {
      this.field = field;
      this.node = node;
      this.problems = problems;
    }

    Read<T> read() {
      if (node instanceof Scalar s) {
        Matcher m = TO.matcher(Numbers.spaces(s.text()));
        m.matches();
        double low = end(m.group(1).strip(), s.location(), field.path());
        double high = end(m.group(2).strip(), s.location(), field.path());
        if (Double.isNaN(low) || Double.isNaN(high)) {
          return null;
        }
        return lognormal(low, Double.NaN, high, DEFAULT_CONFIDENCE, s.location(), Numbers.spaces(s.text()));
      }
      MapNode map = (MapNode) node;
      for (Entry e : map.entries().values()) {
        if (!KEYS.contains(e.key())) {
          String suggestion = Suggest.closest(e.key(), KEYS);
          problems.add(new Diagnostic(e.keyLocation(), field.path() + "." + e.key(),
              "unknown key in a range" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                  + "; expected one of: " + String.join(", ", KEYS)));
        }
      }
      String dist = "lognormal";
      boolean named = false;
      Entry d = map.entries().get("dist");
      if (d != null) {
        String text = d.value() instanceof Scalar s && s.text() != null ? Numbers.spaces(s.text()).toLowerCase(Locale.ROOT) : null;
        if (text == null || List.of(Shape.values()).stream().noneMatch(sh -> sh.key().equals(text))) {
          problems.add(new Diagnostic(d.value().location(), field.path() + ".dist",
              "unknown distribution (got " + Node.kind(d.value()) + "); expected lognormal, normal, uniform,"
                  + " triangular or fixed"));
          return null;
        }
        dist = text;
        named = true;
      }
      String written = written(map);
      Location at = map.location();
      return switch (dist) {
        case "lognormal" -> {
          if (named && (has(map, "median") || has(map, "sigma"))) {
            if (!only(map, "lognormal", "median", "sigma")) {
              yield null;
            }
            double median = number(map, "median", true);
            double sigma = plain(map, "sigma");
            if (Double.isNaN(median) || Double.isNaN(sigma)) {
              yield null;
            }
            if (!(median > 0)) {
              problems.add(new Diagnostic(at, field.path() + ".median",
                  "a lognormal's median must be above zero; expected a positive value"));
              yield null;
            }
            yield read(new Uncertain(field.path(), at, written, Shape.LOGNORMAL, median, sigma, sigma,
                field.min(), field.max(), field.whole()), median);
          }
          if (!only(map, named ? "lognormal" : "a range", "low", "high", "mid", "confidence")) {
            yield null;
          }
          double low = number(map, "low", true);
          double high = number(map, "high", true);
          double mid = has(map, "mid") ? number(map, "mid", true) : Double.NaN;
          double confidence = confidence(map);
          if (Double.isNaN(low) || Double.isNaN(high) || (has(map, "mid") && Double.isNaN(mid)) || Double.isNaN(confidence)) {
            yield null;
          }
          yield lognormal(low, mid, high, confidence, at, written);
        }
        case "normal" -> {
          if (has(map, "mean") || has(map, "sd")) {
            if (!only(map, "normal", "mean", "sd")) {
              yield null;
            }
            double mean = number(map, "mean", true);
            double sd = number(map, "sd", true);
            if (Double.isNaN(mean) || Double.isNaN(sd)) {
              yield null;
            }
            yield normal(mean, sd, at, written);
          }
          if (!only(map, "normal", "low", "high", "confidence")) {
            yield null;
          }
          double low = number(map, "low", true);
          double high = number(map, "high", true);
          double confidence = confidence(map);
          if (Double.isNaN(low) || Double.isNaN(high) || Double.isNaN(confidence) || !ordered(low, high, at)) {
            yield null;
          }
          yield normal((low + high) / 2, (high - low) / (2 * z(confidence)), at, written);
        }
        case "uniform" -> {
          if (!only(map, "uniform", "low", "high")) {
            yield null;
          }
          double low = number(map, "low", true);
          double high = number(map, "high", true);
          if (Double.isNaN(low) || Double.isNaN(high) || !ordered(low, high, at)) {
            yield null;
          }
          yield read(new Uncertain(field.path(), at, written, Shape.UNIFORM, low, high, 0, field.min(), field.max(), field.whole()),
              (low + high) / 2);
        }
        case "triangular" -> {
          if (!only(map, "triangular", "low", "mode", "high")) {
            yield null;
          }
          double low = number(map, "low", true);
          double mode = number(map, "mode", true);
          double high = number(map, "high", true);
          if (Double.isNaN(low) || Double.isNaN(mode) || Double.isNaN(high) || !ordered(low, high, at)) {
            yield null;
          }
          if (mode < low || mode > high) {
            problems.add(new Diagnostic(at, field.path() + ".mode",
                "the mode lies outside low to high; expected a mode from low to high"));
            yield null;
          }
          Uncertain u = new Uncertain(field.path(), at, written, Shape.TRIANGULAR, low, mode, high,
              field.min(), field.max(), field.whole());
          yield read(u, u.median());
        }
        default -> {
          if (!only(map, "fixed", "value")) {
            yield null;
          }
          double value = number(map, "value", true);
          if (Double.isNaN(value)) {
            yield null;
          }
          yield read(new Uncertain(field.path(), at, written, Shape.FIXED, value, 0, 0, field.min(), field.max(), field.whole()), value);
        }
      };
    }

    private Read<T> lognormal(double low, double mid, double high, double confidence, Location at, String written) {
      if (!(low > 0) || !(high > 0)) {
        problems.add(new Diagnostic(at, field.path(), "a range read as a lognormal needs both ends above zero (got '"
            + written + "'); expected positive ends such as 8M to 12M, or {dist: uniform, low: 0, high: ...}"
            + " for a range from zero"));
        return null;
      }
      if (!ordered(low, high, at)) {
        return null;
      }
      double z = z(confidence);
      double median;
      double below;
      double above;
      if (Double.isNaN(mid)) {
        median = Math.sqrt(low) * Math.sqrt(high);
        below = (StrictMath.log(high) - StrictMath.log(low)) / (2 * z);
        above = below;
      } else {
        if (!(mid > low && mid < high)) {
          problems.add(new Diagnostic(at, field.path() + ".mid",
              "mid must lie strictly between low and high; expected low < mid < high"));
          return null;
        }
        median = mid;
        below = StrictMath.log(mid / low) / z;
        above = StrictMath.log(high / mid) / z;
      }
      return read(new Uncertain(field.path(), at, written, Shape.LOGNORMAL, median, below, above,
          field.min(), field.max(), field.whole()), median);
    }

    private Read<T> normal(double mean, double sd, Location at, String written) {
      if (!(sd > 0)) {
        problems.add(new Diagnostic(at, field.path() + ".sd", "a standard deviation must be above zero;"
            + " expected a positive spread, or {dist: fixed, value: ...} for no spread"));
        return null;
      }
      // Four standard deviations cover all but 3 in 100,000 draws.
      if (mean - 4 * sd < field.min()) {
        problems.add(new Diagnostic(at, field.path(), "this normal reaches below " + Format.plain(field.min())
            + " (mean - 4 sd = " + Format.sig3(mean - 4 * sd) + " in base units), which the field cannot be;"
            + " expected a narrower spread, or a lognormal (\"low to high\") for a quantity that cannot go below it"));
        return null;
      }
      return read(new Uncertain(field.path(), at, written, Shape.NORMAL, mean, sd, 0, field.min(), field.max(), field.whole()), mean);
    }

    private Read<T> read(Uncertain u, double median) {
      return new Read<>(u, field.typed(u.median(), like));
    }

    private boolean ordered(double low, double high, Location at) {
      if (!(low < high)) {
        problems.add(new Diagnostic(at, field.path(), "the low end is not below the high end; expected low first,"
            + " such as 8M to 12M (a single value needs no range)"));
        return false;
      }
      return true;
    }

    private boolean has(MapNode map, String key) {
      return map.entries().containsKey(key);
    }

    /** Refuses keys that {@code shape} does not take. */
    private boolean only(MapNode map, String shape, String... keys) {
      Set<String> allowed = new LinkedHashSet<>(List.of(keys));
      allowed.add("dist");
      boolean ok = true;
      for (Entry e : map.entries().values()) {
        if (KEYS.contains(e.key()) && !allowed.contains(e.key())) {
          problems.add(new Diagnostic(e.keyLocation(), field.path() + "." + e.key(),
              "not a parameter of " + shape + "; expected " + String.join(", ", keys)));
          ok = false;
        }
      }
      return ok;
    }

    /** A parameter in the field's own unit; NaN after reporting a problem. */
    private double number(MapNode map, String key, boolean required) {
      Entry e = map.entries().get(key);
      if (e == null) {
        if (required) {
          problems.add(new Diagnostic(map.location(), field.path() + "." + key, "missing; expected " + key
              + " beside the others, e.g. {low: 8M, high: 12M}"));
        }
        return Double.NaN;
      }
      if (!(e.value() instanceof Scalar s) || s.text() == null) {
        problems.add(new Diagnostic(e.value().location(), field.path() + "." + key,
            "got " + Node.kind(e.value()) + "; expected a single value of the field"));
        return Double.NaN;
      }
      return end(s.text(), s.location(), field.path() + "." + key);
    }

    /** A plain number, for the log-space spread of a lognormal. */
    private double plain(MapNode map, String key) {
      Entry e = map.entries().get(key);
      if (e == null) {
        problems.add(new Diagnostic(map.location(), field.path() + "." + key,
            "missing; expected sigma, the spread of the logarithm, such as 0.5"));
        return Double.NaN;
      }
      String text = e.value() instanceof Scalar s ? s.text() : null;
      try {
        double v = Numbers.parse(text == null ? "" : text, "a positive number such as 0.5");
        if (!(v > 0)) {
          throw new QuantityException("must be positive", "a positive number such as 0.5");
        }
        return v;
      } catch (QuantityException q) {
        problems.add(new Diagnostic(e.value().location(), field.path() + "." + key,
            q.problem() + " (got " + Node.kind(e.value()) + "); expected " + q.expected()));
        return Double.NaN;
      }
    }

    private double confidence(MapNode map) {
      Entry e = map.entries().get("confidence");
      if (e == null) {
        return DEFAULT_CONFIDENCE;
      }
      String expected = "a share strictly between 0% and 100%, such as 80% or 90%";
      String text = e.value() instanceof Scalar s ? s.text() : null;
      try {
        double c = Fractions.percent(text == null ? "" : text, false);
        if (!(c > 0 && c < 1)) {
          throw new QuantityException("a confidence must be above 0% and below 100%", expected);
        }
        return c;
      } catch (QuantityException q) {
        problems.add(new Diagnostic(e.value().location(), field.path() + ".confidence",
            q.problem() + " (got " + Node.kind(e.value()) + "); expected " + expected));
        return Double.NaN;
      }
    }

    /** One end or parameter, read by the field's own parser; NaN after reporting a problem. */
    private double end(String text, Location at, String path) {
      try {
        T value = field.parser().apply(text);
        if (like == null) {
          like = value;
        }
        return field.base(value);
      } catch (QuantityException q) {
        problems.add(new Diagnostic(at, path, q.problem() + " (got '" + Diagnostic.got(text) + "'); expected " + q.expected()));
        return Double.NaN;
      }
    }

    private String written(MapNode map) {
      StringBuilder sb = new StringBuilder("{");
      for (Entry e : map.entries().values()) {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(e.key()).append(": ").append(e.value() instanceof Scalar s ? s.text() : "...");
      }
      return sb.append('}').toString();
    }
  }

  /** The standard normal quantile bounding a central interval of {@code confidence}. */
  static double z(double confidence) {
    return StandardNormal.quantile((1 + confidence) / 2);
  }
}
