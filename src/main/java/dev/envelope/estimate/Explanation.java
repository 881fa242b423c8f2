package dev.envelope.estimate;

import dev.envelope.estimate.Derivation.Call;
import dev.envelope.estimate.Derivation.Ceil;
import dev.envelope.estimate.Derivation.Difference;
import dev.envelope.estimate.Derivation.Ln;
import dev.envelope.estimate.Derivation.Min;
import dev.envelope.estimate.Derivation.Power;
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
 * <p>The availability and latency models (docs/models) are derived the same way, their formulas
 * those of {@link Models}: where a figure comes from a sum over a distribution or a search (k of n
 * replicas, a Poisson quantile, Erlang C, a lognormal percentile), the step names the function
 * ({@link Derivation.Function}) and its arguments, and recomputes through the models' own code.
 *
 * <p>Every figure of the estimate's JSON has a step except the conventions (the lengths the steps
 * cite) and the text and yes-or-no figures: {@code capacity.bound_by}, a queue's and a stream's
 * {@code bound_by} and {@code availability.limited_by} (each named in the step of the count or
 * figure it bounds), {@code availability.meets_target} (the sign of the margin's step), and the
 * names, actions and single points of failure of the models.
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
    x.models(Models.of(x.e));
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
    Set<String> asked = new java.util.HashSet<>(paths);
    for (Step s : all) {
      // A step is asked for by its own path or by any prefix of it: one lookup per dot.
      String p = s.path();
      while (true) {
        if (asked.contains(p)) {
          queue.add(s.path());
          break;
        }
        int dot = p.lastIndexOf('.');
        if (dot < 0) {
          break;
        }
        p = p.substring(0, dot);
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
    // A factor from the peak model may depend on the workload's rates (Poisson): its step comes
    // after the averages and before the peaks.
    boolean modelled = req.models().followsPeakModel(w.name());
    f.writes().ifPresent(flow -> {
      Term rate = rate(w, "writes", w.writes(), w.writesPerUser(), Optional.empty());
      flow(p + ".writes", "writes", w, rate, flow, !modelled);
    });
    f.reads().ifPresent(flow -> {
      Optional<Term> fromRatio = w.reads().isEmpty() && w.readsPerUser().isEmpty()
          ? Optional.of(Product.of(
              derived(p + ".writes.avg_per_second", "writes/s", "writes a second",
                  f.writes().orElseThrow().avgPerSecond(), Unit.PER_SECOND),
              value("read_write_ratio", "reads per write", w.readWriteRatio().getAsDouble(), Unit.NUMBER,
                  key(w, "read_write_ratio"))))
          : Optional.empty();
      flow(p + ".reads", "reads", w, rate(w, "reads", w.reads(), w.readsPerUser(), fromRatio), flow, !modelled);
    });
    if (modelled) {
      peakModel(w, f);
      f.writes().ifPresent(flow -> peakFlow(p + ".writes", "writes", w, flow));
      f.reads().ifPresent(flow -> peakFlow(p + ".reads", "reads", w, flow));
    } else {
      given(p + ".peak_factor", "peak factor", "peak_factor", peakFactor(w));
    }
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

  /** Average, per-day and (with {@code peak}) peak figures of one kind of request. */
  private void flow(String p, String kind, Workload w, Term avg, Flow f, boolean peak) {
    step(p + ".avg_per_second", kind + " a second", kind + "/s", Unit.PER_SECOND, avg, f.avgPerSecond());
    Operand perSecond = derived(p + ".avg_per_second", kind + "/s", kind + " a second", f.avgPerSecond(),
        Unit.PER_SECOND);
    step(p + ".per_day", kind + " a day", kind + "/day", Unit.COUNT,
        Product.of(perSecond, length(CalendarUnit.DAY)), f.perDay());
    if (peak) {
      peakFlow(p, kind, w, f);
    }
  }

  private void peakFlow(String p, String kind, Workload w, Flow f) {
    Operand perSecond = derived(p + ".avg_per_second", kind + "/s", kind + " a second", f.avgPerSecond(),
        Unit.PER_SECOND);
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

  // The peak model, the workloads' queueing, tail latency and streams, the availability chain and
  // error budget (docs/models).

  /** A workload's peak factor from traffic.peak: diurnal share x 24, or Poisson quantile / rate. */
  private void peakModel(Workload w, WorkloadFigures f) {
    Requirements.Peak peak = req.models().peak().orElseThrow();
    String path = "workloads." + w.name() + ".peak_factor";
    if (peak.model() == Requirements.PeakKind.DIURNAL) {
      step(path, "peak factor (diurnal)", "peak_factor", Unit.NUMBER, Product.of(
          value("peak_hour_share", "the busiest hour's share of the day", peak.value(), Unit.FRACTION,
              List.of("traffic", "peak", "peak_hour_share")),
          constant("hours", "hours in a day", PeakModel.HOURS_PER_DAY, Unit.NUMBER, "a day: 24 hours")),
          f.peakFactor());
      return;
    }
    Term rate = average(f);
    if (!(rate.evaluate() > 0)) {
      step(path, "peak factor (poisson)", "peak_factor", Unit.NUMBER, constant("1", "the average itself", 1,
          Unit.NUMBER, "no requests: the peak is the average"), f.peakFactor());
      return;
    }
    Term factor = new Quotient(Call.of(Derivation.Function.POISSON_QUANTILE, rate,
        value("percentile", "share of seconds the peak covers", peak.value(), Unit.FRACTION,
            List.of("traffic", "peak", "percentile"))), rate);
    if (factor.evaluate() < 1) {
      factor = new Max(List.of(constant("1", "the average itself", 1, Unit.NUMBER,
          "a peak is never below the average"), factor));
    }
    step(path, "peak factor (poisson): requests in the busiest second at the percentile / requests a second",
        "peak_factor", Unit.NUMBER, factor, f.peakFactor());
  }

  private void models(Models.Figures m) {
    Map<String, Workload> specs = new java.util.HashMap<>();
    req.workloads().forEach(w -> specs.putIfAbsent(w.name(), w));
    for (Models.WorkloadModelFigures w : m.workloads()) {
      Workload spec = specs.get(w.name());
      WorkloadFigures f = figures(w.name());
      w.queueing().ifPresent(q -> queueing(spec, f, q));
      w.tailLatency().ifPresent(t -> tailLatency(spec, f, t));
      w.stream().ifPresent(s -> stream(spec, f, s));
    }
    m.availability().ifPresent(a -> {
      a.chain().ifPresent(this::chain);
      errorBudget(a);
    });
  }

  private WorkloadFigures figures(String name) {
    if (figuresByName == null) {
      figuresByName = new java.util.HashMap<>();
      e.workloads().forEach(f -> figuresByName.putIfAbsent(f.name(), f));
    }
    return figuresByName.get(name);
  }

  /** The workloads' figures by name, made on first use. */
  private Map<String, WorkloadFigures> figuresByName;

  /** A workload's writes and reads a second together, or its peak: the rates the models take. */
  private Term average(WorkloadFigures f) {
    return rates(f, "avg_per_second", "", Flow::avgPerSecond);
  }

  private Term peakRate(WorkloadFigures f) {
    return rates(f, "peak_per_second", "peak ", Flow::peakPerSecond);
  }

  private Term rates(WorkloadFigures f, String figure, String prefix, java.util.function.ToDoubleFunction<Flow> of) {
    String p = "workloads." + f.name();
    List<Term> terms = new ArrayList<>();
    f.writes().ifPresent(x -> terms.add(derived(p + ".writes." + figure, prefix + "writes/s", prefix + "writes a second",
        of.applyAsDouble(x), Unit.PER_SECOND)));
    f.reads().ifPresent(x -> terms.add(derived(p + ".reads." + figure, prefix + "reads/s", prefix + "reads a second",
        of.applyAsDouble(x), Unit.PER_SECOND)));
    return terms.isEmpty() ? constant("0", "no requests", 0, Unit.PER_SECOND, "no writes or reads") : Sum.of(terms);
  }

  /** Little's law, servers by rate, and by the Erlang C search for the wait target (Queueing). */
  private void queueing(Workload w, WorkloadFigures f, Queueing.Result q) {
    String p = "workloads." + w.name() + ".queueing";
    Operand latency = value("latency", "service time of a request", q.latencySeconds(), Unit.LATENCY,
        key(w, "latency"));
    given(p + ".latency_seconds", "service time of a request", "latency", latency);
    step(p + ".peak_per_second", "peak requests a second", "peak/s", Unit.PER_SECOND, peakRate(f), q.peakPerSecond());
    Operand peak = derived(p + ".peak_per_second", "peak/s", "peak requests a second", q.peakPerSecond(),
        Unit.PER_SECOND);
    step(p + ".in_flight", "requests in flight at peak (Little's law)", "in_flight", Unit.COUNT,
        Product.of(peak, latency), q.inFlight());
    Operand inFlight = derived(p + ".in_flight", "in_flight", "requests in flight", q.inFlight(), Unit.COUNT);
    Term byRate = new Ceil(new Quotient(inFlight, utilization()));
    if (byRate.evaluate() < 1) {
      byRate = new Max(List.of(constant("1", "one server", 1, Unit.WHOLE, "at least one server"), byRate));
    }
    step(p + ".servers_by_rate", "servers by rate, one request at a time each", "servers_by_rate", Unit.WHOLE,
        byRate, q.serversByRate());
    Operand rateCount = derived(p + ".servers_by_rate", "servers_by_rate", "servers by rate", q.serversByRate(),
        Unit.WHOLE);
    step(p + ".utilization_by_rate", "share of the servers busy", "busy", Unit.FRACTION,
        new Quotient(inFlight, rateCount), q.utilizationByRate());
    Term servers = rateCount;
    if (q.byWait().isPresent()) {
      Queueing.Wait wait = q.byWait().get();
      Operand max = value("max_wait_p99", "p99 queueing delay allowed", wait.maxWaitSeconds(), Unit.LATENCY,
          List.of("capacity", "max_wait_p99"));
      given(p + ".max_wait_p99_seconds", "p99 queueing delay allowed", "max_wait_p99", max);
      step(p + ".servers_by_wait", "servers by wait (Erlang C, M/M/c): the fewest whose p99 wait is at most"
          + " max_wait_p99, searched up from in_flight", "servers_by_wait", Unit.WHOLE,
          Call.of(Derivation.Function.ERLANG_C_SERVERS, inFlight, latency, max), wait.servers());
      Operand c = derived(p + ".servers_by_wait", "servers_by_wait", "servers by wait", wait.servers(), Unit.WHOLE);
      step(p + ".utilization_by_wait", "share of the servers busy", "busy", Unit.FRACTION, new Quotient(inFlight, c),
          wait.utilization());
      step(p + ".wait_probability", "share of requests that queue (Erlang C)", "P(wait)", Unit.FRACTION,
          Call.of(Derivation.Function.ERLANG_C, c, inFlight), wait.waitProbability());
      Operand waits = derived(p + ".wait_probability", "P(wait)", "share of requests that queue",
          wait.waitProbability(), Unit.FRACTION);
      Operand tail = constant("1%", "share of requests over the p99", 1 - Queueing.WAIT_PERCENTILE, Unit.FRACTION,
          "a p99: 1% of requests wait longer");
      Term p99 = wait.waitProbability() > tail.value()
          ? new Quotient(Product.of(latency, new Ln(new Quotient(waits, tail))), new Difference(c, inFlight))
          : constant("0", "no wait", 0, Unit.LATENCY, "at most 1% of requests queue at all: the p99 wait is 0");
      step(p + ".wait_p99_seconds", "p99 queueing delay at servers_by_wait, which max_wait_p99 bounds", "wait_p99",
          Unit.LATENCY, p99, wait.waitP99Seconds());
      servers = new Max(List.of(rateCount, c));
    }
    step(p + ".servers", "servers (bound by " + q.boundBy() + ")", "servers", Unit.WHOLE, servers, q.servers());
  }

  /** The fan-out's slow share 1 - (1 - p)^n, its percentiles and hedging (TailLatency). */
  private void tailLatency(Workload w, WorkloadFigures f, Models.TailFigures t) {
    String p = "workloads." + w.name() + ".tail_latency";
    TailLatency.FanOut fo = t.fanOut();
    Operand n = value("fanout", "calls each request waits for", fo.fanout(), Unit.WHOLE, key(w, "fanout"));
    given(p + ".fanout", "calls each request waits for", "fanout", n);
    step(p + ".calls_per_second", "calls a second at peak", "calls/s", Unit.PER_SECOND, Product.of(peakRate(f), n),
        t.callsPerSecond());
    List<String> call = List.of("workloads", w.name(), "call_latency");
    Operand slow;
    Optional<Operand[]> quantiles = Optional.empty();
    if (fo.quantiles().isPresent()) {
      TailLatency.Quantiles q = fo.quantiles().get();
      Operand p50 = value("call_p50", "a call's p50", q.callP50(), Unit.LATENCY, concat(call, "p50"));
      Operand p99 = value("call_p99", "a call's p99", q.callP99(), Unit.LATENCY, concat(call, "p99"));
      quantiles = Optional.of(new Operand[] {p50, p99});
      given(p + ".call_p50_seconds", "a call's p50", "call_p50", p50);
      given(p + ".call_p99_seconds", "a call's p99", "call_p99", p99);
      slow = constant("slow_call", "share of calls over their p99", fo.slowCallFraction(), Unit.FRACTION,
          "a slow call is one over the call's p99: 1 - 99%");
      given(p + ".slow_call_fraction", "share of calls that are slow", "slow_call", slow);
      given(p + ".slow_over_seconds", "what a slow call takes longer than: its p99", "slow_over", p99);
    } else {
      slow = value("slow_call", "share of calls that are slow", fo.slowCallFraction(), Unit.FRACTION,
          concat(call, "slow_fraction"));
      given(p + ".slow_call_fraction", "share of calls that are slow", "slow_call", slow);
      given(p + ".slow_over_seconds", "what a slow call takes longer than", "slow_over", value("over",
          "what a slow call takes longer than", fo.slowOverSeconds(), Unit.LATENCY, concat(call, "over")));
    }
    step(p + ".slow_request_fraction", "share of requests with a slow call (The Tail at Scale)", "slow_request",
        Unit.FRACTION, new OneMinus(new Power(new OneMinus(slow), n)), fo.slowRequestFraction());
    if (quantiles.isEmpty()) {
      return;
    }
    Operand p50 = quantiles.get()[0];
    Operand p99 = quantiles.get()[1];
    TailLatency.Quantiles q = fo.quantiles().get();
    step(p + ".request_p50_seconds", "a request's p50: the calls' percentile 50%^(1/fanout), calls lognormal",
        "request_p50", Unit.LATENCY, Call.of(Derivation.Function.LOGNORMAL_QUANTILE, p50, p99, slowest(0.5, n)),
        q.requestP50());
    step(p + ".request_p99_seconds", "a request's p99: the calls' percentile 99%^(1/fanout), calls lognormal",
        "request_p99", Unit.LATENCY, Call.of(Derivation.Function.LOGNORMAL_QUANTILE, p50, p99, slowest(0.99, n)),
        q.requestP99());
    if (fo.hedge().isEmpty()) {
      return;
    }
    TailLatency.Hedge h = fo.hedge().get();
    String hp = p + ".hedge";
    Operand after = value("hedge_after", "percentile after which a backup call goes", h.afterQuantile(),
        Unit.FRACTION, key(w, "hedge_after"));
    given(hp + ".after_quantile", "percentile after which a backup call goes", "hedge_after", after);
    step(hp + ".after_seconds", "when the backup call goes: the call's hedge_after percentile", "t_h", Unit.LATENCY,
        Call.of(Derivation.Function.LOGNORMAL_QUANTILE, p50, p99, after), h.afterSeconds());
    Operand th = derived(hp + ".after_seconds", "t_h", "when the backup call goes", h.afterSeconds(), Unit.LATENCY);
    step(hp + ".extra_call_fraction", "share of calls that get a backup: those still out at t_h", "extra",
        Unit.FRACTION, Call.of(Derivation.Function.LOGNORMAL_OVER, p50, p99, th), h.extraCallFraction());
    step(hp + ".extra_calls_per_second", "backup calls a second at peak", "extra calls/s", Unit.PER_SECOND,
        Product.of(derived(p + ".calls_per_second", "calls/s", "calls a second at peak", t.callsPerSecond(),
            Unit.PER_SECOND), derived(hp + ".extra_call_fraction", "extra", "share of calls that get a backup",
                h.extraCallFraction(), Unit.FRACTION)), t.extraCallsPerSecond().orElseThrow());
    step(hp + ".call_p99_seconds", "a hedged call's p99 (the first of a call and its backup, solved by bisection)",
        "hedged call_p99", Unit.LATENCY, Call.of(Derivation.Function.HEDGED_QUANTILE, p50, p99, th,
            constant("q", "the call's percentile", TailLatency.CALL_PERCENTILE, Unit.FRACTION, "a p99")),
        h.callP99());
    step(hp + ".request_p50_seconds", "a hedged request's p50: hedged calls' percentile 50%^(1/fanout)",
        "hedged request_p50", Unit.LATENCY, Call.of(Derivation.Function.HEDGED_QUANTILE, p50, p99, th,
            slowest(0.5, n)), h.requestP50());
    step(hp + ".request_p99_seconds", "a hedged request's p99: hedged calls' percentile 99%^(1/fanout)",
        "hedged request_p99", Unit.LATENCY, Call.of(Derivation.Function.HEDGED_QUANTILE, p50, p99, th,
            slowest(0.99, n)), h.requestP99());
    // P(hedged call > t) = P(X > t) x P(X > t - t_h) for t past t_h: the call and its backup both slow.
    Term overP99 = Call.of(Derivation.Function.LOGNORMAL_OVER, p50, p99, p99);
    step(hp + ".slow_call_fraction", "share of hedged calls over the call's p99: the call and its backup both slow",
        "hedged slow_call", Unit.FRACTION, h.afterSeconds() <= q.callP99()
            ? Product.of(overP99, Call.of(Derivation.Function.LOGNORMAL_OVER, p50, p99, new Difference(p99, th)))
            : overP99, h.slowCallFraction());
    step(hp + ".slow_request_fraction", "share of hedged requests with a slow call", "hedged slow_request",
        Unit.FRACTION, new OneMinus(new Power(new OneMinus(derived(hp + ".slow_call_fraction", "hedged slow_call",
            "share of hedged calls that are slow", h.slowCallFraction(), Unit.FRACTION)), n)), h.slowRequestFraction());
  }

  /** The calls' percentile that gives a request's {@code q} when it waits for the slowest of n: q^(1/n). */
  private Term slowest(double q, Operand n) {
    Operand percentile = constant("q", "the request's percentile", q, Unit.FRACTION,
        "a p" + (q == 0.5 ? "50" : "99"));
    return new Power(percentile, new Quotient(constant("1", "1", 1, Unit.NUMBER, "a root"), n));
  }

  /** A stream's partitions, max(t / produce, t / consume) rounded up, and its log (Streams). */
  private void stream(Workload w, WorkloadFigures f, Models.StreamFigures s) {
    String p = "workloads." + w.name() + ".stream";
    Streams.Partitions parts = s.partitions();
    step(p + ".peak_bytes_per_second", "peak bytes written a second", "peak in", Unit.BYTES_PER_SECOND,
        derived("workloads." + w.name() + ".ingress.peak_bytes_per_second", "peak ingress", "peak bytes written a second",
            f.ingress().orElseThrow().peakBytesPerSecond(), Unit.BYTES_PER_SECOND), parts.bytesPerSecond());
    Operand in = derived(p + ".peak_bytes_per_second", "peak in", "peak bytes written a second", parts.bytesPerSecond(),
        Unit.BYTES_PER_SECOND);
    Requirements.StreamLimits limits = req.models().workload(w.name()).orElseThrow().stream().orElseThrow();
    List<Term> counts = new ArrayList<>();
    String[] sides = {"produce", "consume"};
    OptionalDouble[] rates = {limits.produceBytesPerSecond(), limits.consumeBytesPerSecond()};
    OptionalDouble[] results = {parts.byProduce(), parts.byConsume()};
    for (int i = 0; i < 2; i++) {
      if (rates[i].isEmpty()) {
        continue;
      }
      String side = sides[i];
      String words = i == 0 ? "bytes a second one partition takes in" : "bytes a second one consumer reads from a partition";
      Operand limit = value("partition_" + side, words, rates[i].getAsDouble(), Unit.BYTES_PER_SECOND,
          List.of("workloads", w.name(), "stream", "partition_" + side));
      given(p + ".partition_" + side + "_bytes_per_second", words, "partition_" + side, limit);
      step(p + ".partitions_by_" + side, "partitions by " + side, "by_" + side, Unit.WHOLE,
          new Ceil(new Quotient(in, limit)), results[i].getAsDouble());
      counts.add(derived(p + ".partitions_by_" + side, "by_" + side, "partitions by " + side,
          results[i].getAsDouble(), Unit.WHOLE));
    }
    if (counts.stream().mapToDouble(Term::evaluate).max().orElse(0) < 1) {
      counts.add(0, constant("1", "one partition", 1, Unit.WHOLE, "at least one partition"));
    }
    step(p + ".partitions", "partitions (bound by " + parts.boundBy() + ")", "partitions", Unit.WHOLE,
        counts.size() == 1 ? counts.get(0) : new Max(counts), parts.partitions());
    if (s.bytesRetained().isEmpty()) {
      return;
    }
    double log = s.bytesRetained().getAsDouble();
    step(p + ".bytes_retained", "bytes the log keeps over the retention", "log", Unit.BYTES, Product.of(
        derived("workloads." + w.name() + ".ingress.avg_bytes_per_second", "ingress", "bytes written a second",
            f.ingress().orElseThrow().avgBytesPerSecond(), Unit.BYTES_PER_SECOND), retentionSeconds()), log);
    Operand logged = derived(p + ".bytes_retained", "log", "bytes the log keeps", log, Unit.BYTES);
    step(p + ".bytes_replicated", "bytes of the log in all copies", "log replicated", Unit.BYTES,
        Product.of(logged, replication()), s.bytesReplicated().getAsDouble());
    step(p + ".bytes_per_partition", "bytes of the log per partition", "log/partition", Unit.BYTES,
        new Quotient(logged, derived(p + ".partitions", "partitions", "partitions", parts.partitions(), Unit.WHOLE)),
        s.bytesPerPartition().getAsDouble());
  }

  /** Each component k of n (the binomial tail), the chain their product (AvailabilityChain). */
  private void chain(Models.ChainFigures cf) {
    AvailabilityChain.Chain chain = cf.chain();
    List<Requirements.Component> inputs = req.models().components();
    List<Term> links = new ArrayList<>();
    for (int i = 0; i < chain.links().size(); i++) {
      AvailabilityChain.Link link = chain.links().get(i);
      Requirements.Component in = inputs.get(i);
      String p = "availability.components." + i;
      List<String> k = List.of("availability", "components", String.valueOf(i));
      String name = link.name();
      Operand replica;
      if (in.availability().isPresent()) {
        replica = value("a", "availability of one " + name + " replica", in.availability().getAsDouble(),
            Unit.AVAILABILITY, concat(k, "availability"));
        given(p + ".replica_availability", "availability of one " + name + " replica", "a", replica);
      } else {
        Operand mtbf = value("mtbf", "mean time between failures", in.mtbfSeconds().getAsDouble(), Unit.DURATION,
            concat(k, "mtbf"));
        Operand mttr = value("mttr", "mean time to repair", in.mttrSeconds().getAsDouble(), Unit.DURATION,
            concat(k, "mttr"));
        given(p + ".mtbf_seconds", "mean time between failures of a " + name + " replica", "mtbf", mtbf);
        given(p + ".mttr_seconds", "mean time to repair a " + name + " replica", "mttr", mttr);
        step(p + ".replica_availability", "availability of one " + name + " replica: the share of time it is up", "a",
            Unit.AVAILABILITY, new Quotient(mtbf, Sum.of(List.of(mtbf, mttr))), link.replicaAvailability());
        replica = derived(p + ".replica_availability", "a", "availability of one " + name + " replica",
            link.replicaAvailability(), Unit.AVAILABILITY);
      }
      Operand n = count("n", "replicas of " + name, link.replicas(), concat(k, "replicas"), "1 replica");
      Operand needed = count("k", "replicas of " + name + " that must be up", link.required(), concat(k, "required"),
          "1 replica up");
      given(p + ".replicas", "replicas of " + name, "n", n);
      given(p + ".required", "replicas of " + name + " that must be up", "k", needed);
      // The chance the component is down: one replica's, all n down (1 of n), not all up (n of n), or
      // fewer than k up: the binomial tail.
      Term up;
      Term down;
      String how;
      if (link.replicas() == 1) {
        up = replica;
        down = new OneMinus(replica);
        how = "its one replica";
      } else if (link.required() == 1) {
        down = new Power(new OneMinus(replica), n);
        up = new OneMinus(down);
        how = "1 of " + link.replicas() + " up: down only when all are";
      } else if (link.required() == link.replicas()) {
        up = new Power(replica, n);
        down = new OneMinus(up);
        how = link.replicas() + " of " + link.replicas() + " up: every one needed";
      } else {
        down = Call.of(Derivation.Function.BINOMIAL_BELOW, needed, n, replica);
        up = new OneMinus(down);
        how = link.required() + " of " + link.replicas() + " up: the binomial tail";
      }
      step(p + ".availability", "availability of " + name + " (" + how + ")", "A_" + name, Unit.AVAILABILITY, up,
          link.availability());
      step(p + ".nines", "nines of " + name, "nines_" + name, Unit.NUMBER, new NegLog10(down), link.nines());
      links.add(derived(p + ".availability", "A_" + name, "availability of " + name, link.availability(),
          Unit.AVAILABILITY));
    }
    step("availability.composite", "availability of the chain, each component needed (limited by "
        + chain.limitedBy() + ")", "A", Unit.AVAILABILITY, new Product(links), chain.availability());
    Operand composite = derived("availability.composite", "A", "availability of the chain", chain.availability(),
        Unit.AVAILABILITY);
    step("availability.composite_nines", "nines of the chain", "nines_chain", Unit.NUMBER,
        new NegLog10(new OneMinus(composite)), chain.nines());
    Sla.Tier tier = e.availability().orElseThrow();
    step("availability.margin_nines", "nines to spare (negative: the target is missed)", "margin", Unit.NUMBER,
        new Difference(derived("availability.composite_nines", "nines_chain", "nines of the chain", chain.nines(),
            Unit.NUMBER), derived("availability.nines", "nines", "nines", tier.nines(), Unit.NUMBER)),
        cf.marginNines());
    double month = tier.periodSeconds().get(CalendarUnit.MONTH);
    step("availability.composite_downtime_seconds_per_month", "the chain's expected downtime a month",
        "down/month", Unit.DURATION, Product.of(new OneMinus(composite), derived("availability.period_seconds.month",
            "month", "seconds in an SLA month", month, Unit.SECONDS)), cf.downtimeSecondsPerMonth());
    step("availability.margin_downtime_seconds_per_month", "downtime a month to spare (negative: over the target's)",
        "spare/month", Unit.DURATION, new Difference(
            derived("availability.downtime_seconds.month", "downtime/month", "allowed downtime a month",
                tier.downtimeSeconds().get(CalendarUnit.MONTH), Unit.DURATION),
            derived("availability.composite_downtime_seconds_per_month", "down/month",
                "the chain's expected downtime a month", cf.downtimeSecondsPerMonth(), Unit.DURATION)),
        cf.marginDowntimeSecondsPerMonth());
  }

  /** The budget (1 - target) x window, and the SRE workbook's burn-rate alerts (ErrorBudget). */
  private void errorBudget(Models.AvailabilityFigures a) {
    String p = "availability.error_budget";
    ErrorBudget.Budget b = a.budget();
    Optional<Span> window = req.models().window();
    if (window.isPresent()) {
      Source at = source(List.of("availability", "window"));
      TimeBase calendar = Requirements.Conventions.of(req.conventions().calendar(), req.conventions().units()).time();
      List<Term> terms = new ArrayList<>();
      for (Span.Term t : window.get().terms()) {
        String symbol = window.get().terms().size() == 1 ? "window" : "window_" + t.unit().symbol();
        Operand amount = new Operand(symbol, "window in " + t.unit().key() + "s", t.amount(),
            t.unit() == CalendarUnit.SECOND ? Unit.SECONDS : Unit.periods(t.unit()), at);
        terms.add(t.unit() == CalendarUnit.SECOND ? amount : Product.of(amount, new Operand(t.unit().symbol(),
            "seconds in a calendar " + t.unit().key(), calendar.seconds(t.unit()), Unit.SECONDS,
            Source.convention(Optional.empty(), "the " + req.conventions().calendar().name() + " calendar's "
                + t.unit().key() + ", in days of 86,400 s"), Optional.of(t.unit()))));
      }
      step(p + ".window_seconds", "seconds in the budget's window", "window", Unit.SECONDS, Sum.of(terms),
          b.windowSeconds());
    } else {
      step(p + ".window_seconds", "seconds in the budget's window: by default the calendar month", "window",
          Unit.SECONDS, derived("availability.period_seconds.month", "month", "seconds in an SLA month",
              e.availability().orElseThrow().periodSeconds().get(CalendarUnit.MONTH), Unit.SECONDS),
          b.windowSeconds());
    }
    Operand windowSeconds = derived(p + ".window_seconds", "window", "seconds in the window", b.windowSeconds(),
        Unit.SECONDS);
    step(p + ".fraction", "share of the window the target may miss", "budget", Unit.FRACTION,
        new OneMinus(value("target", "availability target", a.target(), Unit.FRACTION,
            List.of("availability", "target"))), b.fraction());
    Operand fraction = derived(p + ".fraction", "budget", "share of the window the target may miss", b.fraction(),
        Unit.FRACTION);
    step(p + ".seconds", "downtime the budget allows over the window", "budget_time", Unit.DURATION,
        Product.of(fraction, windowSeconds), b.seconds());
    b.requests().ifPresent(r -> step(p + ".requests", "failed requests the budget allows over the window",
        "budget_requests", Unit.COUNT, Product.of(derived("traffic.total.avg_per_second", "requests/s",
            "requests a second", e.total().avgPerSecond(), Unit.PER_SECOND), windowSeconds, fraction), r));
    for (int i = 0; i < a.alerts().size(); i++) {
      ErrorBudget.Alert alert = a.alerts().get(i);
      ErrorBudget.Policy policy = alert.policy();
      String q = "availability.burn_rate_alerts." + i;
      String note = "SRE workbook ch. 5, table 5-8: " + Format.percent(policy.budgetSpent()) + " of the budget in "
          + Format.duration(policy.longWindowSeconds()) + ", checked over " + Format.duration(policy.shortWindowSeconds())
          + " too (" + policy.action() + ")";
      Operand spent = constant("spent", "share of the budget spent", policy.budgetSpent(), Unit.FRACTION, note);
      Operand longWindow = constant("long_window", "the alert's long window", policy.longWindowSeconds(),
          Unit.DURATION, note);
      given(q + ".budget_spent", "share of the budget the alert catches being spent", "spent", spent);
      given(q + ".long_window_seconds", "the alert's long window", "long_window", longWindow);
      given(q + ".short_window_seconds", "the alert's short window, 1/12 of the long one", "short_window",
          constant("short_window", "the alert's short window", policy.shortWindowSeconds(), Unit.DURATION, note));
      step(q + ".burn_rate", "burn rate: how many times faster than the window allows", "burn_rate", Unit.NUMBER,
          new Quotient(Product.of(spent, windowSeconds), longWindow), alert.burnRate());
      Operand burn = derived(q + ".burn_rate", "burn_rate", "burn rate", alert.burnRate(), Unit.NUMBER);
      Term rate = Product.of(burn, fraction);
      if (rate.evaluate() > 1) {
        rate = new Min(List.of(constant("1", "every request", 1, Unit.FRACTION, "a share of requests is at most 1"),
            rate));
      }
      step(q + ".error_rate", "share of requests failing that the alert fires at", "error_rate", Unit.FRACTION, rate,
          alert.errorRate());
      step(q + ".budget_exhausted_seconds", "time the whole budget lasts at this burn rate", "budget_gone",
          Unit.DURATION, new Quotient(windowSeconds, burn), alert.exhaustsSeconds());
    }
  }

  /** A value of a component: the file's, or the default with its source. */
  private Operand count(String symbol, String words, double value, List<String> key, String byDefault) {
    Optional<Location> at = where.find(key);
    return new Operand(symbol, words, value, Unit.WHOLE, at.isPresent()
        ? Source.input(String.join(".", key), at.get()) : Source.defaulted(String.join(".", key), byDefault));
  }

  /** A number the model fixes, with where it comes from. */
  private static Operand constant(String symbol, String words, double value, Unit unit, String note) {
    return new Operand(symbol, words, value, unit, Source.convention(Optional.empty(), note));
  }

  private static List<String> concat(List<String> key, String last) {
    List<String> out = new ArrayList<>(key);
    out.add(last);
    return out;
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
   * file's traffic.peak model takes the factor of its own step ({@link #peakModel}).
   */
  private Operand peakFactor(Workload w) {
    if (req.models().followsPeakModel(w.name())) {
      return derived("workloads." + w.name() + ".peak_factor", "peak_factor", "peak factor", figures(w.name())
          .peakFactor(), Unit.NUMBER);
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
