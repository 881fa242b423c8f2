package dev.envelope.units;

import java.util.Locale;

/** How KB, MB... are read and shown. KiB, MiB... are always powers of 1024. */
public enum UnitSystem {
  /** KB = 1000 B (the default; disks, networks and most published estimates). */
  SI,
  /** KB = 1024 B (memory sizes; some textbooks). */
  IEC;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static UnitSystem parse(String text) {
    for (UnitSystem u : values()) {
      if (u.key().equals(Numbers.spaces(text).toLowerCase(Locale.ROOT))) {
        return u;
      }
    }
    throw new QuantityException("unknown unit system", "si (KB = 1000 B) or iec (KB = 1024 B)");
  }
}
