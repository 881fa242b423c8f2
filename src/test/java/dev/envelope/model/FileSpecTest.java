package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.envelope.model.FileSpec.Field;
import dev.envelope.model.FileSpec.Group;
import dev.envelope.model.RequirementsReader.Need;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileSpecTest {
  private static final String BASE = """
      users: {dau: 1M}
      workloads:
        post: {writes_per_user: 2/day, read_write_ratio: '10:1', payload: 1KB}
      storage: {retention: 1y}
      cache: {node_memory: 64GB}
      capacity: {server_qps: 5000}
      """;

  static Requirements read(String text) {
    return RequirementsReader.read("req.yaml", text.getBytes(UTF_8), Need.ESTIMATE);
  }

  @Test
  void sectionsListTheirKeysInTheOrderTheMessagesShow() {
    assertThat(FileSpec.ROOT.keys()).containsExactly("name", "users", "workloads", "traffic", "storage", "cache",
        "capacity", "availability", "cost", "conventions", "inputs", "figures", "scenarios", "budgets", "correlations",
        "lint");
    assertThat(FileSpec.WORKLOAD.keys()).containsExactly("writes_per_user", "writes", "reads_per_user", "reads",
        "read_write_ratio", "payload", "read_size", "peak_factor", "latency", "service_cv",
        "fanout", "call_latency", "hedge_after",
        "stream", "connections", "fanout_on_write", "cdn", "cache");
    assertThat(FileSpec.CONNECTIONS.keys()).containsExactly("online_share", "concurrent", "per_user", "per_server",
        "memory_per_connection", "heartbeat");
    assertThat(FileSpec.FANOUT_ON_WRITE.keys()).containsExactly("followers", "entry_size");
    assertThat(FileSpec.CDN.keys()).containsExactly("hit_ratio");
    assertThat(FileSpec.PAYLOAD_RECORD.keys()).containsExactly("fields", "row_overhead");
    assertThat(FileSpec.CACHE.keys()).containsExactly("hot_fraction", "node_memory", "hot_objects", "object_size");
    assertThat(FileSpec.AVAILABILITY.keys()).containsExactly("target", "window", "components");
    assertThat(FileSpec.COMPONENT.keys()).containsExactly("name", "availability", "mtbf", "mttr", "replicas",
        "required");
    assertThat(FileSpec.TRAFFIC.keys()).containsExactly("peak_factor", "peak");
    assertThat(FileSpec.PEAK.keys()).containsExactly("model", "peak_hour_share", "percentile");
    assertThat(FileSpec.CALENDAR_DAYS.keys()).containsExactly("year", "quarter", "month");
  }

  /** {@link #BASE} with {@code path=value} set as a scenario or --set would. */
  static Requirements withOverrides(String... assignments) {
    List<Assignment> sets = new ArrayList<>();
    for (String a : assignments) {
      sets.add(Assignment.parse("--set", a));
    }
    return Document.parse("req.yaml", BASE.getBytes(UTF_8)).bind(Need.ESTIMATE, Optional.empty(), sets);
  }

  @Test
  void everyLiteralDefaultReadsAsTheValueTheReaderFillsIn() {
    Requirements implicit = read(BASE);
    List<String> checked = new ArrayList<>();
    for (Field section : FileSpec.ROOT.fields()) {
      if (section.type() != FileSpec.Type.SECTION) {
        continue;
      }
      for (Field f : section.group().orElseThrow().fields()) {
        if (!f.byDefault().literal()) {
          continue;
        }
        String set = section.key() + "." + f.key() + "=" + f.byDefault().text();
        Requirements explicit = withOverrides(set);
        assertThat(explicit.storage()).as(set).isEqualTo(implicit.storage());
        assertThat(explicit.cache()).as(set).isEqualTo(implicit.cache());
        assertThat(explicit.capacity()).as(set).isEqualTo(implicit.capacity());
        assertThat(explicit.workloads()).as(set).isEqualTo(implicit.workloads());
        assertThat(explicit.conventions()).as(set).isEqualTo(implicit.conventions());
        checked.add(set);
      }
    }
    assertThat(checked).containsExactly("traffic.peak_factor=2", "storage.replication=3", "storage.overhead=0%",
        "cache.hot_fraction=20%", "capacity.utilization=70%", "conventions.calendar=sre",
        "conventions.seconds_per_day=86400", "conventions.units=si");
  }

  @Test
  void everyExampleIsAValueTheReaderAccepts() {
    List<String> checked = new ArrayList<>();
    for (String path : FileSpec.inputPaths()) {
      Field f = field(path);
      String set = path.replace("*", "w") + "=" + f.example();
      List<String> sets = new ArrayList<>(List.of(set));
      if (path.startsWith("workloads.*.") && !f.key().matches("(writes|reads).*")) {
        sets.add("workloads.w.writes=1/s"); // a workload needs a rate
      }
      if (path.matches("conventions\\.calendar\\.(quarter|month)")) {
        sets.add("conventions.calendar.year=365");
      }
      sets.addAll(COMPANIONS.getOrDefault(path, List.of()));
      assertThat(withOverrides(sets.toArray(String[]::new))).as(set).isNotNull();
      checked.add(set);
    }
    assertThat(checked).hasSize(FileSpec.inputPaths().size()).contains("users.dau=150M", "workloads.w.writes=500M/day");
  }

  /** Keys that a key needs beside it, to set with its example. */
  static final java.util.Map<String, List<String>> COMPANIONS = java.util.Map.ofEntries(
      java.util.Map.entry("availability.window", List.of("availability.target=99.9%")),
      java.util.Map.entry("workloads.*.service_cv", List.of("workloads.w.latency=20ms")),
      java.util.Map.entry("traffic.peak.model", List.of("traffic.peak.peak_hour_share=10%")),
      java.util.Map.entry("traffic.peak.peak_hour_share", List.of("traffic.peak.model=diurnal")),
      java.util.Map.entry("traffic.peak.percentile", List.of("traffic.peak.model=poisson")),
      java.util.Map.entry("workloads.*.fanout",
          List.of("workloads.w.call_latency.p50=5ms", "workloads.w.call_latency.p99=50ms")),
      java.util.Map.entry("workloads.*.call_latency.p50",
          List.of("workloads.w.call_latency.p99=50ms", "workloads.w.fanout=100")),
      java.util.Map.entry("workloads.*.call_latency.p99",
          List.of("workloads.w.call_latency.p50=5ms", "workloads.w.fanout=100")),
      java.util.Map.entry("workloads.*.call_latency.slow_fraction",
          List.of("workloads.w.call_latency.over=1s", "workloads.w.fanout=100")),
      java.util.Map.entry("workloads.*.call_latency.over",
          List.of("workloads.w.call_latency.slow_fraction=1%", "workloads.w.fanout=100")),
      java.util.Map.entry("workloads.*.hedge_after", List.of("workloads.w.call_latency.p50=5ms",
          "workloads.w.call_latency.p99=50ms", "workloads.w.fanout=100")),
      java.util.Map.entry("workloads.*.stream.partition_produce", List.of("workloads.w.payload=1KB")),
      java.util.Map.entry("workloads.*.stream.partition_consume", List.of("workloads.w.payload=1KB")),
      java.util.Map.entry("workloads.*.payload.row_overhead", List.of("workloads.w.payload.fields.id=8B")),
      java.util.Map.entry("workloads.*.connections.per_user", List.of("workloads.w.connections.concurrent=1M")),
      java.util.Map.entry("workloads.*.connections.per_server", List.of("workloads.w.connections.concurrent=1M")),
      java.util.Map.entry("workloads.*.connections.memory_per_connection",
          List.of("workloads.w.connections.concurrent=1M")),
      java.util.Map.entry("workloads.*.connections.heartbeat", List.of("workloads.w.connections.concurrent=1M")),
      java.util.Map.entry("workloads.*.fanout_on_write.entry_size", List.of("workloads.w.fanout_on_write.followers=75")),
      java.util.Map.entry("workloads.*.cdn.hit_ratio", List.of("workloads.w.reads=1/s")),
      java.util.Map.entry("cache.hot_objects", List.of("cache.object_size=2KB")),
      java.util.Map.entry("cache.object_size", List.of("cache.hot_objects=10M")));

  /** The field at a dotted input path. */
  static Field field(String path) {
    Group group = FileSpec.ROOT;
    Field f = null;
    for (String part : path.split("\\.")) {
      if (part.equals("*")) {
        continue;
      }
      if (f != null) {
        group = f.group().orElseThrow();
      }
      f = group.field(part);
    }
    return f;
  }

  @Test
  void aTopLevelSchemaKeyIsAcceptedAndIgnored() {
    String json = """
        {"$schema": "https://example.org/requirements-v1.schema.json",
         "workloads": {"post": {"writes": "5/s"}}}
        """;
    String plain = """
        {"workloads": {"post": {"writes": "5/s"}}}
        """;
    Requirements with = read(json);
    Requirements without = read(plain);
    assertThat(with.workloads()).isEqualTo(without.workloads());
    assertThat(with.assumptions()).isEqualTo(without.assumptions());
  }

  @Test
  void aSchemaKeyHoldsText() {
    EnvelopeException e = catchThrowableOfType(EnvelopeException.class,
        () -> read("{\"$schema\": {\"x\": 1}, \"workloads\": {\"post\": {\"writes\": \"5/s\"}}}"));
    assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::message)
        .containsExactly(org.assertj.core.api.Assertions.tuple("$schema", "got a mapping; expected a text"));
  }

  @Test
  void theSchemaKeyIsNotOfferedAmongTheKnownKeys() {
    EnvelopeException e = catchThrowableOfType(EnvelopeException.class,
        () -> read("schema: x\nworkloads: {post: {writes: 5/s}}\n"));
    assertThat(e.diagnostics()).singleElement().extracting(Diagnostic::message).asString()
        .startsWith("unknown key; expected one of: name, users,").doesNotContain("$schema");
  }

  @Test
  void inputPathsCoverEveryScalarKeyWithAStarForWorkloadNames() {
    assertThat(FileSpec.inputPaths()).contains("name", "users.dau", "workloads.*.payload", "traffic.peak_factor",
        "conventions.calendar", "conventions.calendar.year", "conventions.units")
        .doesNotContain("users", "workloads", "scenarios", "budgets", "$schema");
  }
}
