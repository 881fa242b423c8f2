package dev.envelope.estimate;

import java.util.OptionalDouble;

/**
 * Partitions of a log (a Kafka topic, a Kinesis stream) for a byte rate, where one partition
 * takes {@code produce} bytes per second in and gives {@code consume} out to one consumer:
 *
 * <pre>
 *   partitions = ceil(max(throughput / produce, throughput / consume))
 *   log        = average bytes per second x retention, x replication on disk
 * </pre>
 *
 * (Jun Rao, "How to choose the number of topics/partitions in a Kafka cluster?", Confluent blog,
 * 2015: "max(t/p, t/c)"). 20 MB/s over 5 MB/s in and 3 MB/s out is 7 partitions, bound by the
 * consumers. The throughput is the peak, which the partitions must absorb.
 */
public final class Streams {
  private Streams() {}

  /**
   * The partition counts for {@code bytesPerSecond}; a side whose per-partition rate is not given
   * gives no count. {@code boundBy} is "produce" or "consume", produce on a tie.
   */
  public record Partitions(double bytesPerSecond, OptionalDouble byProduce, OptionalDouble byConsume,
      double partitions, String boundBy) {}

  public static Partitions partitions(double bytesPerSecond, OptionalDouble produce, OptionalDouble consume) {
    if (produce.isEmpty() && consume.isEmpty()) {
      throw new IllegalArgumentException("a stream needs a produce or a consume rate per partition");
    }
    OptionalDouble p = divide(bytesPerSecond, produce);
    OptionalDouble c = divide(bytesPerSecond, consume);
    double byP = p.orElse(0);
    double byC = c.orElse(0);
    double n = Math.max(1, Math.max(byP, byC));
    return new Partitions(bytesPerSecond, p, c, n, byC > byP ? "consume" : "produce");
  }

  private static OptionalDouble divide(double bytesPerSecond, OptionalDouble perPartition) {
    return perPartition.isPresent()
        ? OptionalDouble.of(Counts.ceil(bytesPerSecond / perPartition.getAsDouble()))
        : OptionalDouble.empty();
  }

  /** Bytes a log holds over {@code retentionSeconds} at {@code avgBytesPerSecond}. */
  public static double logBytes(double avgBytesPerSecond, double retentionSeconds) {
    return avgBytesPerSecond * retentionSeconds;
  }
}
