package dev.envelope.render;

import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Estimate.Bandwidth;
import dev.envelope.estimate.Estimate.Flow;
import dev.envelope.estimate.Estimate.WorkloadFigures;
import dev.envelope.estimate.Models;
import dev.envelope.estimate.Sla;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Assumption;
import dev.envelope.render.Tree.Figure.Kind;
import dev.envelope.units.Calendar;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/** Lays an {@link Estimate} out as a {@link Report}: the JSON contract tree and the tables. */
public final class EstimateReport {
  public static final String SCHEMA = "envelope.estimate/v1";

  private final Estimate e;
  private final Requirements req;
  private final UnitSystem units;
  private final Tree tree = new Tree();
  private final List<Report.Block> blocks = new ArrayList<>();
  private final ModelReport models;

  private EstimateReport(Estimate estimate, Models.Figures figures) {
    this.e = estimate;
    this.req = estimate.requirements();
    this.units = req.conventions().units();
    this.models = new ModelReport(estimate, figures, tree, blocks);
  }

  public static Report build(Estimate estimate, Set<Section> sections) {
    return build(estimate, modelled(sections) ? Models.of(estimate) : Models.Figures.NONE, sections);
  }

  /** The report of {@code estimate} with its model figures, computed once by the caller. */
  public static Report build(Estimate estimate, Models.Figures figures, Set<Section> sections) {
    return new EstimateReport(estimate, figures).layout(sections);
  }

  /** Whether {@code sections} print any model figure. */
  public static boolean modelled(Set<Section> sections) {
    return sections.contains(Section.QUEUEING) || sections.contains(Section.TAIL_LATENCY)
        || sections.contains(Section.STREAMS) || sections.contains(Section.AVAILABILITY);
  }

  private Report layout(Set<Section> sections) {
    tree.put("schema", SCHEMA);
    req.name().ifPresent(n -> tree.put("name", n));
    tree.put("conventions", Conventions.tree(req.conventions()));
    e.dau().ifPresent(dau -> users(dau));
    boolean all = sections.containsAll(Section.all());
    if (sections.contains(Section.TRAFFIC)) {
      traffic();
    }
    if (sections.contains(Section.BANDWIDTH)) {
      bandwidth();
    }
    if (sections.contains(Section.STORAGE)) {
      storage();
    }
    if (sections.contains(Section.CACHE)) {
      cache();
    }
    if (sections.contains(Section.CAPACITY)) {
      capacity(sections.size() == 1);
    }
    if (sections.contains(Section.QUEUEING)) {
      models.queueing();
    }
    if (sections.contains(Section.TAIL_LATENCY)) {
      models.tailLatency();
    }
    if (sections.contains(Section.STREAMS)) {
      models.streams();
    }
    if (sections.contains(Section.AVAILABILITY)) {
      e.availability().ifPresent(this::availability);
    }
    assumptions(all);
    String title = req.name().map(n -> n + " (" + req.source() + ")").orElse(req.source());
    return new Report(title, Conventions.header(req.conventions()), blocks, tree);
  }

  private void users(double dau) {
    Tree users = tree.child("users");
    req.users().ifPresent(u -> {
      u.mau().ifPresent(m -> users.put("mau", m, Kind.COUNT));
      u.dailyActive().ifPresent(d -> users.put("daily_active", d, Kind.FRACTION));
    });
    users.put("dau", dau, Kind.COUNT);
    List<List<String>> rows = new ArrayList<>();
    req.users().ifPresent(u -> {
      if (u.dau().isEmpty()) {
        rows.add(List.of("monthly active users", Format.count(u.mau().getAsDouble())));
        rows.add(List.of("active daily", Format.percent(u.dailyActive().getAsDouble())));
      }
    });
    rows.add(List.of("daily active users", Format.count(dau)));
    blocks.add(new Report.Block("Users", List.of(), rows, List.of()));
  }

  private Tree workload(WorkloadFigures w) {
    return tree.child("workloads").child(w.name());
  }

  private void traffic() {
    List<List<String>> rows = new ArrayList<>();
    for (WorkloadFigures w : e.workloads()) {
      w.writes().ifPresent(f -> {
        flow(workload(w).child("writes"), f);
        rows.add(flowRow(w.name() + " writes", f));
      });
      w.reads().ifPresent(f -> {
        flow(workload(w).child("reads"), f);
        rows.add(flowRow(w.name() + " reads", f));
      });
      workload(w).put("peak_factor", w.peakFactor(), Kind.NUMBER);
      models.peakModel(w.name());
    }
    Tree t = tree.child("traffic");
    e.writes().ifPresent(f -> flow(t.child("writes"), f));
    e.reads().ifPresent(f -> flow(t.child("reads"), f));
    flow(t.child("total"), e.total());
    if (e.workloads().size() > 1) {
      e.writes().ifPresent(f -> rows.add(flowRow("all writes", f)));
      e.reads().ifPresent(f -> rows.add(flowRow("all reads", f)));
    }
    rows.add(flowRow("total", e.total()));
    List<String> notes = new ArrayList<>();
    notes.add("avg/s = per day / " + Format.integer(req.conventions().time().secondsPerDay())
        + " s; peak/s = avg/s x peak factor; totals add the workloads' peaks");
    models.peakNote().ifPresent(notes::add);
    blocks.add(new Report.Block("Traffic", List.of("requests", "per day", "avg", "peak"), rows, notes));
  }

  private static void flow(Tree t, Flow f) {
    t.put("per_day", f.perDay(), Kind.COUNT);
    t.put("avg_per_second", f.avgPerSecond(), Kind.RATE);
    t.put("peak_per_second", f.peakPerSecond(), Kind.RATE);
  }

  private static List<String> flowRow(String label, Flow f) {
    return List.of(label, Format.count(f.perDay()), Format.rate(f.avgPerSecond()), Format.rate(f.peakPerSecond()));
  }

  private void bandwidth() {
    List<List<String>> rows = new ArrayList<>();
    for (WorkloadFigures w : e.workloads()) {
      w.ingress().ifPresent(b -> {
        band(workload(w).child("ingress"), b);
        rows.add(bandRow(w.name() + " ingress", b));
      });
      w.egress().ifPresent(b -> {
        band(workload(w).child("egress"), b);
        rows.add(bandRow(w.name() + " egress", b));
      });
    }
    if (e.ingress().isEmpty() && e.egress().isEmpty()) {
      return;
    }
    Tree t = tree.child("bandwidth");
    e.ingress().ifPresent(b -> {
      band(t.child("ingress"), b);
      rows.add(bandRow("total ingress", b));
    });
    e.egress().ifPresent(b -> {
      band(t.child("egress"), b);
      rows.add(bandRow("total egress", b));
    });
    blocks.add(new Report.Block("Bandwidth", List.of("", "avg", "", "peak", ""), rows,
        List.of("ingress = writes/s x payload; egress = reads/s x read_size")));
  }

  private static void band(Tree t, Bandwidth b) {
    t.put("avg_bytes_per_second", b.avgBytesPerSecond(), Kind.BYTES_PER_SECOND);
    t.put("peak_bytes_per_second", b.peakBytesPerSecond(), Kind.BYTES_PER_SECOND);
  }

  private List<String> bandRow(String label, Bandwidth b) {
    return List.of(label,
        Format.bytesPerSecond(b.avgBytesPerSecond(), units), Format.bits(b.avgBytesPerSecond()),
        Format.bytesPerSecond(b.peakBytesPerSecond(), units), Format.bits(b.peakBytesPerSecond()));
  }

  private void storage() {
    if (e.storage().isEmpty()) {
      return;
    }
    boolean retained = e.storage().get().retained().isPresent();
    List<List<String>> rows = new ArrayList<>();
    for (WorkloadFigures w : e.workloads()) {
      w.storage().ifPresent(s -> {
        Tree t = workload(w).child("storage");
        t.put("bytes_per_day", s.bytesPerDay(), Kind.BYTES);
        t.put("bytes_per_month", s.bytesPerMonth(), Kind.BYTES);
        t.put("bytes_per_year", s.bytesPerYear(), Kind.BYTES);
        s.bytesRetained().ifPresent(b -> t.put("bytes_retained", b, Kind.BYTES));
        s.objectsRetained().ifPresent(o -> t.put("objects_retained", o, Kind.COUNT));
        if (e.workloads().size() > 1) {
          List<String> row = new ArrayList<>(List.of(w.name(), Format.bytes(s.bytesPerDay(), units),
              Format.bytes(s.bytesPerMonth(), units), Format.bytes(s.bytesPerYear(), units)));
          if (retained) {
            row.add(Format.bytes(s.bytesRetained().getAsDouble(), units));
            row.add(Format.count(s.objectsRetained().getAsDouble()));
          }
          rows.add(row);
        }
      });
    }
    Estimate.StorageFigures s = e.storage().get();
    Tree t = tree.child("storage");
    t.put("bytes_per_day", s.bytesPerDay(), Kind.BYTES);
    t.put("bytes_per_month", s.bytesPerMonth(), Kind.BYTES);
    t.put("bytes_per_year", s.bytesPerYear(), Kind.BYTES);
    List<String> total = new ArrayList<>(List.of("total", Format.bytes(s.bytesPerDay(), units),
        Format.bytes(s.bytesPerMonth(), units), Format.bytes(s.bytesPerYear(), units)));
    List<String> columns = new ArrayList<>(List.of("", "per day", "per month", "per year"));
    List<String> notes = new ArrayList<>();
    String overhead = req.storage().overhead() == 0 ? "" : " x (1 + " + Format.percent(req.storage().overhead()) + " overhead)";
    notes.add("stored = writes/s x payload" + overhead + " x seconds in the period");
    s.retained().ifPresent(r -> {
      t.put("retention_seconds", r.retentionSeconds(), Kind.SECONDS);
      t.put("bytes_retained", r.bytesRetained(), Kind.BYTES);
      t.put("objects_retained", r.objectsRetained(), Kind.COUNT);
      t.put("replication", r.replication(), Kind.NUMBER);
      t.put("bytes_replicated", r.bytesReplicated(), Kind.BYTES);
      columns.add("retained");
      columns.add("objects (count)");
      total.add(Format.bytes(r.bytesRetained(), units));
      total.add(Format.count(r.objectsRetained()));
      notes.add("retained over " + req.storage().retention().get() + " (" + Format.duration(r.retentionSeconds())
          + "); x " + Format.plain(r.replication()) + " replicas = " + Format.bytes(r.bytesReplicated(), units)
          + " replicated");
    });
    rows.add(total);
    blocks.add(new Report.Block("Storage", columns, rows, notes));
  }

  private void cache() {
    e.cache().ifPresent(c -> {
      Tree t = tree.child("cache");
      t.put("hot_fraction", c.hotFraction(), Kind.FRACTION);
      t.put("bytes", c.bytes(), Kind.BYTES);
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("cache", Format.bytes(c.bytes(), units)));
      c.nodes().ifPresent(n -> {
        t.put("nodes", n, Kind.INTEGER);
        rows.add(List.of("cache nodes", Format.integer(n)));
      });
      List<String> notes = new ArrayList<>();
      notes.add("cache = " + Format.percent(c.hotFraction()) + " of one day's reads x read_size");
      req.cache().nodeMemory().ifPresent(m -> notes.add("nodes = ceil(cache / (" + Format.bytes(m, units)
          + " x " + Format.percent(req.capacity().utilization()) + " utilization))"));
      blocks.add(new Report.Block("Cache", List.of(), rows, notes));
    });
  }

  private void capacity(boolean only) {
    Estimate.CapacityFigures c = e.capacity();
    if (c.isEmpty()) {
      if (only) {
        blocks.add(new Report.Block("Capacity", List.of(), List.of(), List.of(
            "no counts: give per-node limits under capacity (server_qps, shard_storage, shard_write_qps,",
            "shard_read_qps) for servers, shards and nodes")));
      }
      return;
    }
    Tree t = tree.child("capacity");
    List<List<String>> rows = new ArrayList<>();
    Requirements.Capacity limits = req.capacity();
    String u = " x " + Format.percent(limits.utilization()) + ")";
    count(t, rows, "servers", c.servers(), "peak " + Format.rate(e.total().peakPerSecond()) + " / ("
        + limits.serverQps().stream().mapToObj(Format::rate).findFirst().orElse("") + u);
    count(t, rows, "shards", c.shards(), c.boundBy().map(b -> "bound by " + b).orElse(""));
    count(t, rows, "shards_by_storage", c.shardsByStorage(), e.storage().flatMap(s -> s.retained())
        .map(r -> "retained " + Format.bytes(r.bytesRetained(), units) + " / ("
            + Format.bytes(limits.shardStorage().orElse(0), units) + u).orElse(""));
    e.writes().ifPresent(f -> count(t, rows, "shards_by_writes", c.shardsByWrites(),
        "peak " + Format.rate(f.peakPerSecond()) + " / (" + Format.rate(limits.shardWriteQps().orElse(0)) + u));
    e.reads().ifPresent(f -> count(t, rows, "shards_by_reads", c.shardsByReads(),
        "peak " + Format.rate(f.peakPerSecond()) + " / (" + Format.rate(limits.shardReadQps().orElse(0)) + u));
    c.boundBy().ifPresent(b -> t.put("bound_by", b));
    count(t, rows, "nodes", c.nodes(), "shards x " + Format.plain(req.storage().replication()) + " replicas");
    blocks.add(new Report.Block("Capacity", List.of(), rows,
        List.of("counts = ceil(demand / (per-node limit x utilization))"), -2));
  }

  private static void count(Tree t, List<List<String>> rows, String key, OptionalDouble value, String how) {
    value.ifPresent(v -> {
      t.put(key, v, Kind.INTEGER);
      rows.add(List.of(key.replace('_', ' '), Format.integer(v), how));
    });
  }

  private void availability(Sla.Tier tier) {
    Calendar calendar = req.conventions().calendar();
    Tree t = SlaReport.tierTree(tier, true);
    tree.put("availability", t);
    Set<Double> targets = new TreeSet<>(Sla.STANDARD_TIERS);
    targets.add(tier.target());
    List<Sla.Tier> tiers = Sla.tiers(new ArrayList<>(targets), calendar);
    blocks.add(SlaReport.block("Availability: target " + Format.percent(tier.target()) + " ("
        + Format.fixed2(tier.nines()) + " nines)", tiers, List.of(tier.target())));
    models.availability(t);
  }

  private void assumptions(boolean all) {
    List<Tree> list = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Assumption a : req.assumptions()) {
      Tree t = new Tree();
      t.put("path", a.path());
      if (a.value() instanceof Double d) {
        t.put("value", d, Kind.NUMBER);
      } else {
        t.put("value", String.valueOf(a.value()));
      }
      t.put("source", a.source());
      list.add(t);
      rows.add(List.of(a.path(), display(a), a.source()));
    }
    tree.putList("assumptions", list);
    if (all && !rows.isEmpty()) {
      blocks.add(new Report.Block("Assumptions", List.of(), rows, List.of(), -2));
    }
  }

  private String display(Assumption a) {
    if (!(a.value() instanceof Double d)) {
      return String.valueOf(a.value());
    }
    String p = a.path();
    if (p.endsWith("read_size")) {
      return Format.bytes(d, units);
    }
    if (p.endsWith("hot_fraction") || p.endsWith("utilization") || p.endsWith("overhead")) {
      return Format.percent(d);
    }
    if (p.startsWith("conventions.seconds")) {
      return Format.integer(d) + " s";
    }
    if (p.equals("availability.window")) {
      return Format.duration(d);
    }
    if (p.equals("users.dau")) {
      return Format.count(d);
    }
    return Format.plain(d);
  }
}
