package dev.envelope.render;

import java.util.EnumSet;
import java.util.Set;

/** The parts of an estimate; the one-section commands print one of them. */
public enum Section {
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
  AVAILABILITY;

  public static Set<Section> all() {
    return EnumSet.allOf(Section.class);
  }
}
