package dev.envelope.render;

import dev.envelope.estimate.Cheatsheets;
import dev.envelope.model.ReferenceData;
import dev.envelope.model.Requirements;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reference sheets ({@code envelope reference}) as a report: a table per sheet with a source
 * column (or, for the nines, a sourced note), the sources listed once at the end and numbered in
 * order of first use; and the same rows in JSON ({@code envelope.reference/v1}), each naming its
 * source by key.
 */
public final class ReferenceReport {
  public static final String SCHEMA = "envelope.reference/v1";

  /** The sheets, in the order {@code envelope reference} prints them without arguments. */
  public enum Sheet {
    LATENCY,
    POWERS,
    NINES,
    CONVERSIONS,
    THROUGHPUT;

    /** The name on the command line and the key in JSON: {@code latency}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ReferenceData data;
  private final Requirements.Conventions conventions;
  private final Tree tree = new Tree();
  private final List<Report.Block> blocks = new ArrayList<>();
  /** Source keys in order of first use: their footnote numbers. */
  private final Map<String, Integer> cited = new LinkedHashMap<>();

  private ReferenceReport(ReferenceData data, Requirements.Conventions conventions) {
    this.data = data;
    this.conventions = conventions;
  }

  /** The {@code sheets} asked for, in that order; {@code conventions} gives the periods and the month. */
  public static Report build(ReferenceData data, List<Sheet> sheets, Requirements.Conventions conventions) {
    return new ReferenceReport(data, conventions).layout(sheets);
  }

  private Report layout(List<Sheet> sheets) {
    tree.put("schema", SCHEMA);
    tree.put("conventions", ConventionsBlock.tree(conventions));
    for (Sheet sheet : sheets) {
      switch (sheet) {
        case LATENCY -> latency();
        case POWERS -> powers();
        case NINES -> nines();
        case CONVERSIONS -> conversions();
        case THROUGHPUT -> throughput();
      }
    }
    List<Tree> sources = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    cited.forEach((id, n) -> {
      ReferenceData.Source s = data.sources().get(id);
      Tree t = new Tree().put("id", id).put("citation", s.citation()).put("date", s.date());
      s.url().ifPresent(u -> t.put("url", u));
      sources.add(t);
      lines.add("[" + n + "] " + s.citation() + "; " + s.date() + s.url().map(u -> "; " + u).orElse(""));
    });
    tree.putList("sources", sources);
    blocks.add(new Report.Block("Sources", List.of(), List.of(), lines));
    List<String> header = new ArrayList<>();
    header.add("numbers to memorise, each with its source (the [n] listed under Sources)");
    if (sheets.contains(Sheet.NINES) || sheets.contains(Sheet.CONVERSIONS)) {
      header.addAll(ConventionsBlock.header(conventions));
    }
    String title = sheets.size() == 1 ? "Reference: " + sheets.get(0).key() : "Reference sheets";
    return new Report(title, header, blocks, tree);
  }

  private void latency() {
    ReferenceData.Sheet<?> sheet = data.latency();
    List<Tree> rows = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    for (Cheatsheets.Latency l : Cheatsheets.latency(data)) {
      Tree t = new Tree().put("operation", l.operation()).put("seconds", l.seconds(), Kind.SECONDS);
      l.note().ifPresent(n -> t.put("note", n));
      rows.add(t.put("source", l.source()));
      double ns = l.seconds() / 1e-9;
      cells.add(List.of(l.operation(), latency(l.seconds()), ns < 1000 ? Format.plain(ns) : Format.integer(ns),
          l.note().orElse(""), cite(l.source())));
    }
    add(Sheet.LATENCY, sheet, rows, new Report.Block(sheet.title(),
        List.of("operation", "latency", "ns", "note", "source"), cells, notes(sheet), -3));
  }

  private void powers() {
    ReferenceData.Sheet<?> sheet = data.powers();
    List<Tree> rows = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    for (Cheatsheets.Power p : Cheatsheets.powers(data)) {
      rows.add(new Tree().put("power", p.power(), Kind.INTEGER).put("value", p.value(), Kind.NUMBER)
          .put("exact", p.exact().toString()).put("approximately", p.approximately())
          .put("binary_over_decimal", p.binaryOverDecimal(), Kind.FRACTION).put("source", p.source()));
      cells.add(List.of("2^" + p.power(), grouped(p.exact().toString()), Format.bytes(p.value(), UnitSystem.IEC),
          Format.bytes(p.value(), UnitSystem.SI), "+" + Format.sig3(p.binaryOverDecimal() * 100) + "%",
          p.approximately(), cite(p.source())));
    }
    add(Sheet.POWERS, sheet, rows, new Report.Block(sheet.title(),
        List.of("power", "exact", "binary", "decimal", "binary/decimal", "approximately", "source"), cells,
        notes(sheet), -5));
  }

  private void nines() {
    ReferenceData.Sheet<?> sheet = data.nines();
    List<Tree> rows = new ArrayList<>();
    List<dev.envelope.estimate.Sla.Tier> tiers = new ArrayList<>();
    for (Cheatsheets.Nines n : Cheatsheets.nines(data, conventions)) {
      rows.add(SlaReport.tierTree(n.tier(), false).put("source", n.source()));
      tiers.add(n.tier());
      cite(n.source());
    }
    // The table of envelope sla, so that both print the same figures.
    Report.Block table = SlaReport.block(sheet.title(), tiers, List.of());
    List<String> notes = new ArrayList<>(notes(sheet));
    add(Sheet.NINES, sheet, rows, new Report.Block(table.title(), table.columns(), table.rows(), notes));
  }

  private void conversions() {
    ReferenceData.Sheet<?> sheet = data.conversions();
    List<Tree> rows = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    for (Cheatsheets.Conversion c : Cheatsheets.conversions(data, conventions)) {
      Tree t = new Tree().put("rate", c.rate()).put("per_second", c.perSecond(), Kind.RATE)
          .put("per_day", c.perDay(), Kind.COUNT).put("per_month", c.perMonth(), Kind.COUNT)
          .put("per_year", c.perYear(), Kind.COUNT);
      c.published().ifPresent(p -> t.put("published", p));
      rows.add(t.put("source", c.source()));
      cells.add(List.of(c.rate(), Format.rate(c.perSecond()), Format.count(c.perDay()), Format.count(c.perMonth()),
          Format.count(c.perYear()), c.published().orElse(""), cite(c.source())));
    }
    add(Sheet.CONVERSIONS, sheet, rows, new Report.Block(sheet.title(),
        List.of("rate", "per second", "per day", "per month", "per year", "published", "source"), cells,
        notes(sheet), -5));
  }

  private void throughput() {
    ReferenceData.Sheet<?> sheet = data.throughput();
    List<Tree> rows = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    for (Cheatsheets.Throughput t : Cheatsheets.throughput(data, conventions)) {
      Tree row = new Tree().put("part", t.part()).put("measure", t.measure().key());
      String shown = switch (t.measure()) {
        case REQUESTS -> {
          row.put("per_second", t.value(), Kind.RATE);
          yield Format.rate(t.value());
        }
        case BYTES -> {
          row.put("bytes_per_second", t.value(), Kind.BYTES_PER_SECOND);
          yield Format.bytesPerSecond(t.value(), UnitSystem.SI);
        }
        case CONNECTIONS -> {
          row.put("connections", t.value(), Kind.COUNT);
          yield Format.count(t.value()) + " connections";
        }
      };
      rows.add(row.put("order_of_magnitude", t.orderOfMagnitude()).put("basis", t.basis())
          .put("source", t.source()));
      cells.add(List.of(t.part(), (t.orderOfMagnitude() ? "~" : "") + shown, t.basis(), cite(t.source())));
    }
    add(Sheet.THROUGHPUT, sheet, rows, new Report.Block(sheet.title(), List.of("part", "one node", "measured as",
        "source"), cells, notes(sheet), -2));
  }

  private void add(Sheet key, ReferenceData.Sheet<?> sheet, List<Tree> rows, Report.Block block) {
    Tree t = tree.child(key.key());
    t.put("title", sheet.title());
    t.putList("rows", rows);
    List<Tree> notes = new ArrayList<>();
    for (ReferenceData.Note n : sheet.notes()) {
      Tree note = new Tree().put("text", n.text());
      n.source().ifPresent(s -> note.put("source", s));
      notes.add(note);
    }
    t.putList("notes", notes);
    blocks.add(block);
  }

  private List<String> notes(ReferenceData.Sheet<?> sheet) {
    List<String> lines = new ArrayList<>();
    for (ReferenceData.Note n : sheet.notes()) {
      lines.add(n.text() + n.source().map(s -> " " + cite(s)).orElse(""));
    }
    return lines;
  }

  /** The footnote mark of a source: {@code [1]} for the first one cited. */
  private String cite(String source) {
    return "[" + cited.computeIfAbsent(source, s -> cited.size() + 1) + "]";
  }

  /** A latency in the unit the sheets use: 0.5 ns, 150 us, 20 ms (us, as the sources print it). */
  static String latency(double seconds) {
    String[] units = {"ns", "us", "ms", "s"};
    double value = seconds / 1e-9;
    int i = 0;
    while (i < units.length - 1 && Format.rounded(value) >= 1000) {
      value /= 1000;
      i++;
    }
    return Format.sig3(value) + " " + units[i];
  }

  /** Digits grouped by thousands: 1,125,899,906,842,624. */
  static String grouped(String digits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  /** The sheet named {@code key} ({@code latency}), if there is one. */
  public static Optional<Sheet> sheet(String key) {
    for (Sheet s : Sheet.values()) {
      if (s.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
