package dev.envelope.model;

import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.UnitSystem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The requirements file (version 1), described once: every key with its section, the type of its
 * value, what it means, an example and its default. The reader takes its known keys from here, and
 * the JSON Schema ({@code envelope schema}) and the starter file ({@code envelope init}) are
 * generated from it, so none of them can list a key the others do not.
 *
 * <p>What a value means, and the rules that tie keys together, stay with the reader, which owns the
 * messages; the {@link Rule}s here restate those rules for the schema, and tests keep the two in
 * agreement.
 */
public final class FileSpec {
  private FileSpec() {}

  /**
   * A space in a pattern: ECMA-262's {@code \s} spelled out (tab, line breaks, the byte-order mark
   * and every Unicode space separator), which is what the reader takes for a space
   * ({@link dev.envelope.units.Numbers#isSpace}). Spelled out because {@code \s} means less in
   * other engines: in java.util.regex, only ASCII spaces.
   */
  public static final String SPACE =
      "[\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";

  /** Anything but a {@link #SPACE}. */
  public static final String NOT_SPACE = "[^" + SPACE.substring(1);

  /** The kinds of value a key takes. Each names its grammar for people and as a pattern. */
  public enum Type {
    COUNT("count", "a number, optionally with K, M, bn (or B) or T (thousand to trillion): 150M, 1.5bn, 1.5B, 1e9"),
    SIZE("size", "a number of bytes, with B, KB, MB, GB, TB, PB or EB (KiB ... EiB are always 1024): 204B, 64GB"),
    RATE("rate", "an amount per time unit, the unit required: 500M/day, 10K/s (/s, /min, /h, /day, /week, /month, /year)"),
    PER_USER_RATE("per-user rate", "an amount per time unit: 2/day, 10/h (/s ... /year); a bare number is per day"),
    REQUEST_RATE("requests per second", "a count read as per second (5000, 5K) or a rate with its unit (5K/s, 300K/min)"),
    DURATION("duration", "a number and a unit: s, min, h, d, w, mo or y (5y, 36mo, 90d), or ISO-8601 (P5Y, PT12H)"),
    PERCENTAGE("percentage", "a number with % (20%), or a fraction from 0 to 1 (0.2)"),
    TARGET("target", "strictly between 0 and 100%: 99.95%, 0.9995, \"3.5 nines\" or \"four nines\""),
    RATIO("ratio", "reads:writes (10:1, or 1:10 for write-heavy) or reads per write (10)"),
    NUMBER("number", "a plain number, no unit: 2, 2.5"),
    TEXT("text", "any text; a number or true/false is read as its text"),
    FLAG("yes or no", "true or false, any case"),
    CALENDAR("calendar", "sre, gregorian or julian (any case), or custom days {year, quarter, month}"),
    TIME("time", "a number and a unit: us, ms, s, m or min (minutes), h, d or w (20ms, 1.5s, 30m, 720h); terms add up: 1h 30m"),
    BYTE_RATE("byte rate", "a size per time unit: 5MB/s, 300GB/h (/s, /min, /h, /day, /week, /month, /year)"),
    PERCENTILE("percentile", "strictly between 0 and 100: p95, p99.9, 99.9 or 99.9%"),
    PEAK_MODEL("peak model", "diurnal (the busiest hour's share of the day), poisson (the busiest second of random arrivals)"
        + " or combined (the busiest second within the busiest hour), any case"),
    UNITS("units", "si (KB = 1000 B) or iec (KB = 1024 B), any case"),
    SECTION("section", "a mapping of its keys; a section with no value reads as absent"),
    LIST("list", "a list of mappings, each with the keys of one item"),
    NAMED_SECTIONS("named sections", "a mapping of names (any key) to sections"),
    QUANTITY("quantity", "a number with its unit, as a formula writes it: 10KB, 50K/s, 30d, 15%, 1.5bn (a plain"
        + " number is a count; B is a byte, bn a billion)"),
    FORMULA("formula", "an expression over figures and inputs: numbers with units, + - * / ^, parentheses,"
        + " references such as users.dau, inputs.NAME, figures.NAME, and min, max, ceil, floor, round, sqrt, ln,"
        + " log10, exp, abs"),
    NAMED_VALUES("named values", "a mapping of names (letters, digits and _) to values"),
    SCENARIOS("scenarios", "a mapping of scenario names to overrides: dotted input path -> value"),
    BUDGETS("budgets", "a mapping of output figure paths to limits: a comparison (<=, <, >=, >, ==) and a value"),
    LINT("lint", "a mapping with accept: a list of warning ids, as warnings print them in brackets"
        + " ([single-point-of-failure])"),
    INPUT_PAIR("input pair", "a list of two dotted paths of inputs written as ranges: [users.dau,"
        + " workloads.post.writes_per_user]"),
    RANK("rank correlation", "a plain number from -1 to 1: 0.6, -0.3 (0 for none)");

    private final String title;
    private final String grammar;

    Type(String title, String grammar) {
      this.title = title;
      this.grammar = grammar;
    }

    /** A short name: {@code count}, {@code per-user rate}. */
    public String title() {
      return title;
    }

    /** The forms a value of this type takes, for people. */
    public String grammar() {
      return grammar;
    }

    /** Whether a YAML or JSON number is a value of this type (besides a string). */
    public boolean acceptsNumbers() {
      return switch (this) {
        case COUNT, SIZE, PER_USER_RATE, REQUEST_RATE, PERCENTAGE, TARGET, RATIO, NUMBER, TEXT, PERCENTILE,
            QUANTITY, RANK -> true;
        default -> false;
      };
    }

    /** Whether a value of this type is a number with or without a unit (which may be a range). */
    public boolean isQuantity() {
      return switch (this) {
        case COUNT, SIZE, RATE, PER_USER_RATE, REQUEST_RATE, DURATION, PERCENTAGE, TARGET, RATIO, NUMBER,
            QUANTITY -> true;
        default -> false;
      };
    }

    /** Whether a value of this type is one scalar (a leaf of the file). */
    public boolean isScalar() {
      return this != SECTION && this != NAMED_SECTIONS && this != SCENARIOS && this != BUDGETS && this != LIST
          && this != NAMED_VALUES && this != INPUT_PAIR && this != LINT;
    }

    /**
     * The syntax of a string value as a regular expression (ECMA-262 and java.util.regex alike,
     * anchored, case handled with character classes), or empty where any string goes. Ranges are
     * not in the pattern: a pattern says {@code 150%} is a percentage, the reader says whether a
     * key allows it.
     */
    public Optional<String> pattern() {
      String body = switch (this) {
        case COUNT -> Regex.COUNT;
        case SIZE -> Regex.SIZE;
        case RATE -> Regex.RATE;
        case PER_USER_RATE, REQUEST_RATE -> Regex.RATE + "|" + Regex.COUNT;
        case DURATION -> Regex.DURATION;
        case PERCENTAGE -> Regex.NUMBER + SPACE + "*%|" + Regex.NUMBER;
        case TARGET -> Regex.NINES + "|" + Regex.NUMBER + SPACE + "*%|" + Regex.NUMBER;
        case RATIO -> Regex.NUMBER + SPACE + "*:" + SPACE + "*" + Regex.NUMBER + "|" + Regex.NUMBER;
        case NUMBER -> Regex.NUMBER;
        case RANK -> "[+-]?(?:" + Regex.NUMBER + ")";
        case CALENDAR -> Regex.CALENDAR_NAMES;
        case UNITS -> Regex.UNIT_SYSTEMS;
        case TIME -> Regex.TIME;
        case BYTE_RATE -> Regex.SIZE + SPACE + "*/" + SPACE + "*" + Regex.TIME_UNIT;
        case PERCENTILE -> "[pP]" + Regex.NUMBER + "|" + Regex.NUMBER + SPACE + "*%|" + Regex.NUMBER;
        case PEAK_MODEL -> Regex.PEAK_MODELS;
        case FLAG -> Regex.FLAGS;
        default -> null;
      };
      return Optional.ofNullable(body).map(b -> "^" + SPACE + "*(?:" + b + ")" + SPACE + "*$");
    }
  }

  /** The numbers a key allows; the JSON Schema applies it to values written as numbers. */
  public record Range(double min, boolean minExclusive, double max, boolean maxExclusive) {
    public static final Range NON_NEGATIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
    public static final Range POSITIVE = new Range(0, true, Double.POSITIVE_INFINITY, false);
    public static final Range AT_LEAST_ONE = new Range(1, false, Double.POSITIVE_INFINITY, false);
    /** 0 to 1: a bare number as a percentage is always a fraction (50 is refused, 50% is not). */
    public static final Range FRACTION = new Range(0, false, 1, false);
    public static final Range ABOVE_ZERO_TO_ONE = new Range(0, true, 1, false);
    public static final Range BETWEEN_ZERO_AND_ONE = new Range(0, true, 1, true);
    /** A percentile written as a number: above 1 (a bare 0.999 is ambiguous) and below 100. */
    public static final Range PERCENTILE = new Range(1, true, 100, true);
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  }

  /**
   * A key's default: a value as it would be written in the file ({@code 20%}), or a sentence
   * naming where it comes from ({@code payload}), or none.
   */
  public record Default(String text, boolean literal) {
    public static final Default NONE = new Default("", false);

    public static Default value(String text) {
      return new Default(text, true);
    }

    public static Default derived(String text) {
      return new Default(text, false);
    }

    public boolean isPresent() {
      return !text.isEmpty();
    }
  }

  /** A rule that ties the keys of one section together (the reader enforces it with its own message). */
  public sealed interface Rule {
    /** At least one of the alternatives must be given in full. */
    record AnyOf(List<List<String>> alternatives) implements Rule {
      public AnyOf {
        List<List<String>> copied = new ArrayList<>(alternatives.size());
        for (List<String> alternative : alternatives) {
          copied.add(List.copyOf(alternative));
        }
        alternatives = List.copyOf(copied);
      }
    }

    /** {@code a} and {@code b} are two forms of one figure: at most one of them. */
    record NotBoth(String a, String b) implements Rule {}

    /** {@code key} needs one of {@code anyOf} beside it. */
    record Needs(String key, List<String> anyOf) implements Rule {
      public Needs {
        anyOf = List.copyOf(anyOf);
      }
    }

    /**
     * Where {@code key} is {@code value} (any case), each of {@code requires} must be given too.
     * {@code pattern} matches the value as the schema checks it.
     */
    record When(String key, String value, String pattern, List<String> requires) implements Rule {
      public When {
        requires = List.copyOf(requires);
      }

      static When of(String key, String value, List<String> requires) {
        return new When(key, value, "^" + SPACE + "*" + Regex.anyCase(List.of(value)) + SPACE + "*$", requires);
      }
    }
  }

  /** One key of a section. {@code group} holds the keys of a nested section, a workload or a custom calendar. */
  public record Field(String key, Type type, String description, String example, Default byDefault, Range range,
      Optional<Group> group) {
    static Field of(String key, Type type, Range range, String description, String example) {
      return new Field(key, type, description, example, Default.NONE, range, Optional.empty());
    }

    static Field section(String key, Type type, Group group, String description) {
      return new Field(key, type, description, "", Default.NONE, Range.ANY, Optional.of(group));
    }

    /** A section or list inside another section, with an example of its value in flow style. */
    static Field nested(String key, Type type, Group group, String description, String example) {
      return new Field(key, type, description, example, Default.NONE, Range.ANY, Optional.of(group));
    }

    Field byDefault(Default d) {
      return new Field(key, type, description, example, d, range, group);
    }

    Field with(Group g) {
      return new Field(key, type, description, example, byDefault, range, Optional.of(g));
    }
  }

  /** The keys of one mapping of the file, in the order the reader lists them. */
  public record Group(String name, List<Field> fields, List<Rule> rules) {
    public Group {
      fields = List.copyOf(fields);
      rules = List.copyOf(rules);
    }

    /** The keys, in order. */
    public Set<String> keys() {
      Set<String> keys = new LinkedHashSet<>();
      for (Field f : fields) {
        keys.add(f.key());
      }
      return Collections.unmodifiableSet(keys);
    }

    public Field field(String key) {
      return fields.stream().filter(f -> f.key().equals(key)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(name + " has no key " + key));
    }
  }

  // Defaults as they would be written, from the reader's constants (which name their sources).
  private static Default number(double value) {
    return Default.value(dev.envelope.units.Format.plain(value));
  }

  private static Default percent(double fraction) {
    return Default.value(BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%");
  }

  /**
   * Whether the numeric keys of {@code group} accept a range ({@code "8M to 12M"}, {low, high},
   * {dist: ...}): the estimate's inputs do; conventions and availability targets are definitions,
   * not estimates.
   */
  public static boolean acceptsRanges(Group group) {
    return RANGED.contains(group.name());
  }

  private static final Set<String> RANGED =
      Set.of("users", "workload", "traffic", "storage", "cache", "capacity", "inputs",
          // How a workload reaches its users: connections, fan-out on write, CDN, a record's fields.
          "connections", "fanout_on_write", "cdn", "payload",
          // Unit prices: a price known only as a span (a discount not yet agreed) is a range.
          "cost");

  /** The keys of a range written as a mapping, and the distributions it names. */
  public static final List<String> RANGE_KEYS =
      List.of("dist", "low", "high", "mid", "confidence", "median", "sigma", "mean", "sd", "mode", "value");
  public static final List<String> DISTRIBUTIONS = List.of("lognormal", "normal", "uniform", "triangular", "fixed");

  public static final Group USERS = new Group("users", List.of(
      Field.of("dau", Type.COUNT, Range.NON_NEGATIVE, "daily active users", "150M"),
      Field.of("mau", Type.COUNT, Range.NON_NEGATIVE,
          "monthly active users; needs daily_active unless dau is given", "300M"),
      Field.of("daily_active", Type.PERCENTAGE, Range.FRACTION,
          "share of monthly users active each day: dau = mau x daily_active", "50%")),
      List.of(new Rule.AnyOf(List.of(List.of("dau"), List.of("mau", "daily_active")))));

  /** A backend call's latency, {@code workloads.NAME.call_latency}: two points, or a slow share. */
  public static final Group CALL_LATENCY = new Group("call_latency", List.of(
      Field.of("p50", Type.TIME, Range.ANY, "median latency of one call", "5ms"),
      Field.of("p99", Type.TIME, Range.ANY,
          "99th percentile of one call, above p50; with p50, calls are taken as lognormal", "50ms"),
      Field.of("slow_fraction", Type.PERCENTAGE, Range.FRACTION,
          "share of calls slower than over, instead of p50 and p99", "1%"),
      Field.of("over", Type.TIME, Range.ANY, "what a slow call takes longer than", "1s")),
      List.of(
          new Rule.AnyOf(List.of(List.of("p50", "p99"), List.of("slow_fraction", "over"))),
          new Rule.NotBoth("p50", "slow_fraction"),
          new Rule.NotBoth("p50", "over"),
          new Rule.NotBoth("p99", "slow_fraction"),
          new Rule.NotBoth("p99", "over")));

  /** A workload's writes as a log, {@code workloads.NAME.stream}. */
  public static final Group STREAM = new Group("stream", List.of(
      Field.of("partition_produce", Type.BYTE_RATE, Range.ANY,
          "bytes per second one partition takes in (typical figures: envelope reference throughput)", "5MB/s"),
      Field.of("partition_consume", Type.BYTE_RATE, Range.ANY,
          "bytes per second one consumer reads from one partition", "3MB/s")),
      List.of(new Rule.AnyOf(List.of(List.of("partition_produce"), List.of("partition_consume")))));

  /** A workload's open connections, {@code workloads.NAME.connections}. */
  public static final Group CONNECTIONS = new Group("connections", List.of(
      Field.of("online_share", Type.PERCENTAGE, Range.FRACTION,
          "share of daily active users online at the busiest moment (needs users); or concurrent", "10%"),
      Field.of("concurrent", Type.COUNT, Range.NON_NEGATIVE,
          "users online at the busiest moment, instead of online_share", "1M"),
      Field.of("per_user", Type.NUMBER, Range.POSITIVE,
          "connections each online user holds open (devices, tabs)", "1.5")
          .byDefault(number(RequirementsReader.DEFAULT_CONNECTIONS_PER_USER)),
      Field.of("per_server", Type.COUNT, Range.POSITIVE,
          "connections one server holds; gives connection servers (typical figures: envelope reference"
              + " throughput)", "50K"),
      Field.of("memory_per_connection", Type.SIZE, Range.NON_NEGATIVE,
          "server memory one connection holds; gives connection memory", "10KB"),
      Field.of("heartbeat", Type.TIME, Range.ANY,
          "time between two heartbeats or updates on one connection; gives heartbeats a second, counted among"
              + " the workload's reads", "5s")),
      List.of(
          new Rule.AnyOf(List.of(List.of("online_share"), List.of("concurrent"))),
          new Rule.NotBoth("online_share", "concurrent")));

  /** A write copied to each follower's timeline, {@code workloads.NAME.fanout_on_write}. */
  public static final Group FANOUT_ON_WRITE = new Group("fanout_on_write", List.of(
      Field.of("followers", Type.COUNT, Range.NON_NEGATIVE,
          "timelines each write is copied to: the writer's followers, on average (a range suits a heavy tail)",
          "75"),
      Field.of("entry_size", Type.SIZE, Range.NON_NEGATIVE,
          "bytes of one timeline entry (the post's and its author's IDs); gives timeline storage", "16B")),
      List.of(new Rule.AnyOf(List.of(List.of("followers")))));

  /** A CDN in front of a workload's reads, {@code workloads.NAME.cdn}. */
  public static final Group CDN = new Group("cdn", List.of(
      Field.of("hit_ratio", Type.PERCENTAGE, Range.FRACTION,
          "share of reads the CDN's edge serves; the rest reach the origin", "90%")),
      List.of(new Rule.AnyOf(List.of(List.of("hit_ratio")))));

  /** The fields of a record payload, {@code workloads.NAME.payload.fields}: one field standing for any name. */
  public static final Group PAYLOAD_FIELDS = new Group("fields", List.of(
      Field.of("NAME", Type.SIZE, Range.NON_NEGATIVE, "the bytes of one field of the record", "8B")),
      List.of());

  /** A payload written as a record, {@code workloads.NAME.payload: {fields, row_overhead}}. */
  public static final Group PAYLOAD_RECORD = new Group("payload", List.of(
      Field.nested("fields", Type.NAMED_VALUES, PAYLOAD_FIELDS,
          "the record's fields, each a name and its size; the payload is their sum and row_overhead",
          "{id: 8B, user_id: 8B, text: 140B, created: 8B}"),
      Field.of("row_overhead", Type.SIZE, Range.NON_NEGATIVE,
          "bytes each stored row adds to its fields (a row header, a null bitmap)", "23B")
          .byDefault(Default.value("0B"))),
      List.of(new Rule.AnyOf(List.of(List.of("fields")))));

  public static final Group WORKLOAD = new Group("workload", List.of(
      Field.of("writes_per_user", Type.PER_USER_RATE, Range.NON_NEGATIVE,
          "writes per daily active user (needs users)", "2/day"),
      Field.of("writes", Type.RATE, Range.NON_NEGATIVE,
          "writes for the whole system, instead of writes_per_user", "500M/day"),
      Field.of("reads_per_user", Type.PER_USER_RATE, Range.NON_NEGATIVE,
          "reads per daily active user (needs users)", "20/day"),
      Field.of("reads", Type.RATE, Range.NON_NEGATIVE,
          "reads for the whole system, instead of reads_per_user", "5B/day"),
      Field.of("read_write_ratio", Type.RATIO, Range.POSITIVE,
          "reads per write, when no read rate is given; needs a write rate", "10:1"),
      Field.of("payload", Type.SIZE, Range.NON_NEGATIVE,
          "bytes stored (and received) per write; without it, no storage and no ingress", "1KB")
          .with(PAYLOAD_RECORD),
      Field.of("read_size", Type.SIZE, Range.NON_NEGATIVE, "bytes returned per read", "1KB")
          .byDefault(Default.derived("payload")),
      Field.of("peak_factor", Type.NUMBER, Range.POSITIVE, "this workload's own peak / average", "3")
          .byDefault(Default.derived("traffic.peak_factor, or traffic.peak")),
      Field.of("latency", Type.TIME, Range.ANY,
          "service time of one request; gives requests in flight and servers at peak (Little's law, Erlang C)", "20ms"),
      Field.of("service_cv", Type.NUMBER, Range.NON_NEGATIVE,
          "the service time's coefficient of variation (standard deviation / mean): 1 exponential (the default),"
              + " 0 constant; scales the queueing wait by (1 + cv^2) / 2 (Allen-Cunneen); needs latency", "0.5"),
      Field.of("fanout", Type.COUNT, Range.AT_LEAST_ONE,
          "backend calls each request waits for, in parallel; needs call_latency", "100"),
      Field.nested("call_latency", Type.SECTION, CALL_LATENCY,
          "latency of one backend call: {p50, p99}, or {slow_fraction, over}; needs fanout", "{p50: 5ms, p99: 50ms}"),
      Field.of("hedge_after", Type.PERCENTILE, Range.PERCENTILE,
          "send a backup call once a call is slower than this percentile of its latency (needs call_latency with p50"
              + " and p99)", "p95"),
      Field.nested("stream", Type.SECTION, STREAM,
          "the workload's writes as a log (Kafka, Kinesis): each partition's limits give the partitions; needs"
              + " writes and a payload", "{partition_produce: 5MB/s, partition_consume: 3MB/s}"),
      Field.nested("connections", Type.SECTION, CONNECTIONS,
          "connections the workload's users hold open (chat, presence, push): gives concurrent connections, their"
              + " servers and memory, and heartbeats", "{online_share: 10%, per_server: 50K, memory_per_connection:"
              + " 10KB, heartbeat: 30s}"),
      Field.nested("fanout_on_write", Type.SECTION, FANOUT_ON_WRITE,
          "each write copied to its writer's followers' timelines: gives timeline writes, counted among the writes,"
              + " and timeline storage; needs writes", "{followers: 75, entry_size: 16B}"),
      Field.nested("cdn", Type.SECTION, CDN,
          "a CDN in front of the workload's reads: gives origin and edge egress, and the cache holds origin reads"
              + " only; needs reads", "{hit_ratio: 90%}"),
      Field.of("cache", Type.FLAG, Range.ANY,
          "false leaves the workload's reads out of the application cache (media a CDN or a disk serves)", "false")
          .byDefault(Default.value("true"))),
      List.of(
          new Rule.AnyOf(List.of(List.of("writes_per_user"), List.of("writes"), List.of("reads_per_user"),
              List.of("reads"), List.of("connections"))),
          new Rule.NotBoth("writes", "writes_per_user"),
          new Rule.NotBoth("reads", "reads_per_user"),
          new Rule.Needs("read_write_ratio", List.of("writes_per_user", "writes")),
          new Rule.Needs("fanout", List.of("call_latency")),
          new Rule.Needs("call_latency", List.of("fanout")),
          new Rule.Needs("hedge_after", List.of("call_latency")),
          new Rule.Needs("service_cv", List.of("latency")),
          new Rule.Needs("stream", List.of("payload")),
          new Rule.Needs("stream", List.of("writes_per_user", "writes")),
          new Rule.Needs("fanout_on_write", List.of("writes_per_user", "writes")),
          new Rule.Needs("cdn", List.of("reads_per_user", "reads", "read_write_ratio"))));

  /** {@code traffic.peak}: a model of the peak, instead of a factor. */
  public static final Group PEAK = new Group("peak", List.of(
      Field.of("model", Type.PEAK_MODEL, Range.ANY,
          "diurnal (needs peak_hour_share), poisson (needs percentile) or combined (needs both)", "diurnal"),
      Field.of("peak_hour_share", Type.PERCENTAGE, Range.ABOVE_ZERO_TO_ONE,
          "diurnal, combined: the busiest hour's share of a day's requests, at least 1/24 (4.17%); diurnal's peak"
              + " factor = share x 24",
          "10%"),
      Field.of("percentile", Type.PERCENTILE, Range.PERCENTILE,
          "poisson, combined: the share of seconds the peak covers; peak factor = the requests in that second (within"
              + " the busiest hour, for combined) / the average",
          "99.9")),
      List.of(
          new Rule.AnyOf(List.of(List.of("model"))),
          Rule.When.of("model", "diurnal", List.of("peak_hour_share")),
          Rule.When.of("model", "poisson", List.of("percentile")),
          Rule.When.of("model", "combined", List.of("peak_hour_share", "percentile"))));

  public static final Group TRAFFIC = new Group("traffic", List.of(
      Field.of("peak_factor", Type.NUMBER, Range.POSITIVE,
          "peak / average, for every workload without its own", "2")
          .byDefault(number(RequirementsReader.DEFAULT_PEAK_FACTOR)),
      Field.nested("peak", Type.SECTION, PEAK,
          "a model of the peak instead of peak_factor, for every workload without its own peak_factor: the busiest"
              + " hour's share of the day (diurnal), the busiest second of random arrivals (poisson), or the busiest"
              + " second within the busiest hour (combined)",
          "{model: diurnal, peak_hour_share: 10%}")),
      List.of(new Rule.NotBoth("peak_factor", "peak")));

  public static final Group STORAGE = new Group("storage", List.of(
      Field.of("retention", Type.DURATION, Range.ANY,
          "how long written data is kept; without it, no retained, object or replicated figures", "5y"),
      Field.of("replication", Type.NUMBER, Range.AT_LEAST_ONE, "copies of each byte, 1 or more", "3")
          .byDefault(number(RequirementsReader.DEFAULT_REPLICATION)),
      Field.of("overhead", Type.PERCENTAGE, Range.FRACTION,
          "indexes and metadata on top of the payload; over 100% when written with %", "10%")
          .byDefault(percent(RequirementsReader.DEFAULT_OVERHEAD))),
      List.of());

  public static final Group CACHE = new Group("cache", List.of(
      Field.of("hot_fraction", Type.PERCENTAGE, Range.FRACTION,
          "share of one day's read bytes kept in memory (the 80/20 rule)", "20%")
          .byDefault(percent(RequirementsReader.DEFAULT_HOT_FRACTION)),
      Field.of("node_memory", Type.SIZE, Range.POSITIVE,
          "usable memory per cache node; gives the cache node count", "64GB"),
      Field.of("hot_objects", Type.COUNT, Range.NON_NEGATIVE,
          "distinct objects read often enough to keep in memory; with object_size, gives the working set beside"
              + " the 80/20 rule", "10M"),
      Field.of("object_size", Type.SIZE, Range.NON_NEGATIVE,
          "bytes one cached object takes in memory, its key and overhead included; needs hot_objects", "2KB")),
      List.of(
          new Rule.Needs("hot_objects", List.of("object_size")),
          new Rule.Needs("object_size", List.of("hot_objects"))));

  public static final Group CAPACITY = new Group("capacity", List.of(
      Field.of("server_qps", Type.REQUEST_RATE, Range.POSITIVE,
          "requests per second one application server sustains; gives servers (typical figures: envelope"
              + " reference throughput)", "5000"),
      Field.of("shard_storage", Type.SIZE, Range.POSITIVE,
          "data one shard holds; gives shards by storage (needs storage.retention)", "2TB"),
      Field.of("shard_write_qps", Type.REQUEST_RATE, Range.POSITIVE,
          "writes per second one shard sustains; gives shards by writes (typical figures: envelope reference"
              + " throughput)", "2000"),
      Field.of("shard_read_qps", Type.REQUEST_RATE, Range.POSITIVE,
          "reads per second one shard serves; gives shards by reads (typical figures: envelope reference"
              + " throughput)", "10000"),
      Field.of("utilization", Type.PERCENTAGE, Range.ABOVE_ZERO_TO_ONE,
          "the most a node may be busy or full, above 0% and at most 100%; applies to every count", "70%")
          .byDefault(percent(RequirementsReader.DEFAULT_UTILIZATION)),
      Field.of("max_wait_p99", Type.TIME, Range.ANY,
          "the p99 of the queueing delay at peak; gives servers by Erlang C for workloads with latency", "10ms")),
      List.of());

  /**
   * Unit prices, {@code cost}: each optional, each giving one part of the cost where the estimate
   * has what it prices. No price is built in: list prices change, and the file says whose and when.
   */
  public static final Group COST = new Group("cost", List.of(
      Field.of("currency", Type.TEXT, Range.ANY,
          "the currency of every price, named once in the output: a short text such as USD or EUR", "USD"),
      Field.of("server_per_month", Type.NUMBER, Range.NON_NEGATIVE,
          "price of one server for a month; prices capacity.servers and the connection servers", "70"),
      Field.of("cache_node_per_month", Type.NUMBER, Range.NON_NEGATIVE,
          "price of one cache node for a month; prices the cache nodes", "150"),
      Field.of("storage_per_gb_month", Type.NUMBER, Range.NON_NEGATIVE,
          "price of one GB (in the file's units) kept for a month; prices the replicated bytes retained (needs"
              + " storage.retention)", "0.023"),
      Field.of("egress_per_gb", Type.NUMBER, Range.NON_NEGATIVE,
          "price of one GB served from the origin (after a CDN, where a workload has one)", "0.09"),
      Field.of("cdn_egress_per_gb", Type.NUMBER, Range.NON_NEGATIVE,
          "price of one GB served from a CDN's edge; prices the edge egress of workloads with a cdn", "0.02"),
      Field.of("per_million_requests", Type.NUMBER, Range.NON_NEGATIVE,
          "price of a million requests (a load balancer's or an API gateway's); prices all requests on average",
          "1")),
      List.of());

  /** One item of {@code availability.components}. */
  public static final Group COMPONENT = new Group("component", List.of(
      Field.of("name", Type.TEXT, Range.ANY, "the component's name, for the output and its warnings", "db"),
      Field.of("availability", Type.TARGET, Range.BETWEEN_ZERO_AND_ONE,
          "one replica's availability; or mtbf and mttr", "99.9%"),
      Field.of("mtbf", Type.TIME, Range.ANY, "mean time between failures of one replica, with mttr", "720h"),
      Field.of("mttr", Type.TIME, Range.ANY,
          "mean time to repair one replica: availability = mtbf / (mtbf + mttr)", "30m"),
      Field.of("replicas", Type.COUNT, Range.AT_LEAST_ONE,
          "replicas of the component, a whole number; one replica is a single point of failure", "3")
          .byDefault(Default.value("1")),
      Field.of("required", Type.COUNT, Range.AT_LEAST_ONE,
          "replicas that must be up for the component to be up, at most replicas (a quorum: 2 of 3)", "2")
          .byDefault(Default.value("1"))),
      List.of(
          new Rule.AnyOf(List.of(List.of("name"))),
          new Rule.AnyOf(List.of(List.of("availability"), List.of("mtbf", "mttr"))),
          new Rule.NotBoth("availability", "mtbf"),
          new Rule.NotBoth("availability", "mttr")));

  public static final Group AVAILABILITY = new Group("availability", List.of(
      Field.of("target", Type.TARGET, Range.BETWEEN_ZERO_AND_ONE,
          "availability target; gives the allowed downtime per period and the nines", "99.95%"),
      Field.of("window", Type.DURATION, Range.ANY,
          "the period the target is measured over; gives the error budget and the burn-rate alerts (needs target)",
          "30d").byDefault(Default.derived("the calendar's month")),
      Field.nested("components", Type.LIST, COMPONENT,
          "the components a request passes through, in sequence, each needed (needs target)",
          "{name: db, availability: 99.9%, replicas: 3, required: 2}")),
      List.of(
          new Rule.Needs("window", List.of("target")),
          new Rule.Needs("components", List.of("target"))));

  /** The days of a custom calendar: {@code calendar: {year: 365, month: 30}}. */
  public static final Group CALENDAR_DAYS = new Group("calendar", List.of(
      Field.of("year", Type.NUMBER, Range.POSITIVE, "days in a year; required in a custom calendar", "365"),
      Field.of("quarter", Type.NUMBER, Range.POSITIVE, "days in a quarter", "90")
          .byDefault(Default.derived("year / 4")),
      Field.of("month", Type.NUMBER, Range.POSITIVE, "days in a month", "30")
          .byDefault(Default.derived("year / 12"))),
      List.of(new Rule.AnyOf(List.of(List.of("year")))));

  public static final Group CONVENTIONS = new Group("conventions", List.of(
      Field.of("calendar", Type.CALENDAR, Range.ANY,
          "lengths of the SLA periods, and by default of the months and years in rates and retention: sre"
              + " (30-day month, 90-day quarter, 365-day year), gregorian (365.2425-day year), julian"
              + " (365.25-day year), or custom days", "sre")
          .byDefault(Default.value(Calendar.SRE.name())).with(CALENDAR_DAYS),
      Field.of("seconds_per_day", Type.COUNT, Range.POSITIVE,
          "seconds in a day, for rates, retention and per-day figures (napkin math: 100K)", "86400")
          .byDefault(number(Calendar.SECONDS_PER_DAY)),
      Field.of("seconds_per_month", Type.COUNT, Range.POSITIVE,
          "seconds in a month, for rates, retention and per-month figures", "2.5M")
          .byDefault(Default.derived("the calendar's month in days x seconds_per_day")),
      Field.of("seconds_per_year", Type.COUNT, Range.POSITIVE,
          "seconds in a year, for rates, retention and per-year figures", "30M")
          .byDefault(Default.derived("the calendar's year in days x seconds_per_day")),
      Field.of("units", Type.UNITS, Range.ANY,
          "whether KB, MB... are powers of 1000 (si) or 1024 (iec); KiB, MiB... are always 1024", "si")
          .byDefault(Default.value(UnitSystem.SI.key()))),
      List.of());

  /** The values of {@code inputs}: one field standing for any name. */
  public static final Group INPUTS = new Group("inputs", List.of(
      Field.of("NAME", Type.QUANTITY, Range.ANY, "a value of the file's own, named as formulas refer to it",
          "10KB")),
      List.of());

  /** One of the file's own figures, {@code figures.NAME}. */
  public static final Group FIGURE = new Group("figure", List.of(
      Field.of("formula", Type.FORMULA, Range.ANY,
          "how the figure is computed, e.g. users.dau * inputs.online_share", "users.dau * inputs.online_share"),
      Field.of("unit", Type.TEXT, Range.ANY, "the unit the formula must give: count, fraction, number, bytes, seconds,"
          + " per second, bytes per second, or a currency code (USD); also how the figure is shown", "count"),
      Field.of("description", Type.TEXT, Range.ANY, "what the figure means, for the tables and explain",
          "concurrent connections at the busiest moment")),
      List.of(new Rule.AnyOf(List.of(List.of("formula")))));

  /** One pair of {@code correlations}. */
  public static final Group CORRELATION = new Group("correlation", List.of(
      Field.of("inputs", Type.INPUT_PAIR, Range.ANY,
          "the two inputs that move together, each written as a range; each input is in one pair at most",
          "[users.dau, workloads.post.writes_per_user]"),
      Field.of("rank", Type.RANK, new Range(-1, false, 1, false),
          "the Spearman rank correlation of their draws: 1 for always together, -1 for always apart, 0 for none",
          "0.6")),
      List.of(new Rule.AnyOf(List.of(List.of("inputs", "rank")))));

  public static final Group ROOT = new Group("requirements", List.of(
      Field.of("name", Type.TEXT, Range.ANY, "title of the estimate", "Twitter"),
      Field.section("users", Type.SECTION, USERS, "users of the system; needed only by per-user rates"),
      Field.section("workloads", Type.NAMED_SECTIONS, WORKLOAD,
          "one or more named request types (tweet, media, redirect...), kept in file order;"
              + " estimating commands need at least one"),
      Field.section("traffic", Type.SECTION, TRAFFIC, "how far traffic peaks above its average"),
      Field.section("storage", Type.SECTION, STORAGE, "how long data is kept, and in how many copies"),
      Field.section("cache", Type.SECTION, CACHE, "what is kept in memory"),
      Field.section("capacity", Type.SECTION, CAPACITY,
          "what one node sustains; each limit gives a count, and an absent limit gives none; envelope reference"
              + " throughput lists typical figures with their sources"),
      Field.section("availability", Type.SECTION, AVAILABILITY,
          "the availability target, the components a request needs, and the error-budget window"),
      Field.section("cost", Type.SECTION, COST,
          "unit prices, each optional: gives the cost a month and a year of each part it prices, and in total"),
      Field.section("conventions", Type.SECTION, CONVENTIONS,
          "the lengths of days, months and years, and of kilobytes; each one not given is listed among the"
              + " assumptions"),
      Field.nested("inputs", Type.NAMED_VALUES, INPUTS,
          "values of the file's own, for its figures' formulas (inputs.NAME there); each a number with its unit, or a"
              + " range", "5% to 15%"),
      Field.section("figures", Type.NAMED_SECTIONS, FIGURE,
          "figures of the file's own, each a formula over the estimate's figures, the file's values and inputs, and"
              + " other figures (figures.NAME); see docs/figures.md"),
      Field.of("scenarios", Type.SCENARIOS, Range.ANY,
          "named sets of overrides, each a mapping of dotted input path to value; run one with --scenario NAME,"
              + " all side by side with --scenarios", "peak: {users.dau: 20M, traffic.peak_factor: 5}"),
      Field.of("budgets", Type.BUDGETS, Range.ANY,
          "limits on output figures, keyed by the figure's JSON path", "capacity.servers: \"<= 40\""),
      Field.nested("correlations", Type.LIST, CORRELATION,
          "pairs of ranged inputs that move together in the Monte Carlo, each with a rank correlation;"
              + " inputs not listed are drawn independently; see docs/ranges.md",
          "[{inputs: [users.dau, workloads.post.writes_per_user], rank: 0.6}]"),
      Field.of("lint", Type.LINT, Range.ANY,
          "warnings the file accepts, by id: they are not printed, and --strict fails only on the others",
          "{accept: [single-point-of-failure]}")),
      List.of());

  /**
   * A top-level {@code $schema} key naming the JSON Schema, for editors: accepted and ignored.
   * Not among {@link #ROOT}'s keys, so that the messages listing them stay about the estimate.
   */
  public static final Field SCHEMA_REFERENCE = Field.of("$schema", Type.TEXT, Range.ANY,
      "the JSON Schema this file follows, for editors; envelope ignores it",
      "requirements-v1.schema.json");

  /**
   * Every input path a scenario or {@code --set} may override, dotted, with {@code *} standing for a
   * workload's name: {@code users.dau}, {@code workloads.*.payload}, {@code conventions.calendar.year}.
   */
  public static List<String> inputPaths() {
    List<String> paths = new ArrayList<>();
    collect("", ROOT, paths);
    return paths;
  }

  private static void collect(String prefix, Group group, List<String> paths) {
    for (Field f : group.fields()) {
      String path = prefix + f.key();
      switch (f.type()) {
        case SECTION -> collect(path + ".", f.group().orElseThrow(), paths);
        case NAMED_SECTIONS -> {
          if (f.group().orElseThrow() != FIGURE) {
            collect(path + ".*.", f.group().orElseThrow(), paths);
          }
        }
        // The file's own inputs and figures are named by the file; formulas and overrides name them.
        case SCENARIOS, BUDGETS, LINT, LIST, NAMED_VALUES, INPUT_PAIR -> { }
        default -> {
          paths.add(path);
          if (f.group().isPresent()) {
            collect(path + ".", f.group().get(), paths);
          }
        }
      }
    }
  }

  /** The building blocks of {@link Type#pattern()}, from the units' own spellings. */
  private static final class Regex {
    // Loops, not streams and lambdas: this class is initialised on every run, and on JDK 17 a
    // lambda's first call links it through LambdaMetafactory, which costs a short run time.

    /** Longest first, then in alphabetical order. First: the strings below are built with it. */
    private static final Comparator<String> LONGEST_FIRST = new Comparator<>() {
      @Override
      public int compare(String a, String b) {
        return a.length() != b.length() ? Integer.compare(b.length(), a.length()) : a.compareTo(b);
      }
    };

    /** An unsigned decimal as {@code Numbers} reads it: 42, 0.5, .5, 1e9, 1_000, 86,400. */
    static final String NUMBER = "\\+?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][+-]?[0-9]+)?"
        + "|\\.[0-9][0-9_]*(?:[eE][+-]?[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]*)?)";
    static final String COUNT = NUMBER + SPACE + "*[kKmMbBtT]?";
    static final String TIME_UNIT = anyCase(rateUnits());
    static final String RATE = COUNT + SPACE + "*/" + SPACE + "*" + TIME_UNIT;
    /** B, byte, bytes; K, KB, KiB ... E, EB, EiB: the units {@code Sizes} reads. */
    static final String SIZE = NUMBER + SPACE + "*(?:[bB](?:[yY][tT][eE][sS]?)?|[kKmMgGtTpPeE](?:[iI]?[bB])?)?";
    private static final String ISO_NUMBER = "[0-9.]+";
    static final String ISO_DURATION = "[pP](?=[0-9.]|[tT][0-9.])"
        + "(?:" + ISO_NUMBER + "[yY])?(?:" + ISO_NUMBER + "[mM])?(?:" + ISO_NUMBER + "[wW])?(?:" + ISO_NUMBER + "[dD])?"
        + "(?:[tT](?=[0-9.])(?:" + ISO_NUMBER + "[hH])?(?:" + ISO_NUMBER + "[mM])?(?:" + ISO_NUMBER + "[sS])?)?";
    /** Compound durations as tables print them: 43m 12s, 1h 30min ("m" is minutes only there). */
    static final String COMPOUND_DURATION =
        "(?:[0-9]+(?:\\.[0-9]+)?" + SPACE + "*(?:" + TIME_UNIT + "|m)" + SPACE + "*){2,}";
    static final String DURATION = NUMBER + SPACE + "*" + TIME_UNIT + "|" + ISO_DURATION + "|" + COMPOUND_DURATION;
    static final String NINES = "(?:[0-9]+(?:\\.5)?|"
        + anyCase(List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))
        + ")" + SPACE + "+" + anyCase(List.of("nine", "nines"));
    static final String CALENDAR_NAMES =
        anyCase(List.of(Calendar.SRE.name(), Calendar.GREGORIAN.name(), Calendar.JULIAN.name()));
    static final String UNIT_SYSTEMS = anyCase(unitSystems());
    static final String PEAK_MODELS = anyCase(peakModels());
    static final String FLAGS = anyCase(List.of("true", "false"));
    /** The units {@code Times} reads; {@code m} is a minute there. */
    static final String TIME_UNITS = anyCase(List.of("us", "usec", "microsecond", "microseconds", "ms", "msec",
        "msecs", "millisecond", "milliseconds", "s", "sec", "secs", "second", "seconds", "m", "min", "mins",
        "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "week", "weeks"));
    static final String TIME = "(?:" + NUMBER + SPACE + "*" + TIME_UNITS + SPACE + "*)+";

    /** Alternatives matched in any case, longest first: {@code (?:[dD][aA][yY][sS]|[dD])}. */
    static String anyCase(List<String> words) {
      java.util.TreeSet<String> sorted = new java.util.TreeSet<>(LONGEST_FIRST);
      sorted.addAll(words);
      StringBuilder sb = new StringBuilder("(?:");
      for (String word : sorted) {
        sb.append(sb.length() > 3 ? "|" : "").append(anyCase(word));
      }
      return sb.append(')').toString();
    }

    /** Every spelling of the units a rate may be per. */
    private static List<String> rateUnits() {
      List<String> words = new ArrayList<>();
      for (CalendarUnit u : CalendarUnit.values()) {
        if (u.isRateUnit()) {
          words.addAll(u.aliases());
        }
      }
      return words;
    }

    private static List<String> unitSystems() {
      List<String> words = new ArrayList<>();
      for (UnitSystem u : UnitSystem.values()) {
        words.add(u.key());
      }
      return words;
    }

    private static List<String> peakModels() {
      List<String> words = new ArrayList<>();
      for (Requirements.PeakKind k : Requirements.PeakKind.values()) {
        words.add(k.key());
      }
      return words;
    }

    private static String anyCase(String word) {
      StringBuilder sb = new StringBuilder();
      for (char c : word.toCharArray()) {
        if (Character.isLetter(c)) {
          sb.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
  }
}
