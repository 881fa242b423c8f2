package dev.envelope.properties;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Requirements files drawn at random from a fixed seed: one to four workloads, each with some of
 * the per-user or absolute rates, sizes, and the storage, cache, capacity and availability keys.
 * Values span several orders of magnitude but stay far from overflow.
 */
final class RandomFiles {
  private RandomFiles() {}

  /** A file whose users section is {@code users: {dau: DAU}}, with the rest drawn from {@code r}. */
  static String file(SplittableRandom r, String dau) {
    StringBuilder sb = new StringBuilder();
    sb.append("users: {dau: ").append(dau).append("}\n");
    sb.append("workloads:\n");
    int workloads = 1 + r.nextInt(4);
    for (int i = 0; i < workloads; i++) {
      sb.append("  w").append(i).append(":\n");
      boolean perUser = r.nextInt(4) != 0;
      if (perUser) {
        sb.append("    writes_per_user: ").append(number(r, 0.01, 100)).append("/day\n");
      } else {
        sb.append("    writes: ").append(number(r, 0.1, 1e5)).append("/s\n");
      }
      switch (r.nextInt(3)) {
        case 0 -> sb.append("    read_write_ratio: ").append(number(r, 0.1, 1000)).append(":1\n");
        case 1 -> sb.append(perUser ? "    reads_per_user: " + number(r, 0.1, 1000) + "/day\n"
            : "    reads: " + number(r, 1, 1e6) + "/s\n");
        default -> { }
      }
      sb.append("    payload: ").append(number(r, 10, 1e7)).append("B\n");
      if (r.nextBoolean()) {
        sb.append("    read_size: ").append(number(r, 10, 1e7)).append("B\n");
      }
      if (r.nextInt(3) == 0) {
        sb.append("    peak_factor: ").append(number(r, 1, 10)).append("\n");
      }
    }
    sb.append("traffic: {peak_factor: ").append(number(r, 1, 10)).append("}\n");
    sb.append("storage: {retention: ").append(1 + r.nextInt(10)).append("y, replication: ")
        .append(1 + r.nextInt(5)).append(", overhead: ").append(r.nextInt(100)).append("%}\n");
    sb.append("cache: {hot_fraction: ").append(1 + r.nextInt(99)).append("%, node_memory: ")
        .append(1 + r.nextInt(512)).append("GB}\n");
    sb.append("capacity: {server_qps: ").append(number(r, 100, 1e5)).append(", shard_storage: ")
        .append(1 + r.nextInt(20)).append("TB, shard_write_qps: ").append(number(r, 100, 1e5))
        .append(", shard_read_qps: ").append(number(r, 100, 1e5)).append("}\n");
    sb.append("availability: {target: ").append(target(r)).append("}\n");
    return sb.toString();
  }

  /** A number drawn log-uniformly from [low, high), written with three significant figures. */
  static String number(SplittableRandom r, double low, double high) {
    return String.format(Locale.ROOT, "%.3g", logUniform(r, low, high));
  }

  static double logUniform(SplittableRandom r, double low, double high) {
    return Math.exp(Math.log(low) + r.nextDouble() * (Math.log(high) - Math.log(low)));
  }

  /** An availability target from 90% to 99.9999%, as a percentage with up to four decimals. */
  static String target(SplittableRandom r) {
    double miss = logUniform(r, 1e-6, 0.1);
    return new java.math.BigDecimal(100 * (1 - miss)).setScale(4, java.math.RoundingMode.DOWN).toPlainString() + "%";
  }
}
