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
  AVAILABILITY;

  public static Set<Section> all() {
    return EnumSet.allOf(Section.class);
  }
}
