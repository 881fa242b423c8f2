package dev.envelope.render;

import dev.envelope.estimate.Keyspace;
import dev.envelope.estimate.Keyspace.Alphabet;
import dev.envelope.estimate.Keyspace.Sizing;
import dev.envelope.estimate.Keyspace.Space;
import dev.envelope.model.Requirements;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Format;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code envelope keyspace}: the keys of a short-code scheme, and how long they last. */
public final class KeyspaceReport {
  public static final String SCHEMA = "envelope.keyspace/v1";

  /** Exact key counts up to this many digits are written out in tables; longer ones as a power. */
  private static final int EXACT_DIGITS = 24;

  private KeyspaceReport() {}

  /**
   * @param rate the rate as the user wrote it ({@code 1160/s}), shown beside its value per second
   */
  public static Report build(Sizing f, Requirements.Conventions conventions, String rate) {
    return build(f, conventions, rate, "--keys");
  }

  /** {@code keysFrom} says where the keys issued came from: {@code --keys}, or a file's retained objects. */
  public static Report build(Sizing f, Requirements.Conventions conventions, String rate, String keysFrom) {
    Space s = f.space();
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    tree.put("conventions", ConventionsBlock.tree(conventions));
    List<List<String>> keys = new ArrayList<>();
    s.alphabet().ifPresent(a -> {
      Tree t = tree.child("alphabet").put("size", a.size(), Kind.INTEGER);
      a.name().ifPresent(n -> t.put("name", n));
      a.characters().ifPresent(c -> t.put("characters", c));
      keys.add(List.of("alphabet", Format.integer(a.size()), describe(a)));
    });
    s.length().ifPresent(l -> {
      tree.put("length", l, Kind.INTEGER);
      tree.put("length_from", s.lengthFrom().orElseThrow().name().toLowerCase(Locale.ROOT));
      keys.add(List.of("length", Format.integer(l), lengthHow(s, f)));
    });
    s.randomBits().ifPresent(b -> {
      tree.put("random_bits", b, Kind.INTEGER);
      keys.add(List.of("random bits", Format.integer(b), "--bits"));
    });
    tree.put("keys", s.keys(), Kind.COUNT);
    tree.put("keys_exact", s.exact().toString());
    tree.put("bits", s.bits(), Kind.NUMBER);
    keys.add(List.of("keys", count(s.keys()), expression(s)));
    keys.add(List.of("entropy", Format.sig3(s.bits()) + " bits", "log2(keys)"));
    tree.child("random_codes").put("keys_for_even_collision_odds", f.evenCollisionOdds(), Kind.COUNT);
    keys.add(List.of("random codes", count(f.evenCollisionOdds()),
        "codes drawn at random collide with even odds after this many: 1.1774 x sqrt(keys) (birthday bound)"));
    List<Report.Block> blocks = new ArrayList<>();
    blocks.add(new Report.Block("Keys", List.of(), keys, List.of(), -2));

    f.usage().ifPresent(u -> {
      tree.child("issued").put("keys", u.issued(), Kind.COUNT).put("fraction_used", u.fractionUsed(), Kind.FRACTION)
          .put("collision_probability", u.collisionProbability(), Kind.FRACTION);
      blocks.add(new Report.Block("Issued", List.of(), List.of(
          List.of("keys issued", count(u.issued()), keysFrom),
          List.of("share used", percent(u.fractionUsed()), "issued / keys"),
          List.of("collision chance", percent(u.collisionProbability()),
              "if drawn at random: 1 - exp(-n(n - 1) / (2 x keys)); none from a counter")),
          List.of(), -2));
    });
    double year = conventions.time().secondsPerYear();
    f.exhaustion().ifPresent(x -> {
      tree.child("rate").put("per_second", x.perSecond(), Kind.RATE)
          .put("seconds_to_exhaust", x.secondsToExhaust(), Kind.SECONDS)
          .put("seconds_to_even_collision_odds", x.secondsToEvenCollisionOdds(), Kind.SECONDS);
      blocks.add(new Report.Block("At " + Format.rate(x.perSecond()), List.of(), List.of(
          List.of("rate", Format.rate(x.perSecond()), "--rate " + rate),
          List.of("keys run out after", span(x.secondsToExhaust(), year), "keys / rate"),
          List.of("even collision odds after", span(x.secondsToEvenCollisionOdds(), year),
              "for random codes: " + count(f.evenCollisionOdds()) + " / rate")),
          List.of("a year is " + Format.integer(year) + " s (calendar " + conventions.calendar().name() + ")"), -2));
    });
    return new Report("Keyspace: " + title(s), List.of(), blocks, tree);
  }

  private static String title(Space s) {
    if (s.randomBits().isPresent() && s.alphabet().isEmpty()) {
      return s.randomBits().getAsInt() + " random bits";
    }
    Alphabet a = s.alphabet().orElseThrow();
    String name = a.name().orElse(a.size() + " characters");
    String base = s.randomBits().isPresent() ? s.randomBits().getAsInt() + " random bits in " + name : name;
    return base + ", length " + s.length().getAsInt();
  }

  private static String describe(Alphabet a) {
    if (a.name().isPresent()) {
      return a.name().get() + ": " + a.characters().orElse("");
    }
    return a.characters().map(c -> "--characters " + c).orElse("--alphabet");
  }

  private static String lengthHow(Space s, Sizing f) {
    int size = s.alphabet().orElseThrow().size();
    int length = s.length().getAsInt();
    return switch (s.lengthFrom().orElseThrow()) {
      case GIVEN -> "--length";
      case KEYS -> "the shortest with " + size + "^length >= " + count(f.usage().orElseThrow().issued()) + " keys"
          + (length > 1 ? " (" + size + "^" + (length - 1) + " = " + count(Math.pow(size, length - 1)) + " is too few)" : "");
      case BITS -> "characters that write " + s.randomBits().getAsInt() + " bits: the shortest with " + size
          + "^length >= 2^" + s.randomBits().getAsInt();
    };
  }

  private static String expression(Space s) {
    String power = s.length().isPresent() && s.randomBits().isEmpty()
        ? s.alphabet().orElseThrow().size() + "^" + s.length().getAsInt()
        : "2^" + s.randomBits().getAsInt();
    String digits = s.exact().toString();
    return digits.length() <= EXACT_DIGITS ? power + " = " + ReferenceReport.grouped(digits) : power;
  }

  /** A count with K to T, and beyond a thousand trillion as a power of ten: 3.4 x 10^38. */
  static String count(double value) {
    if (Math.abs(value) < 1e15) {
      return Format.count(value);
    }
    return power(value);
  }

  private static String power(double value) {
    BigDecimal d = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
    int exponent = d.precision() - d.scale() - 1;
    BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
    return mantissa.toPlainString() + " x 10^" + exponent;
  }

  /** A share as a percentage to three significant figures: 10.4%, 0.00014%, 100%. */
  private static String percent(double fraction) {
    return Format.sig3(fraction * 100) + "%";
  }

  /** A duration: in years of the calendar from one year on, else as tables write durations. */
  private static String span(double seconds, double secondsPerYear) {
    if (seconds < secondsPerYear) {
      return Format.duration(seconds);
    }
    double years = seconds / secondsPerYear;
    return (years < 1e15 ? Format.sig3(years) : power(years)) + (years == 1 ? " year" : " years");
  }
}
