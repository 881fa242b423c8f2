package dev.envelope.render;

import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;

/** A figure for people: its value in the unit that suits it, three significant figures. */
public final class Display {
  private Display() {}

  public static String display(Object value, UnitSystem units) {
    if (!(value instanceof Tree.Quantity f)) {
      return String.valueOf(value);
    }
    double v = f.value();
    return switch (f.kind()) {
      case COUNT -> Format.count(v);
      case RATE -> Format.rate(v);
      case BYTES -> Format.bytes(v, units);
      case BYTES_PER_SECOND -> Format.bytesPerSecond(v, units);
      case SECONDS -> Format.duration(v);
      case FRACTION -> Format.percent(v);
      case INTEGER -> Format.integer(v);
      case NUMBER -> Format.sig3(v);
      case MONEY -> Format.money(v);
    };
  }
}
