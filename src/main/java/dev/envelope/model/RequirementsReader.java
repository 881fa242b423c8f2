package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
import dev.envelope.model.Node.Entry;
import dev.envelope.model.Node.MapNode;
import dev.envelope.model.Node.Scalar;
import dev.envelope.model.Node.ListNode;
import dev.envelope.model.Requirements.Assumption;
import dev.envelope.model.Requirements.CallLatency;
import dev.envelope.model.Requirements.Component;
import dev.envelope.model.Requirements.Peak;
import dev.envelope.model.Requirements.PeakKind;
import dev.envelope.model.Requirements.StreamLimits;
import dev.envelope.model.Requirements.Workload;
import dev.envelope.model.Requirements.WorkloadModel;
import dev.envelope.units.ByteRates;
import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Counts;
import dev.envelope.units.Format;
import dev.envelope.units.Fractions;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Rate;
import dev.envelope.units.Sizes;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import dev.envelope.units.Times;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a requirements file (version 1) into {@link Requirements}. Every problem in the file is
 * collected, each with its location, before one {@link EnvelopeException} reports them all.
 */
public final class RequirementsReader {
  // Defaults, each with the source that reaches the output as an assumption.
  public static final double DEFAULT_PEAK_FACTOR = 2;
  static final String PEAK_SOURCE = "default: peak = 2 x average (Alex Xu, System Design Interview, ch. 2)";
  public static final double DEFAULT_REPLICATION = 3;
  static final String REPLICATION_SOURCE = "default: three copies of each byte (the GFS and HDFS default)";
  public static final double DEFAULT_OVERHEAD = 0;
  static final String OVERHEAD_SOURCE = "default: no index or metadata overhead on top of the payload";
  public static final double DEFAULT_HOT_FRACTION = 0.2;
  static final String HOT_SOURCE = "default: the 80/20 rule, cache 20% of a day's reads (Grokking, URL shortener)";
  public static final double DEFAULT_UTILIZATION = 0.7;
  static final String UTILIZATION_SOURCE = "default: a rule of thumb, not a published figure: nodes at most 70% busy or full, headroom for peaks and failover";
  static final String WINDOW_SOURCE = "default: the calendar's month, as for the SLA periods";
  /** A flat day: the busiest hour carries at least its 1/24 share. */
  static final double MIN_PEAK_HOUR_SHARE = 1.0 / 24;
  /** The most replicas a component may have: a bound on the binomial sums, far above any real quorum. */
  static final int MAX_REPLICAS = 10_000;
  public static final double DEFAULT_CONNECTIONS_PER_USER = 1;
  static final String CONNECTIONS_PER_USER_SOURCE = "default: one connection per online user";
  static final String ROW_OVERHEAD_SOURCE = "default: no bytes per row beyond the record's fields";

  private final String file;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<Assumption> assumptions = new ArrayList<>();
  private UnitSystem units = UnitSystem.SI;
  private TimeBase time;
  private final List<Uncertain> uncertain = new ArrayList<>();
  private final java.util.Map<String, String> inherits = new java.util.LinkedHashMap<>();
  private final List<Requirements.Order> orders = new ArrayList<>();

  private RequirementsReader(String file) {
    this.file = file;
  }

  /**
   * The parsers of the file's values, each one object of one class: a lambda or a method reference
   * at each call would cost a run's start-up its linking, some 0.3 ms apiece, for 60 of them.
   */
  private final Parsers parse = new Parsers();

  private enum Kind { POSITIVE, RETENTION, REPLICATION, OVERHEAD, PERCENT, POSITIVE_SIZE, COUNT, SIZE, PER_SECOND, UTILIZATION, TARGET, WINDOW, PRICE, PEAK_KIND, PEAK_HOUR_SHARE, PERCENTILE, POSITIVE_TIME, NON_NEGATIVE, FANOUT, BYTE_RATE, RATE_PER_USER, RATE, RATIO, UNITS, CALENDAR, SECONDS, LATENCY }

  private final class Parse<T> implements Function<String, T> {
    private final Kind kind;

    Parse(Kind kind) {
      this.kind = kind;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T apply(String t) {
      Object value = switch (kind) {
        case POSITIVE -> positive(t);
        case RETENTION -> retention(t);
        case REPLICATION -> replication(t);
        case OVERHEAD -> Fractions.percent(t, true);
        case PERCENT -> Fractions.percent(t, false);
        case POSITIVE_SIZE -> positiveSize(t);
        case COUNT -> nonNegativeCount(t);
        case SIZE -> Sizes.parse(t, units);
        case PER_SECOND -> perSecond(t, time);
        case UTILIZATION -> utilization(t);
        case TARGET -> Fractions.target(t);
        case WINDOW -> window(t);
        case PRICE -> price(t);
        case PEAK_KIND -> peakKind(t);
        case PEAK_HOUR_SHARE -> peakHourShare(t);
        case PERCENTILE -> Fractions.percentile(t);
        case POSITIVE_TIME -> positiveTime(t);
        case NON_NEGATIVE -> nonNegativeNumber(t);
        case FANOUT -> wholeCount(t, "a whole number of calls, 1 or more");
        case BYTE_RATE -> positiveByteRate(t);
        case RATE_PER_USER -> Rate.parse(t, CalendarUnit.DAY);
        case RATE -> Rate.parse(t, null);
        case RATIO -> Fractions.ratio(t);
        case UNITS -> UnitSystem.parse(t);
        case CALENDAR -> Calendar.named(t);
        case SECONDS -> seconds(t);
        case LATENCY -> Times.seconds(t);
      };
      return (T) value;
    }
  }

  private final class Parsers {
    final Function<String, Double> positive = new Parse<>(Kind.POSITIVE);
    final Function<String, Span> retention = new Parse<>(Kind.RETENTION);
    final Function<String, Double> replication = new Parse<>(Kind.REPLICATION);
    final Function<String, Double> overhead = new Parse<>(Kind.OVERHEAD);
    final Function<String, Double> percent = new Parse<>(Kind.PERCENT);
    final Function<String, Double> positiveSize = new Parse<>(Kind.POSITIVE_SIZE);
    final Function<String, Double> count = new Parse<>(Kind.COUNT);
    final Function<String, Double> size = new Parse<>(Kind.SIZE);
    final Function<String, Double> perSecond = new Parse<>(Kind.PER_SECOND);
    final Function<String, Double> utilization = new Parse<>(Kind.UTILIZATION);
    final Function<String, Double> target = new Parse<>(Kind.TARGET);
    final Function<String, Span> window = new Parse<>(Kind.WINDOW);
    final Function<String, Double> price = new Parse<>(Kind.PRICE);
    final Function<String, PeakKind> peakKind = new Parse<>(Kind.PEAK_KIND);
    final Function<String, Double> peakHourShare = new Parse<>(Kind.PEAK_HOUR_SHARE);
    final Function<String, Double> percentile = new Parse<>(Kind.PERCENTILE);
    final Function<String, Double> positiveTime = new Parse<>(Kind.POSITIVE_TIME);
    final Function<String, Double> nonNegative = new Parse<>(Kind.NON_NEGATIVE);
    final Function<String, Double> fanout = new Parse<>(Kind.FANOUT);
    final Function<String, Double> byteRate = new Parse<>(Kind.BYTE_RATE);
    final Function<String, Rate> ratePerUser = new Parse<>(Kind.RATE_PER_USER);
    final Function<String, Rate> rate = new Parse<>(Kind.RATE);
    final Function<String, Double> ratio = new Parse<>(Kind.RATIO);
    final Function<String, UnitSystem> units = new Parse<>(Kind.UNITS);
    final Function<String, Calendar> calendar = new Parse<>(Kind.CALENDAR);
    final Function<String, Double> seconds = new Parse<>(Kind.SECONDS);
    final Function<String, Double> latency = new Parse<>(Kind.LATENCY);
  }

  /** What a command needs from the file. */
  public enum Need {
    /** A full estimate: at least one workload. */
    ESTIMATE,
    /** Only the SLA section: availability and conventions; workloads are optional. */
    SLA
  }

  public static Requirements read(String file, byte[] bytes, Need need) {
    return Document.parse(file, bytes).bind(need, Optional.empty(), List.of());
  }

  /** Binds a tree (with any overrides already applied), adding {@code prior} problems to its own. */
  static Requirements bind(String file, Node root, Need need, List<Diagnostic> prior) {
    return bind(file, root, need, prior, Set.of());
  }

  /**
   * {@link #bind}, where the inputs at {@code overridden} (dotted paths) were given a value by a
   * scenario, {@code --set} or {@code --vary}: a correlation whose input one of them fixed to a
   * single value is left out of the draws rather than refused.
   */
  static Requirements bind(String file, Node root, Need need, List<Diagnostic> prior, Set<String> overridden) {
    RequirementsReader reader = new RequirementsReader(file);
    reader.problems.addAll(prior);
    reader.overridden = Set.copyOf(overridden);
    return reader.bind(root, need);
  }

  /** The inputs given a value by a scenario or the command line (dotted paths). */
  private Set<String> overridden = Set.of();

  private Requirements bind(Node rootNode, Need need) {
    if (!(rootNode instanceof MapNode rootMap)) {
      throw TreeParser.invalid(rootNode.location(), "",
          "the file holds " + Node.kind(rootNode) + "; expected a mapping of requirements (users, workloads, ...)");
    }
    Mapping root = new Mapping("", rootMap, FileSpec.ROOT.keys());
    root.used.add("scenarios"); // read by Document
    root.used.add("budgets");
    root.used.add("lint");
    // An editor's pointer to the JSON Schema: read as text, then ignored.
    root.text(FileSpec.SCHEMA_REFERENCE.key());
    Requirements.Conventions conventions = conventions(root.section("conventions", FileSpec.CONVENTIONS.keys()));
    time = conventions.time();
    Optional<String> name = root.text("name");
    Mapping usersSection = root.section("users", FileSpec.USERS.keys());
    Optional<Requirements.Users> users = users(usersSection);

    Mapping traffic = root.section("traffic", FileSpec.TRAFFIC.keys());
    double peakFactor = traffic.value("peak_factor", parse.positive).orElse(Double.NaN);
    Optional<Peak> peakModel = peak(traffic);
    boolean peakDefaulted = Double.isNaN(peakFactor) && peakModel.isEmpty();
    if (peakDefaulted) {
      peakFactor = DEFAULT_PEAK_FACTOR;
    }

    List<Workload> workloads = new ArrayList<>();
    List<WorkloadModel> workloadModels = new ArrayList<>();
    boolean anyLatency = false;
    boolean anyPeakDefaulted = false;
    boolean anyReads = false;
    boolean anyPayload = false;
    boolean anyWrites = false;
    boolean anyReadRate = false;
    boolean anyPerServer = false;
    Entry workloadsEntry = root.entry("workloads");
    if (workloadsEntry == null) {
      if (need == Need.ESTIMATE) {
        problems.add(new Diagnostic(rootMap.location(), "workloads",
            "missing; expected one or more named workloads, e.g. workloads: {tweet: {writes_per_user: 2/day}}"));
      }
    } else if (!(workloadsEntry.value() instanceof MapNode workloadsMap)) {
      problems.add(new Diagnostic(workloadsEntry.value().location(), "workloads",
          "got " + Node.kind(workloadsEntry.value()) + "; expected a mapping of named workloads"));
    } else if (workloadsMap.entries().isEmpty() && need == Need.ESTIMATE) {
      problems.add(new Diagnostic(workloadsEntry.keyLocation(), "workloads",
          "no workload; expected at least one, e.g. tweet: {writes_per_user: 2/day}"));
    } else if (workloadsMap.entries().size() > Limits.MAX_WORKLOADS) {
      Entry beyond = new ArrayList<>(workloadsMap.entries().values()).get(Limits.MAX_WORKLOADS);
      problems.add(Limits.tooMany(beyond.keyLocation(), "workloads", "workloads", workloadsMap.entries().size(),
          Limits.MAX_WORKLOADS, "past a thousand request types an estimate is an inventory; group similar ones"));
    } else {
      for (Entry e : workloadsMap.entries().values()) {
        String path = "workloads." + e.key();
        if (!(e.value() instanceof MapNode wmap)) {
          problems.add(new Diagnostic(e.value().location(), path,
              "got " + Node.kind(e.value()) + "; expected a mapping such as {writes_per_user: 2/day, payload: 1KB}"));
          continue;
        }
        Mapping w = new Mapping(path, wmap, FileSpec.WORKLOAD.keys());
        Workload workload = workload(e, w, users, !usersSection.isAbsent(), peakFactor);
        WorkloadModel model = workloadModel(e, w, peakModel.isPresent() && w.entry("peak_factor") == null);
        workloadModels.add(model);
        anyLatency |= model.latencySeconds().isPresent();
        if (workload != null) {
          workloads.add(workload);
          anyPeakDefaulted |= peakDefaulted && w.entry("peak_factor") == null;
          boolean writes = workload.writes().isPresent() || workload.writesPerUser().isPresent();
          anyWrites |= writes;
          anyReadRate |= workload.reads().isPresent() || workload.readsPerUser().isPresent()
              || (writes && workload.readWriteRatio().isPresent());
          Requirements.Delivery d = workload.delivery();
          boolean heartbeats = d.connections().isPresent() && d.connections().get().heartbeatSeconds().isPresent();
          anyReadRate |= heartbeats;
          anyPayload |= (workload.payload().isPresent()
              || (d.fanoutOnWrite().isPresent() && d.fanoutOnWrite().get().entrySize().isPresent())) && writes;
          anyPerServer |= d.connections().isPresent() && d.connections().get().perServer().isPresent();
          // The cache rule needs reads with a size, of a workload the cache holds.
          anyReads |= (workload.reads().isPresent() || workload.readsPerUser().isPresent()
              || workload.readWriteRatio().isPresent() || heartbeats) && workload.readSize().isPresent()
              && d.cached();
        }
        w.reportUnknown();
      }
    }
    final boolean readsExist = anyReads;
    final boolean stored = anyPayload;
    if (anyPeakDefaulted) {
      assumptions.add(new Assumption("traffic.peak_factor", DEFAULT_PEAK_FACTOR, PEAK_SOURCE));
    }

    Mapping storageSection = root.section("storage", FileSpec.STORAGE.keys());
    Optional<Span> retention = storageSection.value("retention", parse.retention);
    Mapping cap = root.section("capacity", FileSpec.CAPACITY.keys());
    // Defaults are listed only where a figure uses them: replication in replicated bytes and
    // nodes, overhead in stored bytes, utilization in a count. A shard limit gives a count only
    // where its demand exists: retained bytes, writes, reads.
    boolean shardCounts = (cap.entry("shard_storage") != null && stored && retention.isPresent())
        || (cap.entry("shard_write_qps") != null && anyWrites)
        || (cap.entry("shard_read_qps") != null && anyReadRate);
    Need replicated = (stored && retention.isPresent()) || shardCounts ? need : Need.SLA;
    Optional<Double> replicationGiven = storageSection.value("replication", parse.replication);
    double replication = replicationGiven.isPresent() ? replicationGiven.get()
        : defaulted("storage.replication", DEFAULT_REPLICATION, REPLICATION_SOURCE, replicated);
    Optional<Double> overheadGiven = storageSection.value("overhead", parse.overhead);
    double overhead = overheadGiven.isPresent() ? overheadGiven.get()
        : defaulted("storage.overhead", DEFAULT_OVERHEAD, OVERHEAD_SOURCE, stored ? need : Need.SLA);
    Mapping cacheSection = root.section("cache", FileSpec.CACHE.keys());
    Optional<Double> hotGiven = cacheSection.value("hot_fraction", parse.percent);
    double hot = hotGiven.isPresent() ? hotGiven.get()
        : defaulted("cache.hot_fraction", DEFAULT_HOT_FRACTION, HOT_SOURCE, readsExist ? need : Need.SLA);
    OptionalDouble nodeMemory = optional(cacheSection.value("node_memory", parse.positiveSize));
    OptionalDouble hotObjects = optional(cacheSection.value("hot_objects", parse.count));
    OptionalDouble objectSize = optional(cacheSection.value("object_size", parse.size));
    boolean workingSet = workingSet(cacheSection);
    OptionalDouble serverQps = optional(cap.value("server_qps", parse.perSecond));
    OptionalDouble shardStorage = optional(cap.value("shard_storage", parse.positiveSize));
    OptionalDouble shardWrites = optional(cap.value("shard_write_qps", parse.perSecond));
    OptionalDouble shardReads = optional(cap.value("shard_read_qps", parse.perSecond));
    OptionalDouble maxWait = optional(cap.value("max_wait_p99", parse.latency));
    // Queueing divides each workload's load by utilization too.
    final boolean limited = serverQps.isPresent() || shardCounts
        || (nodeMemory.isPresent() && (readsExist || workingSet)) || anyLatency || anyPerServer;
    Optional<Double> utilizationGiven = cap.value("utilization", parse.utilization);
    double utilization = utilizationGiven.isPresent() ? utilizationGiven.get()
        : defaulted("capacity.utilization", DEFAULT_UTILIZATION, UTILIZATION_SOURCE, limited ? need : Need.SLA);
    Mapping availability = root.section("availability", FileSpec.AVAILABILITY.keys());
    availability.single("a target is a requirement, not an estimate");
    OptionalDouble target = optional(availability.value("target", parse.target));
    Optional<Span> window = availability.value("window", parse.window);
    List<Component> components = components(availability);
    for (String key : List.of("window", "components")) {
      Entry e = availability.entry(key);
      if (e != null && availability.entry("target") == null) {
        problems.add(new Diagnostic(e.keyLocation(), availability.child(key),
            key + (key.equals("components") ? " need" : " needs")
                + " a target to measure against; expected target: 99.9% beside it"));
      }
    }
    if (target.isPresent() && window.isEmpty()) {
      defaulted("availability.window", conventions.calendar().periodSeconds(CalendarUnit.MONTH), WINDOW_SOURCE, need);
    }

    Mapping costSection = root.section("cost", FileSpec.COST.keys());
    Requirements.Cost cost = cost(costSection);

    root.used.add("inputs");
    root.used.add("figures");
    List<Requirements.UserInput> userInputs = userInputs(root.entry("inputs"), conventions);
    List<Requirements.UserFigure> userFigures = userFigures(root.entry("figures"), conventions);
    root.used.add("correlations");
    Set<String> workloadNames = new HashSet<>();
    for (Workload w : workloads) {
      workloadNames.add(w.name());
    }
    for (Requirements.UserInput u : userInputs) {
      workloadNames.add("inputs." + u.name());
    }
    List<Requirements.Correlation> correlations = correlations(root.entry("correlations"), workloadNames);

    for (Mapping s : List.of(root, usersSection, traffic, storageSection, cacheSection, cap, availability,
        costSection)) {
      s.reportUnknown();
    }
    if (!problems.isEmpty()) {
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, Diagnostic.sorted(problems));
    }
    return new Requirements(file, name, users, workloads,
        new Requirements.Storage(retention, replication, overhead),
        new Requirements.Cache(hot, nodeMemory, hotObjects, objectSize),
        new Requirements.Capacity(serverQps, shardStorage, shardWrites, shardReads, utilization),
        target, conventions, assumptions, new Requirements.Uncertainty(uncertain, inherits, orders, correlations),
        new Requirements.ModelInputs(window, components, peakModel, workloadModels, maxWait), userInputs, userFigures,
        cost);
  }

  static final String CORRELATION_EXAMPLE = "[{inputs: [users.dau, workloads.post.writes_per_user], rank: 0.6}]";

  /**
   * {@code correlations}: pairs of ranged inputs that move together, each with a Spearman rank
   * correlation from -1 to 1. Each input is in one pair at most.
   */
  private List<Requirements.Correlation> correlations(Entry entry, Set<String> workloadNames) {
    List<Requirements.Correlation> out = new ArrayList<>();
    if (entry == null || entry.value() instanceof Scalar s && s.text() == null) {
      return out;
    }
    if (!(entry.value() instanceof Node.ListNode list)) {
      problems.add(new Diagnostic(entry.value().location(), "correlations", "got " + Node.kind(entry.value())
          + "; expected a list of pairs, such as " + CORRELATION_EXAMPLE));
      return out;
    }
    java.util.Map<String, Uncertain> ranged = new java.util.HashMap<>();
    uncertain.forEach(u -> ranged.put(u.path(), u));
    java.util.Map<String, Location> taken = new java.util.HashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String path = "correlations[" + i + "]";
      if (!(item instanceof MapNode map)) {
        problems.add(new Diagnostic(item.location(), path, "got " + Node.kind(item)
            + "; expected a pair such as {inputs: [users.dau, workloads.post.writes_per_user], rank: 0.6}"));
        continue;
      }
      boolean ok = true;
      for (Entry e : map.entries().values()) {
        if (!FileSpec.CORRELATION.keys().contains(e.key())) {
          problems.add(new Diagnostic(e.keyLocation(), path + "." + e.key(),
              "unknown key in a correlation; expected inputs and rank"));
          ok = false;
        }
      }
      Entry inputs = map.entries().get("inputs");
      Entry rankEntry = map.entries().get("rank");
      if (inputs == null || rankEntry == null) {
        problems.add(new Diagnostic(map.location(), path + "." + (inputs == null ? "inputs" : "rank"),
            "missing; expected both inputs and rank, such as {inputs: [users.dau, workloads.post.writes_per_user],"
                + " rank: 0.6}"));
        continue;
      }
      double rank = Double.NaN;
      String rankText = rankEntry.value() instanceof Scalar s ? s.text() : null;
      try {
        String t = rankText == null ? "" : Numbers.spaces(rankText).strip();
        boolean minus = t.startsWith("-");
        rank = Numbers.parse(minus || t.startsWith("+") ? t.substring(1) : t, "a rank correlation");
        rank = minus ? -rank : rank;
      } catch (QuantityException x) {
        // reported below
      }
      if (!(rank >= -1 && rank <= 1)) {
        problems.add(new Diagnostic(rankEntry.value().location(), path + ".rank", "got " + Node.kind(rankEntry.value())
            + "; expected a rank correlation from -1 to 1, such as 0.6 (0 for none; negative for inputs that move"
            + " apart)"));
        ok = false;
      }
      if (!(inputs.value() instanceof Node.ListNode pair) || pair.items().size() != 2
          || !pair.items().stream().allMatch(n -> n instanceof Scalar s && s.text() != null)) {
        problems.add(new Diagnostic(inputs.value().location(), path + ".inputs", "got " + Node.kind(inputs.value())
            + "; expected two input paths, such as [users.dau, workloads.post.writes_per_user]"));
        continue;
      }
      List<String> names = new ArrayList<>();
      boolean fixed = pair.items().stream().map(n -> ((Scalar) n).text().strip())
          .anyMatch(name -> !ranged.containsKey(name) && overridden.contains(name));
      if (fixed) {
        // A scenario or the command line gave one input of the pair a single value: nothing to
        // correlate in this binding (a sweep's --vary does this on purpose).
        continue;
      }
      for (Node n : pair.items()) {
        Scalar s = (Scalar) n;
        String name = s.text().strip();
        if (!ranged.containsKey(name)) {
          problems.add(new Diagnostic(s.location(), path + ".inputs", (known(name, workloadNames)
              ? "'" + Diagnostic.got(name) + "' is not written as a range; expected an input written as a range,"
                  + " such as users.dau: 8M to 12M"
              : "no input '" + Diagnostic.got(name) + "' in this file; expected the path of an input written as a"
                  + " range") + ranges(ranged)));
          ok = false;
        } else if (names.contains(name)) {
          problems.add(new Diagnostic(s.location(), path + ".inputs", "the same input twice ('" + name
              + "'); expected two different inputs"));
          ok = false;
        } else if (taken.containsKey(name)) {
          Location first = taken.get(name);
          problems.add(new Diagnostic(s.location(), path + ".inputs", "'" + name + "' is already in a correlation"
              + " (line " + first.line() + "); expected each input in one pair at most"));
          ok = false;
        }
        names.add(name);
      }
      if (ok) {
        for (Node n : pair.items()) {
          taken.put(((Scalar) n).text().strip(), n.location());
        }
        out.add(new Requirements.Correlation(names.get(0), names.get(1), rank, map.location()));
      }
    }
    return out;
  }

  /**
   * Whether {@code path} names an input of the file format, of a workload in the file, or one of the
   * file's own inputs ({@code names}: the workloads' names and {@code inputs.NAME} paths).
   */
  private boolean known(String path, Set<String> workloadNames) {
    int dot = path.indexOf('.', 10);
    if (path.startsWith("workloads.") && dot > 0) {
      return workloadNames.contains(path.substring(10, dot))
          && FileSpec.inputPaths().contains("workloads.*" + path.substring(dot));
    }
    return FileSpec.inputPaths().contains(path) || workloadNames.contains(path);
  }

  /** The ranged inputs, for a message: ({@code the ranges here: a, b}). */
  private static String ranges(java.util.Map<String, Uncertain> ranged) {
    if (ranged.isEmpty()) {
      return " (this file has none)";
    }
    return " (the ranges here: " + String.join(", ", new java.util.TreeSet<>(ranged.keySet())) + ")";
  }

  /** A currency as the output names it: a short word or symbol, no spaces (USD, EUR, US$). */
  private static final java.util.regex.Pattern CURRENCY =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}\\p{Sc}.]{1,12}");

  /** {@code cost}: the currency and the unit prices, each optional and none built in. */
  private Requirements.Cost cost(Mapping c) {
    Optional<String> currency = c.text("currency");
    if (currency.isPresent() && !CURRENCY.matcher(currency.get()).matches()) {
      Entry e = c.entry("currency");
      problems.add(new Diagnostic(e.value().location(), c.child("currency"), "not a currency (got '"
          + Diagnostic.got(currency.get()) + "'); expected a short text of letters, digits or a currency sign, at"
          + " most 12 characters and no spaces, such as USD, EUR or US$"));
      currency = Optional.empty();
    }
    return new Requirements.Cost(currency,
        optional(c.value("server_per_month", parse.price)),
        optional(c.value("cache_node_per_month", parse.price)),
        optional(c.value("storage_per_gb_month", parse.price)),
        optional(c.value("egress_per_gb", parse.price)),
        optional(c.value("cdn_egress_per_gb", parse.price)),
        optional(c.value("per_million_requests", parse.price)));
  }

  /** A unit price: a plain number, 0 or more, in the file's currency. */
  private static double price(String text) {
    double value = Numbers.parse(text, "a price, a plain number such as 70 or 0.023");
    if (value < 0) {
      throw new QuantityException("a price cannot be negative", "a price, a plain number such as 70 or 0.023");
    }
    return value;
  }

  /** A name of the file's own, as formulas write it after {@code inputs.} or {@code figures.}. */
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  /** The mapping under {@code key}, or null (with a problem when it is something else). */
  private MapNode named(Entry entry, String key, String example) {
    if (entry == null || entry.value() instanceof Scalar s && s.text() == null) {
      return null;
    }
    if (!(entry.value() instanceof MapNode map)) {
      problems.add(new Diagnostic(entry.value().location(), key, "got " + Node.kind(entry.value())
          + "; expected a mapping of names, e.g. " + example));
      return null;
    }
    return map;
  }

  /** Whether {@code e}'s key can name an input or a figure; else a problem at the key. */
  private boolean nameable(Entry e, String section, int index, int max, int count) {
    if (index == max) {
      problems.add(Limits.tooMany(e.keyLocation(), section, section, count, max,
          "an estimate's own figures are a handful, not hundreds"));
    }
    if (index >= max) {
      return false;
    }
    if (!NAME.matcher(e.key()).matches()) {
      problems.add(new Diagnostic(e.keyLocation(), section + "." + Diagnostic.got(e.key()), "not a name a formula can"
          + " use (got '" + Diagnostic.got(e.key()) + "'); expected letters, digits and _, starting with a letter or _,"
          + " at most 64 characters, e.g. online_share"));
      return false;
    }
    return true;
  }

  /** {@code inputs:} values of the file's own, each a number with its unit, or a range of them. */
  private List<Requirements.UserInput> userInputs(Entry entry, Requirements.Conventions conventions) {
    List<Requirements.UserInput> out = new ArrayList<>();
    MapNode map = named(entry, "inputs", "inputs: {online_share: 5% to 15%, memory_per_connection: 10KB}");
    if (map == null) {
      return out;
    }
    int i = 0;
    for (Entry e : map.entries().values()) {
      if (!nameable(e, "inputs", i++, Limits.MAX_USER_INPUTS, map.entries().size())) {
        continue;
      }
      String path = "inputs." + e.key();
      // Each end of a range is read as a formula's number; they must share one unit.
      List<dev.envelope.units.Dimension> units = new ArrayList<>();
      boolean[] percent = {false};
      java.util.function.Function<String, Double> parser = text -> {
        Formula f;
        try {
          f = Formula.parse(text, conventions.units(), conventions.time());
        } catch (FormulaException x) {
          throw new QuantityException(x.problem(), "a number with its unit: 10KB, 50K/s, 30d, 15%, 1.5bn");
        }
        if (!(f.root() instanceof Formula.Number n)) {
          throw new QuantityException("not a number with its unit", "a value such as 10KB, 50K/s, 30d, 15% or"
              + " 1.5bn (a formula goes under figures)");
        }
        units.add(n.unit());
        percent[0] |= n.text().endsWith("%");
        return n.value();
      };
      Node value = e.value();
      Double read;
      Location at = value.location();
      if (Ranges.isRange(value)) {
        Ranges.Read<Double> r = Ranges.read(new Ranges.Field<>(path, parser, conventions.time(),
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false), value, problems);
        if (r == null) {
          continue;
        }
        uncertain.add(r.uncertain());
        read = r.point();
      } else if (value instanceof Scalar s && s.text() != null) {
        try {
          read = parser.apply(s.text());
        } catch (QuantityException q) {
          problems.add(new Diagnostic(s.location(), path, q.problem() + " (got '" + Diagnostic.got(s.text())
              + "'); expected " + q.expected()));
          continue;
        }
      } else {
        problems.add(new Diagnostic(value.location(), path, "got " + Node.kind(value)
            + "; expected a number with its unit (10KB, 50K/s, 30d, 15%) or a range (5% to 15%)"));
        continue;
      }
      if (units.stream().distinct().count() > 1) {
        problems.add(new Diagnostic(at, path, "the ends of the range are in different units ("
            + String.join(", ", units.stream().distinct().map(dev.envelope.units.Dimension::describe).toList())
            + "); expected one unit, e.g. 5% to 15%"));
        continue;
      }
      out.add(new Requirements.UserInput(e.key(), read, units.isEmpty() ? dev.envelope.units.Dimension.NONE
          : units.get(0), percent[0], at));
    }
    return out;
  }

  /** {@code figures:} figures of the file's own: each formula parsed, and its declared unit read. */
  private List<Requirements.UserFigure> userFigures(Entry entry, Requirements.Conventions conventions) {
    List<Requirements.UserFigure> out = new ArrayList<>();
    MapNode map = named(entry, "figures", "figures: {connections: {formula: users.dau * inputs.online_share}}");
    if (map == null) {
      return out;
    }
    int i = 0;
    for (Entry e : map.entries().values()) {
      if (!nameable(e, "figures", i++, Limits.MAX_USER_FIGURES, map.entries().size())) {
        continue;
      }
      String path = "figures." + e.key();
      if (!(e.value() instanceof MapNode fmap)) {
        problems.add(new Diagnostic(e.value().location(), path, "got " + Node.kind(e.value())
            + "; expected a mapping such as {formula: users.dau * inputs.online_share, unit: count}"));
        continue;
      }
      Mapping s = new Mapping(path, fmap, FileSpec.FIGURE.keys());
      s.single("a figure's formula is exact; its inputs may be ranges");
      Optional<String> text = s.text("formula");
      Optional<String> unit = s.text("unit");
      Optional<String> description = s.text("description");
      s.reportUnknown();
      if (s.entry("formula") == null) {
        problems.add(new Diagnostic(e.keyLocation(), path + ".formula",
            "missing; expected formula: an expression such as users.dau * inputs.online_share"));
        continue;
      }
      if (text.isEmpty()) {
        continue;
      }
      Scalar formulaNode = (Scalar) s.entry("formula").value();
      Formula formula;
      try {
        formula = Formula.parse(text.get(), conventions.units(), conventions.time());
      } catch (FormulaException x) {
        problems.add(new Diagnostic(formulaNode.at(x.offset()), path + ".formula", x.problem()
            + " (in '" + Diagnostic.got(text.get()) + "' at column " + (x.offset() + 1) + " of the formula); expected "
            + x.expected()));
        continue;
      }
      if (unit.isPresent() && dev.envelope.units.Dimension.named(unit.get().strip()).isEmpty()) {
        Scalar u = (Scalar) s.entry("unit").value();
        problems.add(new Diagnostic(u.location(), path + ".unit", "not a unit (got '" + Diagnostic.got(unit.get())
            + "'); expected one of: " + String.join(", ", dev.envelope.units.Dimension.NAMES)
            + ", or a currency code such as USD"));
        continue;
      }
      out.add(new Requirements.UserFigure(e.key(), formula, unit.map(String::strip).orElse(""), description,
          formulaNode, e.keyLocation()));
    }
    return out;
  }

  private boolean isUncertain(String path) {
    return uncertain(path) != null;
  }

  /** The range read at {@code path}, or null. The last one read is the likeliest: look from the end. */
  private Uncertain uncertain(String path) {
    for (int i = uncertain.size() - 1; i >= 0; i--) {
      if (uncertain.get(i).path().equals(path)) {
        return uncertain.get(i);
      }
    }
    return null;
  }

  /**
   * Keeps {@code lower} (at most, or with {@code strict} below) {@code upper} in every draw where
   * either is a range: the ranges as written must keep the order (the lower one's p95 at or below the
   * upper one's p5), else a problem at {@code lowerKey}; draws past that in the tails are lowered
   * ({@link Requirements.Order}). Returns false when it reported a problem.
   */
  private boolean ordered(Mapping s, String lowerKey, double lowerPoint, String upperKey, double upperPoint,
      boolean strict, String why) {
    Uncertain lo = uncertain(s.child(lowerKey));
    Uncertain up = uncertain(s.child(upperKey));
    if (lo == null && up == null) {
      return true;
    }
    double loHigh = lo == null ? lowerPoint : lo.quantile(0.95);
    double upLow = up == null ? upperPoint : up.quantile(0.05);
    if (strict ? !(loHigh < upLow) : !(loHigh <= upLow)) {
      Entry at = s.entry(lowerKey);
      problems.add(new Diagnostic(at.value().location(), s.child(lowerKey), "the range"
          + (lo == null ? "" : " '" + Diagnostic.got(lo.written()) + "'") + " reaches " + Format.sig3(loHigh)
          + (lo == null ? "" : " (its p95)") + ", " + (strict ? "not below " : "above ") + upperKey + "'s "
          + Format.sig3(upLow) + (up == null ? "" : " (its p5)") + ": " + why + "; expected ranges whose 90% intervals"
          + " keep " + lowerKey + (strict ? " below " : " at or below ") + upperKey));
      return false;
    }
    orders.add(new Requirements.Order(s.child(lowerKey), lowerPoint, s.child(upperKey), upperPoint, strict));
    return true;
  }

  /** {@code traffic.peak}: a model of the peak, instead of peak_factor. */
  private Optional<Peak> peak(Mapping traffic) {
    Mapping s = traffic.section("peak", FileSpec.PEAK.keys());
    if (s.isAbsent()) {
      return Optional.empty();
    }
    if (traffic.entry("peak_factor") != null) {
      problems.add(new Diagnostic(traffic.entry("peak").keyLocation(), s.path(),
          "both peak_factor and peak are given; expected only one of them"));
    }
    Optional<PeakKind> model = s.value("model", parse.peakKind);
    Optional<Double> share = s.value("peak_hour_share", parse.peakHourShare);
    Optional<Double> percentile = s.value("percentile", parse.percentile);
    s.reportUnknown();
    if (s.entry("model") == null) {
      problems.add(new Diagnostic(s.location(), s.child("model"),
          "missing; expected model: diurnal (with peak_hour_share: 10%) or model: poisson (with percentile: 99.9)"));
      return Optional.empty();
    }
    if (model.isEmpty()) {
      return Optional.empty();
    }
    if (model.get() == PeakKind.COMBINED) {
      for (String key : List.of("peak_hour_share", "percentile")) {
        if (s.entry(key) == null) {
          problems.add(new Diagnostic(s.entry("model").value().location(), s.child("model"), "combined needs "
              + key + "; expected peak_hour_share: 10% and percentile: 99.9 beside it"));
        }
      }
      return share.isPresent() && percentile.isPresent()
          ? Optional.of(new Peak(PeakKind.COMBINED, share.get(), OptionalDouble.of(percentile.get())))
          : Optional.empty();
    }
    String own = model.get() == PeakKind.DIURNAL ? "peak_hour_share" : "percentile";
    String other = model.get() == PeakKind.DIURNAL ? "percentile" : "peak_hour_share";
    Location at = s.entry("model").value().location();
    if (s.entry(other) != null) {
      problems.add(new Diagnostic(s.entry(other).keyLocation(), s.child(other),
          "not a key of model " + model.get().key() + "; expected " + own + " (" + other + " is for model "
              + (model.get() == PeakKind.DIURNAL ? PeakKind.POISSON : PeakKind.DIURNAL).key() + " or "
              + PeakKind.COMBINED.key() + ")"));
    }
    if (s.entry(own) == null) {
      problems.add(new Diagnostic(at, s.child("model"), model.get().key() + " needs " + own + "; expected "
          + (model.get() == PeakKind.DIURNAL ? "peak_hour_share: 10%" : "percentile: 99.9") + " beside it"));
      return Optional.empty();
    }
    Optional<Double> value = model.get() == PeakKind.DIURNAL ? share : percentile;
    return value.map(v -> new Peak(model.get(), v));
  }

  /** The model inputs of one workload: latency, fan-out, stream. */
  private WorkloadModel workloadModel(Entry entry, Mapping w, boolean followsPeakModel) {
    OptionalDouble latency = optional(w.value("latency", parse.positiveTime));
    OptionalDouble serviceCv = optional(w.value("service_cv", parse.nonNegative));
    if (w.entry("service_cv") != null && w.entry("latency") == null) {
      problems.add(new Diagnostic(w.entry("service_cv").keyLocation(), w.child("service_cv"),
          "service_cv needs latency; expected latency: 20ms (the mean service time) beside it"));
    }
    OptionalDouble fanout = optional(w.value("fanout", parse.fanout));
    OptionalDouble hedge = optional(w.value("hedge_after", parse.percentile));
    Optional<CallLatency> call = callLatency(w);
    Optional<StreamLimits> stream = stream(w);
    if (w.entry("fanout") != null && w.entry("call_latency") == null) {
      problems.add(new Diagnostic(w.entry("fanout").keyLocation(), w.child("fanout"),
          "fanout needs call_latency; expected call_latency: {p50: 5ms, p99: 50ms} or {slow_fraction: 1%, over: 1s}"
              + " beside it"));
    }
    if (w.entry("call_latency") != null && w.entry("fanout") == null) {
      problems.add(new Diagnostic(w.entry("call_latency").keyLocation(), w.child("call_latency"),
          "call_latency needs fanout; expected fanout: 100 (the calls each request waits for) beside it"));
    }
    Entry hedgeEntry = w.entry("hedge_after");
    if (hedgeEntry != null && w.entry("call_latency") == null) {
      problems.add(new Diagnostic(hedgeEntry.keyLocation(), w.child("hedge_after"),
          "hedge_after needs call_latency; expected call_latency: {p50: 5ms, p99: 50ms} beside it"));
    } else if (hedgeEntry != null && call.isPresent() && call.get() instanceof CallLatency.SlowShare) {
      problems.add(new Diagnostic(hedgeEntry.keyLocation(), w.child("hedge_after"),
          "hedge_after needs the call's p50 and p99 (when a backup goes out depends on the call's latency);"
              + " expected call_latency: {p50: 5ms, p99: 50ms}, or no hedge_after"));
    }
    Entry streamEntry = w.entry("stream");
    if (streamEntry != null && (w.entry("payload") == null
        || (w.entry("writes") == null && w.entry("writes_per_user") == null))) {
      problems.add(new Diagnostic(streamEntry.keyLocation(), w.child("stream"),
          "a stream carries the workload's writes; expected writes (or writes_per_user) and payload beside it"));
    }
    return new WorkloadModel(entry.key(), latency, serviceCv, fanout, call, hedge, stream, followsPeakModel);
  }

  private Optional<CallLatency> callLatency(Mapping w) {
    Mapping s = w.section("call_latency", FileSpec.CALL_LATENCY.keys());
    if (s.isAbsent()) {
      return Optional.empty();
    }
    int before = problems.size();
    OptionalDouble p50 = optional(s.value("p50", RequirementsReader::positiveTime));
    OptionalDouble p99 = optional(s.value("p99", RequirementsReader::positiveTime));
    OptionalDouble slow = optional(s.value("slow_fraction", parse.percent));
    OptionalDouble over = optional(s.value("over", parse.positiveTime));
    s.reportUnknown();
    boolean quantiles = s.entry("p50") != null || s.entry("p99") != null;
    boolean share = s.entry("slow_fraction") != null || s.entry("over") != null;
    String forms = "expected {p50: 5ms, p99: 50ms} or {slow_fraction: 1%, over: 1s}";
    if (quantiles && share) {
      problems.add(new Diagnostic(s.location(), s.path(), "two forms mixed; " + forms + ", not keys of both"));
      return Optional.empty();
    }
    if (!quantiles && !share) {
      problems.add(new Diagnostic(s.location(), s.path(), "no call latency; " + forms));
      return Optional.empty();
    }
    List<String> keys = quantiles ? List.of("p50", "p99") : List.of("slow_fraction", "over");
    for (String key : keys) {
      if (s.entry(key) == null) {
        String other = keys.get(0).equals(key) ? keys.get(1) : keys.get(0);
        problems.add(new Diagnostic(s.entry(other).keyLocation(), s.child(other), other + " needs " + key + "; "
            + forms));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    if (quantiles) {
      if (!(p99.getAsDouble() > p50.getAsDouble())) {
        Scalar at = (Scalar) s.entry("p99").value();
        problems.add(new Diagnostic(at.location(), s.child("p99"), "p99 is not above p50 (got '" + Diagnostic.got(at.text())
            + "' and '" + Diagnostic.got(((Scalar) s.entry("p50").value()).text()) + "'); expected a p99 longer than the p50"));
        return Optional.empty();
      }
      if (!ordered(s, "p50", p50.getAsDouble(), "p99", p99.getAsDouble(), true,
          "a call's p99 is above its p50")) {
        return Optional.empty();
      }
      return Optional.of(new CallLatency.Quantiles(p50.getAsDouble(), p99.getAsDouble()));
    }
    return Optional.of(new CallLatency.SlowShare(slow.getAsDouble(), over.getAsDouble()));
  }

  private Optional<StreamLimits> stream(Mapping w) {
    Mapping s = w.section("stream", FileSpec.STREAM.keys());
    if (s.isAbsent()) {
      return Optional.empty();
    }
    OptionalDouble produce = optional(s.value("partition_produce", parse.byteRate));
    OptionalDouble consume = optional(s.value("partition_consume", parse.byteRate));
    s.reportUnknown();
    if (s.entry("partition_produce") == null && s.entry("partition_consume") == null) {
      problems.add(new Diagnostic(s.location(), s.path(), "no partition limit; expected partition_produce: 5MB/s,"
          + " partition_consume: 3MB/s, or both"));
      return Optional.empty();
    }
    if (produce.isEmpty() && consume.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new StreamLimits(produce, consume));
  }

  /** {@code availability.components}: a list of components, each a mapping. */
  private List<Component> components(Mapping availability) {
    Entry entry = availability.entry("components");
    availability.used.add("components");
    List<Component> out = new ArrayList<>();
    if (entry == null || (entry.value() instanceof Scalar sc && sc.text() == null)) {
      return out;
    }
    String path = availability.child("components");
    String example = "a list such as [{name: lb, availability: 99.99%, replicas: 2}, {name: db, availability: 99.9%}]";
    if (!(entry.value() instanceof ListNode list)) {
      problems.add(new Diagnostic(entry.value().location(), path, "got " + Node.kind(entry.value()) + "; expected "
          + example));
      return out;
    }
    Map<String, Integer> names = new HashMap<>();
    if (list.items().size() > Limits.MAX_COMPONENTS) {
      problems.add(Limits.tooMany(list.items().get(Limits.MAX_COMPONENTS).location(), path, "components",
          list.items().size(), Limits.MAX_COMPONENTS, "a request passes through a handful of components"));
      return out;
    }
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String itemPath = path + "[" + i + "]";
      if (!(item instanceof MapNode map)) {
        problems.add(new Diagnostic(item.location(), itemPath, "got " + Node.kind(item)
            + "; expected a component such as {name: db, availability: 99.9%, replicas: 3, required: 2}"));
        continue;
      }
      Mapping c = new Mapping(itemPath, map, FileSpec.COMPONENT.keys());
      Component component = component(c);
      c.reportUnknown();
      if (component == null) {
        continue;
      }
      Integer seen = names.putIfAbsent(component.name(), i);
      if (seen != null) {
        problems.add(new Diagnostic(c.entry("name").value().location(), c.child("name"), "'" + Diagnostic.got(component.name())
            + "' names " + path + "[" + seen + "] too; expected a name of its own"));
        continue;
      }
      out.add(component);
    }
    return out;
  }

  private Component component(Mapping c) {
    int before = problems.size();
    Optional<String> name = c.text("name");
    OptionalDouble availability = optional(c.value("availability", parse.target));
    OptionalDouble mtbf = optional(c.value("mtbf", parse.positiveTime));
    OptionalDouble mttr = optional(c.value("mttr", parse.positiveTime));
    String replicaRange = "a whole number from 1 to " + Format.integer(MAX_REPLICAS);
    Optional<Double> replicas = c.value("replicas", t -> replicas(t, replicaRange));
    Optional<Double> required = c.value("required", t -> replicas(t, replicaRange));
    if (c.entry("name") == null) {
      problems.add(new Diagnostic(c.location(), c.child("name"), "missing; expected name: db (the component's name)"));
    }
    boolean given = c.entry("availability") != null;
    boolean repair = c.entry("mtbf") != null || c.entry("mttr") != null;
    if (given && repair) {
      String key = c.entry("mtbf") != null ? "mtbf" : "mttr";
      problems.add(new Diagnostic(c.entry(key).keyLocation(), c.child(key),
          "both availability and " + key + " are given; expected availability, or mtbf with mttr"));
    } else if (!given && !repair) {
      problems.add(new Diagnostic(c.location(), c.path(),
          "no availability; expected availability: 99.9%, or mtbf: 720h with mttr: 30m"));
    } else if (repair && (c.entry("mtbf") == null || c.entry("mttr") == null)) {
      String has = c.entry("mtbf") != null ? "mtbf" : "mttr";
      String lacks = has.equals("mtbf") ? "mttr: 30m" : "mtbf: 720h";
      problems.add(new Diagnostic(c.entry(has).keyLocation(), c.child(has),
          has + " needs " + lacks.substring(0, 4) + "; expected " + lacks + " beside it"));
    }
    int n = replicas.map(Double::intValue).orElse(1);
    int k = required.map(Double::intValue).orElse(1);
    boolean replicasRead = c.entry("replicas") == null || replicas.isPresent();
    if (k > n && replicasRead && required.isPresent()) {
      Scalar at = (Scalar) c.entry("required").value();
      problems.add(new Diagnostic(at.location(), c.child("required"), "more replicas required than there are (got '"
          + at.text() + "' of " + n + "); expected at most replicas (" + n + ")"));
    }
    if (problems.size() == before && (replicas.isPresent() || required.isPresent())
        && !ordered(c, "required", k, "replicas", n, false, "a component cannot need more replicas than it has")) {
      return null;
    }
    if (problems.size() > before) {
      return null;
    }
    double miss = availability.isPresent() ? Fractions.miss(availability.getAsDouble())
        : mttr.getAsDouble() / (mtbf.getAsDouble() + mttr.getAsDouble());
    if (availability.isPresent() && !(miss > 0 && miss < 1)) {
      // A target reads strictly between 0 and 1, but one within 1e-16 of either end is 0 or 1 as a
      // double: a replica never down, or never up.
      Scalar at = (Scalar) c.entry("availability").value();
      problems.add(new Diagnostic(at.location(), c.child("availability"), "so close to "
          + (miss > 0 ? "0%" : "100%") + " that one replica is " + (miss > 0 ? "never up" : "never down")
          + " in double precision (got '" + Diagnostic.got(at.text()) + "'); expected an availability between"
          + " 1e-15 and 99.9999999999999%"));
      return null;
    }
    if (!(miss > 0)) {
      problems.add(new Diagnostic(c.entry("mtbf").value().location(), c.child("mtbf"),
          "mtbf is so far above mttr that the replica is never down in double precision; expected an mtbf below"
              + " 10^15 times mttr"));
      return null;
    }
    if (!(miss < 1)) {
      problems.add(new Diagnostic(c.entry("mttr").value().location(), c.child("mttr"),
          "mttr is so far above mtbf that the replica is never up in double precision; expected an mttr below"
              + " 10^15 times mtbf"));
      return null;
    }
    return new Component(name.get(), availability, mtbf, mttr, miss, n, k);
  }

  private double defaulted(String path, double value, String source, Need need) {
    if (need == Need.ESTIMATE) {
      assumptions.add(new Assumption(path, value, source));
    }
    return value;
  }

  private Optional<Requirements.Users> users(Mapping s) {
    if (s.isAbsent()) {
      return Optional.empty();
    }
    OptionalDouble dau = optional(s.value("dau", parse.count));
    OptionalDouble mau = optional(s.value("mau", parse.count));
    OptionalDouble active = optional(s.value("daily_active", parse.percent));
    if (dau.isEmpty()) {
      if (mau.isPresent() && active.isEmpty() && s.entry("daily_active") == null) {
        problems.add(new Diagnostic(s.entry("mau").keyLocation(), "users.mau",
            "mau needs daily_active; expected daily_active: 50% (the share of monthly users active each day) or dau"));
      } else if (mau.isEmpty() && s.entry("mau") == null && s.entry("dau") == null) {
        problems.add(new Diagnostic(s.location(), "users",
            "no user count; expected dau: 150M, or mau: 300M with daily_active: 50%"));
      }
      if (mau.isEmpty() || active.isEmpty()) {
        return Optional.empty();
      }
      assumptions.add(new Assumption("users.dau", mau.getAsDouble() * active.getAsDouble(),
          "derived: users.mau x users.daily_active"));
    }
    return Optional.of(new Requirements.Users(dau, mau, active));
  }

  private Workload workload(Entry entry, Mapping w, Optional<Requirements.Users> users, boolean usersGiven,
      double filePeak) {
    int before = problems.size();
    Optional<Rate> writesPerUser = w.value("writes_per_user", parse.ratePerUser);
    Optional<Rate> writes = w.value("writes", parse.rate);
    Optional<Rate> readsPerUser = w.value("reads_per_user", parse.ratePerUser);
    Optional<Rate> reads = w.value("reads", parse.rate);
    OptionalDouble ratio = optional(w.value("read_write_ratio", parse.ratio));
    Optional<Requirements.PayloadRecord> record = payloadRecord(w);
    OptionalDouble payload = record.isPresent() ? OptionalDouble.of(record.get().bytes())
        : w.entry("payload") != null && isRecord(w.entry("payload")) ? OptionalDouble.empty()
        : optional(w.value("payload", parse.size));
    OptionalDouble readSize = optional(w.value("read_size", parse.size));
    OptionalDouble peak = optional(w.value("peak_factor", parse.positive));
    boolean hasWrites = writes.isPresent() || writesPerUser.isPresent();
    Requirements.Delivery delivery = delivery(w, users, usersGiven, hasWrites || w.entry("writes") != null
        || w.entry("writes_per_user") != null, record);
    if (problems.size() > before) {
      return null;
    }
    String path = w.path();
    either(w, "writes", "writes_per_user");
    either(w, "reads", "reads_per_user");
    boolean hasReads = reads.isPresent() || readsPerUser.isPresent();
    boolean heartbeats = delivery.connections().isPresent() && delivery.connections().get().heartbeatSeconds().isPresent();
    if (!hasWrites && !hasReads && delivery.connections().isPresent()) {
      // A workload of connections alone (presence): its heartbeats, if any, are its reads.
      if (ratio.isPresent()) {
        problems.add(new Diagnostic(w.entry("read_write_ratio").keyLocation(), path + ".read_write_ratio",
            "a ratio needs a write rate; expected writes_per_user or writes beside it, or drop the ratio"));
      }
    } else if (!hasWrites && !hasReads) {
      problems.add(new Diagnostic(entry.keyLocation(), path,
          ratio.isPresent()
              ? "read_write_ratio needs a write rate; expected writes_per_user: 2/day or writes: 500M/day beside it"
              : "no write or read rate; expected writes_per_user: 2/day, writes: 500M/day, reads_per_user: 20/day or reads: 5B/day"));
    } else if (!hasWrites && ratio.isPresent()) {
      problems.add(new Diagnostic(w.entry("read_write_ratio").keyLocation(), path + ".read_write_ratio",
          "a ratio needs a write rate; expected writes_per_user or writes beside it, or drop the ratio"));
    }
    if (users.isEmpty() && !usersGiven) {
      for (String key : List.of("writes_per_user", "reads_per_user")) {
        Entry e = w.entry(key);
        if (e != null) {
          problems.add(new Diagnostic(e.keyLocation(), path + "." + key,
              "a per-user rate needs the number of users; expected users: {dau: 150M} in the file, or an absolute rate ("
                  + (key.startsWith("writes") ? "writes" : "reads") + ": 500M/day)"));
        }
      }
    }
    if (readSize.isEmpty() && payload.isPresent() && (hasReads || ratio.isPresent() || heartbeats)) {
      readSize = payload;
      if (isUncertain(path + ".payload")) {
        inherits.put(path + ".read_size", path + ".payload");
      }
      assumptions.add(new Assumption(path + ".read_size", payload.getAsDouble(),
          "default: a read returns what a write stored (" + path + ".payload)"));
    }
    if (peak.isEmpty() && isUncertain("traffic.peak_factor")) {
      inherits.put(path + ".peak_factor", "traffic.peak_factor");
    }
    return new Workload(entry.key(), writesPerUser, writes, readsPerUser, reads, ratio, payload, readSize,
        peak.orElse(filePeak), delivery);
  }

  // How a workload reaches its users: connections, fan-out on write, CDN, the cache, a record payload.

  /** A payload written as a mapping of fields rather than a size or a range of sizes. */
  private static boolean isRecord(Entry payload) {
    return payload.value() instanceof MapNode m && !Ranges.isRange(m);
  }

  /** {@code payload: {fields: {...}, row_overhead}}: the record, or empty (a size, or problems reported). */
  private Optional<Requirements.PayloadRecord> payloadRecord(Mapping w) {
    Entry entry = w.entry("payload");
    if (entry == null || !isRecord(entry)) {
      return Optional.empty();
    }
    w.used.add("payload");
    int before = problems.size();
    Mapping s = new Mapping(w.child("payload"), (MapNode) entry.value(), FileSpec.PAYLOAD_RECORD.keys());
    s.used.add("fields");
    Optional<Double> overhead = s.value("row_overhead", parse.size);
    s.reportUnknown();
    String example = "{id: 8B, user_id: 8B, text: 140B, created: 8B}";
    Entry fieldsEntry = s.entry("fields");
    if (fieldsEntry == null) {
      problems.add(new Diagnostic(entry.keyLocation(), s.child("fields"), "missing; a payload written as a record"
          + " needs its fields, e.g. fields: " + example + " (or a size such as payload: 1KB)"));
      return Optional.empty();
    }
    if (!(fieldsEntry.value() instanceof MapNode fields) || fields.entries().isEmpty()) {
      problems.add(new Diagnostic(fieldsEntry.value().location(), s.child("fields"), "got "
          + (fieldsEntry.value() instanceof MapNode ? "no field" : Node.kind(fieldsEntry.value()))
          + "; expected the record's fields, each a name and its size, e.g. " + example));
      return Optional.empty();
    }
    List<Requirements.PayloadField> out = new ArrayList<>();
    int i = 0;
    for (Entry e : fields.entries().values()) {
      String path = s.child("fields") + "." + e.key();
      if (i++ == Limits.MAX_RECORD_FIELDS) {
        problems.add(Limits.tooMany(e.keyLocation(), s.child("fields"), "fields", fields.entries().size(),
            Limits.MAX_RECORD_FIELDS, "a record has tens of columns; group the small ones"));
        break;
      }
      if (!NAME.matcher(e.key()).matches()) {
        problems.add(new Diagnostic(e.keyLocation(), s.child("fields") + "." + Diagnostic.got(e.key()),
            "not a field name (got '" + Diagnostic.got(e.key()) + "'); expected letters, digits and _, starting"
                + " with a letter or _, at most 64 characters, e.g. user_id"));
        continue;
      }
      Function<String, Double> parser = t -> Sizes.parse(t, units);
      Node value = e.value();
      if (Ranges.isRange(value)) {
        Ranges.Read<Double> r = Ranges.read(new Ranges.Field<>(path, parser, time, 0, Double.POSITIVE_INFINITY,
            false), value, problems);
        if (r != null) {
          uncertain.add(r.uncertain());
          out.add(new Requirements.PayloadField(e.key(), r.point()));
        }
      } else if (value instanceof Scalar sc && sc.text() != null) {
        try {
          out.add(new Requirements.PayloadField(e.key(), parser.apply(sc.text())));
        } catch (QuantityException q) {
          problems.add(new Diagnostic(sc.location(), path, q.problem() + " (got '" + Diagnostic.got(sc.text())
              + "'); expected " + q.expected()));
        }
      } else {
        problems.add(new Diagnostic(value.location(), path, "got " + Node.kind(value)
            + "; expected the field's size, such as 8B or 140B, or a range (100B to 280B)"));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    if (overhead.isEmpty()) {
      assumptions.add(new Assumption(s.child("row_overhead"), 0.0, ROW_OVERHEAD_SOURCE));
    }
    return Optional.of(new Requirements.PayloadRecord(out, overhead.orElse(0.0)));
  }

  /** A workload's connections, fan-out on write, CDN and cache flag; problems are reported as found. */
  private Requirements.Delivery delivery(Mapping w, Optional<Requirements.Users> users, boolean usersGiven,
      boolean writes, Optional<Requirements.PayloadRecord> record) {
    Optional<Requirements.Connections> connections = connections(w, users, usersGiven);
    Optional<Requirements.FanoutOnWrite> fanout = fanoutOnWrite(w, writes);
    OptionalDouble cdn = cdn(w);
    boolean cached = cached(w);
    return new Requirements.Delivery(connections, fanout, cdn, cached, record);
  }

  private Optional<Requirements.Connections> connections(Mapping w, Optional<Requirements.Users> users,
      boolean usersGiven) {
    Mapping s = w.section("connections", FileSpec.CONNECTIONS.keys());
    if (s.isAbsent()) {
      return Optional.empty();
    }
    int before = problems.size();
    OptionalDouble share = optional(s.value("online_share", parse.percent));
    OptionalDouble concurrent = optional(s.value("concurrent", parse.count));
    Optional<Double> perUser = s.value("per_user", parse.positive);
    OptionalDouble perServer = optional(s.value("per_server",
        t -> positiveCount(t, "a positive number of connections such as 50K")));
    OptionalDouble memory = optional(s.value("memory_per_connection", parse.size));
    OptionalDouble heartbeat = optional(s.value("heartbeat", parse.positiveTime));
    s.reportUnknown();
    if (s.entry("online_share") == null && s.entry("concurrent") == null) {
      problems.add(new Diagnostic(s.location(), s.path(), "no online users; expected online_share: 10% (of the"
          + " daily active users, at the busiest moment) or concurrent: 1M"));
    } else if (s.entry("online_share") != null && s.entry("concurrent") != null) {
      problems.add(new Diagnostic(s.entry("concurrent").keyLocation(), s.child("concurrent"),
          "both online_share and concurrent are given; expected only one of them"));
    } else if (s.entry("online_share") != null && users.isEmpty() && !usersGiven) {
      problems.add(new Diagnostic(s.entry("online_share").keyLocation(), s.child("online_share"),
          "a share of users needs the number of users; expected users: {dau: 150M} in the file, or concurrent:"
              + " 1M (the users online at the busiest moment)"));
    }
    if (problems.size() > before || (share.isEmpty() && concurrent.isEmpty())) {
      return Optional.empty();
    }
    if (perUser.isEmpty()) {
      assumptions.add(new Assumption(s.child("per_user"), DEFAULT_CONNECTIONS_PER_USER, CONNECTIONS_PER_USER_SOURCE));
    }
    return Optional.of(new Requirements.Connections(share, concurrent, perUser.orElse(DEFAULT_CONNECTIONS_PER_USER),
        perServer, memory, heartbeat));
  }

  private Optional<Requirements.FanoutOnWrite> fanoutOnWrite(Mapping w, boolean writes) {
    Mapping s = w.section("fanout_on_write", FileSpec.FANOUT_ON_WRITE.keys());
    if (s.isAbsent()) {
      return Optional.empty();
    }
    int before = problems.size();
    Optional<Double> followers = s.value("followers", parse.count);
    OptionalDouble entrySize = optional(s.value("entry_size", parse.size));
    s.reportUnknown();
    if (s.entry("followers") == null) {
      problems.add(new Diagnostic(s.location(), s.child("followers"),
          "missing; expected followers: 75 (the timelines each write is copied to)"));
    }
    if (!writes) {
      problems.add(new Diagnostic(w.entry("fanout_on_write").keyLocation(), s.path(), "fan-out on write copies"
          + " the workload's writes; expected writes_per_user: 2/day or writes: 500M/day beside it"));
    }
    if (problems.size() > before || followers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Requirements.FanoutOnWrite(followers.get(), entrySize));
  }

  private OptionalDouble cdn(Mapping w) {
    Mapping s = w.section("cdn", FileSpec.CDN.keys());
    if (s.isAbsent()) {
      return OptionalDouble.empty();
    }
    int before = problems.size();
    OptionalDouble hit = optional(s.value("hit_ratio", parse.percent));
    s.reportUnknown();
    if (s.entry("hit_ratio") == null) {
      problems.add(new Diagnostic(s.location(), s.child("hit_ratio"),
          "missing; expected hit_ratio: 90% (the share of reads the CDN's edge serves)"));
    }
    if (w.entry("reads") == null && w.entry("reads_per_user") == null && w.entry("read_write_ratio") == null) {
      problems.add(new Diagnostic(w.entry("cdn").keyLocation(), s.path(), "a CDN serves the workload's reads;"
          + " expected reads_per_user: 20/day, reads: 5B/day or read_write_ratio: 10:1 beside it"));
    }
    return problems.size() > before ? OptionalDouble.empty() : hit;
  }

  /** {@code cache: false} leaves the workload out of the application cache; true, or no key, keeps it in. */
  private boolean cached(Mapping w) {
    w.used.add("cache");
    Entry e = w.entry("cache");
    if (e == null) {
      return true;
    }
    if (e.value() instanceof Scalar s && s.text() != null) {
      String t = Numbers.spaces(s.text()).toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return t.equals("true");
      }
      problems.add(new Diagnostic(s.location(), w.child("cache"), "not true or false (got '"
          + Diagnostic.got(s.text()) + "'); expected false to leave the workload out of the cache, or true"));
      return true;
    }
    problems.add(new Diagnostic(e.value().location(), w.child("cache"), "got " + Node.kind(e.value())
        + "; expected false to leave the workload out of the cache, or true"));
    return true;
  }

  /** The working set of the cache: hot_objects and object_size, each needing the other. */
  private boolean workingSet(Mapping cache) {
    boolean objects = cache.entry("hot_objects") != null;
    boolean size = cache.entry("object_size") != null;
    if (objects != size) {
      String has = objects ? "hot_objects" : "object_size";
      String lacks = objects ? "object_size: 2KB (the bytes one cached object takes)"
          : "hot_objects: 10M (the distinct objects kept in memory)";
      problems.add(new Diagnostic(cache.entry(has).keyLocation(), cache.child(has),
          has + " needs " + lacks.substring(0, lacks.indexOf(':')) + "; expected " + lacks + " beside it"));
    }
    return objects && size;
  }

  private void either(Mapping w, String a, String b) {
    if (w.entry(a) != null && w.entry(b) != null) {
      problems.add(new Diagnostic(w.entry(b).keyLocation(), w.path() + "." + b,
          "both " + a + " and " + b + " are given; expected only one of them"));
    }
  }

  private Requirements.Conventions conventions(Mapping s) {
    s.single("a convention is a definition, not an estimate");
    Optional<UnitSystem> unitSystem = s.value("units", parse.units);
    units = unitSystem.orElse(UnitSystem.SI);
    Calendar calendar = Calendar.SRE;
    Entry cal = s.entry("calendar");
    if (cal != null && cal.value() instanceof MapNode custom) {
      Mapping c = new Mapping(s.child("calendar"), custom, FileSpec.CALENDAR_DAYS.keys());
      c.single("a convention is a definition, not an estimate");
      Optional<Double> year = c.value("year", parse.positive);
      Optional<Double> quarter = c.value("quarter", parse.positive);
      Optional<Double> month = c.value("month", parse.positive);
      c.reportUnknown();
      if (c.entry("year") == null) {
        problems.add(new Diagnostic(cal.keyLocation(), "conventions.calendar.year",
            "missing; a custom calendar needs year (days), e.g. {year: 365, month: 30}"));
      } else if (year.isPresent() && ordered(c, year.get(), quarter, month)) {
        calendar = Calendar.custom(year.get(), quarter.orElse(null), month.orElse(null));
      }
    } else {
      calendar = s.value("calendar", parse.calendar).orElse(Calendar.SRE);
    }
    Optional<Double> day = s.value("seconds_per_day", parse.seconds);
    Optional<Double> month = s.value("seconds_per_month", parse.seconds);
    Optional<Double> year = s.value("seconds_per_year", parse.seconds);
    s.reportUnknown();
    double spd = day.orElse(Calendar.SECONDS_PER_DAY);
    double[] lengths = {7 * spd, month.orElse(calendar.monthDays() * spd), year.orElse(calendar.yearDays() * spd)};
    String[] names = {"week", "month", "year"};
    for (int i = 0; i < lengths.length; i++) {
      if (Double.isFinite(lengths[i])) {
        continue;
      }
      // A huge day (or custom calendar) times the days of a period: report it, then read on with
      // the standard lengths so that the other problems are found too.
      Entry cause = s.entry("seconds_per_day") != null ? s.entry("seconds_per_day") : cal;
      String path = cause == cal ? "conventions.calendar" : "conventions.seconds_per_day";
      problems.add(new Diagnostic(cause.value().location(), path, "too large: the " + names[i]
          + " it makes is past 1.8e308 seconds; expected lengths whose week, month and year stay below that"));
      spd = Calendar.SECONDS_PER_DAY;
      lengths = new double[] {7 * spd, Calendar.SRE.monthDays() * spd, Calendar.SRE.yearDays() * spd};
      break;
    }
    TimeBase time = new TimeBase(spd, lengths[0], lengths[1], lengths[2]);
    if (cal == null) {
      assumptions.add(new Assumption("conventions.calendar", "sre",
          "default: Google SRE book, Appendix A (30-day month, 90-day quarter, 365-day year)"));
    }
    if (unitSystem.isEmpty()) {
      assumptions.add(new Assumption("conventions.units", "si", "default: decimal units, KB = 1000 B"));
    }
    if (day.isEmpty()) {
      assumptions.add(new Assumption("conventions.seconds_per_day", spd, "calendar day: 24 x 3,600 s"));
    }
    if (month.isEmpty()) {
      assumptions.add(new Assumption("conventions.seconds_per_month", time.secondsPerMonth(),
          "calendar month (" + calendar.name() + "): " + Format.plain(calendar.monthDays()) + " days of "
              + Format.integer(spd) + " s"));
    }
    if (year.isEmpty()) {
      assumptions.add(new Assumption("conventions.seconds_per_year", time.secondsPerYear(),
          "calendar year (" + calendar.name() + "): " + Format.plain(calendar.yearDays()) + " days of "
              + Format.integer(spd) + " s"));
    }
    this.time = time;
    return new Requirements.Conventions(calendar, units, time);
  }

  /**
   * Whether a custom calendar's month fits in its quarter and its quarter in its year, each given
   * or defaulted (year / 4, year / 12); a period that does not is reported at its value (or, when
   * the month is defaulted, at the quarter that is too short for it).
   */
  private boolean ordered(Mapping c, double year, Optional<Double> quarter, Optional<Double> month) {
    if ((c.entry("quarter") != null && quarter.isEmpty()) || (c.entry("month") != null && month.isEmpty())) {
      return false; // already reported
    }
    double q = quarter.orElse(year / 4);
    double m = month.orElse(year / 12);
    String y = Format.plain(year) + " days (the year)";
    boolean quarterTooLong = quarter.isPresent() && q > year;
    boolean monthTooLong = month.isPresent() && m > year;
    if (quarterTooLong || monthTooLong) {
      if (quarterTooLong) {
        calendarProblem(c, "quarter", "a quarter longer than the year", "a quarter of at most " + y);
      }
      if (monthTooLong) {
        calendarProblem(c, "month", "a month longer than the year", "a month of at most " + y);
      }
    } else if (m > q && month.isPresent()) {
      calendarProblem(c, "month", "a month longer than the quarter", "a month of at most " + Format.plain(q)
          + " days (the quarter" + (quarter.isPresent() ? ")" : ": year / 4), or a longer quarter beside it"));
    } else if (m > q) {
      calendarProblem(c, "quarter", "a quarter shorter than the month", "a quarter of at least the month (year / 12:"
          + " about " + Format.sig3(m) + " days), or a shorter month beside it");
    } else {
      return true;
    }
    return false;
  }

  private void calendarProblem(Mapping c, String key, String problem, String expected) {
    Scalar at = (Scalar) c.entry(key).value();
    problems.add(new Diagnostic(at.location(), c.child(key),
        problem + " (got '" + Diagnostic.got(at.text()) + "'); expected " + expected));
  }

  // Value parsers for the fields with extra limits.

  private static double nonNegativeNumber(String text) {
    double value = Numbers.parse(text, "a number, 0 or more");
    if (!(value >= 0)) {
      throw new QuantityException("must be 0 or more", "a number, 0 or more");
    }
    return value;
  }

  private static double positive(String text) {
    double value = Numbers.parse(text, "a positive number");
    if (!(value > 0)) {
      throw new QuantityException("must be positive", "a positive number");
    }
    return value;
  }

  /** Whether every term of {@code span} is zero. */
  private static boolean zero(Span span) {
    for (Span.Term t : span.terms()) {
      if (t.amount() != 0) {
        return false;
      }
    }
    return true;
  }

  private static Span retention(String text) {
    Span span = Span.parse(text);
    if (zero(span)) {
      throw new QuantityException("a retention of zero keeps nothing",
          "a positive duration such as 5y, 36mo or P1Y; leave retention out for no retained figures");
    }
    return span;
  }

  /** A number of seconds, with K/M/B scales allowed: 86400, 100K, 2.5M. */
  private static double seconds(String text) {
    return positiveCount(text, "a positive number of seconds such as 86400, 100K or 2.5M");
  }

  /** A positive count (K/M/B/T allowed), with {@code expected} in every message. */
  private static double positiveCount(String text, String expected) {
    double value;
    try {
      value = Counts.parse(text);
    } catch (QuantityException e) {
      throw new QuantityException(e.problem(), expected);
    }
    if (!(value > 0)) {
      throw new QuantityException("must be positive", expected);
    }
    return value;
  }

  private static double nonNegativeCount(String text) {
    double value = Counts.parse(text);
    if (value < 0) {
      throw new QuantityException("a count cannot be negative", "a count such as 150M");
    }
    return value;
  }

  private static double replication(String text) {
    double value = Numbers.parse(text, "a number of copies, 1 or more");
    if (!(value >= 1)) {
      throw new QuantityException("fewer than one copy", "a number of copies, 1 or more (3 is usual)");
    }
    return value;
  }

  private static double utilization(String text) {
    double value = Fractions.percent(text, false);
    if (!(value > 0)) {
      throw new QuantityException("utilization must be above 0%",
          "a percentage above 0% and at most 100%, e.g. 70%");
    }
    return value;
  }

  private static Span window(String text) {
    Span span = Span.parse(text);
    if (zero(span)) {
      throw new QuantityException("a window of zero holds no budget", "a positive duration such as 30d, 4w or 1mo");
    }
    return span;
  }

  private static double positiveTime(String text) {
    double value = Times.seconds(text);
    if (!(value > 0)) {
      throw new QuantityException("must be longer than zero", Times.EXPECTED);
    }
    return value;
  }

  private double positiveByteRate(String text) {
    double value = ByteRates.perSecond(text, units, time);
    if (!(value > 0)) {
      throw new QuantityException("must be above zero", ByteRates.EXPECTED);
    }
    return value;
  }

  /** A whole count, 1 or more (K/M/B/T allowed). */
  private static double wholeCount(String text, String expected) {
    double value = positiveCount(text, expected);
    if (value != Math.rint(value) || value < 1) {
      throw new QuantityException("not a whole number", expected);
    }
    return value;
  }

  private static double replicas(String text, String expected) {
    double value = wholeCount(text, expected);
    if (value > MAX_REPLICAS) {
      throw new QuantityException("too many replicas", expected);
    }
    return value;
  }

  private static PeakKind peakKind(String text) {
    String t = Numbers.spaces(text).toLowerCase(Locale.ROOT);
    for (PeakKind kind : PeakKind.values()) {
      if (kind.key().equals(t)) {
        return kind;
      }
    }
    throw new QuantityException("unknown peak model", "diurnal, poisson or combined");
  }

  private static double peakHourShare(String text) {
    double value = Fractions.percent(text, false);
    // 1/24 written as 4.17% is a hair above 1/24; one written a hair below it is still a flat day.
    if (value < MIN_PEAK_HOUR_SHARE * (1 - 1e-3)) {
      throw new QuantityException("the busiest hour carries at least 1/24 of the day",
          "a share from 4.17% (a flat day) to 100%");
    }
    return value;
  }

  private double positiveSize(String text) {
    double value = Sizes.parse(text, units);
    if (!(value > 0)) {
      throw new QuantityException("must be larger than zero", "a size such as 64GB");
    }
    return value;
  }

  /** A per-node request limit: a plain number per second, or a rate with its unit (5K/s). */
  private static double perSecond(String text, TimeBase time) {
    String expected = "requests per second such as 5000 or 5K/s";
    if (!text.contains("/")) {
      return positiveCount(text, expected);
    }
    double value = Rate.parse(text, null).perSecond(time);
    if (!(value > 0)) {
      throw new QuantityException("must be positive", expected);
    }
    return value;
  }

  // The valid values of a field, which bound the draws of a range: a share cannot pass 100%, and
  // there is at least one copy of each byte.
  private static double min(String key) {
    return switch (key) {
      case "replication", "replicas", "required", "fanout" -> 1;
      // Strictly above 0: a percentile or an availability of 0 has no meaning.
      case "hedge_after", "percentile", "availability" -> Double.MIN_VALUE;
      case "peak_hour_share" -> MIN_PEAK_HOUR_SHARE;
      default -> 0;
    };
  }

  private static double max(String key) {
    return switch (key) {
      case "daily_active", "hot_fraction", "utilization", "slow_fraction", "peak_hour_share" -> 1;
      case "online_share", "hit_ratio" -> 1;
      // Strictly below 1: the 100th percentile of a latency is unbounded, an availability of 1 never fails.
      case "hedge_after", "percentile", "availability" -> Math.nextDown(1.0);
      case "replicas", "required" -> MAX_REPLICAS;
      default -> Double.POSITIVE_INFINITY;
    };
  }

  /** Fields that count whole things: a range of them is drawn in whole numbers. */
  private static boolean whole(String key) {
    return switch (key) {
      case "replicas", "required", "fanout" -> true;
      default -> false;
    };
  }

  private static OptionalDouble optional(Optional<Double> value) {
    return value.isPresent() ? OptionalDouble.of(value.get()) : OptionalDouble.empty();
  }

  /**
   * A mapping being read: hands out its fields, turns parse failures into diagnostics, and
   * reports the keys nobody asked for.
   */
  private final class Mapping {
    private final String path;
    private final MapNode map;
    private final Set<String> allowed;
    private final Set<String> used = new HashSet<>();
    /** Why this section's values cannot be ranges; null where they can. */
    private String single;

    Mapping(String path, MapNode map, Set<String> allowed) {
      this.path = path;
      this.map = map;
      this.allowed = allowed;
    }

    String path() {
      return path;
    }

    void single(String why) {
      single = why;
    }

    boolean isAbsent() {
      return map == null;
    }

    Location location() {
      return map.location();
    }

    String child(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    Entry entry(String key) {
      return map == null ? null : map.entries().get(key);
    }

    /** A nested mapping; an absent one reads as empty, a non-mapping is reported. */
    Mapping section(String key, Set<String> keys) {
      used.add(key);
      Entry e = entry(key);
      if (e == null) {
        return new Mapping(child(key), null, keys);
      }
      if (e.value() instanceof Scalar s && s.text() == null) {
        return new Mapping(child(key), null, keys);
      }
      if (!(e.value() instanceof MapNode m)) {
        problems.add(new Diagnostic(e.value().location(), child(key),
            "got " + Node.kind(e.value()) + "; expected a mapping with " + String.join(", ", keys)));
        return new Mapping(child(key), null, keys);
      }
      return new Mapping(child(key), m, keys);
    }

    Optional<String> text(String key) {
      used.add(key);
      Entry e = entry(key);
      if (e == null) {
        return Optional.empty();
      }
      if (e.value() instanceof Scalar s && s.text() != null) {
        return Optional.of(s.text());
      }
      problems.add(new Diagnostic(e.value().location(), child(key),
          "got " + Node.kind(e.value()) + "; expected a text"));
      return Optional.empty();
    }

    /** Parses {@code key} with {@code parser}; a failure becomes a diagnostic and an empty result. */
    <T> Optional<T> value(String key, Function<String, T> parser) {
      used.add(key);
      Entry e = entry(key);
      if (e == null) {
        return Optional.empty();
      }
      if (Ranges.isRange(e.value())) {
        if (single != null) {
          problems.add(new Diagnostic(e.value().location(), child(key),
              "a range is not allowed here: " + single + "; expected a single value"));
          return Optional.empty();
        }
        Ranges.Read<T> read = Ranges.read(new Ranges.Field<>(child(key), parser, time, min(key), max(key), whole(key)),
            e.value(), problems);
        if (read == null) {
          return Optional.empty();
        }
        uncertain.add(read.uncertain());
        return Optional.of(read.point());
      }
      if (!(e.value() instanceof Scalar s) || s.text() == null) {
        String expected;
        try {
          parser.apply("");
          expected = "a value";
        } catch (QuantityException q) {
          expected = q.expected();
        }
        problems.add(new Diagnostic(e.value().location(), child(key),
            "got " + Node.kind(e.value()) + "; expected " + expected));
        return Optional.empty();
      }
      try {
        return Optional.of(parser.apply(s.text()));
      } catch (QuantityException q) {
        problems.add(new Diagnostic(s.location(), child(key),
            q.problem() + " (got '" + Diagnostic.got(s.text()) + "'); expected " + q.expected()));
        return Optional.empty();
      }
    }

    void reportUnknown() {
      if (map == null) {
        return;
      }
      for (Entry e : map.entries().values()) {
        if (!allowed.contains(e.key()) && !used.contains(e.key())) {
          String suggestion = Suggest.closest(e.key(), allowed);
          problems.add(new Diagnostic(e.keyLocation(), child(e.key()),
              "unknown key" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                  + "; expected one of: " + String.join(", ", allowed)));
        }
      }
    }
  }
}
