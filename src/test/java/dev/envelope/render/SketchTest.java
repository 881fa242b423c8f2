package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sized sketch of the bundled examples: the tiers each file implies and only those, each with
 * its count and the figure that bounds it, the edges with their peak traffic; ranges with their
 * spread; fixed ids and order. The counts are checked against arithmetic done by hand from the
 * files' inputs and the published worked examples they cite.
 */
class SketchTest {
  private static final Pattern NODE = Pattern.compile("^\\s*([a-z0-9_]+)\\[\"(.*)\"\\]$");
  private static final Pattern EDGE = Pattern.compile("^\\s*([a-z0-9_]+) -->(?:\\|\"(.*)\"\\|)? ([a-z0-9_]+)$");

  record Drawn(List<String> ids, List<String> labels, List<String> edges, List<String> lines) {
    String label(String id) {
      return labels.get(ids.indexOf(id));
    }

    String edge(String from, String to) {
      return edges.stream().filter(e -> e.startsWith(from + " -> " + to + ":")).findFirst().orElseThrow();
    }
  }

  static Drawn mermaid(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-o", "mermaid"));
    CliRun run = CliRun.run(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> edges = new ArrayList<>();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("flowchart LR");
    for (String line : lines) {
      Matcher n = NODE.matcher(line);
      Matcher e = EDGE.matcher(line);
      if (n.matches()) {
        ids.add(n.group(1));
        labels.add(n.group(2));
      } else if (e.matches()) {
        edges.add(e.group(1) + " -> " + e.group(3) + ":" + (e.group(2) == null ? "" : e.group(2)));
      }
    }
    return new Drawn(ids, labels, edges, lines);
  }

  @Test
  void twitterDrawsClientsCdnServersCacheAndShardedDatabaseWithTheirCounts() {
    Drawn d = mermaid("estimate", "examples/twitter.yaml");
    // Media has a CDN, the cache is sized, shards are given limits: no log, no connections, no components.
    assertThat(d.ids()).containsExactly("clients", "cdn", "app", "cache", "db");
    // Xu, ch. 2: 300M MAU x 50% = 150M daily active users.
    assertThat(d.label("clients")).isEqualTo("Clients<br/>150 M daily active users");
    // Peak 2 x (150M x (2 + 20 + 150 timeline + 0.2 + 2) / 86,400 s) = 604,861/s;
    // ceil(604,861 / (5,000 x 70%)) = ceil(172.8) = 173 servers.
    assertThat(d.label("app")).isEqualTo("App servers<br/>173 servers<br/>peak requests/s = 605 K/s");
    // Retained 5 y x 365 d x (90 GB + 360 GB + 30 TB) a day = 55.57 PB; ceil(55.57 PB / (10 TB x 70%))
    // = ceil(7,938.75) = 7,939 shards, x 3 replicas = 23,817 nodes.
    assertThat(d.label("db")).isEqualTo("Database<br/>7,939 shards x 3 replicas<br/>23,817 nodes"
        + "<br/>bound by storage: retained = 55.6 PB");
    // 20% of 3B tweet reads a day x 300 B = 180 GB; ceil(180 GB / (64 GB x 70%)) = 5 nodes. Media is
    // left out of the cache, so its edge carries the tweet reads only: 2 x 34,722/s = 69.4 K/s.
    assertThat(d.label("cache")).isEqualTo("Cache<br/>5 nodes<br/>180 GB cached");
    assertThat(d.edge("app", "cache")).isEqualTo("app -> cache:tweet reads 69.4 K/s");
    // Media reads: 150M x 2 / 86,400 s x 2 = 6,944/s; 90% at the edge, so 694/s reach the origin,
    // each 1 MB: 694 MB/s; the edge serves all 6.94 GB/s.
    assertThat(d.label("cdn")).isEqualTo("CDN<br/>media: 90% of reads at the edge");
    assertThat(d.edge("clients", "cdn")).isEqualTo("clients -> cdn:edge egress 6.94 GB/s");
    assertThat(d.edge("cdn", "app")).isEqualTo("cdn -> app:media misses 694 /s<br/>media origin egress 694 MB/s");
    assertThat(d.edges()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly(
        "clients -> cdn", "clients -> app", "cdn -> app", "app -> cache", "app -> db");
  }

  @Test
  void chatDrawsItsConnectionServersBetweenClientsAndServers() {
    Drawn d = mermaid("estimate", "examples/chat.yaml");
    assertThat(d.ids()).containsExactly("clients", "conn_message", "app", "cache", "db");
    // Grokking: 500M connections, 50K a server: ceil(500M / (50K x 70%)) = ceil(14,285.7) = 14,286.
    assertThat(d.label("conn_message")).isEqualTo("message connection servers<br/>14,286 servers"
        + "<br/>connections = 500 M");
    assertThat(d.edge("clients", "conn_message")).isEqualTo("clients -> conn_message:500 M connections");
    // Every workload holds a connection: no edge from the clients to the servers but through them.
    assertThat(d.edges()).noneMatch(e -> e.startsWith("clients -> app"));
    // 500M x 40 / 86,400 s x 2 = 463 K/s writes, and as many reads (1:1).
    assertThat(d.edge("conn_message", "app")).isEqualTo(
        "conn_message -> app:message writes 463 K/s<br/>message reads 463 K/s");
  }

  @Test
  void searchServiceMarksItsComponentsAndItsSinglePointOfFailure() {
    Drawn d = mermaid("estimate", "examples/search-service.yaml");
    assertThat(d.ids()).containsExactly("clients", "app", "cache", "db", "log_click", "component_lb",
        "component_frontend", "component_index", "component_config");
    // Clicks: 20M x 50 / 86,400 s x 1 KB at a 10% peak hour: 27.8 MB/s; 3 MB/s a consumer: ceil(9.26) = 10.
    assertThat(d.label("log_click")).isEqualTo("click log<br/>10 partitions<br/>bound by consume: peak in = 27.8 MB/s"
        + "<br/>7 TB retained");
    // One replica of 99.95% is the chain's single point of failure; 2 of 3 at 99.9%: 99.9997%.
    assertThat(d.label("component_config")).isEqualTo("config<br/>1 replica<br/>99.95% available"
        + "<br/>single point of failure");
    assertThat(d.label("component_index")).isEqualTo("index<br/>3 replicas, 2 needed<br/>99.9997% available");
    assertThat(d.lines()).contains("  class component_config spof")
        .contains("  subgraph availability[\"Availability: components in series<br/>chain 99.9497%, target 99.95%\"]");
  }

  @Test
  void rangesShowThePointValueAndTheFivePercentToNinetyFivePercentSpread() {
    Drawn d = mermaid("estimate", "examples/photo-launch.yaml");
    assertThat(d.label("clients")).isEqualTo("Clients<br/>9.8 M daily active users (p5 8 M, p95 12 M)");
    assertThat(d.label("app")).matches("App servers<br/>5 servers \\(p5 \\d+, p95 \\d+\\)<br/>peak requests/s = "
        + "16.6 K/s \\(p5 [0-9.]+ K/s, p95 [0-9.]+ K/s\\)");
    Drawn other = mermaid("estimate", "examples/photo-launch.yaml", "--percentiles", "10,90");
    assertThat(other.label("clients")).startsWith("Clients<br/>9.8 M daily active users (p10 ");
  }

  @Test
  void aSectionCommandDrawsTheTiersOfItsFiguresOnly() {
    Drawn qps = mermaid("qps", "examples/twitter.yaml");
    // The CDN's hit ratio is a figure of the bandwidth: qps draws no CDN.
    assertThat(qps.ids()).containsExactly("clients", "app");
    assertThat(qps.label("app")).isEqualTo("App servers");
    assertThat(qps.edge("clients", "app")).isEqualTo("clients -> app:requests 605 K/s");
    Drawn shards = mermaid("shards", "examples/twitter.yaml");
    assertThat(shards.ids()).containsExactly("clients", "app", "db");
    // What bounds the shards (the retained bytes) is a figure of the storage, which shards does not print.
    assertThat(shards.label("db")).isEqualTo("Database<br/>7,939 shards<br/>23,817 nodes");
  }

  @Test
  void twoEstimatesDiffOnlyWhereTheirFiguresMoved() {
    Drawn base = mermaid("estimate", "examples/twitter.yaml");
    Drawn bigger = mermaid("estimate", "examples/twitter.yaml", "--set", "users.mau=600M");
    assertThat(bigger.ids()).isEqualTo(base.ids());
    assertThat(bigger.lines()).hasSameSizeAs(base.lines());
    for (int i = 0; i < base.lines().size(); i++) {
      String a = base.lines().get(i);
      String b = bigger.lines().get(i);
      // The same node or edge on the same line, its words the same, only its numbers moved.
      assertThat(b.replaceAll("[0-9.,]+ ?[KMBTPG]?", "#")).isEqualTo(a.replaceAll("[0-9.,]+ ?[KMBTPG]?", "#"));
    }
    assertThat(bigger.label("clients")).isEqualTo("Clients<br/>300 M daily active users");
  }

  @Test
  void dotDrawsTheSameNodesWithASinglePointOfFailureInRed() {
    CliRun run = CliRun.run("estimate", "examples/search-service.yaml", "-o", "dot");
    assertThat(run.out()).startsWith("digraph sketch {\n  rankdir=LR;\n")
        .contains("  subgraph cluster_availability {\n")
        .contains("    component_config [label=\"config\\n1 replica\\n99.95% available\\nsingle point of failure\","
            + " color=\"#c62828\", penwidth=3];\n")
        .contains("  app -> log_click [label=\"click 27.8 MB/s\"];\n")
        .endsWith("}\n");
  }

  @Test
  void markdownPutsTheMermaidSketchAfterTheHeading() {
    CliRun run = CliRun.run("estimate", "examples/twitter.yaml", "-o", "markdown");
    String mermaid = CliRun.run("estimate", "examples/twitter.yaml", "-o", "mermaid").out();
    assertThat(run.out()).contains("\n## Sketch\n\n```mermaid\n" + mermaid + "```\n\n## Users\n");
  }

  @Test
  void reportsWithoutASketchRefuseMermaidAndDot() {
    CliRun sla = CliRun.run("sla", "99.9%", "-o", "mermaid");
    assertThat(sla.exitCode()).isEqualTo(2);
    assertThat(sla.err()).contains("-o mermaid: this report has no sketch; only estimate, qps, bandwidth,"
        + " storage and shards draw one");
    CliRun scenarios = CliRun.run("estimate", "examples/twitter.yaml", "--scenarios", "-o", "dot");
    assertThat(scenarios.exitCode()).isEqualTo(2);
    assertThat(scenarios.err()).contains("--scenarios and -o dot: a sketch draws the figures of one scenario");
    CliRun explain = CliRun.run("estimate", "examples/twitter.yaml", "--explain", "-o", "mermaid");
    assertThat(explain.exitCode()).isEqualTo(2);
    // --get prints one raw value whatever the format.
    CliRun get = CliRun.run("estimate", "examples/twitter.yaml", "-o", "dot", "--get", "capacity.servers");
    assertThat(get.out()).isEqualTo("173\n");
  }

  @Test
  void theDocsPageShowsTheTwitterSketchAsEnvelopeDrawsIt() throws java.io.IOException {
    String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/sketch.md"));
    String mermaid = CliRun.run("estimate", "examples/twitter.yaml", "-o", "mermaid").out();
    assertThat(page).contains("```mermaid\n" + mermaid + "```\n").contains("](sketch/twitter.svg)");
  }
}
