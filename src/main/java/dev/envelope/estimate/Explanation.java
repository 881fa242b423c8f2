package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Ceil;
import dev.envelope.estimate.Derivation.Max;
import dev.envelope.estimate.Derivation.NegLog10;
import dev.envelope.estimate.Derivation.OneMinus;
import dev.envelope.estimate.Derivation.OnePlus;
import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Product;
import dev.envelope.estimate.Derivation.Quotient;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Derivation.Sum;
import dev.envelope.estimate.Derivation.Term;
import dev.envelope.estimate.Derivation.Unit;
import dev.envelope.estimate.Estimate.Bandwidth;
import dev.envelope.estimate.Estimate.Flow;
import dev.envelope.estimate.Estimate.WorkloadFigures;
import dev.envelope.model.InputLocations;
import dev.envelope.model.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Assumption;
import dev.envelope.model.Requirements.Workload;
import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Format;
import dev.envelope.units.Rate;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The derivation of every figure of an {@link Estimate}, in the order a whiteboard works them out:
 * each step states its formula over the file's values (each with where it came from) and takes its
 * result from the estimate, so the explanation shows the estimator's numbers and never computes
 * its own. The formulas are those of {@link Estimator} (docs/method.md); a test recomputes every
 * step from its values and compares it with the estimate, for every bundled example.
 *
 * <p>Every figure of the estimate's JSON has a step except the conventions (the lengths the steps
 * cite) and {@code capacity.bound_by} (text, named in the shard count's step).
 */
public final class Explanation {
  private final Estimate e;
  private final Requirements req;
  private final InputLocations where;
  private final TimeBase time;
  private final Map<String, Assumption> assumptions;
  private final List<Step> steps = new ArrayList<>();

  private Explanation(Estimate estimate, InputLocations where) {
    this.e = estimate;
    this.req = estimate.requirements();
    this.where = where;
    this.time = req.conventions().time();
    this.assumptions = req.assumptions().stream()
        .collect(Collectors.toMap(Assumption::path, a -> a, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /**
   * The steps of every figure of {@code estimate}; {@code where} locates the file's values (the tree
   * that was bound, with its overrides).
   */
  public static List<Step> steps(Estimate estimate, InputLocations where) {
    Explanation x = new Explanation(estimate, where);
    x.users();
    x.retention();
    for (int i = 0; i < x.e.workloads().size(); i++) {
      x.workload(x.req.workloads().get(i), x.e.workloads().get(i));
    }
    x.traffic();
    x.bandwidth();
    x.storage();
    x.cache();
    x.capacity();
    x.availability();
    return List.copyOf(x.steps);
  }

  /**
   * The steps of the figures at or under {@code paths} (a path prefix selects a group), with every
   * step they use before them, in the order of {@code all}. Paths that select nothing are ignored;
   * the caller reports them.
   */
  public static List<Step> select(List<Step> all, List<String> paths) {
    Map<String, Step> byPath = all.stream()
        .collect(Collectors.toMap(Step::path, s -> s, (a, b) -> a, java.util.LinkedHashMap::new));
    Set<String> wanted = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>();
    for (Step s : all) {
      if (paths.stream().anyMatch(p -> s.path().equals(p) || s.path().startsWith(p + "."))) {
        queue.add(s.path());
      }
    }
    while (!queue.isEmpty()) {
      String path = queue.remove(queue.size() - 1);
      if (wanted.add(path) && byPath.containsKey(path)) {
        queue.addAll(byPath.get(path).uses());
      }
    }
    return all.stream().filter(s -> wanted.contains(s.path())).toList();
  }

  // Users.

  private void users() {
    req.users().ifPresent(u -> {
      u.mau().ifPresent(m -> given("users.mau", "monthly active users", "MAU",
          value("mau", "monthly active users", m, Unit.COUNT, List.of("users", "mau"))));
      u.dailyActive().ifPresent(d -> given("users.daily_active", "share of monthly users active daily",
          "daily_active", value("daily_active", "share active daily", d, Unit.FRACTION,
              List.of("users", "daily_active"))));
      if (u.dau().isPresent()) {
        given("users.dau", "daily active users", "DAU", dau());
      } else {
        step("users.dau", "daily active users", "DAU", Unit.COUNT, Product.of(
            value("MAU", "monthly active users", u.mau().getAsDouble(), Unit.COUNT, List.of("users", "mau")),
            value("daily_active", "share active daily", u.dailyActive().getAsDouble(), Unit.FRACTION,
                List.of("users", "daily_active"))),
            e.dau().getAsDouble());
      }
    });
  }

  /** Daily active users as the rates use them: the file's dau, or the derived figure. */
  private Operand dau() {
    Requirements.Users u = req.users().orElseThrow();
    if (u.dau().isPresent()) {
      return value("DAU", "daily active users", u.dau().getAsDouble(), Unit.COUNT, List.of("users", "dau"));
    }
    return derived("users.dau", "DAU", "daily active users", e.dau().getAsDouble(), Unit.COUNT);
  }

  // Requests, bandwidth and storage of one workload.

  private void workload(Workload w, WorkloadFigures f) {
    String p = "workloads." + w.name();
    f.writes().ifPresent(flow -> {
      Term rate = rate(w, "writes", w.writes(), w.writesPerUser(), Optional.empty());
      flow(p + ".writes", "writes", w, rate, flow);
    });
    f.reads().ifPresent(flow -> {
      Optional<Term> fromRatio = w.reads().isEmpty() && w.readsPerUser().isEmpty()
          ? Optional.of(Product.of(
              derived(p + ".writes.avg_per_second", "writes/s", "writes a second",
                  f.writes().orElseThrow().avgPerSecond(), Unit.PER_SECOND),
              value("read_write_ratio", "reads per write", w.readWriteRatio().getAsDouble(), Unit.NUMBER,
                  key(w, "read_write_ratio"))))
          : Optional.empty();
      flow(p + ".reads", "reads", w, rate(w, "reads", w.reads(), w.readsPerUser(), fromRatio), flow);
    });
    given(p + ".peak_factor", "peak factor", "peak_factor", peakFactor(w));
    f.ingress().ifPresent(b -> bytesFlow(p + ".ingress", "ingress", "bytes written", p + ".writes", "writes",
        f.writes().orElseThrow(), value("payload", "bytes per write", w.payload().getAsDouble(), Unit.BYTES,
            key(w, "payload")), b));
    f.egress().ifPresent(b -> bytesFlow(p + ".egress", "egress", "bytes read", p + ".reads", "reads",
        f.reads().orElseThrow(), value("read_size", "bytes per read", w.readSize().getAsDouble(), Unit.BYTES,
            key(w, "read_size")), b));
    f.storage().ifPresent(s -> {
      Operand writes = derived(p + ".writes.avg_per_second", "writes/s", "writes a second",
          f.writes().orElseThrow().avgPerSecond(), Unit.PER_SECOND);
      List<Term> stored = new ArrayList<>();
      stored.add(writes);
      stored.add(value("payload", "bytes per write", w.payload().getAsDouble(), Unit.BYTES, key(w, "payload")));
      overhead().ifPresent(stored::add);
      String q = p + ".storage";
      step(q + ".bytes_per_day", "bytes stored a day", "stored/day", Unit.BYTES,
          product(stored, length(CalendarUnit.DAY)), s.bytesPerDay());
      step(q + ".bytes_per_month", "bytes stored a month", "stored/month", Unit.BYTES,
          product(stored, length(CalendarUnit.MONTH)), s.bytesPerMonth());
      step(q + ".bytes_per_year", "bytes stored a year", "stored/year", Unit.BYTES,
          product(stored, length(CalendarUnit.YEAR)), s.bytesPerYear());
      s.bytesRetained().ifPresent(b -> step(q + ".bytes_retained", "bytes kept over the retention", "retained",
          Unit.BYTES, product(stored, retentionSeconds()), b));
      s.objectsRetained().ifPresent(o -> step(q + ".objects_retained", "objects kept over the retention",
          "objects", Unit.COUNT, Product.of(writes, retentionSeconds()), o));
    });
  }

  /** Average, per-day and peak figures of one kind of request. */
  private void flow(String p, String kind, Workload w, Term avg, Flow f) {
    step(p + ".avg_per_second", kind + " a second", kind + "/s", Unit.PER_SECOND, avg, f.avgPerSecond());
    Operand perSecond = derived(p + ".avg_per_second", kind + "/s", kind + " a second", f.avgPerSecond(),
        Unit.PER_SECOND);
    step(p + ".per_day", kind + " a day", kind + "/day", Unit.COUNT,
        Product.of(perSecond, length(CalendarUnit.DAY)), f.perDay());
    step(p + ".peak_per_second", "peak " + kind + " a second", "peak " + kind + "/s", Unit.PER_SECOND,
        Product.of(perSecond, peakFactor(w)), f.peakPerSecond());
  }

  /** Requests a second: an absolute rate, a per-user rate times DAU, or writes times the ratio. */
  private Term rate(Workload w, String kind, Optional<Rate> absolute, Optional<Rate> perUser, Optional<Term> ratio) {
    if (absolute.isPresent()) {
      Rate r = absolute.get();
      return perSecond(value(kind, kind + " " + per(r.per()), r.amount(), Unit.per(r.per()), key(w, kind)), r.per());
    }
    if (perUser.isPresent()) {
      Rate r = perUser.get();
      Operand rate = value(kind + "_per_user", kind + " per user " + per(r.per()), r.amount(), Unit.per(r.per()),
          key(w, kind + "_per_user"));
      Term total = Product.of(dau(), rate);
      return r.per() == CalendarUnit.SECOND ? total : new Quotient(total, length(r.per()));
    }
    return ratio.orElseThrow();
  }

  private Term perSecond(Operand amount, CalendarUnit per) {
    return per == CalendarUnit.SECOND ? amount : new Quotient(amount, length(per));
  }

  private void bytesFlow(String p, String symbol, String words, String requests, String kind, Flow f,
      Operand size, Bandwidth b) {
    step(p + ".avg_bytes_per_second", words + " a second", symbol, Unit.BYTES_PER_SECOND, Product.of(
        derived(requests + ".avg_per_second", kind + "/s", kind + " a second", f.avgPerSecond(), Unit.PER_SECOND),
        size), b.avgBytesPerSecond());
    step(p + ".peak_bytes_per_second", "peak " + words + " a second", "peak " + symbol, Unit.BYTES_PER_SECOND,
        Product.of(derived(requests + ".peak_per_second", "peak " + kind + "/s", "peak " + kind + " a second",
            f.peakPerSecond(), Unit.PER_SECOND), size), b.peakBytesPerSecond());
  }

  // Totals.

  private void traffic() {
    List<String> kinds = new ArrayList<>();
    e.writes().ifPresent(f -> {
      total("writes", f);
      kinds.add("writes");
    });
    e.reads().ifPresent(f -> {
      total("reads", f);
      kinds.add("reads");
    });
    Flow t = e.total();
    step("traffic.total.per_day", "requests a day", "requests/day", Unit.COUNT,
        Sum.of(kinds.stream().map(k -> derived("traffic." + k + ".per_day", k + "/day", k + " a day",
            flow(k).perDay(), Unit.COUNT)).toList()), t.perDay());
    step("traffic.total.avg_per_second", "requests a second", "requests/s", Unit.PER_SECOND,
        Sum.of(kinds.stream().map(k -> derived("traffic." + k + ".avg_per_second", k + "/s", k + " a second",
            flow(k).avgPerSecond(), Unit.PER_SECOND)).toList()), t.avgPerSecond());
    step("traffic.total.peak_per_second", "peak requests a second", "peak requests/s", Unit.PER_SECOND,
        Sum.of(kinds.stream().map(k -> derived("traffic." + k + ".peak_per_second", "peak " + k + "/s",
            "peak " + k + " a second", flow(k).peakPerSecond(), Unit.PER_SECOND)).toList()), t.peakPerSecond());
  }

  private Flow flow(String kind) {
    return (kind.equals("writes") ? e.writes() : e.reads()).orElseThrow();
  }

  /** traffic.writes or traffic.reads: each figure adds the workloads'. */
  private void total(String kind, Flow total) {
    List<WorkloadFigures> with = e.workloads().stream()
        .filter(w -> (kind.equals("writes") ? w.writes() : w.reads()).isPresent()).toList();
    Function<WorkloadFigures, Flow> of = w -> (kind.equals("writes") ? w.writes() : w.reads()).orElseThrow();
    String p = "traffic." + kind;
    step(p + ".per_day", "all " + kind + " a day", kind + "/day", Unit.COUNT, Sum.of(with.stream()
        .map(w -> derived("workloads." + w.name() + "." + kind + ".per_day", w.name() + " " + kind + "/day",
            w.name() + " " + kind + " a day", of.apply(w).perDay(), Unit.COUNT)).toList()), total.perDay());
    step(p + ".avg_per_second", "all " + kind + " a second", kind + "/s", Unit.PER_SECOND, Sum.of(with.stream()
        .map(w -> derived("workloads." + w.name() + "." + kind + ".avg_per_second", w.name() + " " + kind + "/s",
            w.name() + " " + kind + " a second", of.apply(w).avgPerSecond(), Unit.PER_SECOND)).toList()),
        total.avgPerSecond());
    step(p + ".peak_per_second", "all peak " + kind + " a second", "peak " + kind + "/s", Unit.PER_SECOND,
        Sum.of(with.stream().map(w -> derived("workloads." + w.name() + "." + kind + ".peak_per_second",
            w.name() + " peak " + kind + "/s", w.name() + " peak " + kind + " a second",
            of.apply(w).peakPerSecond(), Unit.PER_SECOND)).toList()), total.peakPerSecond());
  }

  private void bandwidth() {
    e.ingress().ifPresent(b -> bandwidthTotal("ingress", "bytes written", b));
    e.egress().ifPresent(b -> bandwidthTotal("egress", "bytes read", b));
  }

  private void bandwidthTotal(String kind, String words, Bandwidth total) {
    Function<WorkloadFigures, Optional<Bandwidth>> of = w -> kind.equals("ingress") ? w.ingress() : w.egress();
    List<WorkloadFigures> with = e.workloads().stream().filter(w -> of.apply(w).isPresent()).toList();
    String p = "bandwidth." + kind;
    step(p + ".avg_bytes_per_second", "all " + words + " a second", kind, Unit.BYTES_PER_SECOND,
        Sum.of(with.stream().map(w -> derived("workloads." + w.name() + "." + kind + ".avg_bytes_per_second",
            w.name() + " " + kind, w.name() + " " + words + " a second", of.apply(w).orElseThrow().avgBytesPerSecond(),
            Unit.BYTES_PER_SECOND)).toList()), total.avgBytesPerSecond());
    step(p + ".peak_bytes_per_second", "all peak " + words + " a second", "peak " + kind, Unit.BYTES_PER_SECOND,
        Sum.of(with.stream().map(w -> derived("workloads." + w.name() + "." + kind + ".peak_bytes_per_second",
            w.name() + " peak " + kind, w.name() + " peak " + words + " a second",
            of.apply(w).orElseThrow().peakBytesPerSecond(), Unit.BYTES_PER_SECOND)).toList()),
        total.peakBytesPerSecond());
  }

  /** The retention in seconds: each term of the span times its unit's length. */
  private void retention() {
    if (e.storage().flatMap(Estimate.StorageFigures::retained).isEmpty()) {
      return;
    }
    Span span = req.storage().retention().orElseThrow();
    Source at = source(List.of("storage", "retention"));
    List<Term> terms = new ArrayList<>();
    for (Span.Term t : span.terms()) {
      String symbol = span.terms().size() == 1 ? "retention" : "retention_" + t.unit().symbol();
      Operand amount = new Operand(symbol, "retention in " + t.unit().key() + "s", t.amount(),
          t.unit() == CalendarUnit.SECOND ? Unit.SECONDS : Unit.periods(t.unit()),
          at);
      terms.add(t.unit() == CalendarUnit.SECOND ? amount : Product.of(amount, length(t.unit())));
    }
    step("storage.retention_seconds", "seconds of retention", "R", Unit.SECONDS, Sum.of(terms),
        e.storage().get().retained().get().retentionSeconds());
  }

  private Operand retentionSeconds() {
    return derived("storage.retention_seconds", "R", "seconds of retention",
        e.storage().get().retained().get().retentionSeconds(), Unit.SECONDS);
  }

  private void storage() {
    e.storage().ifPresent(s -> {
      List<WorkloadFigures> with = e.workloads().stream().filter(w -> w.storage().isPresent()).toList();
      sumOfWorkloads("storage.bytes_per_day", "bytes stored a day", "stored/day", Unit.BYTES, with,
          "bytes_per_day", w -> w.storage().get().bytesPerDay(), s.bytesPerDay());
      sumOfWorkloads("storage.bytes_per_month", "bytes stored a month", "stored/month", Unit.BYTES, with,
          "bytes_per_month", w -> w.storage().get().bytesPerMonth(), s.bytesPerMonth());
      sumOfWorkloads("storage.bytes_per_year", "bytes stored a year", "stored/year", Unit.BYTES, with,
          "bytes_per_year", w -> w.storage().get().bytesPerYear(), s.bytesPerYear());
      s.retained().ifPresent(r -> {
        sumOfWorkloads("storage.bytes_retained", "bytes kept over the retention", "retained", Unit.BYTES, with,
            "bytes_retained", w -> w.storage().get().bytesRetained().getAsDouble(), r.bytesRetained());
        sumOfWorkloads("storage.objects_retained", "objects kept over the retention", "objects", Unit.COUNT, with,
            "objects_retained", w -> w.storage().get().objectsRetained().getAsDouble(), r.objectsRetained());
        given("storage.replication", "copies of each byte", "replication", replication());
        step("storage.bytes_replicated", "bytes stored in all copies", "replicated", Unit.BYTES, Product.of(
            derived("storage.bytes_retained", "retained", "bytes kept over the retention", r.bytesRetained(),
                Unit.BYTES), replication()), r.bytesReplicated());
      });
    });
  }

  private void sumOfWorkloads(String path, String words, String symbol, Unit unit, List<WorkloadFigures> with,
      String figure, java.util.function.ToDoubleFunction<WorkloadFigures> value, double result) {
    step(path, "all " + words, symbol, unit, Sum.of(with.stream().map(w -> derived(
        "workloads." + w.name() + ".storage." + figure, w.name() + " " + symbol, w.name() + " " + words,
        value.applyAsDouble(w), unit)).toList()), result);
  }

  private void cache() {
    e.cache().ifPresent(c -> {
      given("cache.hot_fraction", "share of a day's reads cached", "hot_fraction", hotFraction());
      List<Term> hot = new ArrayList<>();
      boolean several = e.workloads().stream().filter(w -> w.egress().isPresent()).count() > 1;
      for (int i = 0; i < e.workloads().size(); i++) {
        WorkloadFigures w = e.workloads().get(i);
        if (w.egress().isPresent()) {
          Workload spec = req.workloads().get(i);
          String name = several ? w.name() + " " : "";
          hot.add(Product.of(
              derived("workloads." + w.name() + ".reads.per_day", name + "reads/day", name + "reads a day",
                  w.reads().orElseThrow().perDay(), Unit.COUNT),
              value(name + "read_size", name + "bytes per read", spec.readSize().getAsDouble(), Unit.BYTES,
                  key(spec, "read_size"))));
        }
      }
      step("cache.bytes", "bytes cached", "cache", Unit.BYTES, Product.of(hotFraction(), Sum.of(hot)), c.bytes());
      c.nodes().ifPresent(n -> step("cache.nodes", "cache nodes", "cache nodes", Unit.WHOLE, new Ceil(new Quotient(
          derived("cache.bytes", "cache", "bytes cached", c.bytes(), Unit.BYTES),
          Product.of(value("node_memory", "memory of a cache node", req.cache().nodeMemory().getAsDouble(),
              Unit.BYTES, List.of("cache", "node_memory")), utilization()))), n));
    });
  }

  private void capacity() {
    Estimate.CapacityFigures c = e.capacity();
    Requirements.Capacity limits = req.capacity();
    c.servers().ifPresent(n -> step("capacity.servers", "servers", "servers", Unit.WHOLE, count(
        derived("traffic.total.peak_per_second", "peak requests/s", "peak requests a second",
            e.total().peakPerSecond(), Unit.PER_SECOND),
        value("server_qps", "requests a second per server", limits.serverQps().getAsDouble(), Unit.PER_SECOND,
            List.of("capacity", "server_qps"))), n));
    c.shardsByStorage().ifPresent(n -> step("capacity.shards_by_storage", "shards by storage", "shards_by_storage",
        Unit.WHOLE, count(derived("storage.bytes_retained", "retained", "bytes kept over the retention",
            e.storage().get().retained().get().bytesRetained(), Unit.BYTES),
            value("shard_storage", "bytes per shard", limits.shardStorage().getAsDouble(), Unit.BYTES,
                List.of("capacity", "shard_storage"))), n));
    c.shardsByWrites().ifPresent(n -> step("capacity.shards_by_writes", "shards by writes", "shards_by_writes",
        Unit.WHOLE, count(derived("traffic.writes.peak_per_second", "peak writes/s", "all peak writes a second",
            e.writes().get().peakPerSecond(), Unit.PER_SECOND),
            value("shard_write_qps", "writes a second per shard", limits.shardWriteQps().getAsDouble(),
                Unit.PER_SECOND, List.of("capacity", "shard_write_qps"))), n));
    c.shardsByReads().ifPresent(n -> step("capacity.shards_by_reads", "shards by reads", "shards_by_reads",
        Unit.WHOLE, count(derived("traffic.reads.peak_per_second", "peak reads/s", "all peak reads a second",
            e.reads().get().peakPerSecond(), Unit.PER_SECOND),
            value("shard_read_qps", "reads a second per shard", limits.shardReadQps().getAsDouble(),
                Unit.PER_SECOND, List.of("capacity", "shard_read_qps"))), n));
    c.shards().ifPresent(n -> {
      List<Term> counts = new ArrayList<>();
      String[] kinds = {"storage", "writes", "reads"};
      OptionalDouble[] values = {c.shardsByStorage(), c.shardsByWrites(), c.shardsByReads()};
      for (int i = 0; i < kinds.length; i++) {
        if (values[i].isPresent()) {
          counts.add(derived("capacity.shards_by_" + kinds[i], "shards_by_" + kinds[i], "shards by " + kinds[i],
              values[i].getAsDouble(), Unit.WHOLE));
        }
      }
      step("capacity.shards", "shards (bound by " + c.boundBy().orElseThrow() + ")", "shards", Unit.WHOLE,
          counts.size() == 1 ? counts.get(0) : new Max(counts), n);
    });
    c.nodes().ifPresent(n -> step("capacity.nodes", "nodes", "nodes", Unit.WHOLE, new Ceil(Product.of(
        derived("capacity.shards", "shards", "shards", c.shards().getAsDouble(), Unit.WHOLE), replication())), n));
  }

  /** {@code ceil(demand / (limit x utilization))}. */
  private Term count(Operand demand, Operand limit) {
    return new Ceil(new Quotient(demand, Product.of(limit, utilization())));
  }

  private void availability() {
    e.availability().ifPresent(tier -> {
      Operand target = value("target", "availability target", tier.target(), Unit.FRACTION,
          List.of("availability", "target"));
      given("availability.target", "availability target", "target", target);
      step("availability.nines", "nines", "nines", Unit.NUMBER, new NegLog10(new OneMinus(target)), tier.nines());
      Calendar calendar = req.conventions().calendar();
      for (CalendarUnit unit : Calendar.SLA_PERIODS) {
        step("availability.period_seconds." + unit.key(), "seconds in an SLA " + unit.key(), unit.key(),
            Unit.SECONDS, period(unit, calendar), tier.periodSeconds().get(unit));
      }
      for (CalendarUnit unit : Calendar.SLA_PERIODS) {
        step("availability.downtime_seconds." + unit.key(), "allowed downtime a " + unit.key(),
            "downtime/" + unit.key(), Unit.DURATION, Product.of(new OneMinus(target),
                derived("availability.period_seconds." + unit.key(), unit.key(), "seconds in an SLA " + unit.key(),
                    tier.periodSeconds().get(unit), Unit.SECONDS)), tier.downtimeSeconds().get(unit));
      }
    });
  }

  /** An SLA period: the calendar's own length (never the seconds_per_* shortcuts). */
  private Term period(CalendarUnit unit, Calendar calendar) {
    double days = switch (unit) {
      case MONTH -> calendar.monthDays();
      case QUARTER -> calendar.quarterDays();
      case YEAR -> calendar.yearDays();
      default -> 0;
    };
    Optional<Location> custom = where.find(List.of("conventions", "calendar", unit.key()));
    if (days > 0 && custom.isPresent()) {
      return Product.of(
          new Operand(unit.key() + "_days", "days in the calendar's " + unit.key(), days, Unit.periods(CalendarUnit.DAY),
              Source.input("conventions.calendar." + unit.key(), custom.get())),
          new Operand("day", "seconds in a calendar day", Calendar.SECONDS_PER_DAY, Unit.SECONDS,
              Source.convention(Optional.empty(), "a calendar day: 24 x 3,600 s"), Optional.of(CalendarUnit.DAY)));
    }
    String note = switch (unit) {
      case HOUR -> "an hour: 3,600 s";
      case DAY -> "a calendar day: 24 x 3,600 s";
      case WEEK -> "a week: 7 days of 86,400 s";
      default -> "calendar " + unit.key() + " (" + calendar.name() + "): " + Format.plain(days) + " days of 86,400 s";
    };
    Optional<String> path = days > 0 ? Optional.of("conventions.calendar_days." + unit.key()) : Optional.empty();
    return new Operand(unit.key(), "seconds in a " + unit.key(), calendar.periodSeconds(unit), Unit.SECONDS,
        Source.convention(path, note), Optional.of(unit));
  }

  // Values and where they come from.

  private void step(String path, String words, String symbol, Unit unit, Term term, double result) {
    steps.add(new Step(path, words, symbol, unit, term, result));
  }

  /** A figure that repeats a value of the file (or its default): its step is the value itself. */
  private void given(String path, String words, String symbol, Operand value) {
    step(path, words, symbol, value.unit(), value, value.value());
  }

  private static Operand derived(String path, String symbol, String words, double value, Unit unit) {
    return new Operand(symbol, words, value, unit, Source.derived(path));
  }

  /** A value of the file at {@code key}, or the default the reader applied there. */
  private Operand value(String symbol, String words, double value, Unit unit, List<String> key) {
    return new Operand(symbol, words, value, unit, source(key));
  }

  private Source source(List<String> key) {
    String path = String.join(".", key);
    Optional<Location> at = where.find(key);
    if (at.isPresent()) {
      return Source.input(path, at.get());
    }
    Assumption a = assumptions.get(path);
    String note = a == null ? "default" : a.source();
    return path.startsWith("conventions.") ? Source.convention(Optional.of(path), note) : Source.defaulted(path, note);
  }

  private static List<String> key(Workload w, String key) {
    return List.of("workloads", w.name(), key);
  }

  /**
   * A workload's own peak factor, else the file's, else the default; a workload that follows the
   * file's traffic.peak model takes the factor the model gave (see docs/models/peaks.md).
   */
  private Operand peakFactor(Workload w) {
    if (req.models().followsPeakModel(w.name())) {
      double factor = e.workloads().stream().filter(f -> f.name().equals(w.name())).findFirst().orElseThrow()
          .peakFactor();
      return new Operand("peak_factor", "peak factor", factor, Unit.NUMBER, source(List.of("traffic", "peak")));
    }
    List<String> key = where.find(key(w, "peak_factor")).isPresent() ? key(w, "peak_factor")
        : List.of("traffic", "peak_factor");
    return value("peak_factor", "peak factor", w.peakFactor(), Unit.NUMBER, key);
  }

  /** The overhead factor {@code (1 + overhead)}, left out when there is none. */
  private Optional<Term> overhead() {
    double o = req.storage().overhead();
    return o == 0 ? Optional.empty() : Optional.of(new OnePlus(
        value("overhead", "overhead", o, Unit.FRACTION, List.of("storage", "overhead"))));
  }

  private Operand replication() {
    return value("replication", "copies", req.storage().replication(), Unit.NUMBER, List.of("storage", "replication"));
  }

  private Operand hotFraction() {
    return value("hot_fraction", "hot fraction", req.cache().hotFraction(), Unit.FRACTION,
        List.of("cache", "hot_fraction"));
  }

  private Operand utilization() {
    return value("utilization", "utilization", req.capacity().utilization(), Unit.FRACTION,
        List.of("capacity", "utilization"));
  }

  /** The seconds in one {@code unit}, as the time base converts rates and retention. */
  private Operand length(CalendarUnit unit) {
    double seconds = time.seconds(unit);
    return switch (unit) {
      case SECOND -> throw new IllegalArgumentException("a second needs no conversion");
      case MINUTE -> new Operand("MIN", "seconds in a minute", seconds, Unit.SECONDS,
          Source.convention(Optional.empty(), "a minute: 60 s"), Optional.of(unit));
      case HOUR -> new Operand("H", "seconds in an hour", seconds, Unit.SECONDS,
          Source.convention(Optional.empty(), "an hour: 3,600 s"), Optional.of(unit));
      case DAY -> lengthOf("D", "seconds in a day", seconds, "seconds_per_day", unit);
      case WEEK -> new Operand("W", "seconds in a week", seconds, Unit.SECONDS,
          Source.convention(Optional.of("conventions.seconds_per_week"), "a week: 7 x conventions.seconds_per_day"),
          Optional.of(unit));
      case MONTH -> lengthOf("M", "seconds in a month", seconds, "seconds_per_month", unit);
      case QUARTER -> new Operand("Q", "seconds in a quarter", seconds, Unit.SECONDS,
          Source.convention(Optional.empty(), "a quarter: conventions.seconds_per_year / 4"), Optional.of(unit));
      case YEAR -> lengthOf("Y", "seconds in a year", seconds, "seconds_per_year", unit);
    };
  }

  private Operand lengthOf(String symbol, String words, double seconds, String key, CalendarUnit unit) {
    return new Operand(symbol, words, seconds, Unit.SECONDS, source(List.of("conventions", key)), Optional.of(unit));
  }

  private static Term product(List<Term> factors, Term last) {
    List<Term> all = new ArrayList<>(factors);
    all.add(last);
    return new Product(all);
  }

  /** How a rate's period reads in words: "a day", "an hour". */
  private static String per(CalendarUnit unit) {
    return switch (unit) {
      case SECOND -> "a second";
      case MINUTE -> "a minute";
      case HOUR -> "an hour";
      default -> "a " + unit.key();
    };
  }
}
