package dev.envelope.estimate;

import static dev.envelope.estimate.Derivation.apply;
import static dev.envelope.estimate.Derivation.atLeast;
import static dev.envelope.estimate.Derivation.atMost;
import static dev.envelope.estimate.Derivation.choice;
import static dev.envelope.estimate.Derivation.difference;
import static dev.envelope.estimate.Derivation.max;
import static dev.envelope.estimate.Derivation.product;
import static dev.envelope.estimate.Derivation.quotient;
import static dev.envelope.estimate.Derivation.sum;

import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Term;
import dev.envelope.estimate.Derivation.Unit;
import dev.envelope.model.InputLocations;
import dev.envelope.diagnostic.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.Requirements.Assumption;
import dev.envelope.model.Requirements.CallLatency;
import dev.envelope.model.Requirements.Component;
import dev.envelope.model.Requirements.Workload;
import dev.envelope.model.Requirements.WorkloadModel;
import dev.envelope.units.Calendar;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Format;
import dev.envelope.units.Rate;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The method: every figure of an estimate, each declared once, in the order of the JSON output
 * (docs/json-reference.md), with its path, its words and symbol, its unit, the part of the
 * estimate it belongs to, its source, when it is present, and its formula over the file's inputs
 * and other figures. From that one declaration come the figure's value at the point and on the
 * lanes of a Monte Carlo or a sensitivity analysis ({@link Lanes}), its {@code explain} step, its
 * napkin working, its overflow diagnosis, the table notes and its place in JSON.
 *
 * <p>Presence is data: a figure is declared only where the file gives what it needs (a workload's
 * storage where it writes with a payload, servers where a per-server limit is given), so that
 * what is present depends on which keys the file has, never on the values they take. Where a
 * formula depends on a value (a floor of one server, a choice between a wait and none), the
 * formula holds both and picks lane by lane ({@link Derivation#atLeast}, {@link Derivation#choice}).
 *
 * <p>Figures are declared in JSON order and evaluated on first use, so a figure's step comes
 * after the steps it uses. Each family is one method below: adding a figure is one line in it.
 */
public final class Catalog {
  // Sources, each named once.
  static final String XU = "Alex Xu, System Design Interview, ch. 2 (back-of-the-envelope estimation)";
  static final String PRIMER = "System Design Primer, back-of-the-envelope calculations";
  static final String GROKKING = "Grokking the System Design Interview, URL shortener (the 80/20 cache rule)";
  static final String COUNTS = "ceil(demand / (per-node limit x utilization)) (docs/method.md)";
  static final String SRE_BOOK = "Google SRE book, Appendix A, Table A-1 (allowed downtime)";
  static final String SRE_WORKBOOK = "Google SRE workbook, ch. 5, Alerting on SLOs, table 5-8";
  static final String PRIMER_AVAILABILITY = "System Design Primer, availability in sequence and in parallel";
  static final String TRIVEDI = "Trivedi, Probability and Statistics with Reliability, section 3.5 (k of n)";
  static final String ALLEN_CUNNEEN = "Allen-Cunneen: Allen, Probability, Statistics, and Queueing Theory (1978),"
      + " ch. 5; docs/models/queueing.md";
  static final String SQRT_STAFFING = "square-root staffing: Halfin and Whitt, Operations Research 29(3), 1981;"
      + " docs/models/queueing.md";
  static final String LITTLE = "Little's law; Kleinrock, Queueing Systems vol. 1, ch. 3 (Erlang C, M/M/c)";
  static final String TAIL = "Dean and Barroso, The Tail at Scale, CACM 2013";
  static final String KAFKA = "Jun Rao, How to choose the number of partitions in a Kafka cluster (max(t/p, t/c))";
  static final String PEAKS = "peak models: diurnal busiest hour x 24; Poisson busiest second (docs/models/peaks.md)";
  // How a workload reaches its users (docs/models/connections.md, docs/models/fanout-on-write.md).
  static final String XU_CHAT = "Alex Xu, System Design Interview vol. 1, ch. 12 (chat: 1M concurrent users x 10 KB"
      + " = 10 GB; a heartbeat every few seconds)";
  static final String GROKKING_MESSENGER = "Grokking the System Design Interview, Facebook Messenger (500M"
      + " connections / 50K a server = 10K servers)";
  static final String KLEPPMANN = "Kleppmann, Designing Data-Intensive Applications, ch. 1 (4.6k tweets/s x 75"
      + " followers = 345k timeline writes/s)";
  static final String CDN = "origin egress = egress x (1 - hit ratio); every byte served leaves the CDN's edge"
      + " (docs/method.md)";
  static final String WORKING_SET = "working set: distinct hot objects x bytes of one (docs/method.md)";
  static final String RECORD = "System Design Primer, Pastebin (a paste's 1,271 bytes summed from its fields)";
  // What it costs (docs/models/cost.md): the file's unit prices times the estimate's quantities.
  static final String COST = "the file's unit prices x the estimate's quantities, a month the calendar's"
      + " (docs/models/cost.md)";
  static final String XU_YOUTUBE = "Alex Xu, System Design Interview vol. 1, ch. 14 (YouTube's CDN: 5M users x 5"
      + " videos x 0.3 GB x $0.02 per GB = $150,000 a day)";

  private final Requirements req;
  private final InputLocations where;
  private final TimeBase time;
  private final Map<String, Assumption> assumptions;
  private final Estimate.Builder out;

  private Catalog(Requirements req, InputLocations where) {
    this.req = req;
    this.where = where;
    this.time = req.conventions().time();
    this.assumptions = new java.util.LinkedHashMap<>();
    for (Assumption a : req.assumptions()) {
      assumptions.putIfAbsent(a.path(), a);
    }
    this.out = new Estimate.Builder(req, where);
  }

  /** The estimate of {@code req}: every figure it has, at the point; {@code where} locates the file's values. */
  public static Estimate estimate(Requirements req, InputLocations where) {
    Catalog c = new Catalog(req, where);
    c.declare();
    return c.out.build();
  }

  /** Like {@link #estimate(Requirements, InputLocations)}, for requirements built without a file. */
  public static Estimate estimate(Requirements req) {
    return estimate(req, InputLocations.none());
  }

  /**
   * One figure path the catalog can give, with workload names and list indices written {@code *}:
   * its unit (null for a text, flag or list of names), its part, its source, and its step in the
   * file of every figure ({@code every-figure.yaml}), whose formula shows how it is computed.
   */
  public record Pattern(String path, Unit unit, Section section, String source, Derivation.Step step) {}

  private static List<Pattern> patterns;

  /**
   * Every figure path there is, in the order of the JSON output: the figures of a file that has
   * every key ({@code every-figure.yaml}), so that the list is the catalog's own and cannot drift.
   */
  public static synchronized List<Pattern> patterns() {
    if (patterns == null) {
      byte[] bytes;
      try (java.io.InputStream in = Catalog.class.getResourceAsStream("/dev/envelope/every-figure.yaml")) {
        bytes = in.readAllBytes();
      } catch (java.io.IOException | NullPointerException e) {
        throw new IllegalStateException("every-figure.yaml is missing from the build", e);
      }
      Requirements req = dev.envelope.model.RequirementsReader.read("every-figure.yaml", bytes,
          dev.envelope.model.RequirementsReader.Need.ESTIMATE);
      Catalog c = new Catalog(req, InputLocations.none());
      c.declare();
      Estimate e = c.out.build();
      java.util.Map<String, Pattern> out = new java.util.LinkedHashMap<>();
      for (Estimate.Figure f : e.figures()) {
        String pattern = pattern(f.path(), req);
        out.putIfAbsent(pattern, new Pattern(pattern, f.numeric() ? f.step().unit() : null, f.section(),
            c.out.source(f.path()), f.step()));
      }
      patterns = List.copyOf(out.values());
    }
    return patterns;
  }

  /** {@code path} with its workload's name and its list index written {@code *}. */
  static String pattern(String path, Requirements req) {
    for (Workload w : req.workloads()) {
      String prefix = "workloads." + w.name() + ".";
      if (path.startsWith(prefix)) {
        return "workloads.*." + path.substring(prefix.length());
      }
    }
    return path.replaceAll("^(availability\\.(components|burn_rate_alerts))\\.\\d+\\.", "$1.*.");
  }

  private void declare() {
    users();
    for (Workload w : req.workloads()) {
      workload(w);
    }
    traffic();
    bandwidth();
    storage();
    cache();
    capacity();
    availability();
    cost();
    UserFigures.declare(req, out);
  }

  // Declarations.

  private void figure(String path, String words, String symbol, Unit unit, Section section, String source,
      Term formula) {
    out.figure(path, words, symbol, unit, section, source, formula);
  }

  /**
   * A figure whose formula is built when first used: one that uses a figure declared after it (a
   * workload's requests a day, from its requests a second). Formulas are built as they are declared
   * where they can be: a lambda costs a short run's start-up some 0.3 ms to link, at each one it meets.
   */
  private void figure(String path, String words, String symbol, Unit unit, Section section, String source,
      Supplier<Term> formula) {
    out.figure(path, words, symbol, unit, section, source, formula);
  }

  /** A figure that repeats a value of the file (or its default): its formula is the value itself. */
  private void given(String path, String words, String symbol, Section section, Operand value) {
    out.figure(path, words, symbol, null, section, "the requirements file", value);
  }

  private void given(String path, String words, String symbol, Section section, Supplier<Operand> value) {
    out.figure(path, words, symbol, null, section, "the requirements file", value.get());
  }

  /** The words of {@code path}'s own step, where they say more than the words others use for it. */
  private void title(String path, String title) {
    out.title(path, title);
  }

  /** Like {@link #title(String, String)}, for words that quote a value worked out when the figure is. */
  private void title(String path, Supplier<String> title) {
    out.title(path, title);
  }

  private void text(String path, Section section, Object value) {
    out.text(path, section, value);
  }

  /** A text worked out when the estimate is built, from figures declared after it. */
  private void text(String path, Section section, Supplier<Object> value) {
    out.text(path, section, value);
  }

  /** The figure at {@code path}, as an operand of another's formula: evaluated on first use. */
  private Operand ref(String path) {
    return out.ref(path, null, null);
  }

  /** Like {@link #ref(String)}, named for its use: {@code tweet writes/day} in a sum over workloads. */
  private Operand ref(String path, String symbol, String words) {
    return out.ref(path, symbol, words);
  }

  private boolean has(String path) {
    return out.declared(path);
  }

  // Users.

  private void users() {
    if (req.users().isEmpty()) {
      return;
    }
    Requirements.Users u = req.users().get();
    if (u.mau().isPresent()) {
      given("users.mau", "monthly active users", "MAU", Section.USERS,
          value("mau", "monthly active users", u.mau().getAsDouble(), Unit.COUNT, List.of("users", "mau")));
    }
    if (u.dailyActive().isPresent()) {
      given("users.daily_active", "share of monthly users active daily", "daily_active", Section.USERS,
          value("daily_active", "share active daily", u.dailyActive().getAsDouble(), Unit.FRACTION,
              List.of("users", "daily_active")));
    }
    if (u.dau().isPresent()) {
      given("users.dau", "daily active users", "DAU", Section.USERS, dauInput());
    } else {
      figure("users.dau", "daily active users", "DAU", Unit.COUNT, Section.USERS, XU, product(
          value("MAU", "monthly active users", u.mau().getAsDouble(), Unit.COUNT, List.of("users", "mau")),
          value("daily_active", "share active daily", u.dailyActive().getAsDouble(), Unit.FRACTION,
              List.of("users", "daily_active"))));
    }
  }

  private Operand dauInput() {
    return value("DAU", "daily active users", req.users().orElseThrow().dau().getAsDouble(), Unit.COUNT,
        List.of("users", "dau"));
  }

  /** Daily active users as the rates use them: the file's dau, or the derived figure. */
  private Operand dau() {
    return req.users().orElseThrow().dau().isPresent() ? dauInput() : ref("users.dau");
  }

  // One workload: its requests, peak factor, bandwidth and storage, then its models.

  private void workload(Workload w) {
    String p = "workloads." + w.name();
    boolean writes = w.writes().isPresent() || (w.writesPerUser().isPresent() && req.users().isPresent());
    boolean heartbeats = heartbeats(w);
    boolean reads = w.reads().isPresent() || (w.readsPerUser().isPresent() && req.users().isPresent())
        || (writes && w.readWriteRatio().isPresent()) || heartbeats;
    boolean modelled = req.models().followsPeakModel(w.name());
    if (writes) {
      flow(w, "writes", () -> rate(w, "writes", w.writes(), w.writesPerUser(), Optional.empty()));
    }
    if (reads) {
      // A connection's heartbeats or updates are reads too: they reach the totals and the servers.
      flow(w, "reads", () -> {
        List<Term> terms = new ArrayList<>();
        requestReads(w, writes).ifPresent(terms::add);
        if (heartbeats) {
          terms.add(ref(p + ".connections.heartbeats.avg_per_second", "heartbeats/s", "heartbeats a second"));
        }
        return sum(terms);
      });
    }
    if (modelled) {
      peakModel(w, writes, reads);
    } else {
      given(p + ".peak_factor", "peak factor", "peak_factor", Section.TRAFFIC, peakFactorInput(w));
    }
    if (modelled) {
      text(p + ".peak_model", Section.TRAFFIC, req.models().peak().orElseThrow().model().key());
    }
    if (w.delivery().record().isPresent()) {
      record(w);
    }
    if (writes && w.payload().isPresent()) {
      bytesFlow(p, "ingress", "bytes written", "writes", payload(w));
    }
    if (reads && w.readSize().isPresent()) {
      bytesFlow(p, "egress", "bytes read", "reads", readSize(w, "read_size", "bytes per read"));
    }
    if (reads && w.delivery().cdnHitRatio().isPresent()) {
      cdn(w);
    }
    if (writes && w.payload().isPresent()) {
      workloadStorage(w);
    }
    if (w.delivery().connections().isPresent()) {
      connections(w, w.delivery().connections().get());
    }
    if (writes && w.delivery().fanoutOnWrite().isPresent()) {
      fanoutOnWrite(w, w.delivery().fanoutOnWrite().get());
    }
    Optional<WorkloadModel> model = req.models().workload(w.name());
    if (model.isPresent()) {
      if (model.get().latencySeconds().isPresent()) {
        queueing(w, model.get());
      }
      if (model.get().fanout().isPresent() && model.get().callLatency().isPresent()) {
        tailLatency(w, model.get());
      }
      if (model.get().stream().isPresent() && has(p + ".ingress.avg_bytes_per_second")) {
        stream(w, model.get());
      }
    }
  }

  /** Per day, average and peak of one kind of request. */
  private void flow(Workload w, String kind, Supplier<Term> avg) {
    String p = "workloads." + w.name() + "." + kind;
    figure(p + ".per_day", kind + " a day", kind + "/day", Unit.COUNT, Section.TRAFFIC, XU,
        () -> product(ref(p + ".avg_per_second"), length(CalendarUnit.DAY)));
    figure(p + ".avg_per_second", kind + " a second", kind + "/s", Unit.PER_SECOND, Section.TRAFFIC, XU, avg);
    figure(p + ".peak_per_second", "peak " + kind + " a second", "peak " + kind + "/s", Unit.PER_SECOND,
        Section.TRAFFIC, XU, () -> product(ref(p + ".avg_per_second"), peakFactor(w)));
  }

  /** Requests a second: an absolute rate, a per-user rate times DAU, or writes times the ratio. */
  private Term rate(Workload w, String kind, Optional<Rate> absolute, Optional<Rate> perUser, Optional<Term> ratio) {
    if (absolute.isPresent()) {
      Rate r = absolute.get();
      Operand amount = value(kind, kind + " " + per(r.per()), r.amount(), Unit.per(r.per()), key(w, kind));
      return r.per() == CalendarUnit.SECOND ? amount : quotient(amount, length(r.per()));
    }
    if (perUser.isPresent()) {
      Rate r = perUser.get();
      Operand rate = value(kind + "_per_user", kind + " per user " + per(r.per()), r.amount(), Unit.per(r.per()),
          key(w, kind + "_per_user"));
      Term total = product(dau(), rate);
      return r.per() == CalendarUnit.SECOND ? total : quotient(total, length(r.per()));
    }
    return ratio.orElseThrow();
  }

  /**
   * A workload's peak factor: its own or the file's, or, where the workload follows the file's
   * {@code traffic.peak} model, its own figure ({@link #peakModel}).
   */
  private Operand peakFactor(Workload w) {
    return req.models().followsPeakModel(w.name()) ? ref("workloads." + w.name() + ".peak_factor")
        : peakFactorInput(w);
  }

  private Operand peakFactorInput(Workload w) {
    List<String> key = where.find(key(w, "peak_factor")).isPresent() ? key(w, "peak_factor")
        : List.of("traffic", "peak_factor");
    return value("peak_factor", "peak factor", w.peakFactor(), Unit.NUMBER, key);
  }

  /** A peak factor from traffic.peak: diurnal share x 24, or the Poisson quantile over the rate (PeakModel). */
  private void peakModel(Workload w, boolean writes, boolean reads) {
    Requirements.Peak peak = req.models().peak().orElseThrow();
    String p = "workloads." + w.name();
    if (peak.model() == Requirements.PeakKind.DIURNAL) {
      title(p + ".peak_factor", "peak factor (diurnal)");
      figure(p + ".peak_factor", "peak factor", "peak_factor", Unit.NUMBER, Section.TRAFFIC, PEAKS,
          hourFactor(peak));
      return;
    }
    if (peak.model() == Requirements.PeakKind.COMBINED) {
      title(p + ".peak_factor", "peak factor (combined): requests in the busiest second at the percentile,"
          + " at the busiest hour's rate, / requests a second");
      figure(p + ".peak_factor", "peak factor", "peak_factor", Unit.NUMBER, Section.TRAFFIC, PEAKS, () -> {
            Term rate = heartbeats(w) ? requestRates(w, writes) : rates(w, writes, reads, "avg_per_second");
            Term factor = quotient(apply(Op.POISSON_QUANTILE, product(rate, hourFactor(peak)), percentile(peak)), rate);
            return choice(rate, constant("0", "no requests", 0, Unit.PER_SECOND, "no requests"),
                atLeast(hourFactor(peak), factor), hourFactor(peak));
          });
      return;
    }
    title(p + ".peak_factor", "peak factor (poisson): requests in the busiest second at the percentile /"
        + " requests a second");
    figure(p + ".peak_factor", "peak factor", "peak_factor", Unit.NUMBER, Section.TRAFFIC, PEAKS, () -> {
          // Heartbeats are periodic, not random arrivals, and their average follows this factor:
          // the factor is the requests' alone.
          Term rate = heartbeats(w) ? requestRates(w, writes) : rates(w, writes, reads, "avg_per_second");
          Term factor = quotient(apply(Op.POISSON_QUANTILE, rate, percentile(peak)), rate);
          Operand one = constant("1", "the average itself", 1, Unit.NUMBER, "a peak is never below the average");
          return choice(rate, constant("0", "no requests", 0, Unit.PER_SECOND, "no requests"), atLeast(one, factor),
              constant("1", "the average itself", 1, Unit.NUMBER, "no requests: the peak is the average"));
        });
  }

  /** The busiest hour's rate over the day's average: its share of the day x 24. */
  private Term hourFactor(Requirements.Peak peak) {
    return product(value("peak_hour_share", "the busiest hour's share of the day", peak.value(), Unit.FRACTION,
        List.of("traffic", "peak", "peak_hour_share")),
        constant("hours", "hours in a day", PeakModel.HOURS_PER_DAY, Unit.NUMBER, "a day: 24 hours"));
  }

  /** The percentile of the busiest second, poisson's or combined's. */
  private Operand percentile(Requirements.Peak peak) {
    return value("percentile", "share of seconds the peak covers", peak.secondPercentile(), Unit.FRACTION,
        List.of("traffic", "peak", "percentile"));
  }

  /** A workload's writes and reads a second together, or their peaks: the rates the models take. */
  private Term rates(Workload w, boolean writes, boolean reads, String figure) {
    String p = "workloads." + w.name();
    List<Term> terms = new ArrayList<>();
    if (writes) {
      terms.add(ref(p + ".writes." + figure));
    }
    if (reads) {
      terms.add(ref(p + ".reads." + figure));
    }
    return terms.isEmpty() ? constant("0", "no requests", 0, Unit.PER_SECOND, "no writes or reads") : sum(terms);
  }

  private void bytesFlow(String p, String symbol, String words, String kind, Operand size) {
    figure(p + "." + symbol + ".avg_bytes_per_second", words + " a second", symbol, Unit.BYTES_PER_SECOND,
        Section.BANDWIDTH, PRIMER, () -> product(ref(p + "." + kind + ".avg_per_second"), size));
    figure(p + "." + symbol + ".peak_bytes_per_second", "peak " + words + " a second", "peak " + symbol,
        Unit.BYTES_PER_SECOND, Section.BANDWIDTH, PRIMER,
        () -> product(ref(p + "." + kind + ".peak_per_second"), size));
  }

  private void workloadStorage(Workload w) {
    String p = "workloads." + w.name();
    String q = p + ".storage";
    Supplier<List<Term>> stored = () -> {
      List<Term> terms = new ArrayList<>();
      terms.add(ref(p + ".writes.avg_per_second"));
      terms.add(payload(w));
      overhead().ifPresent(terms::add);
      return terms;
    };
    figure(q + ".bytes_per_day", "bytes stored a day", "stored/day", Unit.BYTES, Section.STORAGE, XU,
        product(with(stored.get(), length(CalendarUnit.DAY))));
    figure(q + ".bytes_per_month", "bytes stored a month", "stored/month", Unit.BYTES, Section.STORAGE, XU,
        product(with(stored.get(), length(CalendarUnit.MONTH))));
    figure(q + ".bytes_per_year", "bytes stored a year", "stored/year", Unit.BYTES, Section.STORAGE, XU,
        product(with(stored.get(), length(CalendarUnit.YEAR))));
    if (req.storage().retention().isPresent()) {
      figure(q + ".bytes_retained", "bytes kept over the retention", "retained", Unit.BYTES, Section.STORAGE, XU,
          () -> product(with(stored.get(), ref("storage.retention_seconds"))));
      figure(q + ".objects_retained", "objects kept over the retention", "objects", Unit.COUNT, Section.STORAGE,
          PRIMER, () -> product(ref(p + ".writes.avg_per_second"), ref("storage.retention_seconds")));
    }
  }

  // Totals.

  private void traffic() {
    List<String> kinds = new ArrayList<>();
    for (String kind : List.of("writes", "reads")) {
      // Each flow of this kind, by its figures' prefix and the name it goes by in the sum.
      Map<String, String> with = new java.util.LinkedHashMap<>();
      for (Workload w : req.workloads()) {
        String flow = "workloads." + w.name() + "." + kind;
        if (has(flow + ".per_day")) {
          with.put(flow, w.name());
        }
        // A write copied to each follower's timeline is a write of its own.
        String timeline = "workloads." + w.name() + ".fanout_on_write.timeline_writes";
        if (kind.equals("writes") && has(timeline + ".per_day")) {
          with.put(timeline, w.name() + " timeline");
        }
      }
      if (with.isEmpty()) {
        continue;
      }
      kinds.add(kind);
      String p = "traffic." + kind;
      figure(p + ".per_day", kind + " a day", kind + "/day", Unit.COUNT, Section.TRAFFIC, XU,
          sum(named(with, ".per_day", kind + "/day", kind + " a day")));
      title(p + ".per_day", "all " + kind + " a day");
      figure(p + ".avg_per_second", kind + " a second", kind + "/s", Unit.PER_SECOND, Section.TRAFFIC, XU,
          sum(named(with, ".avg_per_second", kind + "/s", kind + " a second")));
      title(p + ".avg_per_second", "all " + kind + " a second");
      if (poissonTotal(List.of(kind)).isPresent()) {
        figure(p + ".peak_per_second", "peak " + kind + " a second", "peak " + kind + "/s", Unit.PER_SECOND,
            Section.TRAFFIC, PEAKS, poissonTotal(List.of(kind)).orElseThrow());
        title(p + ".peak_per_second", "all peak " + kind + " a second: " + poissonTotalTitle());
      } else {
        figure(p + ".peak_per_second", "peak " + kind + " a second", "peak " + kind + "/s", Unit.PER_SECOND,
            Section.TRAFFIC, XU, sum(named(with, ".peak_per_second", "peak " + kind + "/s", "peak " + kind + " a second")));
        title(p + ".peak_per_second", "all peak " + kind + " a second");
      }
    }
    String[] figures = {"per_day", "avg_per_second", "peak_per_second"};
    String[] words = {"requests a day", "requests a second", "peak requests a second"};
    String[] symbols = {"requests/day", "requests/s", "peak requests/s"};
    Unit[] units = {Unit.COUNT, Unit.PER_SECOND, Unit.PER_SECOND};
    for (int i = 0; i < 3; i++) {
      String f = figures[i];
      if (f.equals("peak_per_second") && poissonTotal(kinds).isPresent()) {
        figure("traffic.total." + f, words[i], symbols[i], units[i], Section.TRAFFIC, PEAKS,
            poissonTotal(kinds).orElseThrow());
        title("traffic.total." + f, "peak requests a second: " + poissonTotalTitle());
        continue;
      }
      figure("traffic.total." + f, words[i], symbols[i], units[i], Section.TRAFFIC, XU, kinds.isEmpty()
          ? constant("0", "no requests", 0, units[f.equals("per_day") ? 0 : 1], "no workload has a rate")
          : sum(kindTotals(kinds, f)));
    }
  }

  /** The totals of each kind of request, {@code traffic.KIND.FIGURE}, as the terms of the total of all. */
  private List<Term> kindTotals(List<String> kinds, String f) {
    String peak = f.equals("peak_per_second") ? "peak " : "";
    List<Term> terms = new ArrayList<>();
    for (String k : kinds) {
      terms.add(ref("traffic." + k + "." + f, peak + k + (f.equals("per_day") ? "/day" : "/s"),
          peak + k + (f.equals("per_day") ? " a day" : " a second")));
    }
    return terms;
  }

  /** The figure {@code suffix} of each flow of {@code with} (prefix to the name it goes by in the sum). */
  private List<Term> named(Map<String, String> with, String suffix, String symbol, String words) {
    List<Term> terms = new ArrayList<>();
    for (Map.Entry<String, String> w : with.entrySet()) {
      terms.add(named(w.getKey() + suffix, w.getValue(), symbol, words));
    }
    return terms;
  }

  private String poissonTotalTitle() {
    boolean combined = req.models().peak().isPresent()
        && req.models().peak().get().model() == Requirements.PeakKind.COMBINED;
    return "the busiest second of the Poisson workloads' requests together, at the percentile"
        + (combined ? " and the busiest hour's rate" : "")
        + ", plus the peaks of what is not Poisson (heartbeats, timeline writes, own peak factors)";
  }

  /**
   * Under {@code traffic.peak: poisson}, a total's peak of the given kinds: the quantile of the sum of
   * the modelled workloads' request rates (the percentile of the sum, not the sum of percentiles:
   * ten workloads of 1/s at p99.9 peak at 21/s together, not 10 x 5), floored at that sum, plus the
   * peaks of the rest as they are: heartbeats (periodic), timeline writes (copies of a write, not
   * independent arrivals) and workloads with a peak factor of their own. Empty without a Poisson
   * model or a workload that follows it.
   */
  private Optional<Term> poissonTotal(List<String> kinds) {
    Optional<Requirements.Peak> peak = req.models().peak();
    if (peak.isEmpty() || !peak.get().poisson()) {
      return Optional.empty();
    }
    List<Term> rates = new ArrayList<>();
    List<Term> others = new ArrayList<>();
    for (Workload w : req.workloads()) {
      String p = "workloads." + w.name();
      boolean follows = req.models().followsPeakModel(w.name());
      for (String kind : kinds) {
        if (!has(p + "." + kind + ".per_day")) {
          continue;
        }
        if (!follows) {
          others.add(named(p + "." + kind + ".peak_per_second", w.name(), "peak " + kind + "/s",
              "peak " + kind + " a second"));
        } else if (kind.equals("reads") && heartbeats(w)) {
          rates.add(difference(named(p + ".reads.avg_per_second", w.name(), "reads/s", "reads a second"),
              named(p + ".connections.heartbeats.avg_per_second", w.name(), "heartbeats/s", "heartbeats a second")));
          others.add(named(p + ".connections.heartbeats.peak_per_second", w.name(), "peak heartbeats/s",
              "peak heartbeats a second"));
        } else {
          rates.add(named(p + "." + kind + ".avg_per_second", w.name(), kind + "/s", kind + " a second"));
        }
      }
      String timeline = p + ".fanout_on_write.timeline_writes";
      if (kinds.contains("writes") && has(timeline + ".per_day")) {
        others.add(named(timeline + ".peak_per_second", w.name() + " timeline", "peak writes/s",
            "peak writes a second"));
      }
    }
    if (rates.isEmpty()) {
      return Optional.empty();
    }
    Term rate = sum(rates);
    // Combined: the busiest second within the busiest hour, whose rate is the day's x share x 24.
    Supplier<Term> at = () -> peak.get().model() == Requirements.PeakKind.COMBINED
        ? product(sum(rates), hourFactor(peak.get())) : sum(rates);
    Term quantile = apply(Op.POISSON_QUANTILE, at.get(), percentile(peak.get()));
    Term poisson = choice(rate, constant("0", "no requests", 0, Unit.PER_SECOND, "no requests"),
        atLeast(at.get(), quantile), constant("0", "no requests", 0, Unit.PER_SECOND, "no requests: no peak"));
    List<Term> terms = new ArrayList<>();
    terms.add(poisson);
    terms.addAll(others);
    return Optional.of(sum(terms));
  }

  /** A workload's figure named for a sum over workloads: {@code tweet writes/day}. */
  private Operand named(String path, String workload, String symbol, String words) {
    return ref(path, workload + " " + symbol, workload + " " + words);
  }

  private void bandwidth() {
    for (String kind : List.of("ingress", "egress")) {
      String words = kind.equals("ingress") ? "bytes written" : "bytes read";
      List<String> with = new ArrayList<>();
      for (Workload w : req.workloads()) {
        if (has("workloads." + w.name() + "." + kind + ".avg_bytes_per_second")) {
          with.add("workloads." + w.name());
        }
      }
      if (with.isEmpty()) {
        continue;
      }
      String p = "bandwidth." + kind;
      title(p + ".avg_bytes_per_second", "all " + words + " a second");
      title(p + ".peak_bytes_per_second", "all peak " + words + " a second");
      figure(p + ".avg_bytes_per_second", words + " a second", kind, Unit.BYTES_PER_SECOND,
          Section.BANDWIDTH, PRIMER, sum(flows(with, kind, ".avg_bytes_per_second", "", words)));
      figure(p + ".peak_bytes_per_second", "peak " + words + " a second", "peak " + kind, Unit.BYTES_PER_SECOND,
          Section.BANDWIDTH, PRIMER, sum(flows(with, kind, ".peak_bytes_per_second", "peak ", words)));
    }
    cdnTotals();
  }

  /** Each workload's {@code KIND.FIGURE} (bytes a second), as the terms of the total. */
  private List<Term> flows(List<String> with, String kind, String figure, String peak, String words) {
    List<Term> terms = new ArrayList<>();
    for (String w : with) {
      terms.add(ref(w + "." + kind + figure, name(w) + " " + peak + kind, name(w) + " " + peak + words + " a second"));
    }
    return terms;
  }

  private static String name(String workloadPath) {
    return workloadPath.substring("workloads.".length());
  }

  private void storage() {
    // What each workload stores, and the entries it copies to its followers' timelines, by figure
    // prefix and the name each goes by in the sums.
    Map<String, String> with = new java.util.LinkedHashMap<>();
    Map<String, String> objects = new java.util.LinkedHashMap<>();
    for (Workload w : req.workloads()) {
      String own = "workloads." + w.name() + ".storage";
      if (has(own + ".bytes_per_day")) {
        with.put(own, w.name());
        objects.put(own, w.name());
      }
      String timelines = "workloads." + w.name() + ".fanout_on_write.storage";
      if (has(timelines + ".bytes_per_day")) {
        with.put(timelines, w.name() + " timelines");
      }
    }
    if (with.isEmpty()) {
      return;
    }
    sumOfWorkloads("storage.bytes_per_day", "bytes stored a day", "stored/day", Unit.BYTES, with, "bytes_per_day", XU);
    sumOfWorkloads("storage.bytes_per_month", "bytes stored a month", "stored/month", Unit.BYTES, with,
        "bytes_per_month", XU);
    sumOfWorkloads("storage.bytes_per_year", "bytes stored a year", "stored/year", Unit.BYTES, with, "bytes_per_year",
        XU);
    if (req.storage().retention().isEmpty()) {
      return;
    }
    figure("storage.retention_seconds", "seconds of retention", "R", Unit.SECONDS, Section.STORAGE,
        "the requirements file, with the conventions' lengths", this::retention);
    sumOfWorkloads("storage.bytes_retained", "bytes kept over the retention", "retained", Unit.BYTES, with,
        "bytes_retained", XU);
    if (!objects.isEmpty()) {
      sumOfWorkloads("storage.objects_retained", "objects kept over the retention", "objects", Unit.COUNT, objects,
          "objects_retained", PRIMER);
    }
    given("storage.replication", "copies of each byte", "replication", Section.STORAGE, replication());
    figure("storage.bytes_replicated", "bytes stored in all copies", "replicated", Unit.BYTES, Section.STORAGE, XU,
        product(ref("storage.bytes_retained"), replication()));
  }

  private void sumOfWorkloads(String path, String words, String symbol, Unit unit, Map<String, String> with,
      String figure, String source) {
    title(path, "all " + words);
    List<Term> terms = new ArrayList<>();
    for (Map.Entry<String, String> w : with.entrySet()) {
      terms.add(ref(w.getKey() + "." + figure, w.getValue() + " " + symbol, w.getValue() + " " + words));
    }
    figure(path, words, symbol, unit, Section.STORAGE, source, sum(terms));
  }

  /** The retention in seconds: each term of the span times its unit's length. */
  private Term retention() {
    Span span = req.storage().retention().orElseThrow();
    Source at = source(List.of("storage", "retention"));
    List<Term> terms = new ArrayList<>();
    for (Span.Term t : span.terms()) {
      String symbol = span.terms().size() == 1 ? "retention" : "retention_" + t.unit().symbol();
      Operand amount = new Operand(symbol, "retention in " + t.unit().key() + "s", t.amount(),
          t.unit() == CalendarUnit.SECOND ? Unit.SECONDS : Unit.periods(t.unit()), at);
      terms.add(t.unit() == CalendarUnit.SECOND ? amount : product(amount, length(t.unit())));
    }
    return sum(terms);
  }

  private void cache() {
    // The 80/20 rule holds what reaches the origin of the workloads the cache holds (cache: false
    // leaves one out): behind a CDN, the reads its edge misses.
    List<Workload> with = new ArrayList<>();
    for (Workload w : req.workloads()) {
      if (w.delivery().cached() && has("workloads." + w.name() + ".egress.avg_bytes_per_second")) {
        with.add(w);
      }
    }
    if (!with.isEmpty()) {
      given("cache.hot_fraction", "share of a day's reads cached", "hot_fraction", Section.CACHE, hotFraction());
      figure("cache.bytes", "bytes cached", "cache", Unit.BYTES, Section.CACHE, GROKKING, cacheBytes(with));
      if (req.cache().nodeMemory().isPresent()) {
        figure("cache.nodes", "cache nodes", "cache nodes", Unit.WHOLE, Section.CACHE, COUNTS, apply(Op.CEIL,
            quotient(ref("cache.bytes"), product(nodeMemory(req.cache().nodeMemory().getAsDouble()), utilization()))));
      }
    }
    workingSet();
  }

  /** The 80/20 rule: the hot share of the reads a day, times the bytes of each. */
  private Term cacheBytes(List<Workload> with) {
    List<Term> hot = new ArrayList<>();
    boolean several = with.size() > 1;
    for (Workload w : with) {
      String name = several ? w.name() + " " : "";
      String p = "workloads." + w.name();
      Operand reads = has(p + ".cdn.origin_reads.per_day")
          ? ref(p + ".cdn.origin_reads.per_day", name + "origin reads/day", name + "reads a day the origin serves")
          : ref(p + ".reads.per_day", name + "reads/day", name + "reads a day");
      hot.add(product(reads, readSize(w, name + "read_size", name + "bytes per read")));
    }
    return product(hotFraction(), sum(hot));
  }

  private Operand nodeMemory(double m) {
    return value("node_memory", "memory of a cache node", m, Unit.BYTES, List.of("cache", "node_memory"));
  }

  /** The working-set form of the cache: the distinct hot objects times the bytes of one. */
  private void workingSet() {
    Requirements.Cache c = req.cache();
    if (c.hotObjects().isEmpty() || c.objectSize().isEmpty()) {
      return;
    }
    Supplier<Operand> objects = () -> value("hot_objects", "distinct hot objects", c.hotObjects().getAsDouble(),
        Unit.COUNT, List.of("cache", "hot_objects"));
    Supplier<Operand> size = () -> value("object_size", "bytes of one cached object", c.objectSize().getAsDouble(),
        Unit.BYTES, List.of("cache", "object_size"));
    given("cache.hot_objects", "distinct objects kept in memory", "hot_objects", Section.CACHE, objects);
    given("cache.object_size_bytes", "bytes of one cached object", "object_size", Section.CACHE, size);
    title("cache.working_set_bytes", "bytes of the working set: every hot object once");
    figure("cache.working_set_bytes", "bytes of the working set", "working set", Unit.BYTES, Section.CACHE,
        WORKING_SET, product(objects.get(), size.get()));
    c.nodeMemory().ifPresent(m -> figure("cache.working_set_nodes", "cache nodes for the working set",
        "working set nodes", Unit.WHOLE, Section.CACHE, COUNTS, apply(Op.CEIL, quotient(
            ref("cache.working_set_bytes"), product(nodeMemory(m), utilization())))));
  }

  private void capacity() {
    Requirements.Capacity limits = req.capacity();
    if (limits.serverQps().isPresent()) {
      figure("capacity.servers", "servers", "servers", Unit.WHOLE, Section.CAPACITY, COUNTS,
          count(ref("traffic.total.peak_per_second"), value("server_qps", "requests a second per server",
              limits.serverQps().getAsDouble(), Unit.PER_SECOND, List.of("capacity", "server_qps"))));
    }
    List<String> shardKinds = new ArrayList<>();
    String[] kinds = {"storage", "writes", "reads"};
    String[] demands = {"storage.bytes_retained", "traffic.writes.peak_per_second", "traffic.reads.peak_per_second"};
    String[] demandWords = {"bytes kept over the retention", "all peak writes a second", "all peak reads a second"};
    java.util.OptionalDouble[] given = {limits.shardStorage(), limits.shardWriteQps(), limits.shardReadQps()};
    String[] keys = {"shard_storage", "shard_write_qps", "shard_read_qps"};
    String[] words = {"bytes per shard", "writes a second per shard", "reads a second per shard"};
    Unit[] units = {Unit.BYTES, Unit.PER_SECOND, Unit.PER_SECOND};
    for (int i = 0; i < 3; i++) {
      if (given[i].isPresent() && has(demands[i])) {
        shardKinds.add(kinds[i]);
      }
    }
    if (!shardKinds.isEmpty()) {
      figure("capacity.shards", "shards", "shards", Unit.WHOLE, Section.CAPACITY, COUNTS, () -> {
        List<Term> counts = new ArrayList<>();
        for (String k : shardKinds) {
          counts.add(ref("capacity.shards_by_" + k));
        }
        return max(counts);
      });
      title("capacity.shards", () -> "shards (bound by " + boundBy(shardKinds) + ")");
    }
    for (int i = 0; i < 3; i++) {
      int j = i;
      if (shardKinds.contains(kinds[i])) {
        figure("capacity.shards_by_" + kinds[i], "shards by " + kinds[i], "shards_by_" + kinds[i], Unit.WHOLE,
            Section.CAPACITY, COUNTS, count(ref(demands[j], null, demandWords[j]), value(keys[j], words[j],
                given[j].getAsDouble(),
                units[j], List.of("capacity", keys[j]))));
      }
    }
    if (!shardKinds.isEmpty()) {
      text("capacity.bound_by", Section.CAPACITY, () -> boundBy(shardKinds));
      figure("capacity.nodes", "nodes", "nodes", Unit.WHOLE, Section.CAPACITY, COUNTS,
          apply(Op.CEIL, product(ref("capacity.shards"), replication())));
    }
  }

  private List<Term> refs(List<String> paths) {
    List<Term> terms = new ArrayList<>();
    for (String p : paths) {
      terms.add(ref(p));
    }
    return terms;
  }

  /** The kind of shard count that is largest (the first on a tie): storage, writes or reads. */
  private String boundBy(List<String> kinds) {
    String bound = null;
    double most = -1;
    for (String k : kinds) {
      double v = out.value("capacity.shards_by_" + k);
      if (v > most) {
        most = v;
        bound = k;
      }
    }
    return bound;
  }

  /** {@code ceil(demand / (limit x utilization))}. */
  private Term count(Term demand, Term limit) {
    return apply(Op.CEIL, quotient(demand, product(limit, utilization())));
  }

  // Availability: the target's downtime per SLA period, the chain of components, the error budget.

  private void availability() {
    if (req.availabilityTarget().isEmpty()) {
      return;
    }
    double target = req.availabilityTarget().getAsDouble();
    Supplier<Operand> targetValue = () -> value("target", "availability target", target, Unit.FRACTION,
        List.of("availability", "target"));
    given("availability.target", "availability target", "target", Section.AVAILABILITY, targetValue);
    figure("availability.nines", "nines", "nines", Unit.NUMBER, Section.AVAILABILITY, SRE_BOOK,
        apply(Op.NEG_LOG10, apply(Op.ONE_MINUS, targetValue.get())));
    Calendar calendar = req.conventions().calendar();
    for (CalendarUnit unit : Calendar.SLA_PERIODS) {
      figure("availability.period_seconds." + unit.key(), "seconds in an SLA " + unit.key(), unit.key(), Unit.SECONDS,
          Section.AVAILABILITY, SRE_BOOK, period(unit, calendar));
    }
    for (CalendarUnit unit : Calendar.SLA_PERIODS) {
      figure("availability.downtime_seconds." + unit.key(), "allowed downtime a " + unit.key(),
          "downtime/" + unit.key(), Unit.DURATION, Section.AVAILABILITY, SRE_BOOK, product(
              apply(Op.ONE_MINUS, targetValue.get()), ref("availability.period_seconds." + unit.key(), unit.key(),
                  "seconds in an SLA " + unit.key())));
    }
    if (!req.models().components().isEmpty()) {
      chain(req.models().components());
    }
    errorBudget(targetValue);
  }

  /** An SLA period: the calendar's own length (never the seconds_per_* shortcuts). */
  private Term period(CalendarUnit unit, Calendar calendar) {
    double days = switch (unit) {
      case MONTH -> calendar.monthDays();
      case QUARTER -> calendar.quarterDays();
      case YEAR -> calendar.yearDays();
      default -> 0;
    };
    Optional<Location> custom = where.find(List.of("conventions", "calendar", unit.key()));
    if (days > 0 && custom.isPresent()) {
      return product(new Operand(unit.key() + "_days", "days in the calendar's " + unit.key(), days,
              Unit.periods(CalendarUnit.DAY), Source.input("conventions.calendar." + unit.key(), custom.get())),
          new Operand("day", "seconds in a calendar day", Calendar.SECONDS_PER_DAY, Unit.SECONDS,
              Source.convention(Optional.empty(), "a calendar day: 24 x 3,600 s"), Optional.of(CalendarUnit.DAY)));
    }
    String note = switch (unit) {
      case HOUR -> "an hour: 3,600 s";
      case DAY -> "a calendar day: 24 x 3,600 s";
      case WEEK -> "a week: 7 days of 86,400 s";
      default -> "calendar " + unit.key() + " (" + calendar.name() + "): " + Format.plain(days) + " days of 86,400 s";
    };
    Optional<String> path = days > 0 ? Optional.of("conventions.calendar_days." + unit.key()) : Optional.empty();
    return new Operand(unit.key(), "seconds in a " + unit.key(), calendar.periodSeconds(unit), Unit.SECONDS,
        Source.convention(path, note), Optional.of(unit));
  }

  /** Each component k of n (the binomial tail), the chain their product (AvailabilityChain). */
  private void chain(List<Component> components) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      Component in = components.get(i);
      String p = "availability.components." + i;
      List<String> k = List.of("availability", "components", String.valueOf(i));
      String name = in.name();
      names.add(name);
      text(p + ".name", Section.AVAILABILITY, name);
      Supplier<Operand> replica;
      if (in.availability().isPresent()) {
        given(p + ".replica_availability", "availability of one " + name + " replica", "a", Section.AVAILABILITY,
            value("a", "availability of one " + name + " replica", in.availability().getAsDouble(),
                Unit.AVAILABILITY, concat(k, "availability")));
        replica = () -> value("a", "availability of one " + name + " replica", in.availability().getAsDouble(),
            Unit.AVAILABILITY, concat(k, "availability"));
      } else {
        Supplier<Operand> mtbf = () -> value("mtbf", "mean time between failures", in.mtbfSeconds().getAsDouble(),
            Unit.DURATION, concat(k, "mtbf"));
        Supplier<Operand> mttr = () -> value("mttr", "mean time to repair", in.mttrSeconds().getAsDouble(),
            Unit.DURATION, concat(k, "mttr"));
        title(p + ".replica_availability", "availability of one " + name + " replica: the share of time it is up");
        figure(p + ".replica_availability", "availability of one " + name + " replica",
            "a", Unit.AVAILABILITY, Section.AVAILABILITY, TRIVEDI, () -> {
              Operand up = mtbf.get();
              return quotient(up, sum(List.of(up, mttr.get())));
            });
        given(p + ".mtbf_seconds", "mean time between failures of a " + name + " replica", "mtbf",
            Section.AVAILABILITY, mtbf);
        given(p + ".mttr_seconds", "mean time to repair a " + name + " replica", "mttr", Section.AVAILABILITY, mttr);
        replica = () -> ref(p + ".replica_availability", "a", "availability of one " + name + " replica");
      }
      Supplier<Operand> n = () -> count("n", "replicas of " + name, in.replicas(), concat(k, "replicas"), "1 replica");
      Supplier<Operand> needed = () -> count("k", "replicas of " + name + " that must be up", in.required(),
          concat(k, "required"), "1 replica up");
      given(p + ".replicas", "replicas of " + name, "n", Section.AVAILABILITY, n);
      given(p + ".required", "replicas of " + name + " that must be up", "k", Section.AVAILABILITY, needed);
      // The chance the component is down: one replica's, all n down (1 of n), not all up (n of n), or
      // fewer than k up: the binomial tail. Where replicas or required are ranges, always the tail.
      boolean fixed = !ranged(p + ".replicas") && !ranged(p + ".required");
      String how;
      Supplier<Term> down;
      Supplier<Term> up;
      if (fixed && in.replicas() == 1) {
        how = "its one replica";
        up = replica::get;
        down = () -> apply(Op.ONE_MINUS, replica.get());
      } else if (fixed && in.required() == 1) {
        how = "1 of " + in.replicas() + " up: down only when all are";
        down = () -> apply(Op.POWER, apply(Op.ONE_MINUS, replica.get()), n.get());
        up = () -> apply(Op.ONE_MINUS, down.get());
      } else if (fixed && in.required() == in.replicas()) {
        how = in.replicas() + " of " + in.replicas() + " up: every one needed";
        up = () -> apply(Op.POWER, replica.get(), n.get());
        down = () -> apply(Op.ONE_MINUS, up.get());
      } else {
        how = fixed ? in.required() + " of " + in.replicas() + " up: the binomial tail" : "k of n up: the binomial tail";
        down = () -> apply(Op.BINOMIAL_BELOW, needed.get(), n.get(), replica.get());
        up = () -> apply(Op.ONE_MINUS, down.get());
      }
      title(p + ".availability", "availability of " + name + " (" + how + ")");
      figure(p + ".availability", "availability of " + name, "A_" + name, Unit.AVAILABILITY,
          Section.AVAILABILITY, how.contains("binomial") ? TRIVEDI : PRIMER_AVAILABILITY, up);
      figure(p + ".nines", "nines of " + name, "nines_" + name, Unit.NUMBER, Section.AVAILABILITY, SRE_BOOK,
          apply(Op.NEG_LOG10, down.get()));
      text(p + ".single_point_of_failure", Section.AVAILABILITY, out.value(p + ".replicas") == 1);
    }
    List<String> links = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      links.add("availability.components." + i + ".availability");
    }
    title("availability.composite", "availability of the chain, each component needed (limited by "
        + limitedBy(names) + ")");
    figure("availability.composite", "availability of the chain", "A", Unit.AVAILABILITY,
        Section.AVAILABILITY, PRIMER_AVAILABILITY, product(refs(links)));
    figure("availability.composite_nines", "nines of the chain", "nines_chain", Unit.NUMBER, Section.AVAILABILITY,
        SRE_BOOK, apply(Op.NEG_LOG10, apply(Op.ONE_MINUS, ref("availability.composite"))));
    text("availability.limited_by", Section.AVAILABILITY, limitedBy(names));
    text("availability.meets_target", Section.AVAILABILITY, () -> out.value("availability.margin_nines") >= 0);
    figure("availability.margin_nines", "nines to spare (negative: the target is missed)", "margin", Unit.NUMBER,
        Section.AVAILABILITY, SRE_BOOK, difference(ref("availability.composite_nines"),
            ref("availability.nines")));
    figure("availability.composite_downtime_seconds_per_month", "the chain's expected downtime a month",
        "down/month", Unit.DURATION, Section.AVAILABILITY, SRE_BOOK, product(apply(Op.ONE_MINUS,
            ref("availability.composite")), ref("availability.period_seconds.month", "month",
                "seconds in an SLA month")));
    figure("availability.margin_downtime_seconds_per_month", "downtime a month to spare (negative: over the target's)",
        "spare/month", Unit.DURATION, Section.AVAILABILITY, SRE_BOOK, difference(
            ref("availability.downtime_seconds.month", "downtime/month", "allowed downtime a month"),
            ref("availability.composite_downtime_seconds_per_month")));
    text("availability.single_points_of_failure", Section.AVAILABILITY, () -> {
      List<String> single = new ArrayList<>();
      for (int i = 0; i < components.size(); i++) {
        if (out.value("availability.components." + i + ".replicas") == 1) {
          single.add(names.get(i));
        }
      }
      return single;
    });
  }

  /** The component least available at the point (the first on a tie): the one that caps the chain. */
  private String limitedBy(List<String> names) {
    String most = null;
    double down = -1;
    for (int i = 0; i < names.size(); i++) {
      double d = out.complement("availability.components." + i + ".availability");
      if (d > down) {
        down = d;
        most = names.get(i);
      }
    }
    return most;
  }

  /** The budget (1 - target) x window, and the SRE workbook's burn-rate alerts (ErrorBudget). */
  private void errorBudget(Supplier<Operand> target) {
    String p = "availability.error_budget";
    Optional<Span> window = req.models().window();
    title(p + ".window_seconds", "seconds in the budget's window"
        + (window.isPresent() ? "" : ": by default the calendar month"));
    if (window.isPresent()) {
      figure(p + ".window_seconds", "seconds in the window", "window", Unit.SECONDS, Section.AVAILABILITY,
          SRE_WORKBOOK, () -> {
            Source at = source(List.of("availability", "window"));
            TimeBase calendar = Requirements.Conventions.of(req.conventions().calendar(), req.conventions().units())
                .time();
            List<Term> terms = new ArrayList<>();
            for (Span.Term t : window.get().terms()) {
              String symbol = window.get().terms().size() == 1 ? "window" : "window_" + t.unit().symbol();
              Operand amount = new Operand(symbol, "window in " + t.unit().key() + "s", t.amount(),
                  t.unit() == CalendarUnit.SECOND ? Unit.SECONDS : Unit.periods(t.unit()), at);
              terms.add(t.unit() == CalendarUnit.SECOND ? amount : product(amount, new Operand(t.unit().symbol(),
                  "seconds in a calendar " + t.unit().key(), calendar.seconds(t.unit()), Unit.SECONDS,
                  Source.convention(Optional.empty(), "the " + req.conventions().calendar().name() + " calendar's "
                      + t.unit().key() + ", in days of 86,400 s"), Optional.of(t.unit()))));
            }
            return sum(terms);
          });
    } else {
      figure(p + ".window_seconds", "seconds in the window", "window", Unit.SECONDS, Section.AVAILABILITY, SRE_WORKBOOK, ref("availability.period_seconds.month", "month",
              "seconds in an SLA month"));
    }
    figure(p + ".fraction", "share of the window the target may miss", "budget", Unit.FRACTION, Section.AVAILABILITY,
        SRE_WORKBOOK, apply(Op.ONE_MINUS, target.get()));
    figure(p + ".seconds", "downtime the budget allows over the window", "budget_time", Unit.DURATION,
        Section.AVAILABILITY, SRE_WORKBOOK, product(ref(p + ".fraction"), ref(p + ".window_seconds")));
    if (!req.workloads().isEmpty()) {
      figure(p + ".requests", "failed requests the budget allows over the window", "budget_requests", Unit.COUNT,
          Section.AVAILABILITY, SRE_WORKBOOK, product(ref("traffic.total.avg_per_second"),
              ref(p + ".window_seconds"), ref(p + ".fraction")));
    }
    // The alerts whose long window fits in the budget's window, numbered in order.
    double windowSeconds = out.value(p + ".window_seconds");
    List<ErrorBudget.Policy> policies = ErrorBudget.SRE_WORKBOOK.stream()
        .filter(policy -> !(policy.longWindowSeconds() > windowSeconds)).toList();
    for (int i = 0; i < policies.size(); i++) {
      ErrorBudget.Policy policy = policies.get(i);
      String q = "availability.burn_rate_alerts." + i;
      String note = "SRE workbook ch. 5, table 5-8: " + Format.percent(policy.budgetSpent()) + " of the budget in "
          + Format.duration(policy.longWindowSeconds()) + ", checked over " + Format.duration(policy.shortWindowSeconds())
          + " too (" + policy.action() + ")";
      text(q + ".action", Section.AVAILABILITY, policy::action);
      Supplier<Operand> spent = () -> constant("spent", "share of the budget spent", policy.budgetSpent(),
          Unit.FRACTION, note);
      Supplier<Operand> longWindow = () -> constant("long_window", "the alert's long window",
          policy.longWindowSeconds(), Unit.DURATION, note);
      given(q + ".budget_spent", "share of the budget the alert catches being spent", "spent", Section.AVAILABILITY,
          spent);
      given(q + ".long_window_seconds", "the alert's long window", "long_window", Section.AVAILABILITY, longWindow);
      given(q + ".short_window_seconds", "the alert's short window, 1/12 of the long one", "short_window",
          Section.AVAILABILITY, constant("short_window", "the alert's short window", policy.shortWindowSeconds(),
              Unit.DURATION, note));
      title(q + ".burn_rate", "burn rate: how many times faster than the window allows");
      figure(q + ".burn_rate", "burn rate", "burn_rate", Unit.NUMBER, Section.AVAILABILITY, SRE_WORKBOOK,
          quotient(product(spent.get(), ref(p + ".window_seconds")), longWindow.get()));
      figure(q + ".error_rate", "share of requests failing that the alert fires at", "error_rate", Unit.FRACTION,
          Section.AVAILABILITY, SRE_WORKBOOK, atMost(constant("1", "every request", 1, Unit.FRACTION,
              "a share of requests is at most 1"), product(ref(q + ".burn_rate"), ref(p + ".fraction"))));
      figure(q + ".budget_exhausted_seconds", "time the whole budget lasts at this burn rate", "budget_gone",
          Unit.DURATION, Section.AVAILABILITY, SRE_WORKBOOK, quotient(ref(p + ".window_seconds"),
              ref(q + ".burn_rate")));
    }
  }

  // Cost: each part the file prices, a month and a year, and the total (docs/models/cost.md).

  private void cost() {
    Requirements.Cost c = req.cost();
    List<String> parts = new ArrayList<>();
    // Servers: the application servers and the connection servers; shard nodes are priced by the
    // bytes they keep, and a workload's queueing servers are another sizing of the application's.
    List<String> servers = new ArrayList<>();
    if (has("capacity.servers")) {
      servers.add("capacity.servers");
    }
    for (Workload w : req.workloads()) {
      if (has("workloads." + w.name() + ".connections.servers")) {
        servers.add("workloads." + w.name() + ".connections.servers");
      }
    }
    List<String> cacheNodes = new ArrayList<>();
    for (String nodes : List.of("cache.nodes", "cache.working_set_nodes")) {
      if (has(nodes)) {
        cacheNodes.add(nodes);
      }
    }
    String origin = has("bandwidth.origin_egress.avg_bytes_per_second") ? "bandwidth.origin_egress"
        : "bandwidth.egress";
    c.currency().ifPresent(currency -> text("cost.currency", Section.COST, currency));
    if (c.serverPerMonth().isPresent() && !servers.isEmpty()) {
      parts.add("servers");
      title("cost.servers.per_month", "servers a month: every server the estimate counts at its price a month");
      figure("cost.servers.per_month", "servers a month", "servers/month", Unit.MONEY, Section.COST, COST,
          product(sum(servers.stream().map(p -> (Term) ref(p, serverSymbol(p), serverWords(p))).toList()),
              price("server_per_month", "price of a server a month", c.serverPerMonth())));
    }
    if (c.cacheNodePerMonth().isPresent() && !cacheNodes.isEmpty()) {
      parts.add("cache");
      title("cost.cache.per_month", "cache nodes a month" + (cacheNodes.size() > 1
          ? ": the larger of the 80/20 rule's and the working set's nodes" : ""));
      figure("cost.cache.per_month", "cache nodes a month", "cache/month", Unit.MONEY, Section.COST, COST,
          product(max(cacheNodes.stream().map(p -> (Term) ref(p)).toList()),
              price("cache_node_per_month", "price of a cache node a month", c.cacheNodePerMonth())));
    }
    if (c.storagePerGbMonth().isPresent() && has("storage.bytes_replicated")) {
      parts.add("storage");
      title("cost.storage.per_month", "storage a month: the replicated bytes retained (the steady state), in"
          + " GB, at the price of a GB a month");
      figure("cost.storage.per_month", "storage a month", "storage/month", Unit.MONEY, Section.COST, COST,
          product(quotient(ref("storage.bytes_replicated"), gigabyte()),
              price("storage_per_gb_month", "price of a GB kept a month", c.storagePerGbMonth())));
    }
    if (c.egressPerGb().isPresent() && has(origin + ".avg_bytes_per_second")) {
      parts.add("egress");
      boolean behindCdn = origin.equals("bandwidth.origin_egress");
      title("cost.egress.per_month", "egress a month: the bytes the origin serves" + (behindCdn
          ? " (after the CDN)" : "") + " in a calendar month, in GB, at the price of a GB");
      figure("cost.egress.per_month", "origin egress a month", "egress/month", Unit.MONEY, Section.COST, COST,
          product(quotient(product(ref(origin + ".avg_bytes_per_second"), month()), gigabyte()),
              price("egress_per_gb", "price of a GB served from the origin", c.egressPerGb())));
    }
    if (c.cdnEgressPerGb().isPresent() && has("bandwidth.edge_egress.avg_bytes_per_second")) {
      parts.add("cdn_egress");
      title("cost.cdn_egress.per_month", "CDN egress a month: the bytes the CDN's edges serve in a calendar"
          + " month, in GB, at the price of a GB");
      figure("cost.cdn_egress.per_month", "CDN egress a month", "cdn_egress/month", Unit.MONEY, Section.COST,
          XU_YOUTUBE, product(quotient(product(ref("bandwidth.edge_egress.avg_bytes_per_second"), month()),
              gigabyte()), price("cdn_egress_per_gb", "price of a GB served from the CDN's edge",
                  c.cdnEgressPerGb())));
    }
    if (c.perMillionRequests().isPresent() && !req.workloads().isEmpty()) {
      parts.add("requests");
      title("cost.requests.per_month", "requests a month: all requests a second on average, over a calendar"
          + " month, in millions, at the price of a million");
      figure("cost.requests.per_month", "requests a month", "requests/month", Unit.MONEY, Section.COST, COST,
          product(quotient(product(ref("traffic.total.avg_per_second"), month()),
              constant("1M", "requests in a million", 1e6, Unit.COUNT, "a million: 10^6")),
              price("per_million_requests", "price of a million requests", c.perMillionRequests())));
    }
    // Declared in JSON order: each part's month and year, then the total's.
    List<String> order = List.of("servers", "cache", "storage", "egress", "cdn_egress", "requests");
    for (String part : order) {
      if (parts.contains(part)) {
        String p = "cost." + part;
        figure(p + ".per_year", words(part) + " a year", part + "/year", Unit.MONEY, Section.COST, COST,
            product(ref(p + ".per_month", part + "/month", words(part) + " a month"), monthsPerYear()));
      }
    }
    if (parts.isEmpty()) {
      return;
    }
    List<String> sorted = order.stream().filter(parts::contains).toList();
    title("cost.total.per_month", "cost a month: every part the file prices");
    figure("cost.total.per_month", "cost a month", "cost/month", Unit.MONEY, Section.COST, COST, sum(
        sorted.stream().map(part -> (Term) ref("cost." + part + ".per_month", part + "/month",
            words(part) + " a month")).toList()));
    figure("cost.total.per_year", "cost a year", "cost/year", Unit.MONEY, Section.COST, COST,
        product(ref("cost.total.per_month", "cost/month", "cost a month"), monthsPerYear()));
  }

  private static String words(String part) {
    return switch (part) {
      case "cdn_egress" -> "CDN egress";
      case "egress" -> "origin egress";
      case "cache" -> "cache nodes";
      default -> part;
    };
  }

  private static String serverSymbol(String path) {
    return path.equals("capacity.servers") ? "servers" : name(path.substring(0, path.indexOf(".connections")))
        + " connection servers";
  }

  private static String serverWords(String path) {
    return path.equals("capacity.servers") ? "application servers" : name(path.substring(0,
        path.indexOf(".connections"))) + " connection servers";
  }

  private Operand price(String key, String words, java.util.OptionalDouble price) {
    return value(key, words, price.getAsDouble(), Unit.MONEY, List.of("cost", key));
  }

  /** A GB as the file counts bytes: 10^9 (si) or 2^30 (iec). */
  private Operand gigabyte() {
    dev.envelope.units.UnitSystem units = req.conventions().units();
    boolean iec = units == dev.envelope.units.UnitSystem.IEC;
    return new Operand("GB", "bytes in a GB", iec ? 1L << 30 : 1e9, Unit.BYTES,
        Source.convention(Optional.of("conventions.units"), "a GB in the file's units: " + (iec
            ? "2^30 B (iec)" : "10^9 B (si)")));
  }

  /** The calendar's month in seconds, as bills count a month (never seconds_per_month). */
  private Term month() {
    return period(CalendarUnit.MONTH, req.conventions().calendar());
  }

  private static Operand monthsPerYear() {
    return constant("12", "months in a year", 12, Unit.NUMBER, "a year: twelve of the calendar's months, as bills"
        + " come");
  }

  // The models of one workload: queueing, tail latency, stream (docs/models).

  /** Little's law, servers by rate, and by the Erlang C search for the wait target (Queueing). */
  private void queueing(Workload w, WorkloadModel m) {
    String p = "workloads." + w.name() + ".queueing";
    boolean writes = has("workloads." + w.name() + ".writes.per_day");
    boolean reads = has("workloads." + w.name() + ".reads.per_day");
    Supplier<Operand> latency = () -> value("latency", "service time of a request", m.latencySeconds().getAsDouble(),
        Unit.LATENCY, key(w, "latency"));
    given(p + ".latency_seconds", "service time of a request", "latency", Section.QUEUEING, latency);
    figure(p + ".peak_per_second", "peak requests a second", "peak/s", Unit.PER_SECOND, Section.QUEUEING, LITTLE,
        rates(w, writes, reads, "peak_per_second"));
    title(p + ".in_flight", "requests in flight at peak (Little's law)");
    figure(p + ".in_flight", "requests in flight", "in_flight", Unit.COUNT, Section.QUEUEING,
        LITTLE, product(ref(p + ".peak_per_second"), latency.get()));
    title(p + ".servers_by_rate", "servers by rate, one request at a time each");
    figure(p + ".servers_by_rate", "servers by rate", "servers_by_rate", Unit.WHOLE,
        Section.QUEUEING, LITTLE, atLeast(constant("1", "one server", 1, Unit.WHOLE, "at least one server"),
            apply(Op.CEIL, quotient(ref(p + ".in_flight"), utilization()))));
    figure(p + ".utilization_by_rate", "share of the servers busy", "busy", Unit.FRACTION, Section.QUEUEING, LITTLE,
        quotient(ref(p + ".in_flight"), ref(p + ".servers_by_rate")));
    title(p + ".servers_by_sqrt_staffing", "servers by square-root staffing: the load plus beta x its square"
        + " root, beta for at most 1% of requests waiting (Halfin-Whitt)");
    figure(p + ".servers_by_sqrt_staffing", "servers by square-root staffing", "servers_sqrt", Unit.WHOLE,
        Section.QUEUEING, SQRT_STAFFING, atLeast(constant("1", "one server", 1, Unit.WHOLE, "at least one server"),
            apply(Op.CEIL, sum(List.of(ref(p + ".in_flight"), product(constant("beta", "square-root staffing's"
                + " safety factor", Queueing.SQRT_STAFFING_BETA, Unit.NUMBER, "Halfin-Whitt: at most 1% of requests"
                + " wait"), apply(Op.SQRT, ref(p + ".in_flight"))))))));
    figure(p + ".utilization_by_sqrt_staffing", "share of the servers busy", "busy", Unit.FRACTION, Section.QUEUEING,
        SQRT_STAFFING, quotient(ref(p + ".in_flight"), ref(p + ".servers_by_sqrt_staffing")));
    boolean byWait = req.models().maxWaitP99().isPresent();
    if (byWait) {
      double a = out.value(p + ".in_flight");
      byWait = !(a > Queueing.MAX_ERLANGS);
    }
    boolean cv = m.serviceCv().isPresent();
    if (cv) {
      title(p + ".wait_scale", "Allen-Cunneen's factor on the M/M/c wait: (1 + service_cv^2) / 2, arrivals"
          + " Poisson");
      figure(p + ".wait_scale", "Allen-Cunneen's factor on the wait", "wait_scale", Unit.NUMBER, Section.QUEUEING,
          ALLEN_CUNNEEN, quotient(apply(Op.ONE_PLUS, apply(Op.POWER, value("service_cv", "the service time's"
              + " coefficient of variation", m.serviceCv().getAsDouble(), Unit.NUMBER, key(w, "service_cv")),
              constant("2", "squared", 2, Unit.NUMBER, "the square"))),
              constant("2", "two", 2, Unit.NUMBER, "the mean of the arrivals' and service's squared cv")));
    }
    // The wait's time scale: the service time, times Allen-Cunneen's factor when service is not exponential.
    Supplier<Term> waitLatency = () -> cv ? product(latency.get(), ref(p + ".wait_scale")) : latency.get();
    if (byWait) {
      Supplier<Operand> max = () -> value("max_wait_p99", "p99 queueing delay allowed",
          req.models().maxWaitP99().getAsDouble(), Unit.LATENCY, List.of("capacity", "max_wait_p99"));
      given(p + ".max_wait_p99_seconds", "p99 queueing delay allowed", "max_wait_p99", Section.QUEUEING, max);
      title(p + ".servers_by_wait", "servers by wait (Erlang C, M/M/c): the fewest whose p99 wait is at most"
          + " max_wait_p99, searched up from in_flight");
      figure(p + ".servers_by_wait", "servers by wait", "servers_by_wait", Unit.WHOLE, Section.QUEUEING, LITTLE,
          apply(Op.ERLANG_C_SERVERS, ref(p + ".in_flight"), waitLatency.get(), max.get()));
      figure(p + ".utilization_by_wait", "share of the servers busy", "busy", Unit.FRACTION, Section.QUEUEING, LITTLE,
          quotient(ref(p + ".in_flight"), ref(p + ".servers_by_wait")));
      title(p + ".wait_probability", "share of requests that queue (Erlang C)");
      figure(p + ".wait_probability", "share of requests that queue", "P(wait)", Unit.FRACTION,
          Section.QUEUEING, LITTLE, apply(Op.ERLANG_C, ref(p + ".servers_by_wait"), ref(p + ".in_flight")));
      figure(p + ".wait_p99_seconds", "p99 queueing delay at servers_by_wait, which max_wait_p99 bounds", "wait_p99",
          Unit.LATENCY, Section.QUEUEING, LITTLE, () -> {
            Operand waits = ref(p + ".wait_probability");
            Operand tail = constant("1%", "share of requests over the p99", 1 - Queueing.WAIT_PERCENTILE,
                Unit.FRACTION, "a p99: 1% of requests wait longer");
            return choice(waits, tail, quotient(product(waitLatency.get(), apply(Op.LN, quotient(waits, tail))),
                difference(ref(p + ".servers_by_wait"), ref(p + ".in_flight"))), constant("0", "no wait", 0,
                    Unit.LATENCY, "at most 1% of requests queue at all: the p99 wait is 0"));
          });
      title(p + ".wait_mean_seconds", "mean queueing delay at servers_by_wait: P(wait) x latency / (servers -"
          + " load)" + (cv ? ", x Allen-Cunneen's factor" : ""));
      figure(p + ".wait_mean_seconds", "mean queueing delay at servers_by_wait", "wait_mean", Unit.LATENCY,
          Section.QUEUEING, cv ? ALLEN_CUNNEEN : LITTLE, quotient(product(ref(p + ".wait_probability"),
              waitLatency.get()), difference(ref(p + ".servers_by_wait"), ref(p + ".in_flight"))));
    }
    boolean wait = byWait;
    title(p + ".servers", "servers (bound by " + (wait
        && out.value(p + ".servers_by_wait") > out.value(p + ".servers_by_rate") ? "wait" : "rate") + ")");
    figure(p + ".servers", "servers", "servers", Unit.WHOLE, Section.QUEUEING, LITTLE, wait
        ? max(List.of(ref(p + ".servers_by_rate"), ref(p + ".servers_by_wait"))) : ref(p + ".servers_by_rate"));
    text(p + ".bound_by", Section.QUEUEING, wait
        && out.value(p + ".servers_by_wait") > out.value(p + ".servers_by_rate") ? "wait" : "rate");
    // With every server busy (utilization 100% and no wait target) the queue never settles: no response time.
    // Exponential service only: with service_cv the response time's p99 is not computed (docs/models/queueing.md);
    // nor above 100 million in flight, where Erlang C is not worked, as for servers_by_wait.
    if (!cv && (wait || req.capacity().utilization() < 1) && !(out.value(p + ".in_flight") > Queueing.MAX_ERLANGS)) {
      title(p + ".response_p99_seconds", "p99 response time, wait plus service, at servers (M/M/c)");
      figure(p + ".response_p99_seconds", "p99 response time, wait plus service, at servers", "response_p99",
          Unit.LATENCY, Section.QUEUEING, LITTLE,
          apply(Op.RESPONSE_P99, ref(p + ".servers"), ref(p + ".in_flight"), latency.get()));
    }
  }

  /** The fan-out's slow share 1 - (1 - p)^n, its percentiles and hedging (TailLatency). */
  private void tailLatency(Workload w, WorkloadModel m) {
    String p = "workloads." + w.name() + ".tail_latency";
    boolean writes = has("workloads." + w.name() + ".writes.per_day");
    boolean reads = has("workloads." + w.name() + ".reads.per_day");
    Supplier<Operand> n = () -> value("fanout", "calls each request waits for", m.fanout().getAsDouble(), Unit.WHOLE,
        key(w, "fanout"));
    given(p + ".fanout", "calls each request waits for", "fanout", Section.TAIL_LATENCY, n);
    figure(p + ".calls_per_second", "calls a second at peak", "calls/s", Unit.PER_SECOND, Section.TAIL_LATENCY, TAIL,
        product(rates(w, writes, reads, "peak_per_second"), n.get()));
    List<String> call = List.of("workloads", w.name(), "call_latency");
    CallLatency latency = m.callLatency().orElseThrow();
    Supplier<Operand> slow;
    if (latency instanceof CallLatency.Quantiles q) {
      Supplier<Operand> p99 = () -> value("call_p99", "a call's p99", q.p99Seconds(), Unit.LATENCY,
          concat(call, "p99"));
      slow = () -> constant("slow_call", "share of calls over their p99", 1 - TailLatency.CALL_PERCENTILE,
          Unit.FRACTION, "a slow call is one over the call's p99: 1 - 99%");
      given(p + ".slow_call_fraction", "share of calls that are slow", "slow_call", Section.TAIL_LATENCY, slow);
      given(p + ".slow_over_seconds", "what a slow call takes longer than: its p99", "slow_over",
          Section.TAIL_LATENCY, p99);
    } else {
      CallLatency.SlowShare s = (CallLatency.SlowShare) latency;
      slow = () -> value("slow_call", "share of calls that are slow", s.slowFraction(), Unit.FRACTION,
          concat(call, "slow_fraction"));
      given(p + ".slow_call_fraction", "share of calls that are slow", "slow_call", Section.TAIL_LATENCY, slow);
      given(p + ".slow_over_seconds", "what a slow call takes longer than", "slow_over", Section.TAIL_LATENCY,
          value("over", "what a slow call takes longer than", s.overSeconds(), Unit.LATENCY,
              concat(call, "over")));
    }
    figure(p + ".slow_request_fraction", "share of requests with a slow call (The Tail at Scale)", "slow_request",
        Unit.FRACTION, Section.TAIL_LATENCY, TAIL, apply(Op.ONE_MINUS, apply(Op.POWER,
            apply(Op.ONE_MINUS, slow.get()), n.get())));
    if (!(latency instanceof CallLatency.Quantiles q)) {
      return;
    }
    Supplier<Operand> p50 = () -> value("call_p50", "a call's p50", q.p50Seconds(), Unit.LATENCY, concat(call, "p50"));
    Supplier<Operand> p99 = () -> value("call_p99", "a call's p99", q.p99Seconds(), Unit.LATENCY, concat(call, "p99"));
    given(p + ".call_p50_seconds", "a call's p50", "call_p50", Section.TAIL_LATENCY, p50);
    given(p + ".call_p99_seconds", "a call's p99", "call_p99", Section.TAIL_LATENCY, p99);
    figure(p + ".request_p50_seconds", "a request's p50: the calls' percentile 50%^(1/fanout), calls lognormal",
        "request_p50", Unit.LATENCY, Section.TAIL_LATENCY, TAIL,
        apply(Op.LOGNORMAL_QUANTILE, p50.get(), p99.get(), slowest(0.5, n.get())));
    figure(p + ".request_p99_seconds", "a request's p99: the calls' percentile 99%^(1/fanout), calls lognormal",
        "request_p99", Unit.LATENCY, Section.TAIL_LATENCY, TAIL,
        apply(Op.LOGNORMAL_QUANTILE, p50.get(), p99.get(), slowest(0.99, n.get())));
    if (m.hedgeAfter().isEmpty()) {
      return;
    }
    String hp = p + ".hedge";
    Supplier<Operand> after = () -> value("hedge_after", "percentile after which a backup call goes",
        m.hedgeAfter().getAsDouble(), Unit.FRACTION, key(w, "hedge_after"));
    Supplier<Operand> th = () -> ref(hp + ".after_seconds");
    given(hp + ".after_quantile", "percentile after which a backup call goes", "hedge_after", Section.TAIL_LATENCY,
        after);
    title(hp + ".after_seconds", "when the backup call goes: the call's hedge_after percentile");
    figure(hp + ".after_seconds", "when the backup call goes", "t_h", Unit.LATENCY,
        Section.TAIL_LATENCY, TAIL, apply(Op.LOGNORMAL_QUANTILE, p50.get(), p99.get(), after.get()));
    title(hp + ".extra_call_fraction", "share of calls that get a backup: those still out at t_h");
    figure(hp + ".extra_call_fraction", "share of calls that get a backup", "extra",
        Unit.FRACTION, Section.TAIL_LATENCY, TAIL, apply(Op.LOGNORMAL_OVER, p50.get(), p99.get(), th.get()));
    figure(hp + ".extra_calls_per_second", "backup calls a second at peak", "extra calls/s", Unit.PER_SECOND,
        Section.TAIL_LATENCY, TAIL, product(ref(p + ".calls_per_second"), ref(hp + ".extra_call_fraction")));
    figure(hp + ".call_p99_seconds", "a hedged call's p99 (the first of a call and its backup, solved by bisection)",
        "hedged call_p99", Unit.LATENCY, Section.TAIL_LATENCY, TAIL, apply(Op.HEDGED_QUANTILE, p50.get(),
            p99.get(), th.get(), constant("q", "the call's percentile", TailLatency.CALL_PERCENTILE, Unit.FRACTION,
                "a p99")));
    figure(hp + ".request_p50_seconds", "a hedged request's p50: hedged calls' percentile 50%^(1/fanout)",
        "hedged request_p50", Unit.LATENCY, Section.TAIL_LATENCY, TAIL,
        apply(Op.HEDGED_QUANTILE, p50.get(), p99.get(), th.get(), slowest(0.5, n.get())));
    figure(hp + ".request_p99_seconds", "a hedged request's p99: hedged calls' percentile 99%^(1/fanout)",
        "hedged request_p99", Unit.LATENCY, Section.TAIL_LATENCY, TAIL,
        apply(Op.HEDGED_QUANTILE, p50.get(), p99.get(), th.get(), slowest(0.99, n.get())));
    // P(hedged call > t) = P(X > t) x P(X > t - t_h) for t past t_h: the call and its backup both slow.
    figure(hp + ".slow_call_fraction", "share of hedged calls over the call's p99: the call and its backup both slow",
        "hedged slow_call", Unit.FRACTION, Section.TAIL_LATENCY, TAIL, () -> {
          Term overP99 = apply(Op.LOGNORMAL_OVER, p50.get(), p99.get(), p99.get());
          return choice(p99.get(), th.get(), product(overP99, apply(Op.LOGNORMAL_OVER, p50.get(), p99.get(),
              difference(p99.get(), th.get()))), overP99);
        });
    figure(hp + ".slow_request_fraction", "share of hedged requests with a slow call", "hedged slow_request",
        Unit.FRACTION, Section.TAIL_LATENCY, TAIL, apply(Op.ONE_MINUS, apply(Op.POWER, apply(Op.ONE_MINUS,
            ref(hp + ".slow_call_fraction", "hedged slow_call", "share of hedged calls that are slow")), n.get())));
  }

  /** The calls' percentile that gives a request's {@code q} when it waits for the slowest of n: q^(1/n). */
  private static Term slowest(double q, Operand n) {
    Operand percentile = constant("q", "the request's percentile", q, Unit.FRACTION, "a p" + (q == 0.5 ? "50" : "99"));
    return apply(Op.POWER, percentile, quotient(constant("1", "1", 1, Unit.NUMBER, "a root"), n));
  }

  /** A stream's partitions, max(t / produce, t / consume) rounded up, and its log (Streams). */
  private void stream(Workload w, WorkloadModel m) {
    String p = "workloads." + w.name() + ".stream";
    Requirements.StreamLimits limits = m.stream().orElseThrow();
    figure(p + ".peak_bytes_per_second", "peak bytes written a second", "peak in", Unit.BYTES_PER_SECOND,
        Section.STREAMS, KAFKA, ref("workloads." + w.name() + ".ingress.peak_bytes_per_second", "peak ingress",
            "peak bytes written a second"));
    String[] sides = {"produce", "consume"};
    java.util.OptionalDouble[] rates = {limits.produceBytesPerSecond(), limits.consumeBytesPerSecond()};
    List<String> counts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      if (rates[i].isEmpty()) {
        continue;
      }
      String side = sides[i];
      double rate = rates[i].getAsDouble();
      String words = i == 0 ? "bytes a second one partition takes in" : "bytes a second one consumer reads from a partition";
      given(p + ".partition_" + side + "_bytes_per_second", words, "partition_" + side, Section.STREAMS,
          value("partition_" + side, words, rate, Unit.BYTES_PER_SECOND,
              List.of("workloads", w.name(), "stream", "partition_" + side)));
      counts.add(p + ".partitions_by_" + side);
    }
    for (int i = 0; i < 2; i++) {
      if (rates[i].isEmpty()) {
        continue;
      }
      String side = sides[i];
      String words = i == 0 ? "bytes a second one partition takes in" : "bytes a second one consumer reads from a partition";
      double rate = rates[i].getAsDouble();
      figure(p + ".partitions_by_" + side, "partitions by " + side, "by_" + side, Unit.WHOLE, Section.STREAMS, KAFKA,
          apply(Op.CEIL, quotient(ref(p + ".peak_bytes_per_second"), value("partition_" + side, words, rate,
              Unit.BYTES_PER_SECOND, List.of("workloads", w.name(), "stream", "partition_" + side)))));
    }
    figure(p + ".partitions", "partitions", "partitions", Unit.WHOLE, Section.STREAMS, KAFKA,
        atLeast(constant("1", "one partition", 1, Unit.WHOLE, "at least one partition"),
            max(counts.stream().map(c -> (Term) ref(c)).toList())));
    Supplier<String> bound = () -> {
      double produce = counts.contains(p + ".partitions_by_produce") ? out.value(p + ".partitions_by_produce") : -1;
      double consume = counts.contains(p + ".partitions_by_consume") ? out.value(p + ".partitions_by_consume") : -1;
      return consume > produce ? "consume" : "produce";
    };
    title(p + ".partitions", "partitions (bound by " + bound.get() + ")");
    text(p + ".bound_by", Section.STREAMS, bound::get);
    if (req.storage().retention().isEmpty()) {
      return;
    }
    title(p + ".bytes_retained", "bytes the log keeps over the retention");
    figure(p + ".bytes_retained", "bytes the log keeps", "log", Unit.BYTES, Section.STREAMS, KAFKA,
        () -> product(ref("workloads." + w.name() + ".ingress.avg_bytes_per_second", "ingress",
            "bytes written a second"), ref("storage.retention_seconds")));
    figure(p + ".bytes_replicated", "bytes of the log in all copies", "log replicated", Unit.BYTES, Section.STREAMS,
        KAFKA, () -> product(ref(p + ".bytes_retained"), replication()));
    figure(p + ".bytes_per_partition", "bytes of the log per partition", "log/partition", Unit.BYTES,
        Section.STREAMS, KAFKA, () -> quotient(ref(p + ".bytes_retained"), ref(p + ".partitions")));
  }

  // How a workload reaches its users: a record payload, a CDN, connections, fan-out on write.

  /** Whether the workload's connections send heartbeats (or updates), which count among its reads. */
  private boolean heartbeats(Workload w) {
    return w.delivery().connections().map(c -> c.heartbeatSeconds().isPresent()).orElse(false)
        && (w.delivery().connections().get().concurrent().isPresent() || req.users().isPresent());
  }

  /** The reads a second the file's rates give (a read rate, or writes times the ratio), heartbeats aside. */
  private Optional<Term> requestReads(Workload w, boolean writes) {
    String p = "workloads." + w.name();
    if (w.reads().isPresent() || (w.readsPerUser().isPresent() && req.users().isPresent())) {
      return Optional.of(rate(w, "reads", w.reads(), w.readsPerUser(), Optional.empty()));
    }
    if (writes && w.readWriteRatio().isPresent()) {
      return Optional.of(product(ref(p + ".writes.avg_per_second"), value("read_write_ratio", "reads per write",
          w.readWriteRatio().getAsDouble(), Unit.NUMBER, key(w, "read_write_ratio"))));
    }
    return Optional.empty();
  }

  /** Writes and reads a second as the file's rates give them, heartbeats aside: what a Poisson peak takes. */
  private Term requestRates(Workload w, boolean writes) {
    List<Term> terms = new ArrayList<>();
    if (writes) {
      terms.add(ref("workloads." + w.name() + ".writes.avg_per_second"));
    }
    requestReads(w, writes).ifPresent(terms::add);
    return terms.isEmpty() ? constant("0", "no requests", 0, Unit.PER_SECOND, "no writes or reads") : sum(terms);
  }

  /** The workload's reads a second ({@code avg_per_second}, {@code peak_per_second}), its heartbeats left out. */
  private Term requestReadFigure(Workload w, String figure) {
    String p = "workloads." + w.name();
    Operand all = ref(p + ".reads." + figure);
    return heartbeats(w) ? difference(all, ref(p + ".connections.heartbeats." + figure)) : all;
  }

  /** The bytes of one write: the file's payload, or the record's sum. */
  private Operand payload(Workload w) {
    return w.delivery().record().isPresent()
        ? ref("workloads." + w.name() + ".payload_bytes", "payload", "bytes per write")
        : value("payload", "bytes per write", w.payload().getAsDouble(), Unit.BYTES, key(w, "payload"));
  }

  /** The bytes of one read: the file's read_size, or the payload it defaults to (a record's sum). */
  private Operand readSize(Workload w, String symbol, String words) {
    boolean fromRecord = w.delivery().record().isPresent() && where.find(key(w, "read_size")).isEmpty()
        && assumptions.containsKey("workloads." + w.name() + ".read_size");
    return fromRecord ? ref("workloads." + w.name() + ".payload_bytes", symbol, words)
        : value(symbol, words, w.readSize().getAsDouble(), Unit.BYTES, key(w, "read_size"));
  }

  /** A payload written as a record: the sum of its fields, each shown by name, and the row's overhead. */
  private void record(Workload w) {
    Requirements.PayloadRecord r = w.delivery().record().orElseThrow();
    List<String> base = List.of("workloads", w.name(), "payload");
    title("workloads." + w.name() + ".payload_bytes", "bytes per write: the record's fields and the row's"
        + " overhead");
    figure("workloads." + w.name() + ".payload_bytes", "bytes per write", "payload", Unit.BYTES, Section.STORAGE,
        RECORD, () -> {
          List<Term> terms = new ArrayList<>();
          for (Requirements.PayloadField f : r.fields()) {
            terms.add(value(f.name(), "bytes of " + f.name(), f.bytes(), Unit.BYTES,
                concat(concat(base, "fields"), f.name())));
          }
          List<String> overhead = concat(base, "row_overhead");
          if (r.rowOverhead() != 0 || where.find(overhead).isPresent() || ranged(String.join(".", overhead))) {
            terms.add(value("row_overhead", "bytes each row adds", r.rowOverhead(), Unit.BYTES, overhead));
          }
          return sum(terms);
        });
  }

  /** A CDN in front of a workload: the reads and bytes that reach the origin, and the bytes its edge serves. */
  private void cdn(Workload w) {
    String p = "workloads." + w.name();
    String c = p + ".cdn";
    double hit = w.delivery().cdnHitRatio().getAsDouble();
    Supplier<Operand> ratio = () -> value("hit_ratio", "share of reads the CDN serves", hit, Unit.FRACTION,
        List.of("workloads", w.name(), "cdn", "hit_ratio"));
    given(c + ".hit_ratio", "share of reads the CDN's edge serves", "hit_ratio", Section.BANDWIDTH, ratio);
    String[] figures = {"per_day", "avg_per_second", "peak_per_second"};
    String[] words = {"reads a day the origin serves", "reads a second the origin serves",
        "peak reads a second the origin serves"};
    String[] symbols = {"origin reads/day", "origin reads/s", "peak origin reads/s"};
    Unit[] units = {Unit.COUNT, Unit.PER_SECOND, Unit.PER_SECOND};
    for (int i = 0; i < 3; i++) {
      String f = figures[i];
      figure(c + ".origin_reads." + f, words[i], symbols[i], units[i], Section.TRAFFIC, CDN,
          product(ref(p + ".reads." + f), apply(Op.ONE_MINUS, ratio.get())));
    }
    if (!has(p + ".egress.avg_bytes_per_second")) {
      return;
    }
    for (String f : List.of("avg_bytes_per_second", "peak_bytes_per_second")) {
      String peak = f.startsWith("peak") ? "peak " : "";
      figure(c + ".origin_egress." + f, peak + "bytes a second the origin serves", peak + "origin egress",
          Unit.BYTES_PER_SECOND, Section.BANDWIDTH, CDN,
          product(ref(p + ".egress." + f), apply(Op.ONE_MINUS, ratio.get())));
    }
    for (String f : List.of("avg_bytes_per_second", "peak_bytes_per_second")) {
      String peak = f.startsWith("peak") ? "peak " : "";
      title(c + ".edge_egress." + f, peak + "bytes a second the CDN's edge serves: every byte read, hits from"
          + " its cache and misses fetched from the origin");
      figure(c + ".edge_egress." + f, peak + "bytes a second the CDN's edge serves", peak + "edge egress",
          Unit.BYTES_PER_SECOND, Section.BANDWIDTH, CDN, ref(p + ".egress." + f));
    }
  }

  /** The origin's egress (each workload's behind its CDN, or all of it) and the edges', where any workload has a CDN. */
  private void cdnTotals() {
    List<Workload> served = new ArrayList<>();
    List<Workload> fronted = new ArrayList<>();
    // By name: a record's equals is bootstrapped on first use, which costs a short run milliseconds.
    java.util.Set<String> frontedNames = new java.util.HashSet<>();
    for (Workload w : req.workloads()) {
      if (has("workloads." + w.name() + ".egress.avg_bytes_per_second")) {
        served.add(w);
        if (has("workloads." + w.name() + ".cdn.origin_egress.avg_bytes_per_second")) {
          fronted.add(w);
          frontedNames.add(w.name());
        }
      }
    }
    if (fronted.isEmpty()) {
      return;
    }
    for (String f : List.of("avg_bytes_per_second", "peak_bytes_per_second")) {
      String peak = f.startsWith("peak") ? "peak " : "";
      title("bandwidth.origin_egress." + f, "all " + peak + "bytes a second the origin serves");
      figure("bandwidth.origin_egress." + f, peak + "bytes a second the origin serves", peak + "origin egress",
          Unit.BYTES_PER_SECOND, Section.BANDWIDTH, CDN, sum(served.stream().map(w -> {
            String p = "workloads." + w.name();
            return (Term) (frontedNames.contains(w.name())
                ? ref(p + ".cdn.origin_egress." + f, w.name() + " " + peak + "origin egress",
                    w.name() + " " + peak + "bytes a second the origin serves")
                : ref(p + ".egress." + f, w.name() + " " + peak + "egress", w.name() + " " + peak + "bytes read a"
                    + " second"));
          }).toList()));
    }
    for (String f : List.of("avg_bytes_per_second", "peak_bytes_per_second")) {
      String peak = f.startsWith("peak") ? "peak " : "";
      title("bandwidth.edge_egress." + f, "all " + peak + "bytes a second the CDN's edges serve");
      figure("bandwidth.edge_egress." + f, peak + "bytes a second the CDN's edges serve", peak + "edge egress",
          Unit.BYTES_PER_SECOND, Section.BANDWIDTH, CDN, sum(fronted.stream().map(w -> (Term) ref(
              "workloads." + w.name() + ".cdn.edge_egress." + f, w.name() + " " + peak + "edge egress",
              w.name() + " " + peak + "bytes a second the edge serves")).toList()));
    }
  }

  /**
   * The connections a workload's users hold open: users online at the busiest moment times the
   * connections each holds; the servers and memory they take; and their heartbeats, every
   * connection once an interval at the busiest moment, over the peak factor on average.
   */
  private void connections(Workload w, Requirements.Connections k) {
    String p = "workloads." + w.name();
    String c = p + ".connections";
    List<String> base = List.of("workloads", w.name(), "connections");
    if (k.onlineShare().isPresent()) {
      if (req.users().isEmpty()) {
        return;
      }
      Supplier<Operand> share = () -> value("online_share", "share of daily users online at the busiest moment",
          k.onlineShare().getAsDouble(), Unit.FRACTION, concat(base, "online_share"));
      given(c + ".online_share", "share of daily active users online at the busiest moment", "online_share",
          Section.CONNECTIONS, share);
      figure(c + ".online_users", "users online at the busiest moment", "online", Unit.COUNT, Section.CONNECTIONS,
          XU_CHAT, product(dau(), share.get()));
    } else {
      given(c + ".online_users", "users online at the busiest moment", "online", Section.CONNECTIONS,
          value("concurrent", "users online at the busiest moment", k.concurrent().getAsDouble(), Unit.COUNT,
              concat(base, "concurrent")));
    }
    Supplier<Operand> perUser = () -> value("per_user", "connections per online user", k.perUser(), Unit.NUMBER,
        concat(base, "per_user"));
    given(c + ".per_user", "connections each online user holds", "per_user", Section.CONNECTIONS, perUser);
    figure(c + ".concurrent", "concurrent connections at the busiest moment", "connections", Unit.COUNT,
        Section.CONNECTIONS, XU_CHAT, product(ref(c + ".online_users"), perUser.get()));
    k.perServer().ifPresent(n -> {
      Supplier<Operand> limit = () -> value("per_server", "connections one server holds", n, Unit.COUNT,
          concat(base, "per_server"));
      given(c + ".per_server", "connections one server holds", "per_server", Section.CONNECTIONS, limit);
      figure(c + ".servers", "connection servers", "connection servers", Unit.WHOLE, Section.CONNECTIONS,
          GROKKING_MESSENGER, count(ref(c + ".concurrent"), limit.get()));
    });
    k.memoryPerConnection().ifPresent(m -> {
      Supplier<Operand> memory = () -> value("memory_per_connection", "server memory of one connection", m,
          Unit.BYTES, concat(base, "memory_per_connection"));
      given(c + ".memory_per_connection_bytes", "server memory of one connection", "memory_per_connection",
          Section.CONNECTIONS, memory);
      figure(c + ".memory_bytes", "server memory the connections hold", "connection memory", Unit.BYTES,
          Section.CONNECTIONS, XU_CHAT, product(ref(c + ".concurrent"), memory.get()));
    });
    if (k.heartbeatSeconds().isEmpty()) {
      return;
    }
    Supplier<Operand> interval = () -> value("heartbeat", "time between two heartbeats on a connection",
        k.heartbeatSeconds().getAsDouble(), Unit.LATENCY, concat(base, "heartbeat"));
    given(c + ".heartbeat_seconds", "time between two heartbeats or updates on a connection", "heartbeat",
        Section.CONNECTIONS, interval);
    String h = c + ".heartbeats";
    figure(h + ".per_day", "heartbeats a day", "heartbeats/day", Unit.COUNT, Section.TRAFFIC, XU_CHAT,
        () -> product(ref(h + ".avg_per_second"), length(CalendarUnit.DAY)));
    title(h + ".avg_per_second", "heartbeats a second on average: the busiest moment's over the peak factor"
        + " (users come online and go as the traffic rises and falls)");
    figure(h + ".avg_per_second", "heartbeats a second", "heartbeats/s", Unit.PER_SECOND, Section.TRAFFIC, XU_CHAT,
        () -> quotient(ref(h + ".peak_per_second"), peakFactor(w)));
    title(h + ".peak_per_second", "peak heartbeats a second: every connection once an interval, at the busiest"
        + " moment");
    figure(h + ".peak_per_second", "peak heartbeats a second", "peak heartbeats/s", Unit.PER_SECOND,
        Section.TRAFFIC, XU_CHAT, quotient(ref(c + ".concurrent"), interval.get()));
  }

  /**
   * Fan-out on write: each write copied to the writer's followers' timelines, as writes of the
   * entry's size (they reach the write totals, storage and shards), and the followee fetches a
   * timeline read would make without it. Followers, a heavy-tailed input, sit at their median at
   * the point: the words say so where they are a range.
   */
  private void fanoutOnWrite(Workload w, Requirements.FanoutOnWrite fo) {
    String p = "workloads." + w.name();
    String f = p + ".fanout_on_write";
    List<String> base = List.of("workloads", w.name(), "fanout_on_write");
    boolean median = ranged(f + ".followers");
    Supplier<Operand> followers = () -> value("followers", median ? "followers per write (the median of its range)"
        : "followers per write", fo.followers(), Unit.COUNT, concat(base, "followers"));
    if (median) {
      title(f + ".followers", "followers each write is copied to, at the median of its range: a heavy tail's"
          + " mean is higher (the Monte Carlo's mean shows it)");
    }
    given(f + ".followers", "followers each write is copied to", "followers", Section.FANOUT_ON_WRITE, followers);
    String t = f + ".timeline_writes";
    String at = median ? ", at the median followers" : "";
    figure(t + ".per_day", "timeline writes a day", "timeline writes/day", Unit.COUNT, Section.TRAFFIC, KLEPPMANN,
        () -> product(ref(t + ".avg_per_second"), length(CalendarUnit.DAY)));
    title(t + ".avg_per_second", "timeline writes a second: each write copied to every follower" + at);
    figure(t + ".avg_per_second", "timeline writes a second", "timeline writes/s", Unit.PER_SECOND, Section.TRAFFIC,
        KLEPPMANN, product(ref(p + ".writes.avg_per_second"), followers.get()));
    title(t + ".peak_per_second", "peak timeline writes a second" + at);
    figure(t + ".peak_per_second", "peak timeline writes a second", "peak timeline writes/s", Unit.PER_SECOND,
        Section.TRAFFIC, KLEPPMANN, product(ref(p + ".writes.peak_per_second"), followers.get()));
    fo.entrySize().ifPresent(size -> {
      Supplier<Operand> entry = () -> value("entry_size", "bytes of one timeline entry", size, Unit.BYTES,
          concat(base, "entry_size"));
      given(f + ".entry_size_bytes", "bytes of one timeline entry", "entry_size", Section.FANOUT_ON_WRITE, entry);
      String q = f + ".storage";
      Supplier<List<Term>> stored = () -> {
        List<Term> terms = new ArrayList<>();
        terms.add(ref(t + ".avg_per_second"));
        terms.add(entry.get());
        overhead().ifPresent(terms::add);
        return terms;
      };
      figure(q + ".bytes_per_day", "timeline bytes stored a day", "timelines/day", Unit.BYTES, Section.STORAGE,
          KLEPPMANN, product(with(stored.get(), length(CalendarUnit.DAY))));
      figure(q + ".bytes_per_month", "timeline bytes stored a month", "timelines/month", Unit.BYTES,
          Section.STORAGE, KLEPPMANN, product(with(stored.get(), length(CalendarUnit.MONTH))));
      figure(q + ".bytes_per_year", "timeline bytes stored a year", "timelines/year", Unit.BYTES, Section.STORAGE,
          KLEPPMANN, product(with(stored.get(), length(CalendarUnit.YEAR))));
      if (req.storage().retention().isPresent()) {
        figure(q + ".bytes_retained", "timeline bytes kept over the retention", "timelines retained", Unit.BYTES,
            Section.STORAGE, KLEPPMANN, () -> product(with(stored.get(), ref("storage.retention_seconds"))));
      }
    });
    if (requestReads(w, true).isEmpty()) {
      return;
    }
    for (String fig : List.of("avg_per_second", "peak_per_second")) {
      String peak = fig.startsWith("peak") ? "peak " : "";
      title(f + ".reads_replaced." + fig, peak + "followee fetches a second that fan-out on read would make:"
          + " one per followee for each timeline read, followees as many as followers on average");
      figure(f + ".reads_replaced." + fig, peak + "followee fetches a second fan-out on write replaces",
          peak + "fetches replaced/s", Unit.PER_SECOND, Section.FANOUT_ON_WRITE, KLEPPMANN,
          product(requestReadFigure(w, fig), followers.get()));
    }
  }

  // Values and where they come from.

  private boolean ranged(String figurePath) {
    String input = figurePath;
    return req.uncertainty().inputs().stream().anyMatch(u -> Lanes.inputKey(u.path()).equals(input));
  }

  /** A value of a component: the file's, or the default with its source. */
  private Operand count(String symbol, String words, double value, List<String> key, String byDefault) {
    Optional<Location> at = where.find(key);
    return new Operand(symbol, words, value, Unit.WHOLE, at.isPresent()
        ? Source.input(String.join(".", key), at.get()) : Source.defaulted(String.join(".", key), byDefault));
  }

  /** A number the model fixes, with where it comes from. */
  private static Operand constant(String symbol, String words, double value, Unit unit, String note) {
    return new Operand(symbol, words, value, unit, Source.convention(Optional.empty(), note));
  }

  private static List<String> concat(List<String> key, String last) {
    List<String> out = new ArrayList<>(key);
    out.add(last);
    return out;
  }

  private static List<Term> with(List<Term> factors, Term last) {
    List<Term> all = new ArrayList<>(factors);
    all.add(last);
    return all;
  }

  /** A value of the file at {@code key}, or the default the reader applied there. */
  private Operand value(String symbol, String words, double value, Unit unit, List<String> key) {
    return new Operand(symbol, words, value, unit, source(key));
  }

  private Source source(List<String> key) {
    String path = String.join(".", key);
    Optional<Location> at = where.find(key);
    if (at.isPresent()) {
      return Source.input(path, at.get());
    }
    Assumption a = assumptions.get(path);
    String note = a == null ? "default" : a.source();
    return path.startsWith("conventions.") ? Source.convention(Optional.of(path), note) : Source.defaulted(path, note);
  }

  private static List<String> key(Workload w, String key) {
    return List.of("workloads", w.name(), key);
  }

  /** The overhead factor {@code (1 + overhead)}, left out when there is none. */
  private Optional<Term> overhead() {
    double o = req.storage().overhead();
    return o == 0 && !ranged("storage.overhead") ? Optional.empty() : Optional.of(apply(Op.ONE_PLUS,
        value("overhead", "overhead", o, Unit.FRACTION, List.of("storage", "overhead"))));
  }

  private Operand replication() {
    return value("replication", "copies", req.storage().replication(), Unit.NUMBER, List.of("storage", "replication"));
  }

  private Operand hotFraction() {
    return value("hot_fraction", "hot fraction", req.cache().hotFraction(), Unit.FRACTION,
        List.of("cache", "hot_fraction"));
  }

  private Operand utilization() {
    return value("utilization", "utilization", req.capacity().utilization(), Unit.FRACTION,
        List.of("capacity", "utilization"));
  }

  /** The seconds in one {@code unit}, as the time base converts rates and retention. */
  private Operand length(CalendarUnit unit) {
    double seconds = time.seconds(unit);
    return switch (unit) {
      case SECOND -> throw new IllegalArgumentException("a second needs no conversion");
      case MINUTE -> new Operand("MIN", "seconds in a minute", seconds, Unit.SECONDS,
          Source.convention(Optional.empty(), "a minute: 60 s"), Optional.of(unit));
      case HOUR -> new Operand("H", "seconds in an hour", seconds, Unit.SECONDS,
          Source.convention(Optional.empty(), "an hour: 3,600 s"), Optional.of(unit));
      case DAY -> lengthOf("D", "seconds in a day", seconds, "seconds_per_day", unit);
      case WEEK -> new Operand("W", "seconds in a week", seconds, Unit.SECONDS,
          Source.convention(Optional.of("conventions.seconds_per_week"), "a week: 7 x conventions.seconds_per_day"),
          Optional.of(unit));
      case MONTH -> lengthOf("M", "seconds in a month", seconds, "seconds_per_month", unit);
      case QUARTER -> new Operand("Q", "seconds in a quarter", seconds, Unit.SECONDS,
          Source.convention(Optional.empty(), "a quarter: conventions.seconds_per_year / 4"), Optional.of(unit));
      case YEAR -> lengthOf("Y", "seconds in a year", seconds, "seconds_per_year", unit);
    };
  }

  private Operand lengthOf(String symbol, String words, double seconds, String key, CalendarUnit unit) {
    return new Operand(symbol, words, seconds, Unit.SECONDS, source(List.of("conventions", key)), Optional.of(unit));
  }

  /** How a rate's period reads in words: "a day", "an hour". */
  private static String per(CalendarUnit unit) {
    return switch (unit) {
      case SECOND -> "a second";
      case MINUTE -> "a minute";
      case HOUR -> "an hour";
      default -> "a " + unit.key();
    };
  }
}
