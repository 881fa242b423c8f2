package dev.envelope.render;

import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Estimate;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sized sketch: the tiers an estimate implies, each with its count and the figure that bounds
 * it, and the traffic between them, as the System Design Primer and Alex Xu's System Design
 * Interview draw a design after its estimate. Only tiers the figures imply are drawn: a CDN when a
 * workload has one, a cache when it is sized, the database when there is storage or shards (shards
 * x replicas), a log per workload written as a stream (its partitions), connection servers per
 * workload with connections, and the availability components in series, a single point of failure
 * marked.
 *
 * <p>Every number is read from the report's figure tree (and, with ranges, its {@code uncertainty}
 * percentiles), never worked out here; the estimate only says which figure a count is worked out
 * from (its derivation's first figure), so the label names the figure that bounds it. Node ids and
 * their order are fixed by tier and workload name, so two sketches diff line by line.
 */
public record Sketch(List<Node> nodes, List<Edge> edges, Optional<Group> group) {
  public Sketch {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** One box: a tier. {@code lines} are its label, the first its name; {@code spof} marks a single point of failure. */
  public record Node(String id, List<String> lines, boolean spof) {
    public Node {
      lines = List.copyOf(lines);
    }
  }

  /** Traffic from one tier to another, labelled with what it carries at the peak. */
  public record Edge(String from, String to, List<String> lines) {
    public Edge {
      lines = List.copyOf(lines);
    }
  }

  /** The availability components, in series: a titled group of nodes, linked in their order. */
  public record Group(String id, List<String> title, List<Node> nodes) {
    public Group {
      title = List.copyOf(title);
      nodes = List.copyOf(nodes);
    }
  }

  /** The sketch of the figures {@code tree} holds, {@code estimate} naming what bounds each count. */
  public static Sketch of(Estimate estimate, Tree tree, UnitSystem units) {
    return new Builder(estimate, tree, units).build();
  }

  private static final class Builder {
    private final Estimate e;
    private final Tree tree;
    private final UnitSystem units;
    private final Map<String, Object> uncertainty;
    private final String low;
    private final String high;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    Builder(Estimate estimate, Tree tree, UnitSystem units) {
      this.e = estimate;
      this.tree = tree;
      this.units = units;
      this.uncertainty = tree.children().get("uncertainty") instanceof Tree u ? u.children() : Map.of();
      List<String> keys = new ArrayList<>();
      if (tree.at("monte_carlo.percentiles") instanceof List<?> list) {
        for (Object p : list) {
          if (p instanceof Tree.Quantity q) {
            keys.add(UncertaintyReport.key(q.value()));
          }
        }
      }
      this.low = keys.isEmpty() ? null : keys.get(0);
      this.high = keys.size() < 2 ? null : keys.get(keys.size() - 1);
    }

    Sketch build() {
      List<String> workloads = workloads();
      List<String> cdn = workloads.stream().filter(w -> has(w(w, "cdn.hit_ratio"))).toList();
      List<String> connected = workloads.stream().filter(w -> has(w(w, "connections.concurrent"))).toList();
      List<String> streams = workloads.stream().filter(w -> has(w(w, "stream.partitions"))).toList();
      boolean traffic = has("traffic.total.peak_per_second");

      List<String> clients = new ArrayList<>(List.of("Clients"));
      line(clients, "users.dau", " daily active users");
      node("clients", clients, false);

      if (!cdn.isEmpty()) {
        List<String> lines = new ArrayList<>(List.of("CDN"));
        for (String w : cdn) {
          lines.add(w + ": " + show(w(w, "cdn.hit_ratio")) + spread(w(w, "cdn.hit_ratio")) + " of reads at the edge");
        }
        node("cdn", lines, false);
        List<String> in = new ArrayList<>();
        if (has("bandwidth.edge_egress.peak_bytes_per_second")) {
          in.add("edge egress " + figure("bandwidth.edge_egress.peak_bytes_per_second"));
        }
        edges.add(new Edge("clients", "cdn", in));
      }

      Map<String, String> connectionIds = new java.util.LinkedHashMap<>();
      for (String w : connected) {
        String id = id("conn_" + w);
        connectionIds.put(w, id);
        List<String> lines = new ArrayList<>(List.of(w + " connection servers"));
        counted(lines, w(w, "connections.servers"), "servers");
        if (!has(w(w, "connections.servers"))) {
          lines.add(figure(w(w, "connections.concurrent"), " connections"));
        }
        node(id, lines, false);
        List<String> in = new ArrayList<>(List.of(figure(w(w, "connections.concurrent"), " connections")));
        if (has(w(w, "connections.heartbeats.peak_per_second"))) {
          in.add("heartbeats " + figure(w(w, "connections.heartbeats.peak_per_second")));
        }
        edges.add(new Edge("clients", id, in));
      }

      boolean app = traffic || has("bandwidth.ingress.peak_bytes_per_second")
          || has("bandwidth.egress.peak_bytes_per_second") || has("capacity.servers") || workloads.stream().anyMatch(w -> has(w(w, "queueing.servers")));
      if (app) {
        List<String> lines = new ArrayList<>(List.of("App servers"));
        if (has("capacity.servers")) {
          counted(lines, "capacity.servers", "servers");
        }
        for (String w : workloads) {
          if (has(w(w, "queueing.servers"))) {
            lines.add(w + ": " + count(w(w, "queueing.servers"), "servers"));
            bound(w(w, "queueing.servers")).ifPresent(lines::add);
          }
        }
        node("app", lines, false);
        List<String> direct = workloads.stream().filter(w -> !connected.contains(w)).toList();
        if (!direct.isEmpty() || workloads.isEmpty()) {
          List<String> in = new ArrayList<>();
          if (direct.size() == workloads.size()) {
            if (traffic) {
              in.add("requests " + figure("traffic.total.peak_per_second"));
            }
            if (has("bandwidth.ingress.peak_bytes_per_second")) {
              in.add("in " + figure("bandwidth.ingress.peak_bytes_per_second"));
            }
            String out = cdn.isEmpty() ? "bandwidth.egress.peak_bytes_per_second"
                : "bandwidth.origin_egress.peak_bytes_per_second";
            if (has(out)) {
              in.add((cdn.isEmpty() ? "out " : "origin out ") + figure(out));
            }
          } else {
            direct.forEach(w -> in.addAll(requests(w)));
          }
          edges.add(new Edge("clients", "app", in));
        }
        for (String w : cdn) {
          List<String> misses = new ArrayList<>();
          if (has(w(w, "cdn.origin_reads.peak_per_second"))) {
            misses.add(w + " misses " + figure(w(w, "cdn.origin_reads.peak_per_second")));
          }
          if (has(w(w, "cdn.origin_egress.peak_bytes_per_second"))) {
            misses.add(w + " origin egress " + figure(w(w, "cdn.origin_egress.peak_bytes_per_second")));
          }
          edges.add(new Edge("cdn", "app", misses));
        }
        connectionIds.forEach((w, id) -> edges.add(new Edge(id, "app", requests(w))));
      }

      String cacheCount = has("cache.nodes") ? "cache.nodes" : "cache.working_set_nodes";
      String cacheBytes = has("cache.bytes") ? "cache.bytes" : "cache.working_set_bytes";
      if (has(cacheBytes)) {
        List<String> lines = new ArrayList<>(List.of("Cache"));
        if (has(cacheCount)) {
          lines.add(count(cacheCount, "nodes"));
        }
        lines.add(figure(cacheBytes, cacheBytes.equals("cache.bytes") ? " cached" : " working set"));
        node("cache", lines, false);
        if (app) {
          edges.add(new Edge("app", "cache", cachedReads(cacheBytes, workloads)));
        }
      }

      boolean database = has("capacity.shards") || has("storage.bytes_per_day");
      if (database) {
        List<String> lines = new ArrayList<>(List.of("Database"));
        if (has("capacity.shards")) {
          String shards = count("capacity.shards", "shards");
          lines.add(has("storage.replication") ? shards + " x " + figure("storage.replication") + " replicas" : shards);
          if (has("capacity.nodes")) {
            lines.add(count("capacity.nodes", "nodes"));
          }
          bound("capacity.shards").ifPresent(lines::add);
        } else {
          if (has("storage.bytes_retained")) {
            lines.add(figure("storage.bytes_retained", " retained"));
          } else {
            lines.add(figure("storage.bytes_per_day", " a day"));
          }
          if (has("storage.bytes_replicated")) {
            lines.add(figure("storage.bytes_replicated", " replicated"));
          }
        }
        node("db", lines, false);
        if (app) {
          List<String> writes = new ArrayList<>();
          if (has("traffic.writes.peak_per_second")) {
            writes.add("writes " + figure("traffic.writes.peak_per_second"));
          }
          edges.add(new Edge("app", "db", writes));
        }
      }

      for (String w : streams) {
        String id = id("log_" + w);
        List<String> lines = new ArrayList<>(List.of(w + " log"));
        counted(lines, w(w, "stream.partitions"), "partitions");
        if (has(w(w, "stream.bytes_retained"))) {
          lines.add(figure(w(w, "stream.bytes_retained"), " retained"));
        }
        node(id, lines, false);
        if (app) {
          List<String> in = new ArrayList<>();
          if (has(w(w, "stream.peak_bytes_per_second"))) {
            in.add(w + " " + figure(w(w, "stream.peak_bytes_per_second")));
          }
          edges.add(new Edge("app", id, in));
        }
      }
      return new Sketch(nodes, edges, components());
    }

    /** The availability components in series, each with its replicas and availability; one replica stands out. */
    private Optional<Group> components() {
      if (!(tree.at("availability.components") instanceof List<?> list) || list.isEmpty()) {
        return Optional.empty();
      }
      List<Node> members = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Tree c)) {
          continue;
        }
        String p = "availability.components." + i;
        String name = String.valueOf(c.children().get("name"));
        boolean spof = Boolean.TRUE.equals(c.children().get("single_point_of_failure"));
        List<String> lines = new ArrayList<>(List.of(name));
        String replicas = count(p + ".replicas", "replicas");
        lines.add(has(p + ".required") && !spof ? replicas + ", " + figure(p + ".required") + " needed" : replicas);
        lines.add(availability(p + ".availability") + " available");
        if (spof) {
          lines.add("single point of failure");
        }
        members.add(new Node(id("component_" + name), lines, spof));
      }
      List<String> title = new ArrayList<>(List.of("Availability: components in series"));
      if (has("availability.composite")) {
        title.add("chain " + availability("availability.composite")
            + (has("availability.target") ? ", target " + figure("availability.target") : ""));
      }
      return Optional.of(new Group("availability", title, members));
    }

    /** The workloads with figures, in the file's order. */
    private List<String> workloads() {
      return tree.children().get("workloads") instanceof Tree t ? List.copyOf(t.children().keySet()) : List.of();
    }

    /** A workload's peak writes and reads, as lines. */
    private List<String> requests(String w) {
      List<String> lines = new ArrayList<>();
      for (String kind : List.of("writes", "reads")) {
        if (has(w(w, kind + ".peak_per_second"))) {
          lines.add(w + " " + kind + " " + figure(w(w, kind + ".peak_per_second")));
        }
      }
      return lines;
    }

    /**
     * The reads the cache holds a share of: the figures the cache's size is worked out from (a
     * workload's reads, or behind a CDN its origin reads), each at its peak; all reads at once
     * when the cache holds every workload's.
     */
    private List<String> cachedReads(String cacheBytes, List<String> workloads) {
      Step step = e.step(cacheBytes);
      List<String> used = step == null ? List.of() : step.uses().stream()
          .filter(p -> p.startsWith("workloads.") && p.endsWith(".per_day")).toList();
      List<String> lines = new ArrayList<>();
      boolean every = !used.isEmpty() && used.stream().allMatch(p -> p.endsWith(".reads.per_day"))
          && used.size() == workloads.stream().filter(w -> has(w(w, "reads.per_day"))).count();
      if (every && has("traffic.reads.peak_per_second")) {
        lines.add("reads " + figure("traffic.reads.peak_per_second"));
        return lines;
      }
      for (String p : used) {
        String peak = p.substring(0, p.length() - "per_day".length()) + "peak_per_second";
        String w = workloadOf(p, workloads);
        if (w != null && has(peak)) {
          lines.add(w + (peak.contains(".cdn.") ? " origin reads " : " reads ") + figure(peak));
        }
      }
      return lines;
    }

    private static String workloadOf(String path, List<String> workloads) {
      for (String w : workloads) {
        if (path.startsWith("workloads." + w + ".")) {
          return w;
        }
      }
      return null;
    }

    /** The count at {@code path} and, on the next line, the figure that bounds it. */
    private void counted(List<String> lines, String path, String noun) {
      if (has(path)) {
        lines.add(count(path, noun));
        bound(path).ifPresent(lines::add);
      }
    }

    /**
     * The figure a count is worked out from, as its derivation names it: where the count is the
     * largest of several ({@code bound_by}), the first figure of the largest; otherwise its own first.
     */
    private Optional<String> bound(String path) {
      int dot = path.lastIndexOf('.');
      String base = path.substring(0, dot);
      String name = path.substring(dot + 1);
      String prefix = "";
      String from = path;
      if (tree.at(base + ".bound_by") instanceof String by && e.has(base + "." + name + "_by_" + by)) {
        from = base + "." + name + "_by_" + by;
        prefix = "bound by " + by + ": ";
      }
      Step step = e.step(from);
      if (step == null) {
        return Optional.empty();
      }
      for (String used : step.uses()) {
        if (has(used) && e.step(used) != null) {
          return Optional.of(prefix + e.step(used).symbol() + " = " + figure(used));
        }
      }
      return Optional.empty();
    }

    private void line(List<String> lines, String path, String suffix) {
      if (has(path)) {
        lines.add(figure(path, suffix));
      }
    }

    /** {@code "14.4 TB cached (p5 5.4 TB, p95 36.7 TB)"}: the figure, what it is, its spread. */
    private String figure(String path, String suffix) {
      return show(path) + suffix + spread(path);
    }

    /** {@code "173 servers"}; one of a thing, {@code "1 server"}. */
    private String count(String path, String noun) {
      String shown = show(path);
      return shown + " " + (shown.equals("1") ? noun.substring(0, noun.length() - 1) : noun) + spread(path);
    }

    /** An availability to as many decimals as its nines need, as the components' table shows it. */
    private String availability(String path) {
      return ModelReport.availability(((Tree.Quantity) tree.at(path)).value(), e.complement(path));
    }

    /** The figure at {@code path} as the tables show it, with its spread when a range reaches it. */
    private String figure(String path) {
      return show(path) + spread(path);
    }

    private String show(String path) {
      return Display.display(tree.at(path), units);
    }

    /** {@code " (p5 118, p95 262)"}: the outer percentiles of the Monte Carlo, when the figure varies. */
    private String spread(String path) {
      if (low == null || high == null || !(uncertainty.get(path) instanceof Tree u)
          || !(tree.at(path) instanceof Tree.Quantity point)) {
        return "";
      }
      Object lo = u.children().get(low);
      Object hi = u.children().get(high);
      if (!(lo instanceof Tree.Quantity l) || !(hi instanceof Tree.Quantity h)) {
        return "";
      }
      return " (" + low + " " + Display.display(new Tree.Quantity(l.value(), point.kind()), units) + ", " + high + " "
          + Display.display(new Tree.Quantity(h.value(), point.kind()), units) + ")";
    }

    private boolean has(String path) {
      Object v = tree.at(path);
      return v instanceof Tree.Quantity || v instanceof String;
    }

    private static String w(String workload, String rest) {
      return "workloads." + workload + "." + rest;
    }

    private void node(String id, List<String> lines, boolean spof) {
      ids.add(id);
      nodes.add(new Node(id, lines, spof));
    }

    /**
     * A node id from a tier and a name: letters, digits and {@code _} only, so that it is an
     * identifier in Mermaid and DOT alike (a run of others is one {@code _}); a name that folds onto
     * one taken gets {@code _2}, {@code _3}.
     */
    private String id(String raw) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < raw.length(); i++) {
        char c = Character.toLowerCase(raw.charAt(i));
        sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
      }
      String id = sb.toString().replaceAll("_+", "_").replaceAll("_$", "");
      String unique = id;
      for (int n = 2; ids.contains(unique) || RESERVED.contains(unique); n++) {
        unique = id + "_" + n;
      }
      ids.add(unique);
      return unique;
    }
  }

  /** Words that are keywords in Mermaid or DOT, never an id. */
  private static final Set<String> RESERVED = new LinkedHashSet<>(List.of("end", "graph", "subgraph", "node",
      "edge", "digraph", "strict", "style", "class", "classdef", "click", "flowchart", "default"));
}
