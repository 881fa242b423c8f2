package dev.envelope.render;

import dev.envelope.estimate.Estimate;
import dev.envelope.estimate.Section;
import dev.envelope.estimate.Sla;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Assumption;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Calendar;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lays an {@link Estimate} out as a {@link Report}: the JSON tree, every figure of the chosen parts
 * in the catalog's order under its path, and the tables, whose layout (which figures, which
 * columns) is chosen here and whose values are the estimate's.
 */
public final class EstimateReport {
  public static final String SCHEMA = "envelope.estimate/v1";

  private final Estimate e;
  private final Requirements req;
  private final UnitSystem units;
  private final Tree tree = new Tree();
  private final List<Report.Block> blocks = new ArrayList<>();
  private final ModelReport models;

  private EstimateReport(Estimate estimate) {
    this.e = estimate;
    this.req = estimate.requirements();
    this.units = req.conventions().units();
    this.models = new ModelReport(estimate, blocks);
  }

  /** The report of {@code estimate}'s {@code sections}. */
  public static Report build(Estimate estimate, Set<Section> sections) {
    return new EstimateReport(estimate).layout(sections);
  }

  /**
   * The JSON tree of every part of {@code estimate}, as {@link #build} makes it, without laying out
   * the tables: what a sweep picks its figures from, once a combination.
   */
  public static Tree tree(Estimate estimate) {
    EstimateReport r = new EstimateReport(estimate);
    r.head(Section.all());
    r.assumptions(false);
    return r.tree;
  }

  private void head(Set<Section> sections) {
    tree.put("schema", SCHEMA);
    if (req.name().isPresent()) {
      tree.put("name", req.name().get());
    }
    tree.put("conventions", ConventionsBlock.tree(req.conventions()));
    // The users' figures whatever the sections: every part is worked out from them.
    java.util.EnumSet<Section> shown = java.util.EnumSet.of(Section.USERS);
    shown.addAll(sections);
    FigureTree.add(tree, e, shown);
  }

  private Report layout(Set<Section> sections) {
    head(sections);
    boolean all = sections.containsAll(Section.all());
    users();
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
    if (sections.contains(Section.CONNECTIONS)) {
      models.connections();
    }
    if (sections.contains(Section.FANOUT_ON_WRITE)) {
      models.fanoutOnWrite();
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
      availability();
    }
    if (sections.contains(Section.COST)) {
      cost();
    }
    if (sections.contains(Section.FIGURES)) {
      ownFigures();
    }
    assumptions(all);
    String title = req.name().isPresent() ? req.name().get() + " (" + req.source() + ")" : req.source();
    return new Report(title, ConventionsBlock.header(req.conventions()), blocks, tree);
  }

  private void users() {
    if (!e.has("users.dau")) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    if (e.has("users.mau") && e.has("users.daily_active") && req.users().orElseThrow().dau().isEmpty()) {
      rows.add(List.of("monthly active users", Format.count(e.value("users.mau"))));
      rows.add(List.of("active daily", Format.percent(e.value("users.daily_active"))));
    }
    rows.add(List.of("daily active users", Format.count(e.value("users.dau"))));
    blocks.add(new Report.Block("Users", List.of(), rows, List.of()));
  }

  private List<String> workloads() {
    List<String> names = new ArrayList<>();
    for (Requirements.Workload w : req.workloads()) {
      names.add(w.name());
    }
    return names;
  }

  private void traffic() {
    List<List<String>> rows = new ArrayList<>();
    for (String w : workloads()) {
      for (String kind : List.of("writes", "reads")) {
        String p = "workloads." + w + "." + kind;
        if (e.has(p + ".per_day")) {
          rows.add(flowRow(w + " " + kind, p));
        }
      }
      rows.addAll(deliveryRows(w));
    }
    if (workloads().size() > 1) {
      for (String kind : List.of("writes", "reads")) {
        if (e.has("traffic." + kind + ".per_day")) {
          rows.add(flowRow("all " + kind, "traffic." + kind));
        }
      }
    }
    rows.add(flowRow("total", "traffic.total"));
    List<String> notes = new ArrayList<>(Notes.perWorkload(e, units, workloads(), "writes.avg_per_second",
        "reads.avg_per_second", "writes.peak_per_second", "reads.peak_per_second", "peak_factor"));
    notes.addAll(Notes.perWorkload(e, units, workloads(), "connections.heartbeats.peak_per_second",
        "connections.heartbeats.avg_per_second", "fanout_on_write.timeline_writes.avg_per_second"));
    Notes.total(e, "traffic.total.peak_per_second", units, notes);
    if (models.peakNote().isPresent()) {
      notes.add(models.peakNote().get());
    }
    blocks.add(new Report.Block("Traffic", List.of("requests", "per day", "avg", "peak"), rows, notes));
  }

  /** A workload's heartbeats (counted in its reads) and its timeline writes (among the writes), as rows. */
  private List<List<String>> deliveryRows(String w) {
    List<List<String>> rows = new ArrayList<>();
    String heartbeats = "workloads." + w + ".connections.heartbeats";
    if (e.has(heartbeats + ".per_day")) {
      rows.add(flowRow(w + " heartbeats (in reads)", heartbeats));
    }
    String timeline = "workloads." + w + ".fanout_on_write.timeline_writes";
    if (e.has(timeline + ".per_day")) {
      rows.add(flowRow(w + " timeline writes", timeline));
    }
    return rows;
  }

  private List<String> flowRow(String label, String p) {
    return List.of(label, Format.count(e.value(p + ".per_day")), Format.rate(e.value(p + ".avg_per_second")),
        Format.rate(e.value(p + ".peak_per_second")));
  }

  private void bandwidth() {
    List<List<String>> rows = new ArrayList<>();
    for (String w : workloads()) {
      for (String kind : List.of("ingress", "egress")) {
        String p = "workloads." + w + "." + kind;
        if (e.has(p + ".avg_bytes_per_second")) {
          rows.add(bandRow(w + " " + kind, p));
        }
      }
      for (String tier : List.of("origin", "edge")) {
        String p = "workloads." + w + ".cdn." + tier + "_egress";
        if (e.has(p + ".avg_bytes_per_second")) {
          rows.add(bandRow(w + " " + tier + " egress", p));
        }
      }
    }
    if (!e.has("bandwidth.ingress.avg_bytes_per_second") && !e.has("bandwidth.egress.avg_bytes_per_second")) {
      return;
    }
    for (String kind : List.of("ingress", "egress", "origin_egress", "edge_egress")) {
      if (e.has("bandwidth." + kind + ".avg_bytes_per_second")) {
        rows.add(bandRow("total " + kind.replace('_', ' '), "bandwidth." + kind));
      }
    }
    List<String> notes = new ArrayList<>(Notes.perWorkload(e, units, workloads(), "ingress.avg_bytes_per_second",
        "egress.avg_bytes_per_second", "cdn.origin_egress.avg_bytes_per_second"));
    if (e.has("bandwidth.edge_egress.avg_bytes_per_second")) {
      notes.add("a CDN's edge serves every byte read, its hits from its cache and its misses from the origin; the"
          + " origin serves the misses and the workloads without a CDN");
    }
    blocks.add(new Report.Block("Bandwidth", List.of("", "avg", "", "peak", ""), rows, notes)
        .dropping("bits per second", 2, 4));
  }

  private List<String> bandRow(String label, String p) {
    double avg = e.value(p + ".avg_bytes_per_second");
    double peak = e.value(p + ".peak_bytes_per_second");
    return List.of(label, Format.bytesPerSecond(avg, units), Format.bits(avg), Format.bytesPerSecond(peak, units),
        Format.bits(peak));
  }

  private void storage() {
    if (!e.has("storage.bytes_per_day")) {
      return;
    }
    boolean retained = e.has("storage.bytes_retained");
    List<List<String>> rows = new ArrayList<>();
    // What each workload stores, and the entries it copies to followers' timelines.
    java.util.Map<String, String> stores = new java.util.LinkedHashMap<>();
    for (String w : workloads()) {
      stores.put(w, "workloads." + w + ".storage");
      stores.put(w + " timelines", "workloads." + w + ".fanout_on_write.storage");
    }
    for (java.util.Iterator<String> i = stores.values().iterator(); i.hasNext();) {
      if (!e.has(i.next() + ".bytes_per_day")) {
        i.remove();
      }
    }
    if (workloads().size() > 1 || stores.size() > 1) {
      for (java.util.Map.Entry<String, String> store : stores.entrySet()) {
        String label = store.getKey();
        String p = store.getValue();
        List<String> row = new ArrayList<>(List.of(label, bytes(p + ".bytes_per_day"), bytes(p + ".bytes_per_month"),
            bytes(p + ".bytes_per_year")));
        if (retained) {
          row.add(bytes(p + ".bytes_retained"));
          row.add(e.has(p + ".objects_retained") ? Format.count(e.value(p + ".objects_retained")) : "-");
        }
        rows.add(row);
      }
    }
    List<String> total = new ArrayList<>(List.of("total", bytes("storage.bytes_per_day"),
        bytes("storage.bytes_per_month"), bytes("storage.bytes_per_year")));
    List<String> columns = new ArrayList<>(List.of("", "per day", "per month", "per year"));
    List<String> notes = new ArrayList<>(Notes.perWorkload(e, units, workloads(), "storage.bytes_per_day",
        "storage.bytes_retained", "fanout_on_write.storage.bytes_per_day", "payload_bytes"));
    if (retained) {
      columns.add("retained");
      columns.add("objects (count)");
      total.add(bytes("storage.bytes_retained"));
      total.add(e.has("storage.objects_retained") ? Format.count(e.value("storage.objects_retained")) : "-");
      notes.addAll(Notes.formulas(e, units, "storage.retention_seconds", "storage.bytes_replicated"));
      notes.add("retained over " + req.storage().retention().get() + ": " + bytes("storage.bytes_replicated")
          + " replicated");
    }
    rows.add(total);
    blocks.add(new Report.Block("Storage", columns, rows, notes).dropping("per month", 2));
  }

  private String bytes(String path) {
    return Format.bytes(e.value(path), units);
  }

  private void cache() {
    if (!e.has("cache.bytes") && !e.has("cache.working_set_bytes")) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    if (e.has("cache.bytes")) {
      rows.add(List.of("cache", bytes("cache.bytes")));
    }
    if (e.has("cache.nodes")) {
      rows.add(List.of("cache nodes", Format.integer(e.value("cache.nodes"))));
    }
    if (e.has("cache.working_set_bytes")) {
      rows.add(List.of("working set", bytes("cache.working_set_bytes")));
    }
    if (e.has("cache.working_set_nodes")) {
      rows.add(List.of("working set nodes", Format.integer(e.value("cache.working_set_nodes"))));
    }
    List<String> notes = new ArrayList<>();
    Notes.total(e, "cache.bytes", units, notes);
    notes.addAll(Notes.formulas(e, units, "cache.nodes", "cache.working_set_bytes", "cache.working_set_nodes"));
    List<String> behindCdn = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Requirements.Workload x : req.workloads()) {
      if (!x.delivery().cached()) {
        left.add(x.name());
      }
    }
    for (String w : workloads()) {
      if (e.has("workloads." + w + ".cdn.origin_reads.per_day") && cached(w)) {
        behindCdn.add(w);
      }
    }
    if (e.has("cache.bytes") && !behindCdn.isEmpty()) {
      notes.add("behind a CDN, the reads that reach the origin only: " + String.join(", ", behindCdn));
    }
    if (!left.isEmpty()) {
      notes.add("left out of the cache (cache: false): " + String.join(", ", left));
    }
    blocks.add(new Report.Block("Cache", List.of(), rows, notes));
  }

  /** Whether the workload {@code name} is cached. */
  private boolean cached(String name) {
    for (Requirements.Workload x : req.workloads()) {
      if (x.name().equals(name) && x.delivery().cached()) {
        return true;
      }
    }
    return false;
  }

  private void capacity(boolean only) {
    if (!e.has("capacity.servers") && !e.has("capacity.shards")) {
      if (only) {
        blocks.add(new Report.Block("Capacity", List.of(), List.of(), List.of(
            "no counts: give per-node limits under capacity (server_qps, shard_storage, shard_write_qps,",
            "shard_read_qps) for servers, shards and nodes")));
      }
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (String key : List.of("servers", "shards", "shards_by_storage", "shards_by_writes", "shards_by_reads",
        "nodes")) {
      String path = "capacity." + key;
      if (e.has(path)) {
        rows.add(List.of(key.replace('_', ' '), Format.integer(e.value(path)), key.equals("shards")
            && e.has("capacity.bound_by") ? "bound by " + e.text("capacity.bound_by") : Notes.substituted(e, path, units)));
      }
    }
    blocks.add(new Report.Block("Capacity", List.of(), rows,
        Notes.formulas(e, units, "capacity.servers", "capacity.shards_by_storage", "capacity.nodes"), -2));
  }

  private void availability() {
    if (!e.has("availability.target")) {
      return;
    }
    double target = e.value("availability.target");
    Calendar calendar = req.conventions().calendar();
    Set<Double> targets = new TreeSet<>(Sla.STANDARD_TIERS);
    targets.add(target);
    List<Sla.Tier> tiers = Sla.tiers(new ArrayList<>(targets), calendar);
    blocks.add(SlaReport.block("Availability: target " + Format.percent(target) + " ("
        + Format.fixed2(e.value("availability.nines")) + " nines)", tiers, List.of(target),
        Notes.formulas(e, units, "availability.nines", "availability.downtime_seconds.month")));
    models.availability();
  }

  /** Each part the file prices and the total, a month and a year; the currency named once, in the title. */
  private void cost() {
    if (!e.has("cost.total.per_month")) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> months = new ArrayList<>();
    for (String part : List.of("servers", "cache", "storage", "egress", "cdn_egress", "requests", "total")) {
      String p = "cost." + part;
      if (e.has(p + ".per_month")) {
        String label = switch (part) {
          case "cache" -> "cache nodes";
          case "egress" -> "origin egress";
          case "cdn_egress" -> "CDN egress";
          default -> part;
        };
        rows.add(List.of(label, Format.money(e.value(p + ".per_month")), Format.money(e.value(p + ".per_year"))));
        if (!part.equals("total")) {
          months.add(p + ".per_month");
        }
      }
    }
    List<String> notes = new ArrayList<>(Notes.capped(Notes.formulas(e, units, months.toArray(String[]::new))));
    notes.add("a year is twelve of the calendar's months; prices are the file's, none built in");
    String currency = e.has("cost.currency") ? " (" + e.text("cost.currency") + ")" : "";
    blocks.add(new Report.Block("Cost" + currency, List.of("", "per month", "per year"), rows, notes)
        .dropping("per year", 2));
  }

  /** The file's own figures, each with what it means. */
  private void ownFigures() {
    List<List<String>> rows = new ArrayList<>();
    for (Requirements.UserFigure f : req.figures()) {
      String path = "figures." + f.name();
      if (e.has(path)) {
        var step = e.step(path);
        rows.add(List.of(f.name(), ExplainReport.display(step.result(), step.unit(), units),
            f.description().orElse("")));
      }
    }
    if (!rows.isEmpty()) {
      blocks.add(new Report.Block("Figures of the file's own", List.of(), rows, List.of(), -2));
    }
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
    if (p.endsWith("read_size") || p.endsWith("row_overhead")) {
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
