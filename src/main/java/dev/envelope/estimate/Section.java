package dev.envelope.estimate;

import java.util.EnumSet;
import java.util.Set;

/**
 * The parts of an estimate, each figure in one; the one-section commands print one of them (and
 * the users, which every part starts from).
 */
public enum Section {
  /** Daily (and monthly) active users: printed with every part. */
  USERS,
  TRAFFIC,
  BANDWIDTH,
  STORAGE,
  CACHE,
  CAPACITY,
  /** Requests in flight and servers for a wait target, for workloads with a latency. */
  QUEUEING,
  /** Slow requests and request percentiles under fan-out. */
  TAIL_LATENCY,
  /** Partitions and logs of workloads written as streams. */
  STREAMS,
  /** Connections held open, their servers, memory and heartbeats. */
  CONNECTIONS,
  /** Writes copied to followers' timelines: the followers, the entries, the reads they replace. */
  FANOUT_ON_WRITE,
  AVAILABILITY,
  /** What the estimate costs at the file's unit prices: by part and in total, a month and a year. */
  COST,
  /** The figures a file declares of its own ({@code figures:}). */
  FIGURES;

  public static Set<Section> all() {
    return EnumSet.allOf(Section.class);
  }
}
