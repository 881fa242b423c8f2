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
 *
 * <p>The arithmetic runs on lanes: each input is an array holding one value (the point estimate)
 * or one value per Monte Carlo draw, so the point estimate and the draws share one computation
 * and cannot disagree. Figures come out keyed by their path in the JSON output.
 */
public final class Estimator {
  private Estimator() {}

  /** The point estimate: every input at its value, or at its median when written as a range. */
  public static Estimate estimate(Requirements req) {
    return point(req, compute(req, Inputs.point()));
  }

  /** Every figure of the estimate, by output path, one value per lane of {@code inputs}. */
  public static Lanes.Figures compute(Requirements req, Inputs inputs) {
    TimeBase time = req.conventions().time();
    double day = time.secondsPerDay();
    Lanes.Figures out = new Lanes.Figures();
    double[] dau = null;
    if (req.users().isPresent()) {
      Requirements.Users u = req.users().get();
      if (u.mau().isPresent()) {
        out.put("users.mau", inputs.get("users.mau", u.mau().getAsDouble()));
      }
      if (u.dailyActive().isPresent()) {
        out.put("users.daily_active", inputs.get("users.daily_active", u.dailyActive().getAsDouble()));
      }
      dau = u.dau().isPresent() ? inputs.get("users.dau", u.dau().getAsDouble())
          : Lanes.times(out.get("users.mau"), out.get("users.daily_active"));
      out.put("users.dau", dau);
    }
    double[] overhead = Lanes.plus(inputs.get("storage.overhead", req.storage().overhead()), 1);
    double[] retention = req.storage().retention().isPresent()
        ? inputs.get("storage.retention", req.storage().retention().get().seconds(time)) : null;
    double[] hot = inputs.get("cache.hot_fraction", req.cache().hotFraction());

    Totals writes = new Totals();
    Totals reads = new Totals();
    double[] ingressAvg = null;
    double[] ingressPeak = null;
    double[] egressAvg = null;
    double[] egressPeak = null;
    double[] writeBytesPerSecond = null;
    double[] objectsPerSecond = null;
    double[] cacheBytes = null;
    for (Workload w : req.workloads()) {
      String p = "workloads." + w.name();
      double[] writesPerSecond = perSecond(inputs, p, "writes", w.writes(), w.writesPerUser(), dau, time);
      double[] readsPerSecond = perSecond(inputs, p, "reads", w.reads(), w.readsPerUser(), dau, time);
      if (readsPerSecond == null && w.readWriteRatio().isPresent() && writesPerSecond != null) {
        readsPerSecond = Lanes.times(writesPerSecond,
            inputs.get(p + ".read_write_ratio", w.readWriteRatio().getAsDouble()));
      }
      double[] peakFactor = peakFactor(req, w, inputs, p, writesPerSecond, readsPerSecond);
      flow(out, p + ".writes", writesPerSecond, peakFactor, day, writes);
      flow(out, p + ".reads", readsPerSecond, peakFactor, day, reads);
      out.put(p + ".peak_factor", peakFactor);
      if (writesPerSecond != null && w.payload().isPresent()) {
        double[] payload = inputs.get(p + ".payload", w.payload().getAsDouble());
        double[] avg = Lanes.times(writesPerSecond, payload);
        out.put(p + ".ingress.avg_bytes_per_second", avg);
        double[] peak = peak(out, p + ".ingress.peak_bytes_per_second", avg, peakFactor);
        ingressAvg = Lanes.sum(ingressAvg, avg);
        ingressPeak = Lanes.sum(ingressPeak, peak);
        double[] bytesPerSecond = Lanes.times(avg, overhead);
        out.scaled(p + ".storage.bytes_per_day", bytesPerSecond, day);
        out.scaled(p + ".storage.bytes_per_month", bytesPerSecond, time.secondsPerMonth());
        out.scaled(p + ".storage.bytes_per_year", bytesPerSecond, time.secondsPerYear());
        if (retention != null) {
          times(out, p + ".storage.bytes_retained", bytesPerSecond, retention);
          times(out, p + ".storage.objects_retained", writesPerSecond, retention);
        }
        writeBytesPerSecond = Lanes.sum(writeBytesPerSecond, bytesPerSecond);
        objectsPerSecond = Lanes.sum(objectsPerSecond, writesPerSecond);
      }
      if (readsPerSecond != null && w.readSize().isPresent()) {
        double[] size = inputs.get(p + ".read_size", w.readSize().getAsDouble());
        double[] avg = Lanes.times(readsPerSecond, size);
        out.put(p + ".egress.avg_bytes_per_second", avg);
        double[] peak = peak(out, p + ".egress.peak_bytes_per_second", avg, peakFactor);
        egressAvg = Lanes.sum(egressAvg, avg);
        egressPeak = Lanes.sum(egressPeak, peak);
        cacheBytes = Lanes.sum(cacheBytes, Lanes.times(Lanes.times(hot, out.get(p + ".reads.per_day")), size));
      }
    }
    writes.putInto(out, "traffic.writes");
    reads.putInto(out, "traffic.reads");
    Totals total = new Totals();
    total.add(writes);
    total.add(reads);
    total.putInto(out, "traffic.total");
    if (ingressAvg != null) {
      out.put("bandwidth.ingress.avg_bytes_per_second", ingressAvg);
      out.put("bandwidth.ingress.peak_bytes_per_second", ingressPeak);
    }
    if (egressAvg != null) {
      out.put("bandwidth.egress.avg_bytes_per_second", egressAvg);
      out.put("bandwidth.egress.peak_bytes_per_second", egressPeak);
    }

    double[] replication = inputs.get("storage.replication", req.storage().replication());
    double[] retained = null;
    if (writeBytesPerSecond != null) {
      out.scaled("storage.bytes_per_day", writeBytesPerSecond, day);
      out.scaled("storage.bytes_per_month", writeBytesPerSecond, time.secondsPerMonth());
      out.scaled("storage.bytes_per_year", writeBytesPerSecond, time.secondsPerYear());
      if (retention != null) {
        out.put("storage.retention_seconds", retention);
        retained = times(out, "storage.bytes_retained", writeBytesPerSecond, retention);
        times(out, "storage.objects_retained", objectsPerSecond, retention);
        out.put("storage.replication", replication);
        times(out, "storage.bytes_replicated", retained, replication);
      }
    }

    Requirements.Capacity cap = req.capacity();
    double[] utilization = inputs.get("capacity.utilization", cap.utilization());
    if (cacheBytes != null) {
      out.put("cache.hot_fraction", hot);
      out.put("cache.bytes", cacheBytes);
      count(out, "cache.nodes", cacheBytes, inputs, "cache.node_memory", req.cache().nodeMemory(), utilization);
    }
    count(out, "capacity.servers", out.get("traffic.total.peak_per_second"), inputs, "capacity.server_qps",
        cap.serverQps(), utilization);
    // A limit on a kind of request the file does not have binds nothing.
    double[] shards = null;
    String[] bounds = {"storage", "writes", "reads"};
    double[][] demands = {retained, out.get("traffic.writes.peak_per_second"), out.get("traffic.reads.peak_per_second")};
    OptionalDouble[] limits = {cap.shardStorage(), cap.shardWriteQps(), cap.shardReadQps()};
    String[] limitPaths = {"capacity.shard_storage", "capacity.shard_write_qps", "capacity.shard_read_qps"};
    for (int i = 0; i < bounds.length; i++) {
      if (demands[i] != null) {
        double[] count = count(out, "capacity.shards_by_" + bounds[i], demands[i], inputs, limitPaths[i], limits[i],
            utilization);
        if (count != null) {
          shards = Lanes.max(shards, count);
        }
      }
    }
    if (shards != null) {
      out.put("capacity.shards", shards);
      if (replication.length == 1) {
        double copies = replication[0];
        out.derive("capacity.nodes", shards, x -> Counts.ceil(x * copies));
      } else {
        out.put("capacity.nodes", Lanes.ceil(Lanes.times(shards, replication)));
      }
    }
    return out;
  }

  /** {@code ceil(demand / (limit x utilization))} under {@code path}, when the file gives the limit. */
  private static double[] count(Lanes.Figures out, String path, double[] demand, Inputs inputs, String limitPath,
      OptionalDouble limit, double[] utilization) {
    if (limit.isEmpty()) {
      return null;
    }
    double[] capacity = Lanes.times(inputs.get(limitPath, limit.getAsDouble()), utilization);
    if (capacity.length == 1) {
      double per = capacity[0];
      out.derive(path, demand, x -> Counts.ceil(x / per));
      return out.get(path);
    }
    double[] n = Lanes.ceil(Lanes.divide(demand, capacity));
    out.put(path, n);
    return n;
  }

  /**
   * The peak factor of workload {@code w}: the file's peak model where it applies (see
   * {@link PeakModel}; Poisson's depends on the workload's rate, so it is found per lane), else its
   * own factor or the file's.
   */
  private static double[] peakFactor(Requirements req, Workload w, Inputs inputs, String p, double[] writes,
      double[] reads) {
    if (!req.models().followsPeakModel(w.name())) {
      return inputs.get(p + ".peak_factor", w.peakFactor());
    }
    double[] rate = writes == null ? (reads == null ? new double[] {0} : reads)
        : reads == null ? writes : Lanes.plus(writes, reads);
    double[] factor = new double[rate.length];
    for (int i = 0; i < rate.length; i++) {
      factor[i] = PeakModel.factor(req, w, rate[i]);
    }
    return factor;
  }

  /** {@code avg x peak factor} under {@code path}. */
  private static double[] peak(Lanes.Figures out, String path, double[] avg, double[] peakFactor) {
    if (peakFactor.length == 1) {
      out.scaled(path, avg, peakFactor[0]);
      return out.get(path);
    }
    double[] r = Lanes.times(avg, peakFactor);
    out.put(path, r);
    return r;
  }

  /** {@code a x b} under {@code path}; a scale of {@code a} when {@code b} is one value. */
  private static double[] times(Lanes.Figures out, String path, double[] a, double[] b) {
    if (b.length == 1) {
      out.scaled(path, a, b[0]);
      return out.get(path);
    }
    double[] r = Lanes.times(a, b);
    out.put(path, r);
    return r;
  }

  private static double[] perSecond(Inputs inputs, String workload, String kind, Optional<Rate> absolute,
      Optional<Rate> perUser, double[] dau, TimeBase time) {
    if (absolute.isPresent()) {
      return inputs.get(workload + "." + kind, absolute.get().perSecond(time));
    }
    if (perUser.isPresent() && dau != null) {
      return Lanes.times(inputs.get(workload + "." + kind + "_per_user", perUser.get().perSecond(time)), dau);
    }
    return null;
  }

  private static void flow(Lanes.Figures out, String path, double[] perSecond, double[] peakFactor, double day,
      Totals totals) {
    if (perSecond == null) {
      return;
    }
    out.put(path + ".avg_per_second", perSecond);
    out.scaled(path + ".per_day", perSecond, day);
    double[] perDay = out.get(path + ".per_day");
    double[] peak = peak(out, path + ".peak_per_second", perSecond, peakFactor);
    totals.perDay = Lanes.sum(totals.perDay, perDay);
    totals.avg = Lanes.sum(totals.avg, perSecond);
    totals.peak = Lanes.sum(totals.peak, peak);
  }

  /** Running sums of requests; null until a workload adds to them. */
  private static final class Totals {
    double[] perDay;
    double[] avg;
    double[] peak;

    void add(Totals other) {
      if (other.perDay != null) {
        perDay = Lanes.sum(perDay, other.perDay);
        avg = Lanes.sum(avg, other.avg);
        peak = Lanes.sum(peak, other.peak);
      }
    }

    void putInto(Lanes.Figures out, String path) {
      if (perDay != null) {
        out.put(path + ".per_day", perDay);
        out.put(path + ".avg_per_second", avg);
        out.put(path + ".peak_per_second", peak);
      } else if (path.equals("traffic.total")) {
        double[] zero = {0};
        out.put(path + ".per_day", zero);
        out.put(path + ".avg_per_second", zero);
        out.put(path + ".peak_per_second", zero);
      }
    }
  }

  /** The estimate records of a one-lane computation. */
  private static Estimate point(Requirements req, Lanes.Figures f) {
    OptionalDouble dau = f.optional("users.dau");
    List<WorkloadFigures> workloads = new ArrayList<>();
    for (Workload w : req.workloads()) {
      String p = "workloads." + w.name();
      Optional<WorkloadStorage> storage = f.has(p + ".storage.bytes_per_day")
          ? Optional.of(new WorkloadStorage(f.at(p + ".storage.bytes_per_day"), f.at(p + ".storage.bytes_per_month"),
              f.at(p + ".storage.bytes_per_year"), f.optional(p + ".storage.bytes_retained"),
              f.optional(p + ".storage.objects_retained")))
          : Optional.empty();
      workloads.add(new WorkloadFigures(w.name(), f.at(p + ".peak_factor"), flow(f, p + ".writes"),
          flow(f, p + ".reads"), bandwidth(f, p + ".ingress"), bandwidth(f, p + ".egress"), storage));
    }
    Optional<StorageFigures> storage = Optional.empty();
    if (f.has("storage.bytes_per_day")) {
      Optional<Retained> retained = f.has("storage.bytes_retained")
          ? Optional.of(new Retained(f.at("storage.retention_seconds"), f.at("storage.bytes_retained"),
              f.at("storage.objects_retained"), f.at("storage.replication"), f.at("storage.bytes_replicated")))
          : Optional.empty();
      storage = Optional.of(new StorageFigures(f.at("storage.bytes_per_day"), f.at("storage.bytes_per_month"),
          f.at("storage.bytes_per_year"), retained));
    }
    Optional<CacheFigures> cache = f.has("cache.bytes")
        ? Optional.of(new CacheFigures(f.at("cache.hot_fraction"), f.at("cache.bytes"), f.optional("cache.nodes")))
        : Optional.empty();
    String bound = null;
    double most = -1;
    for (String b : List.of("storage", "writes", "reads")) {
      if (f.has("capacity.shards_by_" + b) && f.at("capacity.shards_by_" + b) > most) {
        most = f.at("capacity.shards_by_" + b);
        bound = b;
      }
    }
    CapacityFigures capacity = new CapacityFigures(f.optional("capacity.servers"), f.optional("capacity.shards"),
        f.optional("capacity.shards_by_storage"), f.optional("capacity.shards_by_writes"),
        f.optional("capacity.shards_by_reads"), Optional.ofNullable(bound), f.optional("capacity.nodes"));
    Optional<Sla.Tier> availability = req.availabilityTarget().isPresent()
        ? Optional.of(Sla.tier(req.availabilityTarget().getAsDouble(), req.conventions().calendar()))
        : Optional.empty();
    return new Estimate(req, dau, workloads, flow(f, "traffic.writes"), flow(f, "traffic.reads"),
        flow(f, "traffic.total").orElseThrow(), storage, bandwidth(f, "bandwidth.ingress"),
        bandwidth(f, "bandwidth.egress"), cache, capacity, availability);
  }

  private static Optional<Flow> flow(Lanes.Figures f, String path) {
    return f.has(path + ".per_day")
        ? Optional.of(new Flow(f.at(path + ".per_day"), f.at(path + ".avg_per_second"), f.at(path + ".peak_per_second")))
        : Optional.empty();
  }

  private static Optional<Bandwidth> bandwidth(Lanes.Figures f, String path) {
    return f.has(path + ".avg_bytes_per_second")
        ? Optional.of(new Bandwidth(f.at(path + ".avg_bytes_per_second"), f.at(path + ".peak_bytes_per_second")))
        : Optional.empty();
  }
}
