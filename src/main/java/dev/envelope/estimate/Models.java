package dev.envelope.estimate;

import dev.envelope.estimate.AvailabilityChain.Chain;
import dev.envelope.estimate.Estimate.WorkloadFigures;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.CallLatency;
import dev.envelope.model.Requirements.Component;
import dev.envelope.model.Requirements.ModelInputs;
import dev.envelope.model.Requirements.WorkloadModel;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Fractions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The availability and latency models of an estimate, computed from its requirements and its
 * figures: the availability chain and error budget ({@link AvailabilityChain}, {@link ErrorBudget}),
 * and per workload the queueing ({@link Queueing}), the tail latency under fan-out
 * ({@link TailLatency}) and the stream ({@link Streams}). Peak models act inside the estimate
 * itself ({@link PeakModel}). Every figure is empty where its inputs are absent.
 */
public final class Models {
  private Models() {}

  /** All model figures, and the warnings they give (single points of failure), in file order. */
  public record Figures(Optional<AvailabilityFigures> availability, List<WorkloadModelFigures> workloads,
      List<String> warnings, java.util.Map<String, WorkloadModelFigures> byName) {
    public static final Figures NONE = new Figures(Optional.empty(), List.of(), List.of());

    public Figures {
      workloads = List.copyOf(workloads);
      warnings = List.copyOf(warnings);
      java.util.Map<String, WorkloadModelFigures> index = new java.util.HashMap<>();
      workloads.forEach(w -> index.putIfAbsent(w.name(), w));
      byName = java.util.Collections.unmodifiableMap(index);
    }

    public Figures(Optional<AvailabilityFigures> availability, List<WorkloadModelFigures> workloads,
        List<String> warnings) {
      this(availability, workloads, warnings, java.util.Map.of());
    }

    public Optional<WorkloadModelFigures> workload(String name) {
      return Optional.ofNullable(byName.get(name));
    }
  }

  /**
   * The target's error budget over the window and its burn-rate alerts; with components, the chain,
   * its expected downtime per month (the calendar's) and the margin to what the target allows.
   */
  public record AvailabilityFigures(double target, double windowSeconds, ErrorBudget.Budget budget,
      List<ErrorBudget.Alert> alerts, Optional<ChainFigures> chain) {
    public AvailabilityFigures {
      alerts = List.copyOf(alerts);
    }
  }

  /** The chain against the target: met or not, by how many nines and how much downtime a month. */
  public record ChainFigures(Chain chain, boolean meetsTarget, double marginNines, double monthSeconds,
      double downtimeSecondsPerMonth, double allowedDowntimeSecondsPerMonth) {
    public double marginDowntimeSecondsPerMonth() {
      return allowedDowntimeSecondsPerMonth - downtimeSecondsPerMonth;
    }
  }

  /** One workload's model figures; each empty where the workload lacks its inputs. */
  public record WorkloadModelFigures(String name, Optional<Queueing.Result> queueing,
      Optional<TailFigures> tailLatency, Optional<StreamFigures> stream) {
    public boolean isEmpty() {
      return queueing.isEmpty() && tailLatency.isEmpty() && stream.isEmpty();
    }
  }

  /** A fan-out at the workload's peak: the calls it sends per second, and the backups hedging adds. */
  public record TailFigures(TailLatency.FanOut fanOut, double peakPerSecond, double callsPerSecond,
      OptionalDouble extraCallsPerSecond) {}

  /** A stream's partitions and, with a retention, the log it keeps. */
  public record StreamFigures(Streams.Partitions partitions, OptionalDouble bytesRetained,
      OptionalDouble bytesReplicated, OptionalDouble bytesPerPartition) {}

  public static Figures of(Estimate estimate) {
    Requirements req = estimate.requirements();
    ModelInputs in = req.models();
    List<String> warnings = new ArrayList<>();
    Optional<AvailabilityFigures> availability = Optional.empty();
    if (req.availabilityTarget().isPresent()) {
      availability = Optional.of(availability(req, estimate, warnings));
    }
    List<WorkloadModelFigures> workloads = new ArrayList<>();
    for (WorkloadFigures w : estimate.workloads()) {
      Optional<WorkloadModel> model = in.workload(w.name());
      if (model.isEmpty()) {
        continue;
      }
      WorkloadModelFigures f = workload(req, estimate, w, model.get());
      if (!f.isEmpty()) {
        workloads.add(f);
      }
    }
    return new Figures(availability, workloads, warnings);
  }

  private static AvailabilityFigures availability(Requirements req, Estimate estimate, List<String> warnings) {
    double target = req.availabilityTarget().getAsDouble();
    double miss = Fractions.miss(target);
    // The window, like the SLA periods, in the calendar's own days, not the seconds_per_day shortcut.
    Requirements.Conventions calendarTime = Requirements.Conventions.of(req.conventions().calendar(),
        req.conventions().units());
    double month = req.conventions().calendar().periodSeconds(CalendarUnit.MONTH);
    double window = req.models().window().map(w -> w.seconds(calendarTime.time())).orElse(month);
    OptionalDouble rate = estimate.workloads().isEmpty()
        ? OptionalDouble.empty() : OptionalDouble.of(estimate.total().avgPerSecond());
    ErrorBudget.Budget budget = ErrorBudget.budget(miss, window, rate);
    List<ErrorBudget.Alert> alerts = ErrorBudget.alerts(miss, window);
    Optional<ChainFigures> chain = Optional.empty();
    List<Component> components = req.models().components();
    if (!components.isEmpty()) {
      Chain c = AvailabilityChain.of(components.stream()
          .map(x -> new AvailabilityChain.Input(x.name(), x.replicaMiss(), x.replicas(), x.required())).toList());
      chain = Optional.of(new ChainFigures(c, c.meets(miss), c.marginNines(miss), month, c.unavailability() * month,
          miss * month));
      for (int i = 0; i < components.size(); i++) {
        if (c.links().get(i).singlePointOfFailure()) {
          warnings.add(req.source() + ": availability.components[" + i + "] (" + components.get(i).name()
              + ") is a single point of failure: one replica, so the whole chain is down whenever it is");
        }
      }
    }
    return new AvailabilityFigures(target, window, budget, alerts, chain);
  }

  private static WorkloadModelFigures workload(Requirements req, Estimate estimate, WorkloadFigures w,
      WorkloadModel model) {
    double peak = w.writes().map(Estimate.Flow::peakPerSecond).orElse(0.0)
        + w.reads().map(Estimate.Flow::peakPerSecond).orElse(0.0);
    Optional<Queueing.Result> queueing = Optional.empty();
    if (model.latencySeconds().isPresent()) {
      queueing = Optional.of(Queueing.of(peak, model.latencySeconds().getAsDouble(), req.capacity().utilization(),
          req.models().maxWaitP99().isPresent()
              ? Optional.of(req.models().maxWaitP99().getAsDouble()) : Optional.empty()));
    }
    Optional<TailFigures> tail = Optional.empty();
    if (model.fanout().isPresent() && model.callLatency().isPresent()) {
      double n = model.fanout().getAsDouble();
      CallLatency call = model.callLatency().get();
      TailLatency.FanOut fanOut = call instanceof CallLatency.Quantiles q
          ? TailLatency.ofQuantiles(n, q.p50Seconds(), q.p99Seconds(), model.hedgeAfter())
          : TailLatency.ofSlowShare(n, ((CallLatency.SlowShare) call).slowFraction(),
              ((CallLatency.SlowShare) call).overSeconds());
      double calls = peak * n;
      tail = Optional.of(new TailFigures(fanOut, peak, calls, fanOut.hedge().isPresent()
          ? OptionalDouble.of(calls * fanOut.hedge().get().extraCallFraction()) : OptionalDouble.empty()));
    }
    Optional<StreamFigures> stream = Optional.empty();
    if (model.stream().isPresent() && w.ingress().isPresent()) {
      Streams.Partitions p = Streams.partitions(w.ingress().get().peakBytesPerSecond(),
          model.stream().get().produceBytesPerSecond(), model.stream().get().consumeBytesPerSecond());
      OptionalDouble retained = OptionalDouble.empty();
      OptionalDouble replicated = OptionalDouble.empty();
      OptionalDouble perPartition = OptionalDouble.empty();
      Optional<Double> retention = estimate.storage().flatMap(Estimate.StorageFigures::retained)
          .map(Estimate.Retained::retentionSeconds);
      if (retention.isPresent()) {
        double bytes = Streams.logBytes(w.ingress().get().avgBytesPerSecond(), retention.get());
        retained = OptionalDouble.of(bytes);
        replicated = OptionalDouble.of(bytes * req.storage().replication());
        perPartition = OptionalDouble.of(bytes / p.partitions());
      }
      stream = Optional.of(new StreamFigures(p, retained, replicated, perPartition));
    }
    return new WorkloadModelFigures(w.name(), queueing, tail, stream);
  }
}
