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
 * Requirements files at the input limits: as many workloads, ranged workloads, model inputs,
 * components, scenarios, budgets or mistakes as fit in {@link Limits#MAX_FILE_BYTES}. The
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
    return files;
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
