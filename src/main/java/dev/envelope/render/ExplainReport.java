package dev.envelope.render;

import dev.envelope.estimate.Derivation;
import dev.envelope.estimate.Derivation.Operand;
import dev.envelope.estimate.Derivation.Source;
import dev.envelope.estimate.Derivation.Step;
import dev.envelope.estimate.Derivation.Term;
import dev.envelope.estimate.Derivation.Unit;
import dev.envelope.estimate.Napkin;
import dev.envelope.diagnostic.Location;
import dev.envelope.model.Requirements;
import dev.envelope.render.Tree.Quantity.Kind;
import dev.envelope.units.Format;
import dev.envelope.units.UnitSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Derivations for people and for tools: each step's formula in words and in symbols, the values
 * substituted with their units, the result, and where every value came from; with napkin figures,
 * the napkin working too. Tables and Markdown lay the steps out as a whiteboard does; JSON and YAML
 * give the same steps as data ({@code envelope.explain/v1}, docs/json-reference.md).
 */
public final class ExplainReport {
  public static final String SCHEMA = "envelope.explain/v1";

  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final Requirements req;
  private final List<Step> steps;
  private final Optional<Map<String, Napkin.Working>> napkin;
  private final UnitSystem units;

  private ExplainReport(Requirements req, List<Step> steps, Optional<Map<String, Napkin.Working>> napkin) {
    this.req = req;
    this.steps = List.copyOf(steps);
    this.napkin = napkin;
    this.units = req.conventions().units();
  }

  /** The derivations of {@code steps}, with the napkin figures of every step when given. */
  public static ExplainReport of(Requirements req, List<Step> steps, Optional<Map<String, Napkin.Working>> napkin) {
    return new ExplainReport(req, steps, napkin);
  }

  /** The {@code envelope.explain/v1} tree. */
  public Tree tree() {
    Tree tree = new Tree();
    tree.put("schema", SCHEMA);
    req.name().ifPresent(n -> tree.put("name", n));
    tree.put("conventions", ConventionsBlock.tree(req.conventions()));
    tree.putList("steps", stepTrees());
    return tree;
  }

  /** One tree per step, as {@code steps} of the JSON holds them. */
  public List<Tree> stepTrees() {
    List<Tree> out = new ArrayList<>();
    for (Step s : steps) {
      Tree t = new Tree();
      t.put("path", s.path());
      t.put("formula", formula(s));
      t.put("symbols", symbols(s));
      t.put("substituted", substituted(s));
      Tree result = t.child("result");
      result.put("value", s.result(), kind(s.unit()));
      result.put("unit", s.unit().key());
      result.put("display", display(s.result(), s.unit(), units));
      correlation(s).ifPresent(c -> t.child("correlated_with").put("input", c.other(inputPath(s)))
          .put("rank", c.rank(), Kind.NUMBER));
      napkin.map(n -> n.get(s.path())).ifPresent(f -> {
        Tree n = t.child("napkin");
        n.put("value", f.value(), kind(s.unit()));
        n.put("display", napkinDisplay(f.value(), s.unit()));
        if (!f.working().isEmpty()) {
          n.put("working", working(f, s.unit()));
        }
      });
      List<Tree> inputs = new ArrayList<>();
      for (Operand o : s.inputs()) {
        Tree i = new Tree();
        i.put("name", o.symbol());
        i.put("value", o.value(), kind(o.unit()));
        i.put("unit", o.unit().key());
        i.put("display", display(o.value(), o.unit(), units));
        Tree from = from(o.from());
        drawnWith(o.from()).ifPresent(c -> from.child("correlated_with").put("input", c.other(o.from().path().get()))
            .put("rank", c.rank(), Kind.NUMBER));
        i.put("from", from);
        inputs.add(i);
      }
      t.putList("inputs", inputs);
      out.add(t);
    }
    return out;
  }

  private static Tree from(Source source) {
    Tree t = new Tree();
    t.put("kind", source.kind().key());
    source.path().ifPresent(p -> t.put("path", p));
    source.location().ifPresent(at -> {
      if (at.isArgument()) {
        t.put("argument", at.file());
      } else {
        t.put("file", at.file());
        t.put("line", at.line(), Kind.INTEGER);
        t.put("column", at.column(), Kind.INTEGER);
      }
    });
    source.note().ifPresent(n -> t.put("source", n));
    return t;
  }

  /** The whole explanation as a terminal table: a header, then every step. */
  public String table(boolean colour) {
    return table(colour, 0);
  }

  /**
   * {@link #table(boolean)} fitted to {@code width} display columns (0: none, the one layout): lines
   * wrap at word boundaries under their own indentation, and where an input's row is too wide, where
   * it came from goes on the lines under it.
   */
  public String table(boolean colour, int width) {
    int room = width >= Fit.MIN_WIDTH ? width : Integer.MAX_VALUE;
    StringBuilder sb = new StringBuilder();
    for (String line : Fit.wrap(Escape.table(title()), room, "", "  ")) {
      sb.append(style(line, colour)).append('\n');
    }
    header().forEach(h -> Fit.wrap(Escape.table(h), room, "", "  ").forEach(line -> sb.append(line).append('\n')));
    sb.append(tableSteps(colour, width));
    return sb.toString();
  }

  /** Every step, each after a blank line: for the end of an estimate table. */
  public String tableSteps(boolean colour) {
    return tableSteps(colour, 0);
  }

  /** {@link #tableSteps(boolean)} fitted to {@code width} display columns, as {@link #table(boolean, int)}. */
  public String tableSteps(boolean colour, int width) {
    int room = width >= Fit.MIN_WIDTH ? width : Integer.MAX_VALUE;
    StringBuilder sb = new StringBuilder();
    for (Step s : steps) {
      sb.append('\n');
      for (String line : Fit.wrap(Escape.table(s.path()), room, "", "  ")) {
        sb.append(style(line, colour)).append('\n');
      }
      for (String line : lines(s)) {
        String text = Escape.table(line);
        String indent = "  " + text.substring(0, text.length() - text.stripLeading().length());
        for (String piece : Fit.wrap(text.stripLeading(), room, indent, indent + "    ")) {
          sb.append(piece).append('\n');
        }
      }
      List<List<String>> rows = new ArrayList<>();
      for (Operand o : s.inputs()) {
        rows.add(Stream.of(o.symbol(), display(o.value(), o.unit(), units), o.from().kind().key(), whereDrawn(o.from()))
            .map(Escape::table).toList());
      }
      List<String> aligned = aligned(rows);
      if (aligned.stream().allMatch(line -> Fit.width("  " + line) <= room)) {
        aligned.forEach(line -> sb.append("  ").append(line).append('\n'));
        continue;
      }
      // Too wide: each input's first three columns, then where it came from under them.
      List<String> three = aligned(rows.stream().map(r -> List.of(r.get(0), r.get(1), r.get(2), "")).toList());
      for (int i = 0; i < rows.size(); i++) {
        Fit.wrap(three.get(i), room, "  ", "      ").forEach(line -> sb.append(line).append('\n'));
        Fit.wrap(rows.get(i).get(3), room, "      ", "        ").forEach(line -> sb.append(line).append('\n'));
      }
    }
    return sb.toString();
  }

  /** The whole explanation as Markdown. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(escape(title())).append("\n\n");
    header().forEach(line -> sb.append(escape(line)).append("  \n"));
    sb.append(markdownSteps("##"));
    return sb.toString();
  }

  /** Every step under a heading of {@code level} ({@code ##}). */
  public String markdownSteps(String level) {
    StringBuilder sb = new StringBuilder();
    for (Step s : steps) {
      sb.append('\n').append(level).append(' ').append(escape(s.path())).append("\n\n");
      // A code block shows its lines as written, HTML and all; only a fence can end it, so the fence
      // is longer than any run of backticks in the lines.
      List<String> lines = lines(s).stream().map(Escape::table).toList();
      String fence = fence(lines);
      sb.append(fence).append('\n');
      for (String line : lines) {
        sb.append(line).append('\n');
      }
      sb.append(fence).append("\n\n");
      sb.append("| input | value | from | where |\n| --- | ---: | --- | --- |\n");
      for (Operand o : s.inputs()) {
        sb.append("| ").append(Escape.markdownCell(o.symbol())).append(" | ")
            .append(escape(display(o.value(), o.unit(), units))).append(" | ")
            .append(Escape.markdownCell(o.from().kind().key())).append(" | ")
            .append(Escape.markdownCell(whereDrawn(o.from()))).append(" |\n");
      }
    }
    return sb.toString();
  }

  /** One row per step: {@code path,formula,symbols,substituted,value,unit,display}, and napkin columns. */
  public String csv() {
    StringBuilder sb = new StringBuilder();
    List<String> head = new ArrayList<>(List.of("path", "formula", "symbols", "substituted", "value", "unit", "display"));
    if (napkin.isPresent()) {
      head.addAll(List.of("napkin_value", "napkin_display"));
    }
    CsvRenderer.line(sb, head);
    for (Step s : steps) {
      List<String> row = new ArrayList<>(List.of(s.path(), formula(s), symbols(s), substituted(s),
          JsonRenderer.number(s.result()), s.unit().key(), display(s.result(), s.unit(), units)));
      napkin.map(n -> n.get(s.path())).ifPresent(f -> {
        row.add(JsonRenderer.number(f.value()));
        row.add(napkinDisplay(f.value(), s.unit()));
      });
      CsvRenderer.line(sb, row);
    }
    return sb.toString();
  }

  private String title() {
    return req.name().map(n -> n + " (" + req.source() + ")").orElse(req.source()) + ": explain";
  }

  private List<String> header() {
    List<String> lines = new ArrayList<>(ConventionsBlock.header(req.conventions()));
    if (napkin.isPresent()) {
      lines.add(NapkinReport.rule(req.conventions().time()));
    }
    return lines;
  }

  /**
   * The whiteboard lines of a step: the formula in words, in symbols, the values substituted (when
   * they say more than the result), the result, and the napkin working.
   */
  private List<String> lines(Step s) {
    List<String> lines = new ArrayList<>();
    lines.add(formula(s));
    String result = display(s.result(), s.unit(), units);
    if (given(s)) {
      lines.add(s.symbol() + " = " + result);
    } else {
      lines.add(symbols(s));
      String pad = " ".repeat(s.symbol().length() + 1);
      String substituted = substituted(s);
      if (!substituted.equals(result)) {
        lines.add(pad + "= " + substituted);
      }
      lines.add(pad + "= " + result);
    }
    correlation(s).ifPresent(c -> lines.add("moves with " + c.other(inputPath(s))
        + " in the Monte Carlo: rank correlation " + Format.plain(c.rank())));
    napkin.map(n -> n.get(s.path())).ifPresent(f -> lines.add("napkin: "
        + (f.working().isEmpty() ? napkinDisplay(f.value(), s.unit()) : working(f, s.unit()))));
    return lines;
  }

  /** The pair of {@code correlations} a step's input, written as a range, is drawn in. */
  private Optional<Requirements.Correlation> correlation(Step s) {
    if (!given(s) || ((Operand) s.term()).from().kind() != Source.Kind.INPUT) {
      return Optional.empty();
    }
    return req.uncertainty().correlation(inputPath(s));
  }

  /** The pair of {@code correlations} an input operand is drawn in. */
  private Optional<Requirements.Correlation> drawnWith(Source source) {
    return source.kind() == Source.Kind.INPUT && source.path().isPresent()
        ? req.uncertainty().correlation(source.path().get()) : Optional.empty();
  }

  /** {@link #where}, and for an input drawn in a pair, the other input and the rank correlation. */
  private String whereDrawn(Source source) {
    return where(source) + drawnWith(source).map(c -> "; moves with " + c.other(source.path().get())
        + " (rank " + Format.plain(c.rank()) + ")").orElse("");
  }

  /** The input path a given step repeats. */
  private static String inputPath(Step s) {
    return ((Operand) s.term()).from().path().orElse(s.path());
  }

  /** The formula in words; a value of the file says how it was given. */
  static String formula(Step s) {
    if (given(s)) {
      return s.words() + switch (((Operand) s.term()).from().kind()) {
        case INPUT -> ", as given";
        case DEFAULT -> ", by default";
        default -> ", by convention";
      };
    }
    return s.words() + " = " + render(s.term(), Operand::words);
  }

  /** The formula in symbols; a value of the file is its own symbol. */
  static String symbols(Step s) {
    return given(s) ? s.symbol() : s.symbol() + " = " + render(s.term(), Operand::symbol);
  }

  /** Whether the step repeats a value of the file, a default or a convention. */
  private static boolean given(Step s) {
    return s.term() instanceof Operand o && o.from().kind() != Source.Kind.DERIVED;
  }

  private String substituted(Step s) {
    return render(s.term(), o -> display(o.value(), o.unit(), units));
  }

  /** Where a value came from, for people: the file key and its place, the default's source... */
  static String where(Source source) {
    String path = source.path().orElse("");
    return switch (source.kind()) {
      case INPUT -> {
        Location at = source.location().orElseThrow();
        yield path + (at.isArgument() ? " from " + at.file() : " at " + at);
      }
      case DERIVED -> path;
      default -> {
        String note = source.note().orElse("");
        if (note.startsWith("default: ")) {
          note = note.substring("default: ".length());
        }
        yield path.isEmpty() ? note : path + ": " + note;
      }
    };
  }

  /** {@code term} as it reads at the point, each operand by {@code leaf} ({@link Derivation#render}). */
  static String render(Term term, Function<Operand, String> leaf) {
    return Derivation.render(term.shown(), leaf);
  }

  // Values.

  /** A value for people, in its unit: 150 M, 2 /day, 86,400 s, 4m 19.2s, 50%, 5 years. */
  public static String display(double value, Unit unit, UnitSystem units) {
    return switch (unit.measure()) {
      case COUNT -> Format.count(value);
      case PER_SECOND -> Format.rate(value);
      case BYTES -> Format.bytes(value, units);
      case BYTES_PER_SECOND -> Format.bytesPerSecond(value, units);
      case SECONDS -> (value == Math.rint(value) ? Format.integer(value) : Format.sig3(value)) + " s";
      case DURATION -> Format.duration(value);
      case FRACTION -> Format.percent(value);
      case LATENCY -> ModelReport.time(value);
      case AVAILABILITY -> ModelReport.availability(value, 1 - value);
      case WHOLE -> Format.integer(value);
      case NUMBER -> Format.sig3(value);
      case MONEY -> Format.money(value);
      case PER_PERIOD -> {
        String count = Format.count(value);
        yield count + (count.contains(" ") ? "" : " ") + "/" + unit.period().orElseThrow().symbol();
      }
      case PERIODS -> Format.plain(value) + " " + unit.period().orElseThrow().key() + (value == 1 ? "" : "s");
    };
  }

  /** The kind of figure JSON and CSV give a value of {@code unit}. */
  static Kind kind(Unit unit) {
    return switch (unit.measure()) {
      case COUNT -> Kind.COUNT;
      case PER_SECOND -> Kind.RATE;
      case BYTES -> Kind.BYTES;
      case BYTES_PER_SECOND -> Kind.BYTES_PER_SECOND;
      case SECONDS, DURATION, LATENCY -> Kind.SECONDS;
      case FRACTION, AVAILABILITY -> Kind.FRACTION;
      case WHOLE -> Kind.INTEGER;
      case NUMBER, PER_PERIOD, PERIODS -> Kind.NUMBER;
      case MONEY -> Kind.MONEY;
    };
  }

  // Napkin notation.

  /**
   * A number in powers of ten: {@code 3 x 10^3}, {@code 1.5 x 10^8}, {@code 1 x 10^-4}. Numbers
   * from 0.1 to under 100 are written plainly ({@code 2}, {@code 0.7}, {@code 20}), as a napkin does.
   */
  public static String powers(double value) {
    if (value == 0) {
      return "0";
    }
    java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(Math.abs(value)))
        .round(new java.math.MathContext(6, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    String sign = value < 0 ? "-" : "";
    if (exponent >= -1 && exponent <= 1) {
      return sign + d.toPlainString();
    }
    return sign + d.movePointLeft(exponent).stripTrailingZeros().toPlainString() + " x 10^" + exponent;
  }

  /** A napkin figure with its unit: {@code ~3 x 10^3 /s}. */
  public static String napkinDisplay(double value, Unit unit) {
    String suffix = switch (unit.measure()) {
      case PER_SECOND -> " /s";
      case BYTES -> " B";
      case BYTES_PER_SECOND -> " B/s";
      case SECONDS, DURATION, LATENCY -> " s";
      default -> "";
    };
    return "~" + powers(value) + suffix;
  }

  /**
   * A napkin size or byte rate as a person says it, in a named unit beside its power of ten:
   * {@code ~1 PB (10^15 B)}, {@code ~6 GB/s (6 x 10^9 B/s)}; below a kilobyte, and for every other
   * unit, {@link #napkinDisplay}. The named unit is decimal whatever the file's units: a napkin
   * figure is a power of ten, which a decimal prefix names exactly.
   */
  public static String napkinNamed(double value, Unit unit) {
    boolean size = unit.measure() == Unit.Measure.BYTES;
    boolean rate = unit.measure() == Unit.Measure.BYTES_PER_SECOND;
    if (!(size || rate) || !(Math.abs(value) >= 1000) || !Double.isFinite(value)) {
      return napkinDisplay(value, unit);
    }
    String power = powers(value);
    if (power.startsWith("1 x ")) {
      power = power.substring(4);
    }
    String named = rate ? Format.bytesPerSecond(value, UnitSystem.SI) : Format.bytes(value, UnitSystem.SI);
    return "~" + named + " (" + power + (rate ? " B/s" : " B") + ")";
  }

  /**
   * The napkin operations of a figure, each on from the one before where it can be:
   * {@code (1.5 x 10^8) x 2 = 3 x 10^8, / 10^5 = ~3 x 10^3 /s}. The last result carries the unit.
   */
  static String working(Napkin.Working figure, Unit unit) {
    StringBuilder sb = new StringBuilder();
    List<Napkin.Operation> ops = figure.working();
    for (int i = 0; i < ops.size(); i++) {
      Napkin.Operation op = ops.get(i);
      boolean last = i == ops.size() - 1;
      List<Double> args = op.operands();
      String result = last ? napkinDisplay(op.result(), unit) : powers(op.result());
      if (op.chained()) {
        sb.append(", ").append(op.operator()).append(' ').append(operand(args.get(1), op.operator()));
      } else {
        if (i > 0) {
          sb.append("; ");
        }
        sb.append(switch (op.operator()) {
          case "x", "/", "+", "-", "^" -> operand(args.get(0), op.operator()) + " " + op.operator() + " "
              + operand(args.get(1), op.operator());
          case "1 +", "1 -" -> op.operator() + " " + operand(args.get(0), "x");
          case Napkin.ONE_MINUS_EXP -> "1 - e^(-" + powers(args.get(0)) + ")";
          default -> op.operator() + "(" + String.join(", ", args.stream().map(ExplainReport::powers).toList()) + ")";
        });
      }
      sb.append(" = ").append(result);
    }
    return sb.toString();
  }

  /** An operand of the working: a power of ten alone as {@code 10^5}; in a product, bracketed. */
  private static String operand(double value, String operator) {
    String s = powers(value);
    if (s.startsWith("1 x 10^")) {
      return s.substring("1 x ".length());
    }
    return s.contains(" x 10^") && !operator.equals("+") ? "(" + s + ")" : s;
  }

  /** Aligned columns: the value right-aligned, the others left. */
  private static List<String> aligned(List<List<String>> rows) {
    int[] width = new int[4];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      String line = pad(row.get(0), width[0]) + "   " + " ".repeat(width[1] - row.get(1).length()) + row.get(1)
          + "   " + pad(row.get(2), width[2]) + "   " + row.get(3);
      lines.add(line.stripTrailing());
    }
    return lines;
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  private static String style(String text, boolean colour) {
    return colour ? BOLD + text + RESET : text;
  }

  private static String escape(String s) {
    return Escape.markdown(s);
  }

  /** A Markdown code fence longer than any run of backticks in {@code lines}, and at least three. */
  static String fence(List<String> lines) {
    int longest = 0;
    for (String line : lines) {
      int run = 0;
      for (int i = 0; i < line.length(); i++) {
        run = line.charAt(i) == '`' ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
