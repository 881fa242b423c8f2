package dev.envelope.model;

import dev.envelope.diagnostic.Location;
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
    Uncertainty uncertainty,
    ModelInputs models,
    List<UserInput> inputs,
    List<UserFigure> figures,
    Cost cost) {

  public Requirements {
    workloads = List.copyOf(workloads);
    assumptions = List.copyOf(assumptions);
    inputs = List.copyOf(inputs);
    figures = List.copyOf(figures);
  }

  /** Requirements without inputs and figures of the file's own. */
  public Requirements(String source, Optional<String> name, Optional<Users> users, List<Workload> workloads,
      Storage storage, Cache cache, Capacity capacity, OptionalDouble availabilityTarget, Conventions conventions,
      List<Assumption> assumptions, Uncertainty uncertainty, ModelInputs models) {
    this(source, name, users, workloads, storage, cache, capacity, availabilityTarget, conventions, assumptions,
        uncertainty, models, List.of(), List.of(), Cost.NONE);
  }

  /**
   * A value the file declares of its own ({@code inputs.NAME}): in base units (bytes, seconds, per
   * second, a fraction), its median where it is a range (the range is among {@link #uncertainty}).
   */
  public record UserInput(String name, double value, dev.envelope.units.Dimension unit, boolean percent,
      Location location) {}

  /**
   * A figure the file declares of its own ({@code figures.NAME}): its formula, parsed; the unit it
   * must give, as written ({@code unit}, "" where none is declared); what it means; and where it
   * was written ({@code formulaNode} locates a column inside the formula).
   */
  public record UserFigure(String name, Formula formula, String unit, Optional<String> description,
      Node.Scalar formulaNode, Location keyLocation) {}

  /** Requirements with every input a single value, and no availability or latency model inputs. */
  public Requirements(String source, Optional<String> name, Optional<Users> users, List<Workload> workloads,
      Storage storage, Cache cache, Capacity capacity, OptionalDouble availabilityTarget, Conventions conventions,
      List<Assumption> assumptions) {
    this(source, name, users, workloads, storage, cache, capacity, availabilityTarget, conventions, assumptions,
        Uncertainty.NONE, ModelInputs.NONE);
  }

  /**
   * The inputs written as ranges, in file order, and the inputs that take their value from one of
   * them ({@code workloads.feed.read_size} from {@code workloads.feed.payload}, a workload's peak
   * factor from {@code traffic.peak_factor}): those share its draws.
   */
  public record Uncertainty(List<Uncertain> inputs, Map<String, String> inherits, List<Order> orders,
      List<Correlation> correlations) {
    public static final Uncertainty NONE = new Uncertainty(List.of(), Map.of());

    public Uncertainty {
      inputs = List.copyOf(inputs);
      inherits = Collections.unmodifiableMap(new LinkedHashMap<>(inherits));
      orders = List.copyOf(orders);
      correlations = List.copyOf(correlations);
    }

    public Uncertainty(List<Uncertain> inputs, Map<String, String> inherits, List<Order> orders) {
      this(inputs, inherits, orders, List.of());
    }

    public Uncertainty(List<Uncertain> inputs, Map<String, String> inherits) {
      this(inputs, inherits, List.of());
    }

    /** The pair {@code path} belongs to, if any (an input is in one pair at most). */
    public java.util.Optional<Correlation> correlation(String path) {
      return correlations.stream().filter(c -> c.first().equals(path) || c.second().equals(path)).findFirst();
    }

    public boolean isEmpty() {
      return inputs.isEmpty();
    }
  }

  /**
   * Two ranged inputs that move together ({@code correlations} in the file): {@code rank} is the
   * Spearman rank correlation of their draws, from -1 to 1. The Monte Carlo draws each as it would
   * alone, then reorders the second one's draws (their values unchanged) so that their ranks follow
   * the first one's to that degree.
   */
  public record Correlation(String first, String second, double rank, Location location) {
    /** The other input of the pair. */
    public String other(String path) {
      return path.equals(first) ? second : first;
    }
  }

  /**
   * Two inputs whose values must keep an order in every draw, where at least one is a range: a
   * component's {@code required} at most its {@code replicas}, a call's p50 below its p99. The reader
   * has checked that the ranges as written keep it (the lower one's p95 at or below the upper one's
   * p5); a draw in the tails that breaks it takes the lower input down to the upper one's value
   * ({@code strict}: just below it). {@code lowerPoint} and {@code upperPoint} are the point values,
   * for the input of the two that is not a range.
   */
  public record Order(String lower, double lowerPoint, String upper, double upperPoint, boolean strict) {
    /** The lower input's value in a draw whose upper input is {@code upper}. */
    public double lowered(double lower, double upper) {
      double most = strict ? upper * (1 - 1e-9) : upper;
      return Math.min(lower, most);
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
   * {@code payload}; {@code peakFactor} to the file's. Where the file's {@code traffic.peak} model
   * applies instead ({@link ModelInputs#followsPeakModel}), {@code peakFactor} is not used.
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
      double peakFactor,
      Delivery delivery) {
    /** A workload without connections, fan-out on write, CDN or a record payload, in the cache. */
    public Workload(String name, Optional<Rate> writesPerUser, Optional<Rate> writes, Optional<Rate> readsPerUser,
        Optional<Rate> reads, OptionalDouble readWriteRatio, OptionalDouble payload, OptionalDouble readSize,
        double peakFactor) {
      this(name, writesPerUser, writes, readsPerUser, reads, readWriteRatio, payload, readSize, peakFactor,
          Delivery.NONE);
    }
  }

  /**
   * How a workload reaches its users beyond requests: the connections its users hold open, the
   * copies of each write to followers' timelines, the CDN in front of its reads, whether the
   * application cache holds its reads, and the record its payload sums. {@code payload} of the
   * workload is already the record's sum.
   */
  public record Delivery(
      Optional<Connections> connections,
      Optional<FanoutOnWrite> fanoutOnWrite,
      OptionalDouble cdnHitRatio,
      boolean cached,
      Optional<PayloadRecord> record) {
    public static final Delivery NONE =
        new Delivery(Optional.empty(), Optional.empty(), OptionalDouble.empty(), true, Optional.empty());
  }

  /**
   * {@code workloads.NAME.connections}: users online at the busiest moment (a share of the daily
   * users, or a count), the connections each holds, what one server holds, the memory of one, and
   * the time between two heartbeats or updates on one. At least one of the share and the count.
   */
  public record Connections(
      OptionalDouble onlineShare,
      OptionalDouble concurrent,
      double perUser,
      OptionalDouble perServer,
      OptionalDouble memoryPerConnection,
      OptionalDouble heartbeatSeconds) {}

  /** {@code workloads.NAME.fanout_on_write}: the timelines each write is copied to, and one entry's bytes. */
  public record FanoutOnWrite(double followers, OptionalDouble entrySize) {}

  /** A payload written as a record: its fields' sizes in bytes, in file order, and the bytes each row adds. */
  public record PayloadRecord(List<PayloadField> fields, double rowOverhead) {
    public PayloadRecord {
      fields = List.copyOf(fields);
    }

    /** The record's bytes: its fields and its row overhead. */
    public double bytes() {
      return fields.stream().mapToDouble(PayloadField::bytes).sum() + rowOverhead;
    }
  }

  /** One field of a record: its name, as in the file, and its size in bytes (its median where a range). */
  public record PayloadField(String name, double bytes) {}

  public record Storage(Optional<Span> retention, double replication, double overhead) {}

  /**
   * The application cache: the share of a day's reads it holds (the 80/20 rule) and its nodes'
   * memory; and its working set, the distinct hot objects and the bytes of one, where given.
   */
  public record Cache(double hotFraction, OptionalDouble nodeMemory, OptionalDouble hotObjects,
      OptionalDouble objectSize) {
    public Cache(double hotFraction, OptionalDouble nodeMemory) {
      this(hotFraction, nodeMemory, OptionalDouble.empty(), OptionalDouble.empty());
    }
  }

  /**
   * {@code cost}: the currency and the unit prices, each where given. A GB is the file's
   * ({@link Conventions#units}); a month is the calendar's.
   */
  public record Cost(
      Optional<String> currency,
      OptionalDouble serverPerMonth,
      OptionalDouble cacheNodePerMonth,
      OptionalDouble storagePerGbMonth,
      OptionalDouble egressPerGb,
      OptionalDouble cdnEgressPerGb,
      OptionalDouble perMillionRequests) {
    public static final Cost NONE = new Cost(Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
  }

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

  /**
   * The inputs of the availability and latency models: the availability chain and error-budget
   * window, the peak model, each workload's latency, fan-out and stream, and the wait target.
   * Times are in seconds, byte rates in bytes per second, shares as fractions.
   */
  public record ModelInputs(
      Optional<Span> window,
      List<Component> components,
      Optional<Peak> peak,
      List<WorkloadModel> workloads,
      OptionalDouble maxWaitP99,
      Map<String, WorkloadModel> byName) {
    public static final ModelInputs NONE =
        new ModelInputs(Optional.empty(), List.of(), Optional.empty(), List.of(), OptionalDouble.empty());

    public ModelInputs {
      components = List.copyOf(components);
      workloads = List.copyOf(workloads);
      // Looked up once per workload: an index keeps a file of many workloads linear.
      Map<String, WorkloadModel> index = new java.util.HashMap<>();
      for (WorkloadModel w : workloads) {
        index.putIfAbsent(w.name(), w);
      }
      byName = Collections.unmodifiableMap(index);
    }

    public ModelInputs(Optional<Span> window, List<Component> components, Optional<Peak> peak,
        List<WorkloadModel> workloads, OptionalDouble maxWaitP99) {
      this(window, components, peak, workloads, maxWaitP99, Map.of());
    }

    /** The model inputs of the workload named {@code name}, if it has any. */
    public Optional<WorkloadModel> workload(String name) {
      return Optional.ofNullable(byName.get(name));
    }

    /** Whether the workload named {@code name} takes its peak factor from {@link #peak()}. */
    public boolean followsPeakModel(String name) {
      return peak.isPresent() && workload(name).map(WorkloadModel::followsPeakModel).orElse(false);
    }
  }

  /**
   * One component of the chain a request passes through: a replica's availability, given or as
   * {@code mtbf / (mtbf + mttr)}, and how many of its replicas must be up. {@code replicaMiss} is
   * a replica's unavailability, {@code 1 - availability} taken in decimal, or {@code mttr / (mtbf + mttr)}.
   */
  public record Component(String name, OptionalDouble availability, OptionalDouble mtbfSeconds,
      OptionalDouble mttrSeconds, double replicaMiss, int replicas, int required) {
    public Component {
      if (!(replicaMiss > 0 && replicaMiss < 1) || replicas < 1 || required < 1 || required > replicas) {
        throw new IllegalArgumentException("component " + name + ": needs 0 < miss < 1 and 1 <= required <= replicas");
      }
    }
  }

  /** The peak models of {@code traffic.peak}. */
  public enum PeakKind {
    /** The busiest hour's share of the day. */
    DIURNAL,
    /** The busiest second of Poisson arrivals, at a percentile. */
    POISSON,
    /** The busiest second, at a percentile, of Poisson arrivals at the busiest hour's rate. */
    COMBINED;

    /** The name in the file and in the output: {@code diurnal}, {@code poisson}. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * {@code traffic.peak}: the model and its parameter, a fraction: the peak hour's share (diurnal,
   * combined) or the percentile (poisson); {@code percentile} is combined's second, the busiest second's.
   */
  public record Peak(PeakKind model, double value, OptionalDouble percentile) {
    public Peak(PeakKind model, double value) {
      this(model, value, OptionalDouble.empty());
    }

    /** The percentile of the busiest second, for poisson and combined. */
    public double secondPercentile() {
      return model == PeakKind.COMBINED ? percentile.getAsDouble() : value;
    }

    /** Whether the busiest second of Poisson arrivals is part of the model. */
    public boolean poisson() {
      return model != PeakKind.DIURNAL;
    }
  }

  /** A call's latency: its p50 and p99, or the share of calls slower than a time. */
  public sealed interface CallLatency {
    record Quantiles(double p50Seconds, double p99Seconds) implements CallLatency {}

    record SlowShare(double slowFraction, double overSeconds) implements CallLatency {}
  }

  /** A stream's per-partition limits, in bytes per second; at least one is present. */
  public record StreamLimits(OptionalDouble produceBytesPerSecond, OptionalDouble consumeBytesPerSecond) {}

  /**
   * One workload's model inputs: its service time, its fan-out with the latency of each call and
   * when to hedge, its stream, and whether it follows the file's peak model.
   */
  public record WorkloadModel(
      String name,
      OptionalDouble latencySeconds,
      OptionalDouble serviceCv,
      OptionalDouble fanout,
      Optional<CallLatency> callLatency,
      OptionalDouble hedgeAfter,
      Optional<StreamLimits> stream,
      boolean followsPeakModel) {}
}
