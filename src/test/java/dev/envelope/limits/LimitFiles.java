package dev.envelope.limits;

import dev.envelope.model.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Requirements files at the input limits, of two kinds. Files of {@link Limits#MAX_FILE_BYTES}
 * filled with workloads, ranged workloads, model inputs, components, scenarios, budgets or
 * mistakes hold far more than the count caps allow, and must be refused at once (exit 3, at the
 * first item past the cap). Files at the caps ({@code cap-...}: 1,000 workloads, components,
 * scenarios or budgets, 1,000 workloads and 1,000 scenarios together, 200 inputs and figures of the file's own, 1,000 mistakes of each kind) must
 * be read and estimated by every command within the work budget, or refused by it at once. The
 * resource suite ({@link ResourceSuite}) runs every command on each; the files are generated, not
 * checked in, so that they follow the limits.
 */
public final class LimitFiles {
  private LimitFiles() {}

  /** Each file's name and its text, in a fixed order. */
  public static Map<String, String> all() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("workloads.yaml", fill(
        "name: many workloads\nusers: {dau: 100M}\nstorage: {retention: 1y}\n"
            + "capacity: {server_qps: 5000, shard_storage: 2TB, shard_write_qps: 2000, shard_read_qps: 10000}\n"
            + "cache: {node_memory: 64GB}\nworkloads:\n",
        i -> "  w" + i + ": {writes_per_user: 1/day, read_write_ratio: 10:1, payload: 1KB}\n", ""));
    files.put("minimal-workloads.yaml", fill("workloads:\n", i -> "  w" + i + ": {writes: 1/s}\n", ""));
    files.put("ranged-workloads.yaml", fill(
        "name: many ranged workloads\nusers: {dau: 8M to 12M}\nstorage: {retention: 1y}\n"
            + "capacity: {server_qps: 5000, shard_storage: 2TB}\nworkloads:\n",
        i -> "  w" + i + ": {writes_per_user: 1/day to 3/day, read_write_ratio: 10:1, payload: 1KB to 2KB}\n", ""));
    files.put("models.yaml", fill(
        "users: {dau: 10M}\ntraffic: {peak: {model: poisson, percentile: 99.9}}\nstorage: {retention: 7d}\n"
            + "capacity: {max_wait_p99: 10ms}\nworkloads:\n",
        i -> "  w" + i + ": {writes_per_user: 5/day, payload: 1KB, latency: 20ms, fanout: 10,"
            + " call_latency: {p50: 5ms, p99: 50ms}, hedge_after: p95, stream: {partition_produce: 5MB/s}}\n", ""));
    files.put("components.yaml", fill(
        "workloads: {api: {writes: 1K/s}}\navailability:\n  target: 99.9%\n  components:\n",
        i -> "    - {name: c" + i + ", availability: 99.99%, replicas: 3, required: 2}\n", ""));
    files.put("scenarios.yaml", fill(
        "users: {dau: 10M}\nworkloads: {api: {writes_per_user: 2/day, read_write_ratio: 10:1, payload: 1KB}}\n"
            + "capacity: {server_qps: 5000}\nscenarios:\n",
        i -> "  s" + i + ": {users.dau: " + (i % 1000 + 1) + "M}\n", ""));
    // Half the file workloads, half budgets on their figures.
    String budgetWorkloads = fill("workloads:\n", i -> "  w" + i + ": {writes: 1/s}\n", "", Limits.MAX_FILE_BYTES / 2);
    files.put("budgets.yaml", fill(budgetWorkloads + "budgets:\n",
        i -> "  workloads.w" + i + ".writes.peak_per_second: \"<= 2/s\"\n", ""));
    files.put("errors.yaml", fill(
        "workloads: {api: {writes: 1/s}}\navailability:\n  target: 99.9%\n  components:\n",
        i -> "    - 1\n", ""));
    files.put("bad-keys.yaml", fill("workloads:\n", i -> "  w" + i + ": {writes: 1/s, paylod: 1KB}\n", ""));
    files.putAll(atCaps());
    return files;
  }

  /** The files at the count caps, each within the file size limit. */
  static Map<String, String> atCaps() {
    Map<String, String> files = new LinkedHashMap<>();
    int workloads = Limits.MAX_WORKLOADS;
    files.put("cap-workloads.yaml", repeat(
        "name: workloads at the cap\nusers: {dau: 100M}\nstorage: {retention: 1y}\n"
            + "capacity: {server_qps: 5000, shard_storage: 2TB, shard_write_qps: 2000, shard_read_qps: 10000}\n"
            + "cache: {node_memory: 64GB}\nworkloads:\n",
        i -> "  w" + i + ": {writes_per_user: 1/day, read_write_ratio: 10:1, payload: 1KB}\n", workloads, ""));
    // Every key that takes a range, ranged: the file's sections and each workload's.
    files.put("cap-ranged.yaml", everyRange(workloads));
    files.put("cap-models.yaml", repeat(
        "users: {dau: 10M}\ntraffic: {peak: {model: poisson, percentile: 99.9}}\nstorage: {retention: 7d}\n"
            + "capacity: {max_wait_p99: 10ms}\nworkloads:\n",
        i -> "  w" + i + ": {writes_per_user: 5/day, payload: 1KB, latency: 20ms, fanout: 10,"
            + " call_latency: {p50: 5ms, p99: 50ms}, hedge_after: p95, stream: {partition_produce: 5MB/s}}\n",
        workloads, ""));
    files.put("cap-components.yaml", repeat(
        "workloads: {api: {writes: 1K/s}}\navailability:\n  target: 99.9%\n  components:\n",
        i -> "    - {name: c" + i + ", availability: 99.99%, replicas: 3, required: 2}\n", Limits.MAX_COMPONENTS, ""));
    files.put("cap-scenarios.yaml", repeat(
        "users: {dau: 10M}\nstorage: {retention: 1y}\ncapacity: {server_qps: 5000, shard_storage: 2TB}\n"
            + "workloads:\n" + repeat("", i -> "  w" + i + ": {writes_per_user: 2/day, read_write_ratio: 10:1,"
            + " payload: 1KB, latency: 20ms}\n", 5, "") + "scenarios:\n",
        i -> "  s" + i + ": {users.dau: " + i + "M, workloads.w" + (i % 5 + 1) + ".payload: " + i + "KB}\n",
        Limits.MAX_SCENARIOS, ""));
    // Both caps at once: each scenario is the whole file read again.
    files.put("cap-workloads-scenarios.yaml", repeat(
        "users: {dau: 100M}\nstorage: {retention: 1y}\ncapacity: {server_qps: 5000}\nworkloads:\n"
            + repeat("", i -> "  w" + i + ": {writes_per_user: 1/day, read_write_ratio: 10:1, payload: 1KB}\n",
                workloads, "")
            + "scenarios:\n",
        i -> "  s" + i + ": {users.dau: " + i + "M}\n", Limits.MAX_SCENARIOS, ""));
    // A range, so that the budgets at a percentile (every other one) draw a Monte Carlo.
    files.put("cap-budgets.yaml", repeat(
        "users: {dau: 8M to 12M}\nworkloads:\n"
            + repeat("", i -> "  w" + i + ": {writes_per_user: 1/day, payload: 1KB}\n", Limits.MAX_BUDGETS, "")
            + "budgets:\n",
        i -> "  workloads.w" + i + ".writes.peak_per_second: \"" + (i % 2 == 0 ? "p95 " : "") + "<= 2/s\"\n",
        Limits.MAX_BUDGETS, ""));
    // Each figure uses the one before it and an input of its own, all of them ranged.
    files.put("cap-figures.yaml", repeat(
        "users: {dau: 10M}\nworkloads: {api: {writes_per_user: 2/day, payload: 1KB}}\ninputs:\n"
            + repeat("", i -> "  i" + i + ": 1% to 2%\n", Limits.MAX_USER_INPUTS, "") + "figures:\n"
            + "  f0: {formula: users.dau, unit: count}\n",
        i -> "  f" + i + ": {formula: \"figures.f" + (i - 1) + " * (1 - inputs.i" + i + ") + users.dau * inputs.i" + i
            + "\", unit: count}\n",
        Limits.MAX_USER_FIGURES - 1, ""));
    // A mistake of each kind, as many as a section may hold: a bad value and an unknown key in
    // each workload, a component that is not a mapping, a scenario of an unknown path, a budget on
    // a figure that does not exist, an input that is not a number and a formula that does not parse.
    files.put("cap-errors.yaml", repeat(
        repeat(repeat("workloads:\n", i -> "  w" + i + ": {writes: lots, paylod: 1KB}\n", workloads, "")
            + "availability:\n  target: 99.9%\n  components:\n", i -> "    - " + i + "\n", Limits.MAX_COMPONENTS, "")
            + repeat("scenarios:\n", i -> "  s" + i + ": {users.dua: " + i + "M}\n", Limits.MAX_SCENARIOS, "")
            + repeat("budgets:\n", i -> "  workloads.w" + i + ".nothing: \"<= 1\"\n", Limits.MAX_BUDGETS, "")
            + repeat("inputs:\n", i -> "  i" + i + ": many\n", Limits.MAX_USER_INPUTS, "")
            + "figures:\n",
        i -> "  f" + i + ": {formula: \"inputs.i" + i + " * (\"}\n", Limits.MAX_USER_FIGURES, ""));
    files.values().forEach(text -> {
      if (text.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_FILE_BYTES) {
        throw new IllegalStateException("a file at the caps is larger than a file may be");
      }
    });
    return files;
  }

  /** {@code head}, then {@code item(1)} to {@code item(n)}, then {@code tail}. */
  /** A file with every key that takes a range ranged, the file's sections and {@code workloads} workloads'. */
  public static String everyRange(int workloads) {
    return repeat(
        "name: ranged workloads at the cap\nusers: {dau: 8M to 12M}\ntraffic: {peak_factor: 1.5 to 3}\n"
            + "storage: {retention: 6mo to 2y, replication: 2 to 4, overhead: 5% to 15%}\n"
            + "cache: {hot_fraction: 10% to 30%, node_memory: 32GB to 64GB}\n"
            + "capacity: {server_qps: 3000 to 6000, shard_storage: 1TB to 4TB, shard_write_qps: 1000 to 3000,"
            + " shard_read_qps: 5000 to 15000, utilization: 60% to 80%, max_wait_p99: 5ms to 20ms}\n"
            + "availability:\n  target: 99.9%\n  components:\n"
            + "    - {name: lb, availability: 99.9% to 99.99%, replicas: 2 to 3}\n"
            + "    - {name: app, mtbf: 500h to 1000h, mttr: 10m to 1h, replicas: 3 to 5, required: 1 to 2}\n"
            + "workloads:\n",
        i -> "  w" + i + ": {writes_per_user: 1/day to 3/day, read_write_ratio: 5:1 to 20:1, payload: 1KB to 2KB,"
            + " read_size: 500B to 2KB, peak_factor: 1.5 to 3, latency: 10ms to 30ms, fanout: 5 to 20,"
            + " call_latency: {p50: 3ms to 6ms, p99: 40ms to 80ms}, hedge_after: p90 to p99,"
            + " stream: {partition_produce: 3MB/s to 6MB/s, partition_consume: 2MB/s to 4MB/s}}\n",
        workloads, "");
  }

  static String repeat(String head, IntFunction<String> item, int n, String tail) {
    StringBuilder sb = new StringBuilder(head);
    for (int i = 1; i <= n; i++) {
      sb.append(item.apply(i));
    }
    return sb.append(tail).toString();
  }

  /** {@code head}, then {@code item(1)}, {@code item(2)}... while the file stays within the limit. */
  static String fill(String head, IntFunction<String> item, String tail) {
    return fill(head, item, tail, Limits.MAX_FILE_BYTES);
  }

  /** Like {@link #fill(String, IntFunction, String)}, within {@code limit} bytes. */
  static String fill(String head, IntFunction<String> item, String tail, int limit) {
    StringBuilder sb = new StringBuilder(head);
    int budget = limit - tail.length();
    for (int i = 1; ; i++) {
      String next = item.apply(i);
      if (sb.length() + next.length() > budget) {
        break;
      }
      sb.append(next);
    }
    return sb.append(tail).toString();
  }

  /** Writes every file into {@code dir}. */
  public static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : all().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/limits");
    write(dir);
    all().forEach((name, text) -> System.out.println(String.format(Locale.ROOT, "%-24s %,9d bytes", name,
        text.getBytes(StandardCharsets.UTF_8).length)));
  }
}
