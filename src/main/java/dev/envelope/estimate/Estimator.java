package dev.envelope.estimate;

import dev.envelope.estimate.Estimate.Bandwidth;
import dev.envelope.estimate.Estimate.CacheFigures;
import dev.envelope.estimate.Estimate.CapacityFigures;
import dev.envelope.estimate.Estimate.Flow;
import dev.envelope.estimate.Estimate.Retained;
import dev.envelope.estimate.Estimate.StorageFigures;
import dev.envelope.estimate.Estimate.WorkloadFigures;
import dev.envelope.estimate.Estimate.WorkloadStorage;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Workload;
import dev.envelope.units.Rate;
import dev.envelope.units.TimeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The capacity estimate, step by step as a whiteboard does it:
 *
 * <ul>
 *   <li>rate/s = rate per unit / seconds in that unit (a day is the file's seconds_per_day); per-user
 *       rates are multiplied by DAU; reads = writes x read:write ratio unless given;
 *   <li>peak/s = average/s x peak factor; totals add the workloads, and the total peak adds their
 *       peaks;
 *   <li>ingress = writes/s x payload, egress = reads/s x read_size;
 *   <li>storage per day, month, year = writes/s x payload x (1 + overhead) x seconds in that period;
 *       retained = the same over the retention; replicated = retained x replication;
 *   <li>cache = hot fraction x one day's reads x read_size (the 80/20 rule);
 *   <li>counts = ceil(demand / (per-node limit x utilization)); shards = the largest of the shard
 *       counts; nodes = shards x replication.
 * </ul>
 */
public final class Estimator {
  private Estimator() {}

  public static Estimate estimate(Requirements req) {
    TimeBase time = req.conventions().time();
    double day = time.secondsPerDay();
    OptionalDouble dau =
        req.users().map(u -> OptionalDouble.of(u.effectiveDau())).orElse(OptionalDouble.empty());
    double overhead = 1 + req.storage().overhead();
    Optional<Double> retention = req.storage().retention().map(span -> span.seconds(time));

    List<WorkloadFigures> workloads = new ArrayList<>();
    Flow writes = null;
    Flow reads = null;
    Bandwidth ingress = null;
    Bandwidth egress = null;
    double writeBytesPerSecond = 0;
    double objectsPerSecond = 0;
    double cacheBytes = 0;
    boolean anyStorage = false;
    boolean anyCache = false;
    for (Workload w : req.workloads()) {
      OptionalDouble writesPerSecond =
          perSecond(w.writes(), w.writesPerUser(), dau, time);
      OptionalDouble readsPerSecond = perSecond(w.reads(), w.readsPerUser(), dau, time);
      if (readsPerSecond.isEmpty() && w.readWriteRatio().isPresent() && writesPerSecond.isPresent()) {
        readsPerSecond = OptionalDouble.of(writesPerSecond.getAsDouble() * w.readWriteRatio().getAsDouble());
      }
      double peakFactor = PeakModel.factor(req, w, writesPerSecond.orElse(0) + readsPerSecond.orElse(0));
      Optional<Flow> wFlow = flow(writesPerSecond, peakFactor, day);
      Optional<Flow> rFlow = flow(readsPerSecond, peakFactor, day);
      Optional<Bandwidth> wIngress = Optional.empty();
      Optional<Bandwidth> wEgress = Optional.empty();
      Optional<WorkloadStorage> wStorage = Optional.empty();
      if (wFlow.isPresent() && w.payload().isPresent()) {
        double payload = w.payload().getAsDouble();
        Flow f = wFlow.get();
        wIngress = Optional.of(new Bandwidth(f.avgPerSecond() * payload, f.peakPerSecond() * payload));
        double bytesPerSecond = f.avgPerSecond() * payload * overhead;
        wStorage = Optional.of(new WorkloadStorage(bytesPerSecond * day,
            bytesPerSecond * time.secondsPerMonth(), bytesPerSecond * time.secondsPerYear(),
            retention.map(r -> OptionalDouble.of(bytesPerSecond * r)).orElse(OptionalDouble.empty()),
            retention.map(r -> OptionalDouble.of(f.avgPerSecond() * r)).orElse(OptionalDouble.empty())));
        writeBytesPerSecond += bytesPerSecond;
        objectsPerSecond += f.avgPerSecond();
        anyStorage = true;
        ingress = ingress == null ? wIngress.get() : ingress.plus(wIngress.get());
      }
      if (rFlow.isPresent() && w.readSize().isPresent()) {
        double size = w.readSize().getAsDouble();
        Flow f = rFlow.get();
        wEgress = Optional.of(new Bandwidth(f.avgPerSecond() * size, f.peakPerSecond() * size));
        egress = egress == null ? wEgress.get() : egress.plus(wEgress.get());
        cacheBytes += req.cache().hotFraction() * f.perDay() * size;
        anyCache = true;
      }
      if (wFlow.isPresent()) {
        writes = writes == null ? wFlow.get() : writes.plus(wFlow.get());
      }
      if (rFlow.isPresent()) {
        reads = reads == null ? rFlow.get() : reads.plus(rFlow.get());
      }
      workloads.add(new WorkloadFigures(w.name(), peakFactor, wFlow, rFlow, wIngress, wEgress, wStorage));
    }

    Optional<StorageFigures> storage = Optional.empty();
    Optional<Retained> retained = Optional.empty();
    if (anyStorage) {
      if (retention.isPresent()) {
        double r = retention.get();
        double bytes = writeBytesPerSecond * r;
        retained = Optional.of(new Retained(r, bytes, objectsPerSecond * r, req.storage().replication(),
            bytes * req.storage().replication()));
      }
      storage = Optional.of(new StorageFigures(writeBytesPerSecond * day,
          writeBytesPerSecond * time.secondsPerMonth(), writeBytesPerSecond * time.secondsPerYear(), retained));
    }

    double utilization = req.capacity().utilization();
    Optional<CacheFigures> cache = Optional.empty();
    if (anyCache) {
      OptionalDouble nodes = OptionalDouble.empty();
      if (req.cache().nodeMemory().isPresent()) {
        nodes = OptionalDouble.of(Counts.ceil(cacheBytes / (req.cache().nodeMemory().getAsDouble() * utilization)));
      }
      cache = Optional.of(new CacheFigures(req.cache().hotFraction(), cacheBytes, nodes));
    }

    Flow total = (writes == null ? Flow.ZERO : writes).plus(reads == null ? Flow.ZERO : reads);
    CapacityFigures capacity =
        capacity(req, total, Optional.ofNullable(writes), Optional.ofNullable(reads), retained);
    Optional<Sla.Tier> availability = req.availabilityTarget().isPresent()
        ? Optional.of(Sla.tier(req.availabilityTarget().getAsDouble(), req.conventions().calendar()))
        : Optional.empty();
    return new Estimate(req, dau, workloads, Optional.ofNullable(writes), Optional.ofNullable(reads), total, storage,
        Optional.ofNullable(ingress), Optional.ofNullable(egress), cache, capacity, availability);
  }

  private static CapacityFigures capacity(
      Requirements req, Flow total, Optional<Flow> writes, Optional<Flow> reads, Optional<Retained> retained) {
    Requirements.Capacity cap = req.capacity();
    double u = cap.utilization();
    OptionalDouble servers = divide(total.peakPerSecond(), cap.serverQps(), u);
    OptionalDouble byStorage = retained.isPresent()
        ? divide(retained.get().bytesRetained(), cap.shardStorage(), u)
        : OptionalDouble.empty();
    // A limit on a kind of request the file does not have binds nothing.
    OptionalDouble byWrites = writes.isPresent()
        ? divide(writes.get().peakPerSecond(), cap.shardWriteQps(), u) : OptionalDouble.empty();
    OptionalDouble byReads = reads.isPresent()
        ? divide(reads.get().peakPerSecond(), cap.shardReadQps(), u) : OptionalDouble.empty();
    String bound = null;
    double shards = -1;
    String[] names = {"storage", "writes", "reads"};
    OptionalDouble[] counts = {byStorage, byWrites, byReads};
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].isPresent() && counts[i].getAsDouble() > shards) {
        shards = counts[i].getAsDouble();
        bound = names[i];
      }
    }
    OptionalDouble shardCount = bound == null ? OptionalDouble.empty() : OptionalDouble.of(shards);
    OptionalDouble nodes = bound == null ? OptionalDouble.empty()
        : OptionalDouble.of(Counts.ceil(shards * req.storage().replication()));
    return new CapacityFigures(servers, shardCount, byStorage, byWrites, byReads, Optional.ofNullable(bound), nodes);
  }

  private static OptionalDouble divide(double demand, OptionalDouble limit, double utilization) {
    if (limit.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Counts.ceil(demand / (limit.getAsDouble() * utilization)));
  }

  private static OptionalDouble perSecond(Optional<Rate> absolute, Optional<Rate> perUser, OptionalDouble dau,
      TimeBase time) {
    if (absolute.isPresent()) {
      return OptionalDouble.of(absolute.get().perSecond(time));
    }
    if (perUser.isPresent() && dau.isPresent()) {
      return OptionalDouble.of(perUser.get().perSecond(time) * dau.getAsDouble());
    }
    return OptionalDouble.empty();
  }

  private static Optional<Flow> flow(OptionalDouble perSecond, double peakFactor, double secondsPerDay) {
    if (perSecond.isEmpty()) {
      return Optional.empty();
    }
    double avg = perSecond.getAsDouble();
    return Optional.of(new Flow(avg * secondsPerDay, avg, avg * peakFactor));
  }
}
