package dev.envelope.render;

import dev.envelope.estimate.AvailabilityChain;
import dev.envelope.estimate.ErrorBudget;
import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Models;
import dev.envelope.estimate.Models.AvailabilityFigures;
import dev.envelope.estimate.Models.ChainFigures;
import dev.envelope.estimate.Models.StreamFigures;
import dev.envelope.estimate.Models.TailFigures;
import dev.envelope.estimate.Models.WorkloadModelFigures;
import dev.envelope.estimate.Queueing;
import dev.envelope.estimate.TailLatency;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Component;
import dev.envelope.model.Requirements.Peak;
import dev.envelope.model.Requirements.PeakKind;
import dev.envelope.render.Tree.Figure.Kind;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The availability and latency models in the estimate report: under each workload its peak model,
 * queueing, tail latency and stream; under {@code availability} the chain of components, the error
 * budget and the burn-rate alerts; and a table for each.
 */
final class ModelReport {
  private final Estimate e;
  private final Models.Figures figures;
  private final Requirements req;
  private final UnitSystem units;
  private final Tree tree;
  private final List<Report.Block> blocks;

  ModelReport(Estimate estimate, Models.Figures figures, Tree tree, List<Report.Block> blocks) {
    this.e = estimate;
    this.figures = figures;
    this.req = estimate.requirements();
    this.units = req.conventions().units();
    this.tree = tree;
    this.blocks = blocks;
  }

  private Tree workload(String name) {
    return tree.child("workloads").child(name);
  }

  // Traffic: the peak model behind a workload's factor.

  /** {@code workloads.NAME.peak_model} where the file's model gave the workload its peak factor. */
  void peakModel(String workload) {
    if (req.models().followsPeakModel(workload)) {
      workload(workload).put("peak_model", req.models().peak().orElseThrow().model().key());
    }
  }

  /** The traffic table's line on the peak model, if any workload follows it. */
  Optional<String> peakNote() {
    Optional<Peak> peak = req.models().peak();
    List<Estimate.WorkloadFigures> following = e.workloads().stream()
        .filter(w -> req.models().followsPeakModel(w.name())).toList();
    if (peak.isEmpty() || following.isEmpty()) {
      return Optional.empty();
    }
    String who = following.size() == e.workloads().size() ? "" : " of " + String.join(", ",
        following.stream().map(Estimate.WorkloadFigures::name).toList());
    if (peak.get().model() == PeakKind.DIURNAL) {
      return Optional.of("peak factor" + who + " (traffic.peak, diurnal): the busiest hour carries "
          + Format.percent(peak.get().value()) + " of the day, x 24 = " + Format.sig3(peak.get().value() * 24));
    }
    return Optional.of("peak factor" + who + " (traffic.peak, poisson): the busiest second at p"
        + percentile(peak.get().value()) + " of random arrivals at the average rate: " + String.join(", ",
            following.stream().map(w -> w.name() + " " + Format.sig3(w.peakFactor())).toList()));
  }

  // Workloads: queueing, tail latency, streams.

  void queueing() {
    List<List<String>> rows = new ArrayList<>();
    boolean anyWait = false;
    for (WorkloadModelFigures w : figures.workloads()) {
      if (w.queueing().isEmpty()) {
        continue;
      }
      Queueing.Result q = w.queueing().get();
      Tree t = workload(w.name()).child("queueing");
      t.put("latency_seconds", q.latencySeconds(), Kind.SECONDS);
      t.put("peak_per_second", q.peakPerSecond(), Kind.RATE);
      t.put("in_flight", q.inFlight(), Kind.COUNT);
      t.put("servers_by_rate", q.serversByRate(), Kind.INTEGER);
      t.put("utilization_by_rate", q.utilizationByRate(), Kind.FRACTION);
      List<String> row = new ArrayList<>(List.of(w.name(), time(q.latencySeconds()), Format.rate(q.peakPerSecond()),
          Format.count(q.inFlight()), Format.integer(q.serversByRate()), Format.percent(round(q.utilizationByRate()))));
      q.byWait().ifPresent(wait -> {
        t.put("max_wait_p99_seconds", wait.maxWaitSeconds(), Kind.SECONDS);
        t.put("servers_by_wait", wait.servers(), Kind.INTEGER);
        t.put("utilization_by_wait", wait.utilization(), Kind.FRACTION);
        t.put("wait_probability", wait.waitProbability(), Kind.FRACTION);
        t.put("wait_p99_seconds", wait.waitP99Seconds(), Kind.SECONDS);
        row.addAll(List.of(Format.integer(wait.servers()), Format.percent(round(wait.utilization())),
            Format.percent(round(wait.waitProbability())), time(wait.waitP99Seconds())));
      });
      if (q.byWait().isEmpty() && req.models().maxWaitP99().isPresent()) {
        row.addAll(List.of("-", "-", "-", "-"));
      }
      anyWait |= q.byWait().isPresent();
      t.put("servers", q.servers(), Kind.INTEGER);
      t.put("bound_by", q.boundBy());
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(List.of("", "latency", "peak", "in flight", "by rate", "busy"));
    List<String> notes = new ArrayList<>();
    notes.add("in flight = peak/s x latency (Little's law); a server handles one request at a time");
    notes.add("by rate = ceil(in flight / " + Format.percent(req.capacity().utilization()) + " utilization)");
    if (req.models().maxWaitP99().isPresent()) {
      columns.addAll(List.of("by wait", "busy", "waiting", "p99 wait"));
      notes.add("by wait = the fewest servers whose p99 queueing delay is at most "
          + time(req.models().maxWaitP99().getAsDouble()) + " (Erlang C, M/M/c); waiting = share of requests that queue");
      if (!anyWait) {
        notes.add("by wait: over 100 million in flight, beyond what Erlang C is computed for here");
      }
    }
    blocks.add(new Report.Block("Queueing at peak", columns, rows, notes));
  }

  void tailLatency() {
    List<List<String>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean lognormal = false;
    for (WorkloadModelFigures w : figures.workloads()) {
      if (w.tailLatency().isEmpty()) {
        continue;
      }
      TailFigures tf = w.tailLatency().get();
      TailLatency.FanOut f = tf.fanOut();
      Tree t = workload(w.name()).child("tail_latency");
      t.put("fanout", f.fanout(), Kind.INTEGER);
      t.put("calls_per_second", tf.callsPerSecond(), Kind.RATE);
      t.put("slow_call_fraction", f.slowCallFraction(), Kind.FRACTION);
      t.put("slow_over_seconds", f.slowOverSeconds(), Kind.SECONDS);
      t.put("slow_request_fraction", f.slowRequestFraction(), Kind.FRACTION);
      String slow = Format.percent(round(f.slowCallFraction())) + " > " + time(f.slowOverSeconds());
      List<String> row = new ArrayList<>(List.of(w.name(), Format.integer(f.fanout()), slow,
          Format.percent(round(f.slowRequestFraction()))));
      f.quantiles().ifPresentOrElse(q -> {
        t.put("call_p50_seconds", q.callP50(), Kind.SECONDS);
        t.put("call_p99_seconds", q.callP99(), Kind.SECONDS);
        t.put("request_p50_seconds", q.requestP50(), Kind.SECONDS);
        t.put("request_p99_seconds", q.requestP99(), Kind.SECONDS);
        row.addAll(List.of(time(q.requestP50()), time(q.requestP99())));
      }, () -> row.addAll(List.of("-", "-")));
      lognormal |= f.quantiles().isPresent();
      rows.add(row);
      f.hedge().ifPresent(h -> {
        Tree ht = t.child("hedge");
        ht.put("after_quantile", h.afterQuantile(), Kind.FRACTION);
        ht.put("after_seconds", h.afterSeconds(), Kind.SECONDS);
        ht.put("extra_call_fraction", h.extraCallFraction(), Kind.FRACTION);
        ht.put("extra_calls_per_second", tf.extraCallsPerSecond().orElseThrow(), Kind.RATE);
        ht.put("call_p99_seconds", h.callP99(), Kind.SECONDS);
        ht.put("request_p50_seconds", h.requestP50(), Kind.SECONDS);
        ht.put("request_p99_seconds", h.requestP99(), Kind.SECONDS);
        ht.put("slow_call_fraction", h.slowCallFraction(), Kind.FRACTION);
        ht.put("slow_request_fraction", h.slowRequestFraction(), Kind.FRACTION);
        rows.add(List.of(w.name() + " hedged", Format.integer(f.fanout()),
            Format.percent(round(h.slowCallFraction())) + " > " + time(f.slowOverSeconds()),
            Format.percent(round(h.slowRequestFraction())), time(h.requestP50()), time(h.requestP99())));
        notes.add(w.name() + ": a backup call after p" + percentile(h.afterQuantile()) + " (" + time(h.afterSeconds())
            + ") adds " + Format.percent(round(h.extraCallFraction())) + " of calls, "
            + Format.rate(tf.extraCallsPerSecond().orElseThrow()) + " on " + Format.rate(tf.callsPerSecond())
            + " at peak; a call's p99 falls from " + time(f.quantiles().orElseThrow().callP99()) + " to "
            + time(h.callP99()));
      });
    }
    if (rows.isEmpty()) {
      return;
    }
    notes.add(0, "slow requests = 1 - (1 - slow calls)^fan-out: a request waits for its slowest call"
        + " (Dean and Barroso, The Tail at Scale)");
    if (lognormal) {
      notes.add(1, "request p50 and p99: calls lognormal through their p50 and p99, the request's percentile q"
          + " the calls' q^(1/fan-out)");
    }
    blocks.add(new Report.Block("Tail latency under fan-out",
        List.of("", "fan-out", "slow calls", "slow requests", "request p50", "request p99"), rows, notes));
  }

  void streams() {
    List<List<String>> rows = new ArrayList<>();
    boolean retained = false;
    for (WorkloadModelFigures w : figures.workloads()) {
      if (w.stream().isEmpty()) {
        continue;
      }
      StreamFigures s = w.stream().get();
      Tree t = workload(w.name()).child("stream");
      t.put("peak_bytes_per_second", s.partitions().bytesPerSecond(), Kind.BYTES_PER_SECOND);
      Requirements.StreamLimits limits = req.models().workload(w.name()).orElseThrow().stream().orElseThrow();
      limits.produceBytesPerSecond().ifPresent(p -> t.put("partition_produce_bytes_per_second", p,
          Kind.BYTES_PER_SECOND));
      limits.consumeBytesPerSecond().ifPresent(c -> t.put("partition_consume_bytes_per_second", c,
          Kind.BYTES_PER_SECOND));
      s.partitions().byProduce().ifPresent(n -> t.put("partitions_by_produce", n, Kind.INTEGER));
      s.partitions().byConsume().ifPresent(n -> t.put("partitions_by_consume", n, Kind.INTEGER));
      t.put("partitions", s.partitions().partitions(), Kind.INTEGER);
      t.put("bound_by", s.partitions().boundBy());
      List<String> row = new ArrayList<>(List.of(w.name(),
          Format.bytesPerSecond(s.partitions().bytesPerSecond(), units), count(s.partitions().byProduce()),
          count(s.partitions().byConsume()), Format.integer(s.partitions().partitions())));
      if (s.bytesRetained().isPresent()) {
        t.put("bytes_retained", s.bytesRetained().getAsDouble(), Kind.BYTES);
        t.put("bytes_replicated", s.bytesReplicated().getAsDouble(), Kind.BYTES);
        t.put("bytes_per_partition", s.bytesPerPartition().getAsDouble(), Kind.BYTES);
        row.addAll(List.of(Format.bytes(s.bytesRetained().getAsDouble(), units),
            Format.bytes(s.bytesReplicated().getAsDouble(), units),
            Format.bytes(s.bytesPerPartition().getAsDouble(), units)));
        retained = true;
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(List.of("", "peak in", "by produce", "by consume", "partitions"));
    List<String> notes = new ArrayList<>();
    notes.add("partitions = ceil(max(peak in / partition_produce, peak in / partition_consume)): one consumer"
        + " group reads every byte");
    if (retained) {
      columns.addAll(List.of("log", "replicated", "per partition"));
      notes.add("log = average in x " + req.storage().retention().orElseThrow() + " of retention (payload bytes);"
          + " replicated x " + Format.plain(req.storage().replication()));
    }
    blocks.add(new Report.Block("Streams", columns, rows, notes));
  }

  // Availability: the chain, the error budget, the burn-rate alerts.

  void availability(Tree t) {
    if (figures.availability().isEmpty()) {
      return;
    }
    AvailabilityFigures a = figures.availability().get();
    a.chain().ifPresent(c -> chain(t, c));
    errorBudget(t, a);
  }

  private void chain(Tree t, ChainFigures cf) {
    AvailabilityChain.Chain chain = cf.chain();
    List<Component> inputs = req.models().components();
    List<Tree> items = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < chain.links().size(); i++) {
      AvailabilityChain.Link link = chain.links().get(i);
      Component in = inputs.get(i);
      Tree item = new Tree();
      item.put("name", link.name());
      item.put("replica_availability", link.replicaAvailability(), Kind.FRACTION);
      in.mtbfSeconds().ifPresent(s -> item.put("mtbf_seconds", s, Kind.SECONDS));
      in.mttrSeconds().ifPresent(s -> item.put("mttr_seconds", s, Kind.SECONDS));
      item.put("replicas", link.replicas(), Kind.INTEGER);
      item.put("required", link.required(), Kind.INTEGER);
      item.put("availability", link.availability(), Kind.FRACTION);
      item.put("nines", link.nines(), Kind.NUMBER);
      item.put("single_point_of_failure", link.singlePointOfFailure());
      items.add(item);
      rows.add(List.of(link.name(), availability(1 - in.replicaMiss(), in.replicaMiss()),
          link.required() + " of " + link.replicas(), availability(link.availability(), link.unavailability()),
          Format.fixed2(link.nines())));
    }
    t.putList("components", items);
    t.put("composite", chain.availability(), Kind.FRACTION);
    t.put("composite_nines", chain.nines(), Kind.NUMBER);
    t.put("limited_by", chain.limitedBy());
    t.put("meets_target", cf.meetsTarget());
    t.put("margin_nines", cf.marginNines(), Kind.NUMBER);
    t.put("composite_downtime_seconds_per_month", cf.downtimeSecondsPerMonth(), Kind.SECONDS);
    t.put("margin_downtime_seconds_per_month", cf.marginDowntimeSecondsPerMonth(), Kind.SECONDS);
    t.putList("single_points_of_failure", chain.singlePointsOfFailure());
    rows.add(List.of("chain", "", "all", availability(chain.availability(), chain.unavailability()),
        Format.fixed2(chain.nines())));
    List<String> notes = new ArrayList<>();
    notes.add("a replica: as given, or mtbf / (mtbf + mttr); k of n up: the binomial tail, replicas failing"
        + " independently; chain = the product");
    double target = req.availabilityTarget().getAsDouble();
    notes.add("limited by " + chain.limitedBy() + "; the target " + Format.percent(target) + " is "
        + (cf.meetsTarget() ? "met" : "missed") + " by " + nines(Math.abs(cf.marginNines())) + " nines: "
        + Format.duration(cf.downtimeSecondsPerMonth()) + " down a month, " + Format.duration(cf.allowedDowntimeSecondsPerMonth())
        + " allowed");
    if (!chain.singlePointsOfFailure().isEmpty()) {
      notes.add("single points of failure (one replica): " + String.join(", ", chain.singlePointsOfFailure()));
    }
    blocks.add(new Report.Block("Components: in sequence, each needed",
        List.of("", "replica", "up needed", "availability", "nines"), rows, notes));
  }

  private void errorBudget(Tree t, AvailabilityFigures a) {
    ErrorBudget.Budget b = a.budget();
    Tree bt = t.child("error_budget");
    bt.put("window_seconds", b.windowSeconds(), Kind.SECONDS);
    bt.put("fraction", b.fraction(), Kind.FRACTION);
    bt.put("seconds", b.seconds(), Kind.SECONDS);
    b.requests().ifPresent(r -> bt.put("requests", r, Kind.COUNT));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("window", Format.duration(b.windowSeconds())));
    rows.add(List.of("budget", Format.percent(b.fraction()) + " of the window: " + Format.duration(b.seconds())
        + " down"));
    b.requests().ifPresent(r -> rows.add(List.of("failed requests", Format.count(r) + " at the average "
        + Format.rate(e.total().avgPerSecond()))));
    blocks.add(new Report.Block("Error budget: " + Format.percent(a.target()) + " over " + Format.duration(b.windowSeconds()),
        List.of(), rows, List.of("budget = (1 - target) x window"), -1));
    List<Tree> alerts = new ArrayList<>();
    List<List<String>> alertRows = new ArrayList<>();
    for (ErrorBudget.Alert alert : a.alerts()) {
      Tree at = new Tree();
      at.put("action", alert.policy().action());
      at.put("budget_spent", alert.policy().budgetSpent(), Kind.FRACTION);
      at.put("long_window_seconds", alert.policy().longWindowSeconds(), Kind.SECONDS);
      at.put("short_window_seconds", alert.policy().shortWindowSeconds(), Kind.SECONDS);
      at.put("burn_rate", alert.burnRate(), Kind.NUMBER);
      at.put("error_rate", alert.errorRate(), Kind.FRACTION);
      at.put("budget_exhausted_seconds", alert.exhaustsSeconds(), Kind.SECONDS);
      alerts.add(at);
      alertRows.add(List.of(alert.policy().action(), Format.percent(alert.policy().budgetSpent()),
          Format.duration(alert.policy().longWindowSeconds()), Format.duration(alert.policy().shortWindowSeconds()),
          Format.sig3(alert.burnRate()), Format.percent(round(alert.errorRate())), Format.duration(alert.exhaustsSeconds())));
    }
    t.putList("burn_rate_alerts", alerts);
    if (alertRows.isEmpty()) {
      return;
    }
    blocks.add(new Report.Block("Burn-rate alerts (SRE workbook, ch. 5)",
        List.of("alert", "budget spent", "long window", "short window", "burn rate", "error rate", "budget gone in"),
        alertRows, List.of("burn rate = budget spent x window / long window; alert when the error rate over both"
            + " windows exceeds burn rate x (1 - target)")));
  }

  // Formatting.

  /** A time for latencies: milliseconds under a second ("20 ms", "0.25 ms"), else as durations. */
  static String time(double seconds) {
    // Finite first: an infinite time is laid out, then reported by the overflow check (exit 3).
    if (seconds > 0 && Double.isFinite(seconds) && Format.rounded(seconds) < 1) {
      return Format.sig3(seconds * 1000) + " ms";
    }
    return Format.duration(seconds);
  }

  /** A percentile's number: 0.95 -> "95", 0.999 -> "99.9". */
  static String percentile(double fraction) {
    return new BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros().toPlainString();
  }

  /** A share to three significant figures, so that a percentage shows no binary noise (0.0540%). */
  static double round(double fraction) {
    return fraction == 0 ? 0 : Format.rounded(fraction);
  }

  /**
   * An availability with as many decimals as its miss needs for three significant figures of it:
   * 99.9997%, 99.999999%; past 12 decimals, "> 99.999999999999%".
   */
  static String availability(double availability, double miss) {
    if (miss <= 0 || miss * 100 < 1e-12) {
      return "> 99.999999999999%";
    }
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(miss * 100)) + 2);
    decimals = Math.min(decimals, 12);
    BigDecimal pct = BigDecimal.valueOf(100).subtract(new BigDecimal(miss * 100)).setScale(decimals, RoundingMode.HALF_EVEN);
    return pct.stripTrailingZeros().toPlainString() + "%";
  }

  /** Nines to two decimals, or three significant figures below 0.01 (a near miss is not 0.00). */
  private static String nines(double value) {
    return value >= 0.01 || value == 0 ? Format.fixed2(value) : Format.sig3(value);
  }

  private static String count(OptionalDouble value) {
    return value.isPresent() ? Format.integer(value.getAsDouble()) : "-";
  }
}
