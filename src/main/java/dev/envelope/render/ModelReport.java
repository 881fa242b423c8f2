package dev.envelope.render;

import dev.envelope.estimate.Estimate;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Peak;
import dev.envelope.model.Requirements.PeakKind;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables of the availability and latency models: under each workload its peak model,
 * queueing, tail latency and stream; the chain of components, the error budget and the burn-rate
 * alerts. The figures are the estimate's; their place in JSON is {@link FigureTree}'s.
 */
final class ModelReport {
  private final Estimate e;
  private final Requirements req;
  private final UnitSystem units;
  private final List<Report.Block> blocks;

  ModelReport(Estimate estimate, List<Report.Block> blocks) {
    this.e = estimate;
    this.req = estimate.requirements();
    this.units = req.conventions().units();
    this.blocks = blocks;
  }

  private List<String> workloads() {
    List<String> names = new ArrayList<>();
    for (Requirements.Workload w : req.workloads()) {
      names.add(w.name());
    }
    return names;
  }

  private double v(String path) {
    return e.value(path);
  }

  // Traffic: the peak model behind a workload's factor.

  /** The traffic table's line on the peak model, if any workload follows it. */
  Optional<String> peakNote() {
    Optional<Peak> peak = req.models().peak();
    List<String> following = new ArrayList<>();
    for (String w : workloads()) {
      if (req.models().followsPeakModel(w)) {
        following.add(w);
      }
    }
    if (peak.isEmpty() || following.isEmpty()) {
      return Optional.empty();
    }
    String who = following.size() == workloads().size() ? "" : " of " + String.join(", ", following);
    if (peak.get().model() == PeakKind.DIURNAL) {
      return Optional.of("peak factor" + who + " (traffic.peak, diurnal): the busiest hour carries "
          + Format.percent(peak.get().value()) + " of the day, x 24 = " + Format.sig3(peak.get().value() * 24));
    }
    if (peak.get().model() == PeakKind.COMBINED) {
      return Optional.of("peak factor" + who + " (traffic.peak, combined): the busiest second at p"
          + percentile(peak.get().secondPercentile()) + " of random arrivals at the busiest hour's rate ("
          + Format.percent(peak.get().value()) + " of the day, x 24 = " + Format.sig3(peak.get().value() * 24)
          + " times the average): " + String.join(", ",
              following.stream().map(w -> w + " " + Format.sig3(v("workloads." + w + ".peak_factor"))).toList()));
    }
    return Optional.of("peak factor" + who + " (traffic.peak, poisson): the busiest second at p"
        + percentile(peak.get().value()) + " of random arrivals at the average rate: " + String.join(", ",
            following.stream().map(w -> w + " " + Format.sig3(v("workloads." + w + ".peak_factor"))).toList()));
  }

  // Workloads: queueing, tail latency, streams.

  // Workloads: connections, fan-out on write.

  void connections() {
    List<String> with = new ArrayList<>();
    for (String w : workloads()) {
      if (e.has("workloads." + w + ".connections.concurrent")) {
        with.add(w);
      }
    }
    if (with.isEmpty()) {
      return;
    }
    // A column for each figure some workload has: servers, memory, heartbeats.
    String[] suffixes = {"servers", "memory_bytes", "heartbeats.peak_per_second"};
    String[] titles = {"servers", "memory", "heartbeats"};
    List<String> columns = new ArrayList<>(List.of("", "online", "connections"));
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < suffixes.length; i++) {
      String suffix = suffixes[i];
      if (with.stream().anyMatch(w -> e.has("workloads." + w + ".connections." + suffix))) {
        shown.add(i);
        columns.add(titles[i]);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (String w : with) {
      String p = "workloads." + w + ".connections.";
      List<String> row = new ArrayList<>(List.of(w, Format.count(v(p + "online_users")),
          Format.count(v(p + "concurrent"))));
      for (int i : shown) {
        String path = p + suffixes[i];
        row.add(!e.has(path) ? "-" : switch (i) {
          case 0 -> Format.integer(v(path));
          case 1 -> Format.bytes(v(path), units);
          default -> Format.rate(v(path));
        });
      }
      rows.add(row);
    }
    List<String> notes = new ArrayList<>(Notes.perWorkload(e, units, workloads(), "connections.online_users",
        "connections.concurrent", "connections.servers", "connections.memory_bytes",
        "connections.heartbeats.peak_per_second"));
    if (shown.contains(2)) {
      notes.add("heartbeats count among the workload's reads, on average the busiest moment's over its peak factor");
    }
    blocks.add(new Report.Block("Connections at the busiest moment", columns, rows, notes));
  }

  void fanoutOnWrite() {
    List<List<String>> rows = new ArrayList<>();
    List<String> medians = new ArrayList<>();
    for (String w : workloads()) {
      String p = "workloads." + w + ".fanout_on_write";
      if (!e.has(p + ".followers")) {
        continue;
      }
      String q = p + ".storage";
      rows.add(List.of(w, Format.count(v(p + ".followers")), Format.rate(v(p + ".timeline_writes.avg_per_second")),
          Format.rate(v(p + ".timeline_writes.peak_per_second")),
          e.has(q + ".bytes_per_day") ? Format.bytes(v(q + ".bytes_per_day"), units) : "-",
          e.has(p + ".reads_replaced.peak_per_second") ? Format.rate(v(p + ".reads_replaced.peak_per_second")) : "-"));
      if (uncertain(p + ".followers")) {
        medians.add(w);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> notes = new ArrayList<>(Notes.perWorkload(e, units, workloads(),
        "fanout_on_write.timeline_writes.avg_per_second", "fanout_on_write.storage.bytes_per_day",
        "fanout_on_write.reads_replaced.peak_per_second"));
    notes.add("timeline writes count among the writes and their entries in storage; replaced: the followee fetches"
        + " each timeline read would make without them");
    if (!medians.isEmpty()) {
      notes.add("followers at the median of their range (" + String.join(", ", medians) + "): a heavy tail's mean"
          + " is higher; see the uncertainty");
    }
    blocks.add(new Report.Block("Fan-out on write",
        List.of("", "followers", "timeline writes", "peak", "stored a day", "fetches replaced"), rows, notes));
  }

  void queueing() {
    List<List<String>> rows = new ArrayList<>();
    boolean anyWait = false;
    for (String w : workloads()) {
      String p = "workloads." + w + ".queueing";
      if (!e.has(p + ".servers")) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(w, time(v(p + ".latency_seconds")), Format.rate(v(p + ".peak_per_second")),
          Format.count(v(p + ".in_flight")), Format.integer(v(p + ".servers_by_rate")),
          Format.percent(round(v(p + ".utilization_by_rate")))));
      boolean byWait = e.has(p + ".servers_by_wait");
      if (byWait) {
        row.addAll(List.of(Format.integer(v(p + ".servers_by_wait")), Format.percent(round(v(p + ".utilization_by_wait"))),
            Format.percent(round(v(p + ".wait_probability"))), time(v(p + ".wait_p99_seconds"))));
      } else if (req.models().maxWaitP99().isPresent()) {
        row.addAll(List.of("-", "-", "-", "-"));
      }
      anyWait |= byWait;
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(List.of("", "latency", "peak", "in flight", "by rate", "busy"));
    List<String> notes = new ArrayList<>(Notes.perWorkload(e, units, workloads(), "queueing.in_flight",
        "queueing.servers_by_rate", "queueing.wait_p99_seconds", "queueing.servers"));
    notes.add("in flight by Little's law; a server handles one request at a time");
    if (req.models().maxWaitP99().isPresent()) {
      columns.addAll(List.of("by wait", "busy", "waiting", "p99 wait"));
      notes.add("by wait: the fewest servers whose p99 queueing delay is at most "
          + time(req.models().maxWaitP99().getAsDouble()) + " (Erlang C, M/M/c); waiting: the share of requests that queue");
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
    for (String w : workloads()) {
      String p = "workloads." + w + ".tail_latency";
      if (!e.has(p + ".fanout")) {
        continue;
      }
      String slow = Format.percent(round(v(p + ".slow_call_fraction"))) + " > " + time(v(p + ".slow_over_seconds"));
      List<String> row = new ArrayList<>(List.of(w, Format.integer(v(p + ".fanout")), slow,
          Format.percent(round(v(p + ".slow_request_fraction")))));
      boolean quantiles = e.has(p + ".request_p50_seconds");
      if (quantiles) {
        row.addAll(List.of(time(v(p + ".request_p50_seconds")), time(v(p + ".request_p99_seconds"))));
      } else {
        row.addAll(List.of("-", "-"));
      }
      lognormal |= quantiles;
      rows.add(row);
      String h = p + ".hedge";
      if (e.has(h + ".after_seconds")) {
        rows.add(List.of(w + " hedged", Format.integer(v(p + ".fanout")),
            Format.percent(round(v(h + ".slow_call_fraction"))) + " > " + time(v(p + ".slow_over_seconds")),
            Format.percent(round(v(h + ".slow_request_fraction"))), time(v(h + ".request_p50_seconds")),
            time(v(h + ".request_p99_seconds"))));
        notes.add(w + ": a backup call after p" + percentile(v(h + ".after_quantile")) + " (" + time(v(h + ".after_seconds"))
            + ") adds " + Format.percent(round(v(h + ".extra_call_fraction"))) + " of calls, "
            + Format.rate(v(h + ".extra_calls_per_second")) + " on " + Format.rate(v(p + ".calls_per_second"))
            + " at peak; a call's p99 falls from " + time(v(p + ".call_p99_seconds")) + " to "
            + time(v(h + ".call_p99_seconds")));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> formulas = new ArrayList<>(Notes.perWorkload(e, units, workloads(),
        "tail_latency.slow_request_fraction", "tail_latency.request_p99_seconds"));
    formulas.add("a request waits for its slowest call (Dean and Barroso, The Tail at Scale)"
        + (lognormal ? "; calls lognormal through their p50 and p99" : ""));
    notes.addAll(0, formulas);
    blocks.add(new Report.Block("Tail latency under fan-out",
        List.of("", "fan-out", "slow calls", "slow requests", "request p50", "request p99"), rows, notes));
  }

  void streams() {
    List<List<String>> rows = new ArrayList<>();
    boolean retained = false;
    for (String w : workloads()) {
      String p = "workloads." + w + ".stream";
      if (!e.has(p + ".partitions")) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(w, Format.bytesPerSecond(v(p + ".peak_bytes_per_second"), units),
          count(p + ".partitions_by_produce"), count(p + ".partitions_by_consume"), Format.integer(v(p + ".partitions"))));
      if (e.has(p + ".bytes_retained")) {
        row.addAll(List.of(Format.bytes(v(p + ".bytes_retained"), units), Format.bytes(v(p + ".bytes_replicated"), units),
            Format.bytes(v(p + ".bytes_per_partition"), units)));
        retained = true;
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(List.of("", "peak in", "by produce", "by consume", "partitions"));
    List<String> notes = new ArrayList<>(Notes.perWorkload(e, units, workloads(), "stream.partitions",
        "stream.bytes_retained", "stream.bytes_replicated"));
    notes.add("one consumer group reads every byte");
    if (retained) {
      columns.addAll(List.of("log", "replicated", "per partition"));
    }
    blocks.add(new Report.Block("Streams", columns, rows, notes));
  }

  // Availability: the chain, the error budget, the burn-rate alerts.

  void availability() {
    if (e.has("availability.composite")) {
      chain();
    }
    errorBudget();
  }

  private void chain() {
    List<List<String>> rows = new ArrayList<>();
    int n = req.models().components().size();
    for (int i = 0; i < n; i++) {
      String p = "availability.components." + i;
      rows.add(List.of(String.valueOf(e.text(p + ".name")), availability(v(p + ".replica_availability"),
          e.complement(p + ".replica_availability")),
          Format.integer(v(p + ".required")) + " of " + Format.integer(v(p + ".replicas")),
          availability(v(p + ".availability"), e.complement(p + ".availability")), Format.fixed2(v(p + ".nines"))));
    }
    rows.add(List.of("chain", "", "all", availability(v("availability.composite"), e.complement("availability.composite")),
        Format.fixed2(v("availability.composite_nines"))));
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      paths.add("availability.components." + i + ".replica_availability");
      paths.add("availability.components." + i + ".availability");
    }
    List<String> notes = new ArrayList<>(Notes.capped(Notes.formulas(e, units, paths.toArray(String[]::new))));
    Notes.total(e, "availability.composite", units, notes);
    notes.add("replicas fail independently");
    boolean meets = (Boolean) e.text("availability.meets_target");
    notes.add("limited by " + e.text("availability.limited_by") + "; the target " + Format.percent(v("availability.target"))
        + " is " + (meets ? "met" : "missed") + " by " + nines(Math.abs(v("availability.margin_nines"))) + " nines: "
        + Format.duration(v("availability.composite_downtime_seconds_per_month")) + " down a month, "
        + Format.duration(v("availability.downtime_seconds.month")) + " allowed");
    @SuppressWarnings("unchecked")
    List<String> single = (List<String>) e.text("availability.single_points_of_failure");
    if (!single.isEmpty()) {
      notes.add("single points of failure (one replica): " + String.join(", ", single));
    }
    blocks.add(new Report.Block("Components: in sequence, each needed",
        List.of("", "replica", "up needed", "availability", "nines"), rows, notes));
  }

  private void errorBudget() {
    String b = "availability.error_budget";
    double window = v(b + ".window_seconds");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("window", Format.duration(window)));
    rows.add(List.of("budget", Format.percent(v(b + ".fraction")) + " of the window: " + Format.duration(v(b + ".seconds"))
        + " down"));
    if (e.has(b + ".requests")) {
      rows.add(List.of("failed requests", Format.count(v(b + ".requests")) + " at the average "
          + Format.rate(v("traffic.total.avg_per_second"))));
    }
    blocks.add(new Report.Block("Error budget: " + Format.percent(v("availability.target")) + " over "
        + Format.duration(window), List.of(), rows, Notes.formulas(e, units, b + ".seconds", b + ".requests"), -1));
    List<List<String>> alertRows = new ArrayList<>();
    for (int i = 0; e.has("availability.burn_rate_alerts." + i + ".burn_rate"); i++) {
      String a = "availability.burn_rate_alerts." + i;
      alertRows.add(List.of(String.valueOf(e.text(a + ".action")), Format.percent(v(a + ".budget_spent")),
          Format.duration(v(a + ".long_window_seconds")), Format.duration(v(a + ".short_window_seconds")),
          Format.sig3(v(a + ".burn_rate")), Format.percent(round(v(a + ".error_rate"))),
          Format.duration(v(a + ".budget_exhausted_seconds"))));
    }
    if (alertRows.isEmpty()) {
      return;
    }
    blocks.add(new Report.Block("Burn-rate alerts (SRE workbook, ch. 5)",
        List.of("alert", "budget spent", "long window", "short window", "burn rate", "error rate", "budget gone in"),
        alertRows, concat(Notes.formulas(e, units, "availability.burn_rate_alerts.0.burn_rate",
            "availability.burn_rate_alerts.0.error_rate", "availability.burn_rate_alerts.0.budget_exhausted_seconds"),
            "alert when the error rate over both windows exceeds the alert's"))
        .dropping("error rate", 5));
  }

  // Formatting.

  private static List<String> concat(List<String> a, String b) {
    List<String> out = new ArrayList<>(a);
    out.add(b);
    return out;
  }

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

  private String count(String path) {
    return e.has(path) ? Format.integer(v(path)) : "-";
  }

  /** Whether the input at {@code path} is written as a range. */
  private boolean uncertain(String path) {
    for (dev.envelope.model.Uncertain u : req.uncertainty().inputs()) {
      if (u.path().equals(path)) {
        return true;
      }
    }
    return false;
  }
}
