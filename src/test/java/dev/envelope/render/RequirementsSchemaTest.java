package dev.envelope.render;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.envelope.CliRun;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.model.Document;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.RequirementsReader.Need;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema: the committed copy is the generated one, it is a valid draft 2020-12 schema,
 * every example meets it, and it accepts and refuses the same values as the reader (checked with
 * an independent validator, as an editor would check them).
 */
class RequirementsSchemaTest {
  static final Path COMMITTED = Path.of("docs/schema/requirements-v1.schema.json");
  static final boolean UPDATE = Boolean.getBoolean("schema.update");
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Schema schema;

  @BeforeAll
  static void loadSchema() {
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JsonRenderer.render(RequirementsSchema.tree()));
  }

  @Test
  void theCommittedSchemaIsTheGeneratedOne() throws IOException {
    String generated = JsonRenderer.render(RequirementsSchema.tree());
    if (UPDATE) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, generated, UTF_8);
    }
    assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED, UTF_8) : "")
        .as(COMMITTED + " is not what `envelope schema` prints; regenerate it with\n"
            + "  mvn -B test -Dtest=RequirementsSchemaTest -Dschema.update=true\n"
            + "and review the change with git diff")
        .isEqualTo(generated);
  }

  @Test
  void envelopeSchemaPrintsTheSchema() {
    CliRun run = CliRun.run("schema");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(JsonRenderer.render(RequirementsSchema.tree()));
  }

  @Test
  void theSchemaIsAValidDraft202012Schema() throws IOException {
    Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of(RequirementsSchema.DIALECT));
    JsonNode ours = JSON.readTree(JsonRenderer.render(RequirementsSchema.tree()));
    assertThat(meta.validate(ours)).isEmpty();
    assertThat(ours.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(yaml).hasSizeGreaterThanOrEqualTo(6);
      return yaml.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleMeetsTheSchema(Path example) throws IOException {
    JsonNode tree = YAML.readTree(Files.readString(example, UTF_8));
    assertThat(schema.validate(tree)).as(example.toString()).isEmpty();
  }

  @Test
  void theStarterFileMeetsTheSchema() throws IOException {
    JsonNode tree = YAML.readTree(StarterFile.render());
    assertThat(tree.get("workloads")).isNotNull();
    assertThat(schema.validate(tree)).isEmpty();
  }

  /**
   * Files that the reader and the schema must both accept or both refuse. Written in JSON so that
   * both see exactly the same values; {@code '} stands for {@code "}. The schema checks the form of
   * a string, not its range: "150%" is a percentage to the schema even where the reader allows at
   * most 100%, so such values are not listed here.
   */
  static Stream<Arguments> files() {
    return Stream.of(
        // counts
        root("users.dau 150M", "", true).dau("'150M'"),
        root("users.dau 1.5B", "", true).dau("'1.5B'"),
        root("users.dau 1e9", "", true).dau("'1e9'"),
        root("users.dau as a JSON number", "", true).dau("150000000"),
        root("users.dau with grouping commas", "", true).dau("'86,400'"),
        root("users.dau with underscores and spaces", "", true).dau("' 1_000 K '"),
        root("users.dau with an unknown scale", "", false).dau("'150X'"),
        root("users.dau negative", "", false).dau("'-5'"),
        root("users.dau negative number", "", false).dau("-5"),
        root("users.dau NaN", "", false).dau("'NaN'"),
        root("users.dau a word", "", false).dau("'ten'"),
        // Unicode spaces between a number and its unit: ECMA-262's \\s, which the schema spells out
        root("users.dau with a no-break space", "", true).dau("'150\u00A0M'"),
        root("users.dau with an ideographic space", "", true).dau("'150\u3000M'"),
        workload("payload with a figure space", "'writes': '1/s', 'payload': '1\u2007KB'", true),
        workload("writes with narrow no-break spaces", "'writes': '1\u202F/\u202Fs'", true),
        workload("latency with a thin space", "'writes': '1/s', 'latency': '20\u2009ms'", true),
        workload("payload with a tab", "'writes': '1/s', 'payload': '1\\tKB'", true),
        workload("payload with a zero-width space (not a space)", "'writes': '1/s', 'payload': '1\u200BKB'", false),
        root("target with a no-break space", "'availability': {'target': '99.95\u00A0%'}", true),
        root("retention with a no-break space", "'storage': {'retention': '5\u00A0y'}", true),
        root("a range with no-break spaces", "", true).dau("'8M\u00A0to\u00A012M'"),
        // sizes
        workload("payload 204B", "'writes': '1/s', 'payload': '204B'", true),
        workload("payload 2 TiB", "'writes': '1/s', 'payload': '2 TiB'", true),
        workload("payload plain bytes", "'writes': '1/s', 'payload': 1271", true),
        workload("payload 1K", "'writes': '1/s', 'payload': '1K'", true),
        workload("payload 10 bytes", "'writes': '1/s', 'payload': '10 bytes'", true),
        workload("payload 1Gb (no bit units)", "'writes': '1/s', 'payload': '1Gb'", true),
        workload("payload 1ZB", "'writes': '1/s', 'payload': '1ZB'", false),
        workload("payload 1Ki", "'writes': '1/s', 'payload': '1Ki'", false),
        workload("payload negative", "'writes': '1/s', 'payload': '-1KB'", false),
        workload("payload unit alone", "'writes': '1/s', 'payload': 'KB'", false),
        // rates
        workload("writes 500M/day", "'writes': '500M/day'", true),
        workload("writes 1 / hour", "'writes': '1 / hour'", true),
        workload("writes 2/Weeks", "'writes': '2/Weeks'", true),
        workload("writes 3/yr", "'writes': '3/yr'", true),
        workload("writes without a unit", "'writes': '500'", false),
        workload("writes as a number", "'writes': 500", false),
        workload("writes per quarter", "'writes': '5/q'", false),
        workload("writes per fortnight", "'writes': '5/fortnight'", false),
        workload("writes negative", "'writes': '-1/s'", false),
        workload("writes_per_user 2/day", "'writes_per_user': '2/day'", true),
        workload("writes_per_user bare", "'writes_per_user': '2'", true),
        workload("writes_per_user as a number", "'writes_per_user': 0.2", true),
        workload("writes_per_user per quarter", "'writes_per_user': '2/quarter'", false),
        // requests per second
        root("server_qps 5K", "'capacity': {'server_qps': '5K'}", true),
        root("server_qps 300K/min", "'capacity': {'server_qps': '300K/min'}", true),
        root("server_qps as a number", "'capacity': {'server_qps': 5000}", true),
        root("server_qps zero", "'capacity': {'server_qps': 0}", false),
        root("server_qps per quarter", "'capacity': {'server_qps': '5K/q'}", false),
        // durations
        root("retention 5y", "'storage': {'retention': '5y'}", true),
        root("retention 90 d", "'storage': {'retention': '90 d'}", true),
        root("retention 2 weeks", "'storage': {'retention': '2 weeks'}", true),
        root("retention P5Y", "'storage': {'retention': 'P5Y'}", true),
        root("retention p1y6m", "'storage': {'retention': 'p1y6m'}", true),
        root("retention PT36H", "'storage': {'retention': 'PT36H'}", true),
        root("retention every ISO part", "'storage': {'retention': 'P1Y2M3W4DT5H6M7S'}", true),
        root("retention P0.5D", "'storage': {'retention': 'P0.5D'}", true),
        root("retention 1y 6mo", "'storage': {'retention': '1y 6mo'}", true),
        root("retention 43m 12s", "'storage': {'retention': '43m 12s'}", true),
        root("retention without a unit", "'storage': {'retention': '5'}", false),
        root("retention as a number", "'storage': {'retention': 5}", false),
        root("retention P alone", "'storage': {'retention': 'P'}", false),
        root("retention PT alone", "'storage': {'retention': 'PT'}", false),
        root("retention trailing T", "'storage': {'retention': 'P1YT'}", false),
        root("retention in quarters", "'storage': {'retention': '2q'}", false),
        root("retention in eons", "'storage': {'retention': '5 eons'}", false),
        // percentages
        root("hot_fraction 20%", "'cache': {'hot_fraction': '20%'}", true),
        root("hot_fraction 12.5 %", "'cache': {'hot_fraction': '12.5 %'}", true),
        root("hot_fraction fraction", "'cache': {'hot_fraction': 0.2}", true),
        root("hot_fraction bare 50", "'cache': {'hot_fraction': 50}", false),
        root("hot_fraction negative", "'cache': {'hot_fraction': '-5%'}", false),
        root("overhead 150%", "'storage': {'overhead': '150%'}", true),
        root("utilization zero", "'capacity': {'utilization': 0}", false),
        root("utilization 1", "'capacity': {'utilization': 1}", true),
        // targets
        root("target 99.95%", "'availability': {'target': '99.95%'}", true),
        root("target fraction", "'availability': {'target': 0.9995}", true),
        root("target 3.5 nines", "'availability': {'target': '3.5 nines'}", true),
        root("target Four Nines", "'availability': {'target': 'Four Nines'}", true),
        root("target 3 nine", "'availability': {'target': '3 nine'}", true),
        root("target 3.7 nines", "'availability': {'target': '3.7 nines'}", false),
        root("target 3.5nines", "'availability': {'target': '3.5nines'}", false),
        root("target ten nines", "'availability': {'target': 'ten nines'}", false),
        root("target 1", "'availability': {'target': 1}", false),
        root("target bare 99.95", "'availability': {'target': 99.95}", false),
        // ratios
        workload("ratio 10:1", "'writes': '1/s', 'read_write_ratio': '10:1'", true),
        workload("ratio 2.5 : 1", "'writes': '1/s', 'read_write_ratio': '2.5 : 1'", true),
        workload("ratio number", "'writes': '1/s', 'read_write_ratio': 10", true),
        workload("ratio 10/1", "'writes': '1/s', 'read_write_ratio': '10/1'", false),
        workload("ratio zero", "'writes': '1/s', 'read_write_ratio': 0", false),
        // numbers
        root("peak_factor 2.5", "'traffic': {'peak_factor': '2.5'}", true),
        root("peak_factor below 1", "'traffic': {'peak_factor': 0.5}", true),
        root("peak_factor 2x", "'traffic': {'peak_factor': '2x'}", false),
        root("peak_factor with a scale", "'traffic': {'peak_factor': '2.5M'}", false),
        root("peak_factor zero", "'traffic': {'peak_factor': 0}", false),
        root("replication 1", "'storage': {'replication': 1}", true),
        root("replication below one copy", "'storage': {'replication': 0.5}", false),
        // calendars, units, text
        root("calendar Gregorian", "'conventions': {'calendar': 'Gregorian'}", true),
        root("calendar custom", "'conventions': {'calendar': {'year': 362.2425, 'month': 30}}", true),
        root("calendar lunar", "'conventions': {'calendar': 'lunar'}", false),
        root("calendar without year", "'conventions': {'calendar': {'month': 30}}", false),
        root("calendar with weeks", "'conventions': {'calendar': {'year': 365, 'week': 7}}", false),
        root("seconds_per_month 2.5M", "'conventions': {'seconds_per_month': '2.5M'}", true),
        root("seconds_per_day zero", "'conventions': {'seconds_per_day': 0}", false),
        root("units IEC", "'conventions': {'units': 'IEC'}", true),
        root("units binary", "'conventions': {'units': 'binary'}", false),
        root("name a number", "'name': 2024", true),
        root("name a mapping", "'name': {'a': 1}", false),
        root("$schema", "'$schema': 'requirements-v1.schema.json'", true),
        // keys and the rules between them
        root("unknown top-level key", "'paylod': '1KB'", false),
        workload("unknown workload key", "'writes': '1/s', 'paylod': '1KB'", false),
        root("unknown section key", "'storage': {'retension': '5y'}", false),
        root("empty section", "'cache': null", true),
        workload("no rate", "'payload': '1KB'", false),
        workload("reads only", "'reads': '5/s'", true),
        workload("writes and writes_per_user", "'writes': '1/s', 'writes_per_user': '2/day'", false),
        workload("reads and reads_per_user", "'writes': '1/s', 'reads': '1/s', 'reads_per_user': '2/day'", false),
        workload("ratio without writes", "'reads': '5/s', 'read_write_ratio': '10:1'", false),
        arguments("users without a count", json("{'users': {}, 'workloads': {'w': {'writes': '1/s'}}}"), false),
        arguments("users mau without daily_active",
            json("{'users': {'mau': '2M'}, 'workloads': {'w': {'writes': '1/s'}}}"), false),
        arguments("users mau with daily_active",
            json("{'users': {'mau': '2M', 'daily_active': '50%'}, 'workloads': {'w': {'writes_per_user': 2}}}"), true),
        arguments("workloads null", json("{'workloads': null}"), false),
        arguments("a workload that is not a mapping", json("{'workloads': {'w': '1/s'}}"), false),
        // availability components and window
        root("components", "'availability': {'target': '99.9%', 'components': [{'name': 'db', 'availability':"
            + " '99.9%', 'replicas': 3, 'required': 2}, {'name': 'app', 'mtbf': '720h', 'mttr': '1h 30m'}]}", true),
        root("components without a target", "'availability': {'components': [{'name': 'db', 'availability': 0.999}]}",
            false),
        root("components that are not a list", "'availability': {'target': '99.9%', 'components': {'name': 'db'}}",
            false),
        root("a component without a name", "'availability': {'target': '99.9%', 'components': [{'availability':"
            + " 0.999}]}", false),
        root("a component without availability", "'availability': {'target': '99.9%', 'components': [{'name':"
            + " 'db'}]}", false),
        root("a component with availability and mtbf", "'availability': {'target': '99.9%', 'components': [{'name':"
            + " 'db', 'availability': 0.999, 'mtbf': '720h', 'mttr': '30m'}]}", false),
        root("a component with mtbf alone", "'availability': {'target': '99.9%', 'components': [{'name': 'db',"
            + " 'mtbf': '720h'}]}", false),
        root("a component with no replicas", "'availability': {'target': '99.9%', 'components': [{'name': 'db',"
            + " 'availability': 0.999, 'replicas': 0}]}", false),
        root("a component with an unknown key", "'availability': {'target': '99.9%', 'components': [{'name': 'db',"
            + " 'availability': 0.999, 'replica': 2}]}", false),
        root("window 30d", "'availability': {'target': '99.9%', 'window': '30d'}", true),
        root("window without a target", "'availability': {'window': '30d'}", false),
        root("window as a number", "'availability': {'target': '99.9%', 'window': 30}", false),
        // peak models
        root("peak diurnal", "'traffic': {'peak': {'model': 'diurnal', 'peak_hour_share': '10%'}}", true),
        root("peak Poisson", "'traffic': {'peak': {'model': 'Poisson', 'percentile': 'p99.9'}}", true),
        root("peak poisson as a number", "'traffic': {'peak': {'model': 'poisson', 'percentile': 99.9}}", true),
        root("peak empty", "'traffic': {'peak': null}", true),
        root("peak diurnal without its share", "'traffic': {'peak': {'model': 'diurnal'}}", false),
        root("peak poisson with a share", "'traffic': {'peak': {'model': 'poisson', 'peak_hour_share': '10%'}}",
            false),
        root("peak without a model", "'traffic': {'peak': {'peak_hour_share': '10%'}}", false),
        root("peak model unknown", "'traffic': {'peak': {'model': 'weekly', 'peak_hour_share': '10%'}}", false),
        root("peak and peak_factor", "'traffic': {'peak_factor': 2, 'peak': {'model': 'diurnal', 'peak_hour_share':"
            + " '10%'}}", false),
        root("peak percentile a bare fraction", "'traffic': {'peak': {'model': 'poisson', 'percentile': 0.999}}", false),
        root("peak percentile 100", "'traffic': {'peak': {'model': 'poisson', 'percentile': 100}}", false),
        // latency, fan-out, streams
        workload("latency 20ms", "'writes': '1/s', 'latency': '20ms'", true),
        workload("latency 30m", "'writes': '1/s', 'latency': '30m'", true),
        workload("latency without a unit", "'writes': '1/s', 'latency': '20'", false),
        workload("latency as a number", "'writes': '1/s', 'latency': 20", false),
        workload("latency in years", "'writes': '1/s', 'latency': '1y'", false),
        workload("fan-out with p50 and p99", "'reads': '1/s', 'fanout': 100, 'call_latency': {'p50': '5ms', 'p99':"
            + " '50ms'}, 'hedge_after': 'p95'", true),
        workload("fan-out with a slow share", "'reads': '1/s', 'fanout': '2K', 'call_latency': {'slow_fraction':"
            + " '0.01%', 'over': '1s'}", true),
        workload("fan-out without call latency", "'reads': '1/s', 'fanout': 100", false),
        workload("call latency without fan-out", "'reads': '1/s', 'call_latency': {'p50': '5ms', 'p99': '50ms'}",
            false),
        workload("call latency of both forms", "'reads': '1/s', 'fanout': 100, 'call_latency': {'p50': '5ms',"
            + " 'p99': '50ms', 'over': '1s'}", false),
        workload("call latency p50 alone", "'reads': '1/s', 'fanout': 100, 'call_latency': {'p50': '5ms'}", false),
        workload("fan-out of zero", "'reads': '1/s', 'fanout': 0, 'call_latency': {'p50': '5ms', 'p99': '50ms'}",
            false),
        workload("hedge without call latency", "'reads': '1/s', 'hedge_after': 'p95'", false),
        workload("hedge_after not a percentile", "'reads': '1/s', 'fanout': 100, 'call_latency': {'p50': '5ms',"
            + " 'p99': '50ms'}, 'hedge_after': 'soon'", false),
        workload("stream", "'writes': '20K/s', 'payload': '1KB', 'stream': {'partition_produce': '5MB/s',"
            + " 'partition_consume': '3MB/s'}", true),
        workload("stream without payload", "'writes': '20K/s', 'stream': {'partition_produce': '5MB/s'}", false),
        workload("stream without writes", "'reads': '20K/s', 'payload': '1KB', 'stream': {'partition_produce':"
            + " '5MB/s'}", false),
        workload("stream without limits", "'writes': '20K/s', 'payload': '1KB', 'stream': {}", false),
        workload("stream limit without time unit", "'writes': '20K/s', 'payload': '1KB', 'stream':"
            + " {'partition_produce': '5MB'}", false),
        root("max_wait_p99 10ms", "'capacity': {'max_wait_p99': '10ms'}", true),
        root("max_wait_p99 a word", "'capacity': {'max_wait_p99': 'short'}", false),
        // connections, fan-out on write, CDN, the cache flag, records, the working set
        workload("connections", "'connections': {'online_share': '10%', 'per_user': 1.5, 'per_server': '50K',"
            + " 'memory_per_connection': '10KB', 'heartbeat': '30s'}", true),
        workload("connections alone, as a count", "'connections': {'concurrent': '1M'}", true),
        workload("connections with both forms", "'connections': {'online_share': '10%', 'concurrent': '1M'}", false),
        workload("connections without online users", "'connections': {'per_server': '50K'}", false),
        workload("connections heartbeat without a unit", "'connections': {'concurrent': '1M', 'heartbeat': 5}",
            false),
        workload("a workload without a rate or connections", "'payload': '1KB'", false),
        workload("fan-out on write", "'writes': '1/s', 'fanout_on_write': {'followers': '75', 'entry_size': '16B'}",
            true),
        workload("fan-out on write as a range", "'writes': '1/s', 'fanout_on_write': {'followers': '20 to 2K'}", true),
        workload("fan-out on write without followers", "'writes': '1/s', 'fanout_on_write': {'entry_size': '16B'}",
            false),
        workload("fan-out on write without writes", "'reads': '1/s', 'fanout_on_write': {'followers': 75}", false),
        workload("cdn", "'reads': '1/s', 'read_size': '1MB', 'cdn': {'hit_ratio': '90%'}", true),
        workload("cdn without reads", "'writes': '1/s', 'cdn': {'hit_ratio': '90%'}", false),
        workload("cdn without a hit ratio", "'reads': '1/s', 'cdn': {}", false),
        workload("cache false", "'reads': '1/s', 'cache': false", true),
        workload("cache 'false' as text", "'reads': '1/s', 'cache': 'False'", true),
        workload("cache maybe", "'reads': '1/s', 'cache': 'maybe'", false),
        workload("a record payload", "'writes': '1/s', 'payload': {'fields': {'id': '8B', 'text': '100B to 280B'},"
            + " 'row_overhead': '23B'}", true),
        workload("a record without fields", "'writes': '1/s', 'payload': {'row_overhead': '23B'}", false),
        workload("a record field that is not a size", "'writes': '1/s', 'payload': {'fields': {'id': 'lots'}}",
            false),
        workload("a record field with a space in its name", "'writes': '1/s', 'payload': {'fields': {'user id': '8B'}}",
            false),
        root("a working set", "'cache': {'hot_objects': '10M', 'object_size': '2KB'}", true),
        root("a working set without its size", "'cache': {'hot_objects': '10M'}", false),
        // scenarios and budgets
        root("a scenario", "'scenarios': {'peak': {'users.dau': '2M', 'workloads.w.payload': '2KB'}}", true),
        root("a scenario named base", "'scenarios': {'base': {'users.dau': '2M'}}", false),
        root("a scenario with an unknown path", "'scenarios': {'peak': {'users.dua': '2M'}}", false),
        root("a scenario value that is a mapping", "'scenarios': {'peak': {'users.dau': {'x': 1}}}", false),
        root("a scenario that is not a mapping", "'scenarios': {'peak': 'x'}", false),
        root("a budget", "'budgets': {'capacity.servers': '<= 40', 'storage.bytes_replicated': '< 2PB'}", true),
        root("a budget without a comparison", "'budgets': {'capacity.servers': '40'}", false),
        root("a budget as a number", "'budgets': {'capacity.servers': 40}", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void theSchemaAndTheReaderAgree(String label, String json, boolean valid) throws IOException {
    List<Error> errors = schema.validate(JSON.readTree(json));
    List<Diagnostic> problems = readerProblems(json);
    assertThat(errors.isEmpty()).as("schema accepts %s: %s%n%s", label, json, errors).isEqualTo(valid);
    assertThat(problems.isEmpty()).as("reader accepts %s: %s%n%s", label, json, problems).isEqualTo(valid);
  }

  /** What the reader reports for {@code json}, bound with every scenario. */
  static List<Diagnostic> readerProblems(String json) {
    try {
      Document.parse("test.json", json.getBytes(UTF_8)).bindAll(Need.ESTIMATE, List.of());
      return List.of();
    } catch (EnvelopeException e) {
      assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(EnvelopeException.INVALID_INPUT);
      return e.diagnostics();
    }
  }

  static String json(String quoted) {
    return quoted.replace('\'', '"');
  }

  /** A file with one workload {@code w} holding {@code fields}, and users. */
  static Arguments workload(String label, String fields, boolean valid) {
    return arguments(label, json("{'users': {'dau': '1M'}, 'workloads': {'w': {" + fields + "}}}"), valid);
  }

  /** A valid file with {@code extra} top-level keys; {@link Root#dau} sets users.dau instead. */
  static Root root(String label, String extra, boolean valid) {
    return new Root(label, extra, valid);
  }

  record Root(String label, String extra, boolean valid) implements Arguments {
    @Override
    public Object[] get() {
      return arguments(label, json("{'users': {'dau': '1M'}, 'workloads': {'w': {'writes': '1/s'}}"
          + (extra.isEmpty() ? "" : ", " + extra) + "}"), valid).get();
    }

    Arguments dau(String value) {
      return arguments(label, json("{'users': {'dau': " + value + "}, 'workloads': {'w': {'writes_per_user': 2}}}"),
          valid);
    }
  }
}
