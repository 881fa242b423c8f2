package dev.envelope.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A whole command line in-process: a command, options chosen from those it knows with fuzzed or
 * typical values, and a fuzzed file (or an example file with one value replaced). What must hold:
 * no internal error; every failure is a message on stderr, each line of bounded length, with exit code 2, 3 or 4 (1 only for
 * check's failed budget and diff --fail-over); the JSON of an estimate has only finite,
 * non-negative numbers. Regression inputs: {@code src/test/resources/dev/envelope/fuzz/CliFuzzTestInputs/}.
 */
class CliFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR;
  private static final List<String> EXAMPLES;

  static {
    try {
      DIR = Files.createTempDirectory("envelope-fuzz");
      DIR.toFile().deleteOnExit();
      List<String> examples = new ArrayList<>();
      try (Stream<Path> files = Files.list(Path.of("examples"))) {
        for (Path p : files.sorted().toList()) {
          examples.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
      examples.add("""
          users: {dau: 8M to 12M}
          workloads:
            post: {writes_per_user: 1 to 3 /day, payload: 1KB, read_write_ratio: 10:1}
          capacity: {server_qps: 1000, shard_storage: 1TB}
          availability: {target: 99.9%}
          scenarios:
            big: {users.dau: 50M}
          budgets:
            capacity.servers: "<= 40"
            p95 storage.total.bytes_retained: "< 2PB"
          """);
      examples.add("{\"users\": {\"dau\": \"1M\"}, \"workloads\": {\"w\": {\"writes\": \"100/s\", \"payload\": \"2KB\"}}}");
      EXAMPLES = List.copyOf(examples);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String[] ESTIMATING = {"estimate", "qps", "storage", "bandwidth", "shards"};
  private static final String[] COMMANDS = {"estimate", "qps", "storage", "bandwidth", "shards", "explain", "sla",
      "check", "sweep", "sensitivity", "diff", "reference", "keyspace", "validate", "schema", "init", "help"};
  private static final String[] FORMATS = {"table", "json", "yaml", "markdown", "csv", "JSON", "xml"};
  private static final String[] INPUTS = {"users.dau", "users.mau", "users.daily_active", "traffic.peak_factor",
      "workloads.tweet.writes_per_user", "workloads.tweet.payload", "workloads.tweet.read_write_ratio",
      "workloads.tweet.reads_per_user", "workloads.tweet.read_size", "workloads.tweet.writes",
      "workloads.tweet.reads", "workloads.new.writes", "storage.retention", "storage.replication",
      "storage.overhead", "cache.hot_fraction", "cache.node_memory", "capacity.server_qps",
      "capacity.shard_storage", "capacity.shard_write_qps", "capacity.shard_read_qps", "capacity.utilization",
      "availability.target", "conventions.units", "conventions.calendar", "conventions.seconds_per_day",
      "name", "scenarios", "users", "users.dau.low", "workloads.search.latency", "workloads.search.fanout",
      "workloads.search.call_latency.p99", "workloads.search.hedge_after", "workloads.click.stream.partition_produce",
      "traffic.peak.model", "traffic.peak.peak_hour_share", "capacity.max_wait_p99", "availability.window",
      "availability.components"};
  private static final String[] FIGURES = {"traffic.total.peak_per_second", "capacity.servers",
      "storage.total.bytes_retained", "bandwidth.total.ingress.peak_bytes_per_second", "cache.memory_bytes",
      "capacity.shards", "availability", "users.dau", "workloads.tweet.writes.per_day", "nope", ""};
  private static final String[] VALUES = {"300M", "8M to 12M", "0", "-1", "1e308", "1e-308", "2/day", "1KB",
      "99.99%", "5y", "10:1", "3", "0.5", "150%", "iec", "gregorian", "NaN", "Infinity", "1 to 0",
      "lognormal(1M, 2)", "{low: 1, high: 2}", "1,000", "1_000_000", "P1Y", "0/s", "1e20/s", "1EB", "~",
      "30ms", "1e9", "p95", "p100", "{p50: 5ms, p99: 50ms}", "diurnal", "5MB/s", "28d", "0ms", "1e300ms",
      // Exponents at the edge of BigDecimal and of a double, values that round to 0 or 1, Unicode spaces.
      "1e-2147483647%", "1e2147483647", "1e-2147483648", "1e+2147483648", "9e999999999%", "1e-999999999",
      "0e-2147483647%", "1e-400", "99.99999999999999999999%", "p99.99999999999999999", "1\u00A0KB",
      "20\u202Fms", "8M\u3000to\u00A012M", "{year: 30, month: 31}", "{year: 365, quarter: 10}"};

  @FuzzTest(maxDuration = "30s")
  @DictionaryFile(resourcePath = "/dev/envelope/fuzz/edges.dict")
  void commandLine(FuzzedDataProvider data) throws IOException {
    String command = data.pickValue(COMMANDS);
    Path file = DIR.resolve(data.consumeBoolean() ? "req.yaml" : "req.json");
    String text = fileText(data);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    boolean stdin = data.consumeInt(0, 7) == 0;
    String fileArg = stdin ? "-" : file.toString();

    List<String> args = new ArrayList<>();
    Map<String, String> single = new LinkedHashMap<>();
    args.add(command);
    boolean failOver = false;
    switch (command) {
      case "estimate", "qps", "storage", "bandwidth", "shards", "check" -> {
        args.add(fileArg);
        single.put("--samples", "100");
      }
      case "explain", "validate", "sensitivity" -> args.add(fileArg);
      case "sweep" -> {
        args.add(fileArg);
        args.add("--vary");
        args.add(pick(data, INPUTS) + "=" + pick(data, VALUES) + "," + pick(data, VALUES));
      }
      case "diff" -> {
        args.add(fileArg);
        Path other = DIR.resolve("other.yaml");
        Files.writeString(other, data.pickValue(EXAMPLES), StandardCharsets.UTF_8);
        args.add(other.toString());
      }
      case "sla" -> {
        int n = data.consumeInt(0, 3);
        if (n == 3) {
          args.add(fileArg);
        }
        for (int i = 0; i < n && n < 3; i++) {
          args.add(value(data, new String[] {"99.95%", "3.5 nines", "four nines", "4", "0.9", "100%", "16 nines",
              "1e-2147483647%", "99.99999999999999999999%", "1e-400", "9e999999999%"}));
        }
      }
      case "reference" -> {
        for (int i = data.consumeInt(0, 2); i > 0; i--) {
          args.add(value(data, new String[] {"latency", "powers", "nines", "conversions"}));
        }
      }
      case "init" -> {
        if (data.consumeBoolean()) {
          args.add(DIR.resolve("init/" + data.consumeInt(0, 3) + ".yaml").toString());
        }
      }
      case "help" -> args.add(data.pickValue(COMMANDS));
      default -> { }
    }
    int options = data.consumeInt(0, 6);
    for (int i = 0; i < options; i++) {
      option(data, command, args, single);
      failOver |= single.containsKey("--fail-over");
    }
    single.forEach((name, value) -> {
      args.add(name);
      args.add(value);
    });

    if (Boolean.getBoolean("fuzz.print")) {
      System.err.println("ARGS " + args + "\nFILE<<" + text + ">>");
    }
    CliRun run = CliRun.run(stdin ? text : "", Map.of(), data.consumeBoolean(), args.toArray(String[]::new));
    check(run, command, failOver, single);
  }

  private static void check(CliRun run, String command, boolean failOver, Map<String, String> single) {
    assertThat(run.err()).as(run.toString()).doesNotContain("internal error");
    // Every line of a message is bounded, whatever the arguments and the file: values are quoted
    // by their start and length (see ReaderFuzzTest.MAX_LINE).
    assertThat(run.err().lines()).as(run.toString()).allSatisfy(line -> assertThat(line).hasSizeLessThan(20_000));
    Set<Integer> allowed = command.equals("check") || (command.equals("diff") && failOver)
        ? Set.of(0, 1, 2, 3, 4) : Set.of(0, 2, 3, 4);
    assertThat(allowed).as(run.toString()).contains(run.exitCode());
    if (run.exitCode() == 1) {
      // A failed budget or --fail-over is not an error: the report is on stdout, stderr stays empty.
      assertThat(run.out()).as(run.toString()).isNotBlank();
    } else if (run.exitCode() != 0) {
      assertThat(run.err()).as(run.toString()).isNotBlank();
    }
    boolean estimating = Set.of(ESTIMATING).contains(command);
    boolean helpOrVersion = List.of(run.args()).contains("--help") || List.of(run.args()).contains("--version");
    if (run.exitCode() == 0 && estimating && "json".equalsIgnoreCase(single.get("-o")) && !helpOrVersion
        && !single.containsKey("--get") && !single.containsKey("--histogram")) {
      JsonNode tree;
      try {
        tree = JSON.readTree(run.out());
      } catch (IOException e) {
        throw new AssertionError("output is not JSON\n" + run, e);
      }
      numbers(tree, "", run);
    }
  }

  /** Every number in an estimate's JSON is finite, and none is negative but the margins. */
  private static void numbers(JsonNode node, String path, CliRun run) {
    numbers(node, path, false, run);
  }

  /** {@code signed}: inside the derivation of a margin ({@code --explain}), whose result may be negative. */
  private static void numbers(JsonNode node, String path, boolean signed, CliRun run) {
    if (node.isNumber()) {
      double v = node.doubleValue();
      assertThat(Double.isFinite(v)).as(path + " = " + v + "\n" + run).isTrue();
      if (!signed && !mayBeNegative(path)) {
        assertThat(v).as(path + "\n" + run).isGreaterThanOrEqualTo(0);
      }
      return;
    }
    if (node.isObject()) {
      boolean margin = signed || (node.get("path") != null && node.get("path").isTextual()
          && mayBeNegative(node.get("path").asText()));
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        numbers(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), margin, run);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        numbers(node.get(i), path + "[" + i + "]", signed, run);
      }
    }
  }

  /**
   * docs/json-reference.md: "No number is negative, except margins" (an availability chain that
   * misses its target); warnings quote values as given.
   */
  private static boolean mayBeNegative(String path) {
    return path.startsWith("warnings") || path.substring(path.lastIndexOf('.') + 1).startsWith("margin");
  }

  private static void option(FuzzedDataProvider data, String command, List<String> args, Map<String, String> single) {
    boolean estimating = Set.of(ESTIMATING).contains(command);
    boolean fileCommand = estimating || Set.of("explain", "sla", "check", "sweep", "sensitivity", "diff").contains(command);
    switch (data.consumeInt(0, 22)) {
      case 0 -> single.put("-o", value(data, FORMATS));
      case 1 -> single.put("--get", value(data, FIGURES));
      case 2 -> single.put("--color", value(data, new String[] {"auto", "always", "never"}));
      case 3 -> {
        if (fileCommand) {
          args.add("--set");
          args.add(pick(data, INPUTS) + "=" + value(data, VALUES));
        }
      }
      case 4 -> single.put("--scenario", value(data, new String[] {"big", "base", "holiday"}));
      case 5 -> args.add("--scenarios");
      case 6 -> args.add("--strict");
      case 7 -> args.add(estimating ? "--explain" : "--napkin");
      case 8 -> args.add("--napkin");
      case 9 -> single.put("--histogram", value(data, FIGURES));
      case 10 -> single.put("--percentiles", value(data, new String[] {"5,50,95", "0,100", "50", "95,5", "101", "1,99",
          "0x1p3,50", "1e-300,50"}));
      case 11 -> single.put("--samples", value(data, new String[] {"1", "2", "7", "0", "-1", "1.5", "1e2", "1000001"}));
      case 12 -> single.put("--seed", value(data, new String[] {"0", "-1", "42", "9223372036854775807", "x"}));
      case 13 -> single.put("--fail-over", value(data, new String[] {"10%", "0%", "-5%", "1000%", "0.1",
          "1e-2147483647%"}));
      case 14 -> single.put("--show", pick(data, FIGURES) + "," + pick(data, FIGURES));
      case 15 -> single.put("--figure", value(data, FIGURES));
      case 16 -> single.put("--calendar", value(data, new String[] {"sre", "gregorian", "julian", "mayan"}));
      case 17 -> single.put(data.pickValue(new String[] {"--downtime", "--per"}),
          value(data, new String[] {"4h", "30min", "1d", "0s", "month", "quarter", "year", "10y", "1e-10s",
              "1e-2147483647s"}));
      case 18 -> single.put(data.pickValue(new String[] {"--alphabet", "--characters", "--bits", "--length"}),
          value(data, new String[] {"62", "base62", "base58", "hex", "abc", "aa", "7", "0", "64", "128", "1000",
              "1023"}));
      case 19 -> single.put(data.pickValue(new String[] {"--keys", "--rate"}),
          value(data, new String[] {"365B", "1160/s", "100M/day", "0", "1e30", "-5", "1/year", "1e-300/s"}));
      case 20 -> single.put("--example", value(data, new String[] {"twitter", "chat", "pastebin", "nope"}));
      case 21 -> args.add("--force");
      default -> args.add(data.pickValue(new String[] {"--help", "--version", "--debug", "--bogus", "-"}));
    }
  }

  /** The file: fuzzed text, or an example with the value on one of its lines replaced. */
  private static String fileText(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 2)) {
      case 0 -> data.consumeString(2000);
      case 1 -> {
        String[] lines = data.pickValue(EXAMPLES).split("\n", -1);
        int at = data.consumeInt(0, lines.length - 1);
        int colon = lines[at].indexOf(':');
        String replacement = value(data, VALUES);
        lines[at] = colon < 0 ? replacement : lines[at].substring(0, colon + 1) + " " + replacement;
        yield String.join("\n", lines);
      }
      default -> data.pickValue(EXAMPLES);
    };
  }

  /** A typical value, or now and then a fuzzed one. */
  private static String value(FuzzedDataProvider data, String[] typical) {
    return data.consumeInt(0, 3) == 0 ? data.consumeString(40) : data.pickValue(typical);
  }

  private static String pick(FuzzedDataProvider data, String[] typical) {
    return value(data, typical);
  }
}
