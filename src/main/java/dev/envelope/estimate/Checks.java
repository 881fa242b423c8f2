package dev.envelope.estimate;

import dev.envelope.model.InputLocations;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Workload;
import dev.envelope.diagnostic.Warning;
import dev.envelope.diagnostic.WarningId;
import dev.envelope.units.Format;
import dev.envelope.units.Rate;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Assumption checks: inputs that read but contradict each other, lie far outside what real
 * services have, or are ignored by the estimate. Each check runs after the estimate, so that it
 * can compare inputs with the figures they give (a cache larger than the data it caches). They
 * warn and never change a figure; {@code --strict} makes them errors.
 *
 * <p>The thresholds, each with its reason:
 *
 * <ul>
 *   <li>a peak factor under 1 puts the peak below the average, which is impossible; over 20, the
 *       peak would carry a whole day's requests in 72 minutes (24 would carry them in one hour);
 *   <li>utilization over 90%: queueing delay grows as 1 / (1 - utilization) (an M/M/1 queue waits
 *       10 service times at 90%), and the loss of one node overloads the others;
 *   <li>over 10,000 requests per user per day: one request every 8.6 seconds, day and night, from
 *       every daily user, which is a machine rather than a person;
 *   <li>a payload or read size over 1 GiB per request: requests that large are split into parts
 *       (Amazon S3 takes at most 5 GB in one PUT), so the figure is likely a total; under 1 byte,
 *       the request carries nothing, not even an identifier;
 *   <li>two forms of one figure (a read:write ratio beside a read rate; dau beside mau x
 *       daily_active) disagree when they differ by more than 10%, well beyond the rounding of
 *       hand-written inputs (1160/s against 100M/day is 0.2%).
 * </ul>
 */
public final class Checks {
  private Checks() {}

  public static final double MIN_PEAK_FACTOR = 1;
  public static final double MAX_PEAK_FACTOR = 20;
  public static final double MAX_UTILIZATION = 0.9;
  public static final double MAX_REQUESTS_PER_USER_PER_DAY = 10_000;
  /** 1 GiB: the largest payload that reads as one request rather than a total. */
  public static final double MAX_PAYLOAD_BYTES = 1024.0 * 1024 * 1024;
  public static final double MIN_PAYLOAD_BYTES = 1;
  /** How far two forms of one figure may differ before they disagree: 10%. */
  public static final double TOLERANCE = 0.1;

  /** Every warning about {@code req} and its estimate {@code e}, placed by {@code where}, in file order. */
  public static List<Warning> run(Requirements req, Estimate e, InputLocations where) {
    List<Warning> out = new ArrayList<>(e.warnings());
    new Run(req, e, where, out).all();
    return Warning.sorted(out);
  }

  private record Run(Requirements req, Estimate e, InputLocations where, List<Warning> out) {
    void all() {
      users();
      peakFactors();
      poissonFloor();
      for (Workload w : req.workloads()) {
        workload(w);
      }
      utilization();
      cache();
      nodes();
      ignored();
      singlePointsOfFailure();
    }

    /** A component with one replica takes the whole chain down when it fails. */
    void singlePointsOfFailure() {
      for (int i = 0; e.has("availability.components." + i + ".single_point_of_failure"); i++) {
        String p = "availability.components." + i;
        if (Boolean.TRUE.equals(e.text(p + ".single_point_of_failure"))) {
          out.add(new Warning(where.at("availability", "components"), p, e.text(p + ".name")
              + " is a single point of failure: one replica, so the whole chain is down whenever it is; add a"
              + " replica or accept the risk", WarningId.SINGLE_POINT_OF_FAILURE));
        } else if (e.has(p + ".required") && e.value(p + ".required") == e.value(p + ".replicas")) {
          // n of n: every replica is a single point of failure, so the component fails about n times as often as one.
          long n = Math.round(e.value(p + ".replicas"));
          out.add(new Warning(where.at("availability", "components"), p, e.text(p + ".name") + " needs all " + n
              + " of its " + n + " replicas up: each is a single point of failure, so it is down about " + n
              + " times as often as one replica; lower required, add a replica, or accept the risk",
              WarningId.ALL_REPLICAS_REQUIRED));
        }
      }
    }

    /** Per day, or 0 where the workload has no such requests. */
    double perDay(String workload, String kind) {
      return e.optional("workloads." + workload + "." + kind + ".per_day").orElse(0);
    }

    double avg(String workload, String kind) {
      return e.optional("workloads." + workload + "." + kind + ".avg_per_second").orElse(0);
    }

    /** A workload's reads a second as its rates give them: its connections' heartbeats left out. */
    double requestReads(String workload) {
      return avg(workload, "reads")
          - e.optional("workloads." + workload + ".connections.heartbeats.avg_per_second").orElse(0);
    }

    void warn(WarningId id, String message, String... path) {
      out.add(new Warning(where.at(path), String.join(".", path), message, id));
    }

    UnitSystem units() {
      return req.conventions().units();
    }

    void users() {
      if (req.users().isPresent()) {
        Requirements.Users u = req.users().get();
        if (u.dau().isEmpty() || u.mau().isEmpty()) {
          return;
        }
        double dau = u.dau().getAsDouble();
        double mau = u.mau().getAsDouble();
        if (!sameLayer(List.of("users", "dau"), List.of("users", "mau"), List.of("users", "daily_active"))) {
          return;
        }
        if (dau > mau) {
          warn(WarningId.DAU_OVER_MAU, "daily active users (" + Format.count(dau) + ") exceed monthly active users (" + Format.count(mau)
              + "), but every daily user is a monthly one; check both counts (the estimate uses dau)", "users", "dau");
        } else if (u.dailyActive().isPresent()) {
          double derived = mau * u.dailyActive().getAsDouble();
          if (disagree(derived, dau)) {
            warn(WarningId.USERS_DISAGREE, "mau x daily_active = " + Format.count(mau) + " x " + Format.percent(u.dailyActive().getAsDouble())
                + " = " + Format.count(derived) + " disagrees with dau (" + Format.count(dau) + "); the estimate uses"
                + " dau and ignores the other two: fix one, or drop mau and daily_active", "users", "daily_active");
          }
        }
      }
    }

    /** A Poisson peak floored at the average: the percentile's busiest second holds fewer requests. */
    void poissonFloor() {
      Optional<Requirements.Peak> peak = req.models().peak();
      if (peak.isEmpty() || !peak.get().poisson()) {
        return;
      }
      boolean combined = peak.get().model() == Requirements.PeakKind.COMBINED;
      double hour = combined ? peak.get().value() * PeakModel.HOURS_PER_DAY : 1;
      List<String> floored = new ArrayList<>();
      for (Workload w : req.workloads()) {
        if (!req.models().followsPeakModel(w.name())) {
          continue;
        }
        double rate = avg(w.name(), "writes") + requestReads(w.name());
        if (PeakModel.belowAverage(rate * hour, peak.get().secondPercentile())) {
          floored.add(w.name());
        }
      }
      if (!floored.isEmpty()) {
        warn(WarningId.PEAK_AT_AVERAGE, "at the average rate of " + String.join(", ", floored.subList(0, Math.min(3, floored.size())))
            + (floored.size() > 3 ? " and " + (floored.size() - 3) + " more" : "") + ", the busiest second at the p"
            + Format.sig3(peak.get().secondPercentile() * 100) + (combined
                ? " of the busiest hour holds fewer requests than the hour's average, so the peak is taken as that"
                    + " average (the diurnal factor)"
                : " holds fewer requests than the average, so the peak is taken as the average (factor 1)") + "; check the percentile (99.9 is usual), or give peak_factor",
            "traffic", "peak", "percentile");
      }
    }

    void peakFactors() {
      // The file's factor, where a workload inherits it; each workload's own, where it has one.
      boolean fileChecked = false;
      for (Workload w : req.workloads()) {
        boolean own = where.has("workloads", w.name(), "peak_factor");
        if (own) {
          peak(w.peakFactor(), "workloads", w.name(), "peak_factor");
        } else if (!fileChecked && where.has("traffic", "peak_factor")) {
          peak(w.peakFactor(), "traffic", "peak_factor");
          fileChecked = true;
        }
      }
    }

    void peak(double factor, String... path) {
      if (factor < MIN_PEAK_FACTOR) {
        warn(WarningId.PEAK_FACTOR_LOW, "a peak factor of " + Format.plain(factor) + " puts the peak below the average, which no traffic"
            + " has (peak >= average); expected 1 or more (2 is the usual figure)", path);
      } else if (factor > MAX_PEAK_FACTOR) {
        warn(WarningId.PEAK_FACTOR_HIGH, "a peak factor of " + Format.plain(factor) + " is over " + Format.plain(MAX_PEAK_FACTOR)
            + ": at that peak a whole day's requests would pass in " + Format.duration(86_400 / factor)
            + "; check that the rate is a daily average, or model the burst as a scenario", path);
      }
    }

    void workload(Workload w) {
      String name = w.name();
      String p = "workloads." + name;
      TimeBase time = req.conventions().time();
      perUser(w.writesPerUser(), time, name, "writes_per_user");
      perUser(w.readsPerUser(), time, name, "reads_per_user");
      boolean explicitReads = w.reads().isPresent() || w.readsPerUser().isPresent();
      if (w.readWriteRatio().isPresent() && explicitReads && e.has(p + ".writes.per_day") && e.has(p + ".reads.per_day")
          && avg(name, "writes") > 0
          && sameLayer(List.of("workloads", name, "read_write_ratio"), List.of("workloads", name, "reads"),
              List.of("workloads", name, "reads_per_user"), List.of("workloads", name, "writes"),
              List.of("workloads", name, "writes_per_user"))) {
        double ratio = w.readWriteRatio().getAsDouble();
        double actual = requestReads(name) / avg(name, "writes");
        if (disagree(actual, ratio)) {
          warn(WarningId.RATIO_DISAGREES, "read_write_ratio " + ratio(ratio) + " disagrees with the read and write rates, whose ratio is "
              + ratio(actual) + " (" + Format.count(perDay(name, "reads")) + " reads and "
              + Format.count(perDay(name, "writes")) + " writes a day); the estimate uses the read rate and"
              + " ignores the ratio: fix one, or drop the ratio", "workloads", name, "read_write_ratio");
        }
      }
      double total = perDay(name, "writes") + perDay(name, "reads");
      // A workload of connections alone (presence without heartbeats) has no rate by design.
      boolean rated = w.writes().isPresent() || w.writesPerUser().isPresent() || w.reads().isPresent()
          || w.readsPerUser().isPresent() || w.delivery().connections().isEmpty();
      if (total == 0 && rated) {
        boolean perUser = w.writesPerUser().isPresent() || w.readsPerUser().isPresent();
        boolean noUsers = perUser && e.has("users.dau") && e.value("users.dau") == 0;
        warn(WarningId.ZERO_RATES, "every rate of this workload is zero" + (noUsers ? " (users.dau is 0)" : "")
            + ", so it adds no traffic, storage or bandwidth; check its rates"
            + (noUsers ? " and the user count" : ""), "workloads", name);
      }
      size(w.payload(), "stores", "workloads", name, "payload");
      if (where.has("workloads", name, "read_size")) {
        size(w.readSize(), "returns", "workloads", name, "read_size");
      }
    }

    void perUser(Optional<Rate> rate, TimeBase time, String workload, String key) {
      if (rate.isPresent()) {
        Rate r = rate.get();
        double perDay = r.perSecond(time) * time.secondsPerDay();
        if (perDay > MAX_REQUESTS_PER_USER_PER_DAY) {
          warn(WarningId.RATE_PER_USER_HIGH, Format.count(perDay) + " a day per user is over " + Format.integer(MAX_REQUESTS_PER_USER_PER_DAY)
              + ": one request every " + Format.duration(time.secondsPerDay() / perDay) + ", day and night, from every"
              + " daily user; check the unit (per day, not per hour?), or whether " + r + " is the whole system's rate"
              + " (then write " + key.replace("_per_user", "") + ": " + r + ")", "workloads", workload, key);
        }
      }
    }

    void size(OptionalDouble bytes, String verb, String... path) {
      if (bytes.isEmpty()) {
        return;
      }
      double b = bytes.getAsDouble();
      if (b > MAX_PAYLOAD_BYTES) {
        warn(WarningId.PAYLOAD_LARGE, Format.bytes(b, units()) + " per request is over 1 GiB: requests that large are split into parts"
            + " (Amazon S3 takes at most 5 GB in one PUT), so this looks like a total; check the unit and that it is"
            + " the size of one request", path);
      } else if (b < MIN_PAYLOAD_BYTES) {
        warn(WarningId.PAYLOAD_EMPTY, "a request that " + verb + " " + Format.bytes(b, units()) + " carries nothing, not even an"
            + " identifier; check the unit, or leave " + path[path.length - 1] + " out", path);
      }
    }

    void utilization() {
      double u = req.capacity().utilization();
      if (u > MAX_UTILIZATION && where.has("capacity", "utilization")) {
        warn(WarningId.UTILIZATION_HIGH, "utilization " + Format.percent(u) + " leaves " + Format.percent(1 - u) + " headroom: queueing delay"
            + " grows as 1 / (1 - utilization) (" + Format.sig3(1 / (1 - u)) + " service times here), and losing one"
            + " node overloads the others; plan for at most 90% (70% is the default)", "capacity", "utilization");
      }
    }

    void cache() {
      if (!e.has("cache.bytes") || !e.has("storage.bytes_retained")) {
        return;
      }
      // A workload that reads what it does not write reads data from outside the file (a catalogue,
      // media): the data retained is then not all the data, and the cache may well be larger.
      for (Workload w : req.workloads()) {
        String p = "workloads." + w.name();
        if (e.has(p + ".egress.avg_bytes_per_second") && !e.has(p + ".storage.bytes_per_day")) {
          return;
        }
      }
      double cache = e.value("cache.bytes");
      double retained = e.value("storage.bytes_retained");
      if (cache > retained) {
        String[] path = where.has("cache", "hot_fraction")
            ? new String[] {"cache", "hot_fraction"} : new String[] {"storage", "retention"};
        warn(WarningId.CACHE_OVER_DATA, "the cache (" + Format.bytes(cache, units()) + ") is larger than all the data retained ("
            + Format.bytes(retained, units()) + "): it is sized on a day's read bytes, which count every read of the"
            + " same object again, and no cache needs more than the data; check cache.hot_fraction, the read"
            + " rates and sizes, and the retention", path);
      }
    }

    void nodes() {
      OptionalDouble nodes = e.optional("capacity.nodes");
      double copies = req.storage().replication();
      if (nodes.isPresent() && nodes.getAsDouble() < copies) {
        warn(WarningId.NODES_UNDER_COPIES, Format.plain(copies) + " copies of each byte need " + Format.plain(Math.ceil(copies))
            + " nodes, but the estimate has " + Format.integer(nodes.getAsDouble()) + " ("
            + Format.integer(e.optional("capacity.shards").orElse(0)) + " shards); check the rates and sizes the shards"
            + " are counted from", "storage", "replication");
      }
    }

    void ignored() {
      Requirements.Capacity cap = req.capacity();
      boolean stored = e.has("storage.bytes_per_day");
      if (cap.shardStorage().isPresent() && !e.has("capacity.shards_by_storage")) {
        warn(WarningId.IGNORED_INPUT, !stored ? "ignored: shards by storage divide the data retained, and no workload stores any (a write"
                + " rate with a payload); add a payload, or drop shard_storage"
            : "ignored: shards by storage divide the data retained, which needs storage.retention; add a"
                + " retention (e.g. 5y), or drop shard_storage", "capacity", "shard_storage");
      }
      if (cap.shardWriteQps().isPresent() && !e.has("traffic.writes.per_day")) {
        warn(WarningId.IGNORED_INPUT, "ignored: no workload writes, so there are no writes to spread over shards; add a write rate, or"
            + " drop shard_write_qps", "capacity", "shard_write_qps");
      }
      if (cap.shardReadQps().isPresent() && !e.has("traffic.reads.per_day")) {
        warn(WarningId.IGNORED_INPUT, "ignored: no workload reads, so there are no reads to spread over shards; add a read rate, or drop"
            + " shard_read_qps", "capacity", "shard_read_qps");
      }
      if (!e.has("cache.bytes")) {
        for (String key : List.of("hot_fraction", "node_memory")) {
          // The working set uses node_memory too.
          if (where.has("cache", key) && !(key.equals("node_memory") && e.has("cache.working_set_bytes"))) {
            warn(WarningId.IGNORED_INPUT, "ignored: the cache is sized on reads with a size, and no workload has them (a read rate or"
                + " read_write_ratio, with payload or read_size" + (req.workloads().stream()
                    .anyMatch(w -> !w.delivery().cached()) ? ", in a workload without cache: false" : "")
                + "); add them, or drop " + key, "cache", key);
          }
        }
      }
      if (!stored && where.has("storage", "retention")) {
        warn(WarningId.IGNORED_INPUT, "ignored: no workload stores data (a write rate with a payload), so nothing is retained; add a"
            + " payload, or drop retention", "storage", "retention");
      }
      for (Workload w : req.workloads()) {
        if (!e.has("workloads." + w.name() + ".reads.per_day") && where.has("workloads", w.name(), "read_size")) {
          warn(WarningId.IGNORED_INPUT, "ignored: this workload has no reads; add reads_per_user, reads or read_write_ratio, or drop"
              + " read_size", "workloads", w.name(), "read_size");
        }
      }
      prices();
    }

    /** A unit price whose quantity the estimate lacks prices nothing: say what it needs. */
    void prices() {
      String[][] parts = {
          {"server_per_month", "servers", "there are no servers to price",
              "give capacity.server_qps or a workload's connections.per_server"},
          {"cache_node_per_month", "cache", "there are no cache nodes to price",
              "give cache.node_memory, with reads the cache holds or with hot_objects"},
          {"storage_per_gb_month", "storage", "storage is priced on the replicated bytes retained, and there are"
              + " none", "give storage.retention and a workload that stores data (a write rate with a payload)"},
          {"egress_per_gb", "egress", "no workload serves any bytes", "give a workload reads with a read_size (or a"
              + " payload)"},
          {"cdn_egress_per_gb", "cdn_egress", "no CDN serves any bytes", "give a workload that reads a cdn:"
              + " {hit_ratio: 90%}"}};
      for (String[] part : parts) {
        if (where.has("cost", part[0]) && !e.has("cost." + part[1] + ".per_month")) {
          warn(WarningId.IGNORED_PRICE, "ignored: " + part[2] + "; " + part[3] + ", or drop " + part[0], "cost", part[0]);
        }
      }
    }

    /**
     * Whether the given inputs come from one place: all written in the file, or all set by
     * overrides. Two forms of one figure disagree as soon as an override changes one of them (a
     * what-if on users.dau leaves the file's mau behind); that is the point of the override, not a
     * mistake, and is not reported.
     */
    boolean sameLayer(List<?>... paths) {
      Boolean overridden = null;
      for (List<?> p : paths) {
        String[] path = p.toArray(String[]::new);
        if (!where.has(path)) {
          continue;
        }
        boolean o = where.overridden(path);
        if (overridden != null && overridden != o) {
          return false;
        }
        overridden = o;
      }
      return true;
    }

    private static boolean disagree(double a, double b) {
      return Math.abs(a - b) > TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private static String ratio(double readsPerWrite) {
      return readsPerWrite >= 1 ? Format.sig3(readsPerWrite) + ":1" : "1:" + Format.sig3(1 / readsPerWrite);
    }
  }
}
