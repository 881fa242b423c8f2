package dev.envelope.model;

import dev.envelope.units.Calendar;
import dev.envelope.units.Rate;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A requirements file (version 1) after reading: every quantity parsed, every default filled in
 * and listed in {@link #assumptions()}. Sizes are in bytes; rates and retention keep their units
 * so the conventions decide their seconds.
 */
public record Requirements(
    String source,
    Optional<String> name,
    Optional<Users> users,
    List<Workload> workloads,
    Storage storage,
    Cache cache,
    Capacity capacity,
    OptionalDouble availabilityTarget,
    Conventions conventions,
    List<Assumption> assumptions,
    Uncertainty uncertainty) {

  public Requirements {
    workloads = List.copyOf(workloads);
    assumptions = List.copyOf(assumptions);
  }

  /** Requirements with every input a single value. */
  public Requirements(String source, Optional<String> name, Optional<Users> users, List<Workload> workloads,
      Storage storage, Cache cache, Capacity capacity, OptionalDouble availabilityTarget, Conventions conventions,
      List<Assumption> assumptions) {
    this(source, name, users, workloads, storage, cache, capacity, availabilityTarget, conventions, assumptions,
        Uncertainty.NONE);
  }

  /**
   * The inputs written as ranges, in file order, and the inputs that take their value from one of
   * them ({@code workloads.feed.read_size} from {@code workloads.feed.payload}, a workload's peak
   * factor from {@code traffic.peak_factor}): those share its draws.
   */
  public record Uncertainty(List<Uncertain> inputs, Map<String, String> inherits) {
    public static final Uncertainty NONE = new Uncertainty(List.of(), Map.of());

    public Uncertainty {
      inputs = List.copyOf(inputs);
      inherits = Collections.unmodifiableMap(new LinkedHashMap<>(inherits));
    }

    public boolean isEmpty() {
      return inputs.isEmpty();
    }
  }

  /** {@code dau}, or {@code mau x dailyActive} when dau is absent. */
  public record Users(OptionalDouble dau, OptionalDouble mau, OptionalDouble dailyActive) {
    public double effectiveDau() {
      return dau.isPresent() ? dau.getAsDouble() : mau.getAsDouble() * dailyActive.getAsDouble();
    }
  }

  /**
   * One named request type. At most one of each writes pair and reads pair is present; the reader
   * has checked that what the estimate needs is there. {@code readSize} is already defaulted to
   * {@code payload}; {@code peakFactor} to the file's.
   */
  public record Workload(
      String name,
      Optional<Rate> writesPerUser,
      Optional<Rate> writes,
      Optional<Rate> readsPerUser,
      Optional<Rate> reads,
      OptionalDouble readWriteRatio,
      OptionalDouble payload,
      OptionalDouble readSize,
      double peakFactor) {}

  public record Storage(Optional<Span> retention, double replication, double overhead) {}

  public record Cache(double hotFraction, OptionalDouble nodeMemory) {}

  public record Capacity(
      OptionalDouble serverQps,
      OptionalDouble shardStorage,
      OptionalDouble shardWriteQps,
      OptionalDouble shardReadQps,
      double utilization) {}

  /** The calendar for SLA periods, the unit system, and the lengths that convert rates. */
  public record Conventions(Calendar calendar, UnitSystem units, TimeBase time) {
    /** The calendar's own lengths: an 86,400 s day, and its month and year in such days. */
    public static Conventions of(Calendar calendar, UnitSystem units) {
      double day = Calendar.SECONDS_PER_DAY;
      return new Conventions(calendar, units,
          new TimeBase(day, 7 * day, calendar.monthDays() * day, calendar.yearDays() * day));
    }
  }

  /** A default or convention the estimate applied: the field, its value, and where it comes from. */
  public record Assumption(String path, Object value, String source) {}
}
