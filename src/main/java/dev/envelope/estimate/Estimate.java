package dev.envelope.estimate;

import dev.envelope.model.Requirements;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures of one estimate, in base units: per second, bytes, seconds. A figure that cannot be
 * computed from the file is empty, never zero: without any reading workload there are no read
 * totals, and the total counts reads as zero.
 */
public record Estimate(
    Requirements requirements,
    OptionalDouble dau,
    List<WorkloadFigures> workloads,
    Optional<Flow> writes,
    Optional<Flow> reads,
    Flow total,
    Optional<StorageFigures> storage,
    Optional<Bandwidth> ingress,
    Optional<Bandwidth> egress,
    Optional<CacheFigures> cache,
    CapacityFigures capacity,
    Optional<Sla.Tier> availability) {

  public Estimate {
    workloads = List.copyOf(workloads);
  }

  /** Requests: per day, average per second, peak per second. */
  public record Flow(double perDay, double avgPerSecond, double peakPerSecond) {
    public static final Flow ZERO = new Flow(0, 0, 0);

    public Flow plus(Flow other) {
      return new Flow(perDay + other.perDay, avgPerSecond + other.avgPerSecond, peakPerSecond + other.peakPerSecond);
    }
  }

  /** Bytes per second, average and peak. */
  public record Bandwidth(double avgBytesPerSecond, double peakBytesPerSecond) {
    public Bandwidth plus(Bandwidth other) {
      return new Bandwidth(avgBytesPerSecond + other.avgBytesPerSecond, peakBytesPerSecond + other.peakBytesPerSecond);
    }
  }

  public record WorkloadFigures(
      String name,
      double peakFactor,
      Optional<Flow> writes,
      Optional<Flow> reads,
      Optional<Bandwidth> ingress,
      Optional<Bandwidth> egress,
      Optional<WorkloadStorage> storage) {}

  /** One workload's stored bytes; retained figures only with a retention. */
  public record WorkloadStorage(double bytesPerDay, double bytesPerMonth, double bytesPerYear,
      OptionalDouble bytesRetained, OptionalDouble objectsRetained) {}

  public record StorageFigures(
      double bytesPerDay,
      double bytesPerMonth,
      double bytesPerYear,
      Optional<Retained> retained) {}

  public record Retained(
      double retentionSeconds, double bytesRetained, double objectsRetained, double replication, double bytesReplicated) {}

  public record CacheFigures(double hotFraction, double bytes, OptionalDouble nodes) {}

  /** Counts are whole numbers; each is empty when its per-node limit is not in the file. */
  public record CapacityFigures(
      OptionalDouble servers,
      OptionalDouble shards,
      OptionalDouble shardsByStorage,
      OptionalDouble shardsByWrites,
      OptionalDouble shardsByReads,
      Optional<String> boundBy,
      OptionalDouble nodes) {
    public boolean isEmpty() {
      return servers.isEmpty() && shards.isEmpty();
    }
  }
}
