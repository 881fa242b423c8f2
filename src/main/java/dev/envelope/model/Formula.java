package dev.envelope.model;

import dev.envelope.units.ByteRates;
import dev.envelope.units.CalendarUnit;
import dev.envelope.units.Counts;
import dev.envelope.units.Dimension;
import dev.envelope.units.Format;
import dev.envelope.units.Fractions;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Rate;
import dev.envelope.units.SafeText;
import dev.envelope.units.Sizes;
import dev.envelope.units.Span;
import dev.envelope.units.TimeBase;
import dev.envelope.units.Times;
import dev.envelope.units.UnitSystem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A formula of a figure a file declares ({@code figures.NAME.formula}), parsed to a tree whose
 * nodes know where they are in the text, and the check that its units agree.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * formula   = sum
 * sum       = product { ("+" | "-") product }        left to right: a - b - c is (a - b) - c
 * product   = negation { ("*" | "/") negation }      left to right: a / b / c is (a / b) / c
 * negation  = "-" negation | power
 * power     = operand [ "^" negation ]               right to left: 2^3^2 is 2^9; -2^2 is -4; 2^-1 is 0.5
 * operand   = number | reference | call | "(" sum ")"
 * call      = function "(" sum { "," sum } ")"
 * </pre>
 *
 * Spaces (any Unicode space, tab or line break) may stand between any two of these, but not inside
 * a number or a reference. There is no unary plus.
 *
 * <p><b>Numbers</b> are written as in the file, with their unit right after the digits and no space
 * between ({@code 10KB}, not {@code 10 KB}, which is refused with a hint): the unit decides the
 * dimension, and the value is kept in base units.
 * <ul>
 *   <li>digits with an optional fraction and exponent: {@code 42}, {@code 0.5}, {@code .5},
 *       {@code 1e9}, {@code 2.5E-3}; {@code _} groups digits ({@code 1_000}); a comma never does,
 *       since it separates a function's arguments;</li>
 *   <li>counts: {@code K}, {@code M}, {@code bn}, {@code T} (thousand, million, billion, trillion;
 *       {@code 1.5bn} is 1,500,000,000). {@code B} is a byte in a formula, never a billion;</li>
 *   <li>a fraction: {@code 15%} is 0.15;</li>
 *   <li>sizes in bytes: {@code B}, {@code KB} to {@code EB} (powers of 1000, or of 1024 when the
 *       file's conventions say {@code units: iec}) and {@code KiB} to {@code EiB} (powers of 1024),
 *       in any case but a lone {@code b};</li>
 *   <li>times in seconds: {@code us} and {@code ms} (exact), and the file's durations {@code s},
 *       {@code min}, {@code h}, {@code d}, {@code w}, {@code mo}, {@code y} with their longer
 *       spellings ({@code day}, {@code month}...), a day, week, month and year as long as the file's
 *       conventions make them; {@code m} alone is refused (a minute or a month?);</li>
 *   <li>rates per second: a count per time unit ({@code 50K/s}, {@code 2/day}, {@code 500M/month});
 *       bytes per second: a size per time unit ({@code 5MB/s}, {@code 300GB/day}). A slash right
 *       after a number belongs to the number when a time unit follows it ({@code x / 2/day} divides
 *       by two per day); {@code 2 / day} with spaces is refused, and {@code 1/ln(2)} and
 *       {@code 1/figures.x} divide.</li>
 * </ul>
 *
 * <p><b>References</b> name a figure or an input by its dotted path of two or more parts:
 * {@code users.dau}, {@code workloads.chat.payload}, {@code availability.components.0.availability},
 * {@code inputs.online_share}, {@code figures.connections}. The first part is letters, digits and
 * {@code _}, starting with a letter or {@code _}; each later part is letters, digits, {@code _} and
 * {@code -}, where a hyphen belongs to the name when a letter, digit or {@code _} follows it:
 * {@code workloads.image-upload.payload} is one reference, and so is {@code figures.a-1}; write
 * {@code figures.a - 1} to subtract. A part with any other character is written in brackets
 * and double quotes, with {@code \"} for a quote and {@code \\} for a backslash:
 * {@code workloads["chat.v2"].payload}. The reference's {@link Reference#path} joins the parts
 * with dots ({@code workloads.chat.v2.payload}, as the output names it); {@link Reference#segments}
 * keeps them apart.
 *
 * <p><b>Functions</b>: {@code min(a, b, ...)} and {@code max(a, b, ...)} of two or more arguments;
 * {@code ceil}, {@code floor}, {@code round}, {@code abs}, {@code sqrt}, {@code ln},
 * {@code log10} and {@code exp} of one.
 *
 * <h2>Units</h2>
 *
 * {@link #unitOf} gives the unit of a formula from the units of the references, or says where they
 * disagree:
 * <ul>
 *   <li>{@code a + b}, {@code a - b}, {@code min}, {@code max}: every side in one unit (a count is
 *       a unit of its own: bytes + 1 is refused);</li>
 *   <li>{@code a * b}, {@code a / b}: the units multiply and divide (bytes per second x seconds is
 *       bytes); {@code -a}, {@code ceil}, {@code floor}, {@code round}, {@code abs} keep the unit;</li>
 *   <li>{@code a ^ b}: the exponent has no unit. With a base without unit, any exponent; with a base
 *       with a unit, the exponent is a number written in the formula, possibly negated, that is a whole
 *       number ({@code x^2}, {@code x^-1}), so that the unit is known without evaluating;</li>
 *   <li>{@code sqrt}: halves every power, and is refused where a power is odd (bytes x seconds);</li>
 *   <li>{@code ln}, {@code log10}, {@code exp}: a number without unit in, a number without unit out.</li>
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * A formula has at most {@link #MAX_LENGTH} characters, {@link #MAX_DEPTH} levels of nesting and
 * {@link #MAX_NODES} nodes; past one of them it is refused where the limit is crossed. Problems are
 * reported at the first place in the text where one is found, as a {@link FormulaException}.
 *
 * @param text the formula as written
 * @param root its tree
 */
public record Formula(String text, Node root) {

  /** Characters in a formula: the longest in a real file is a line or two; longer is several figures. */
  public static final int MAX_LENGTH = 1_000;

  /**
   * Parentheses, calls, minus signs and exponents inside each other: each is a level of recursion
   * in the parser, and no formula a person can read needs more than a handful.
   */
  public static final int MAX_DEPTH = 32;

  /**
   * Numbers, references and operations in a formula: the tree is walked recursively (units,
   * evaluation, notes), and a chain of additions is as deep as it is long.
   */
  public static final int MAX_NODES = 500;

  /** The functions a formula may call, with the arguments they take (-2: two or more). */
  private static final Map<String, Integer> ARITY = arities();

  /** The names of the functions, in the order the grammar lists them. */
  public static final List<String> FUNCTIONS = List.copyOf(ARITY.keySet());

  public Formula {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(root, "root");
  }

  /** A node of the tree. {@code start} and {@code end} delimit its text, parentheses around it included. */
  public sealed interface Node permits Number, Reference, Call, Binary, Negate {
    /** The 0-based index of the node's first character in the formula. */
    int start();

    /** The index after the node's last character: {@code text.substring(start, end)} is the node. */
    int end();
  }

  /**
   * A number with its unit, in base units: {@code 10KB} is 10,000 with the unit bytes.
   *
   * @param text the literal as written ({@code 10KB})
   */
  public record Number(double value, Dimension unit, String text, int start, int end) implements Node {
    public Number {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a number must be finite: " + value);
      }
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(text, "text");
      span(start, end);
    }
  }

  /**
   * A figure or an input by its path.
   *
   * @param path the parts joined with dots: {@code workloads.chat.v2.payload}
   * @param segments the parts as written, two or more: {@code [workloads, chat.v2, payload]}
   */
  public record Reference(String path, List<String> segments, int start, int end) implements Node {
    public Reference {
      segments = List.copyOf(segments);
      if (segments.size() < 2 || segments.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException("a reference has two or more non-empty parts: " + segments);
      }
      if (!path.equals(String.join(".", segments))) {
        throw new IllegalArgumentException("path " + path + " is not the parts joined: " + segments);
      }
      span(start, end);
    }

    /** A reference whose parts hold no dot: {@code users.dau}. */
    public Reference(String path, int start, int end) {
      this(path, Arrays.asList(path.split("\\.", -1)), start, end);
    }
  }

  /** A function applied to its arguments: {@code min(a, b)}, from the name to the closing parenthesis. */
  public record Call(String function, List<Node> args, int start, int end) implements Node {
    public Call {
      Objects.requireNonNull(function, "function");
      args = List.copyOf(args);
      span(start, end);
    }
  }

  /**
   * An operation of two operands.
   *
   * @param op one of {@code + - * / ^}
   * @param operator the index of the operator's character, where a problem with the operation points
   */
  public record Binary(char op, Node left, Node right, int operator, int start, int end) implements Node {
    public Binary {
      if ("+-*/^".indexOf(op) < 0) {
        throw new IllegalArgumentException("unknown operator: " + op);
      }
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      span(start, end);
    }
  }

  /** A minus sign before an operand: {@code -x}, from the sign to the operand's end. */
  public record Negate(Node arg, int start, int end) implements Node {
    public Negate {
      Objects.requireNonNull(arg, "arg");
      span(start, end);
    }
  }

  private static void span(int start, int end) {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  private static Map<String, Integer> arities() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("min", -2);
    m.put("max", -2);
    for (String f : List.of("ceil", "floor", "round", "abs", "sqrt", "ln", "log10", "exp")) {
      m.put(f, 1);
    }
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /**
   * Parses {@code text}.
   *
   * @param units how KB, MB... read in numbers (KiB, MiB... are always powers of 1024)
   * @param time how long a day, week, month and year are, for durations and rates
   * @throws FormulaException at the first problem in the text, a limit crossed included
   */
  public static Formula parse(String text, UnitSystem units, TimeBase time) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(time, "time");
    return new Formula(text, new Parser(text, units, time).formula());
  }

  /**
   * The unit of this formula, given the unit of each reference by its path.
   *
   * @throws FormulaException where the units disagree
   */
  public Dimension unitOf(Function<String, Dimension> references) {
    return unitOf(root, references);
  }

  /** The references of this formula in the order they are written, repeats included. */
  public List<Reference> references() {
    List<Reference> found = new ArrayList<>();
    // Iterative, right child pushed first, so that the list is in the order of the text.
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n instanceof Reference r) {
        found.add(r);
      } else if (n instanceof Negate g) {
        todo.push(g.arg());
      } else if (n instanceof Binary b) {
        todo.push(b.right());
        todo.push(b.left());
      } else if (n instanceof Call c) {
        for (int i = c.args().size() - 1; i >= 0; i--) {
          todo.push(c.args().get(i));
        }
      }
    }
    return found;
  }

  private enum Kind { NUMBER, NAME, REFERENCE, OPERATOR, OPEN, CLOSE, COMMA, END }

  /**
   * A token. {@code node} is the number or reference it is; {@code call} is whether a name is
   * followed by an opening parenthesis; {@code spaceBefore} whether spaces precede it.
   */
  private record Token(Kind kind, int start, int end, String text, Node node, boolean call, boolean spaceBefore) {
    char op() {
      return kind == Kind.OPERATOR ? text.charAt(0) : 0;
    }
  }

  private static final String OPERAND =
      "a number (10KB, 2/day), a reference (users.dau), a function call (max(a, b)), '(' or '-'";
  private static final String OPERATOR = "an operator (+ - * / ^)";
  private static final String UNITS =
      "a unit right after the digits: K, M, bn, T (counts), % (a fraction), B, KB to EB, KiB to EiB"
          + " (sizes), us, ms, s, min, h, d, w, mo, y (times), or a count or a size per time unit"
          + " (50K/s, 2/day, 5MB/s)";
  private static final String PER_UNITS = "a time unit after the slash: /s, /min, /h, /day, /week, /month or /year";
  private static final Pattern SIZE = Pattern.compile("(?i)b|[kmgtpe]i?b");
  private static final int EOF = -1;

  /**
   * A recursive-descent parser that reads tokens one at a time as it goes, so that the first
   * problem in the text is the one reported, and no character past {@link #MAX_LENGTH} is read.
   */
  private static final class Parser {
    private final String text;
    private final UnitSystem units;
    private final TimeBase time;
    private int pos;
    private Token token;
    private Token previous;
    private int depth;
    private int nodes;

    Parser(String text, UnitSystem units, TimeBase time) {
      this.text = text;
      this.units = units;
      this.time = time;
    }

    Node formula() {
      advance();
      if (token.kind == Kind.END) {
        throw new FormulaException(token.start, "empty formula", "an expression such as users.dau * 10KB");
      }
      Node node = sum();
      if (token.kind != Kind.END) {
        throw unexpected(OPERATOR + " or the end of the formula"
            + (token.kind == Kind.CLOSE ? " (this ')' closes no '(')" : "")
            + (token.kind == Kind.COMMA ? " (a comma separates a function's arguments; group digits with _: 1_000)" : ""));
      }
      return node;
    }

    private Node sum() {
      Node left = product();
      while (token.op() == '+' || token.op() == '-') {
        Token op = token;
        advance();
        left = binary(op, left, product());
      }
      return left;
    }

    private Node product() {
      Node left = negation();
      while (token.op() == '*' || token.op() == '/') {
        Token op = token;
        advance();
        left = binary(op, left, negation());
      }
      return left;
    }

    private Node negation() {
      if (token.op() == '-') {
        Token minus = token;
        enter(minus);
        advance();
        Node arg = negation();
        depth--;
        return count(new Negate(arg, minus.start, arg.end()));
      }
      return power();
    }

    private Node power() {
      Node base = operand();
      if (token.op() == '^') {
        Token op = token;
        enter(op);
        advance();
        Node exponent = negation();
        depth--;
        return binary(op, base, exponent);
      }
      return base;
    }

    private Node operand() {
      Token t = token;
      switch (t.kind) {
        case NUMBER, REFERENCE -> {
          advance();
          return count(t.node);
        }
        case OPEN -> {
          enter(t);
          advance();
          Node inner = sum();
          Token close = expect(Kind.CLOSE, OPERATOR + " or ')'");
          depth--;
          return widen(inner, t.start, close.end);
        }
        case NAME -> {
          if (t.call) {
            return call();
          }
          throw bareName(t);
        }
        default -> throw unexpected(OPERAND);
      }
    }

    private Node call() {
      Token name = token;
      Integer arity = ARITY.get(name.text);
      if (arity == null) {
        String near = Suggest.closest(name.text, FUNCTIONS);
        throw new FormulaException(name.start,
            "unknown function '" + Format.cut(name.text) + "'" + (near == null ? "" : " (did you mean '" + near + "'?)"),
            "one of " + String.join(", ", FUNCTIONS));
      }
      enter(name);
      advance(); // the name
      advance(); // its '(', which the lexer saw after it
      List<Node> args = new ArrayList<>();
      Token close;
      if (token.kind == Kind.CLOSE) {
        close = token;
        advance();
      } else {
        while (true) {
          args.add(sum());
          if (token.kind == Kind.COMMA) {
            advance();
            continue;
          }
          close = expect(Kind.CLOSE, OPERATOR + ", ',' or ')'");
          break;
        }
      }
      depth--;
      boolean fits = arity < 0 ? args.size() >= -arity : args.size() == arity;
      if (!fits) {
        String wanted = arity < 0 ? -arity + " or more arguments" : arity == 1 ? "1 argument" : arity + " arguments";
        throw new FormulaException(name.start,
            name.text + " takes " + wanted + " (got " + (args.isEmpty() ? "none" : args.size()) + ")",
            name.text + (arity == 1 ? "(x)" : "(a, b, ...)"));
      }
      return count(new Call(name.text, args, name.start, close.end));
    }

    private Token expect(Kind kind, String expected) {
      if (token.kind == kind) {
        Token t = token;
        advance();
        return t;
      }
      if (token.kind == Kind.END) {
        throw new FormulaException(token.start, "missing ')'", "a ')' for each '('");
      }
      throw unexpected(expected);
    }

    private Node binary(Token op, Node left, Node right) {
      return count(new Binary(op.op(), left, right, op.start, left.start(), right.end()));
    }

    private void enter(Token at) {
      if (++depth > MAX_DEPTH) {
        throw new FormulaException(at.start,
            "formula nests too deeply (over " + MAX_DEPTH + " levels of parentheses, calls, minus signs and powers)",
            "at most " + MAX_DEPTH + " levels; declare a part as a figure of its own");
      }
    }

    private Node count(Node node) {
      if (++nodes > MAX_NODES) {
        throw new FormulaException(node instanceof Binary b ? b.operator() : node.start(),
            "formula is too large (over " + MAX_NODES + " numbers, references and operations)",
            "at most " + MAX_NODES + "; declare a part as a figure of its own");
      }
      return node;
    }

    /** A problem with the current token, which is not what the grammar wants here. */
    private FormulaException unexpected(String expected) {
      Token t = token;
      if (t.kind == Kind.END) {
        return new FormulaException(t.start, "unexpected end of formula", expected);
      }
      boolean afterNumber = previous != null && previous.kind == Kind.NUMBER && t.spaceBefore;
      if (afterNumber && t.kind == Kind.NAME && !t.call && unitWord(t.text)) {
        return new FormulaException(t.start, "a space between a number and its unit (got '"
            + Format.cut(text.substring(previous.start, t.end)) + "')",
            "the unit right after the digits: " + Format.cut(previous.text + t.text));
      }
      if (afterNumber && t.kind == Kind.NUMBER) {
        return new FormulaException(t.start, "a number right after a number",
            expected + " (group digits with _: 1_000)");
      }
      return new FormulaException(t.start, "unexpected " + describe(t), expected);
    }

    private FormulaException bareName(Token t) {
      if (ARITY.containsKey(t.text)) {
        return new FormulaException(t.start, t.text + " without its argument in parentheses", t.text + "(x)");
      }
      if (unitWord(t.text)) {
        return new FormulaException(t.start, "a unit without its number ('" + Format.cut(t.text) + "')",
            "the unit right after the digits, with no space: 10KB, 2/day, 30d");
      }
      return new FormulaException(t.start, "unknown name '" + Format.cut(t.text) + "'",
          "a reference of two or more parts such as users.dau or figures.connections, or a function call such as sqrt(x)");
    }

    private static String describe(Token t) {
      return switch (t.kind) {
        case NUMBER -> "number '" + Format.cut(t.text) + "'";
        case NAME -> "name '" + Format.cut(t.text) + "'";
        case REFERENCE -> "reference '" + Format.cut(t.text) + "'";
        default -> "'" + t.text + "'";
      };
    }

    private static Node widen(Node n, int start, int end) {
      if (n instanceof Number x) {
        return new Number(x.value(), x.unit(), x.text(), start, end);
      } else if (n instanceof Reference x) {
        return new Reference(x.path(), x.segments(), start, end);
      } else if (n instanceof Call x) {
        return new Call(x.function(), x.args(), start, end);
      } else if (n instanceof Binary x) {
        return new Binary(x.op(), x.left(), x.right(), x.operator(), start, end);
      }
      Negate x = (Negate) n;
      return new Negate(x.arg(), start, end);
    }

    // -------------------------------------------------------------------------------------------
    // Tokens

    private void advance() {
      previous = token;
      token = lex();
      pos = token.end;
    }

    /** The character at {@code i}, or EOF past the end; a formula too long is refused here. */
    private int at(int i) {
      if (i >= text.length()) {
        return EOF;
      }
      if (i >= MAX_LENGTH) {
        throw new FormulaException(MAX_LENGTH,
            "formula is too long (" + Format.integer(text.length()) + " characters)",
            "at most " + Format.integer(MAX_LENGTH) + " characters; declare a part as a figure of its own");
      }
      return text.charAt(i);
    }

    private Token lex() {
      int i = pos;
      while (at(i) != EOF && Numbers.isSpace((char) at(i))) {
        i++;
      }
      boolean space = i > pos;
      int c = at(i);
      if (c == EOF) {
        return new Token(Kind.END, i, i, "", null, false, space);
      }
      if (digit(c) || (c == '.' && digit(at(i + 1)))) {
        return number(i, space);
      }
      if (letter(c) || c == '_') {
        return name(i, space);
      }
      Kind kind = switch (c) {
        case '+', '-', '*', '/', '^' -> Kind.OPERATOR;
        case '(' -> Kind.OPEN;
        case ')' -> Kind.CLOSE;
        case ',' -> Kind.COMMA;
        default -> null;
      };
      if (kind == null) {
        int cp = text.codePointAt(i);
        String shown = SafeText.isUnsafe(cp) || Character.isSurrogate(text.charAt(i)) && !Character.isSupplementaryCodePoint(cp)
            ? SafeText.escape(cp) : new String(Character.toChars(cp));
        String hint = c == '"' || c == '\''
            ? "; a name with other characters is quoted in brackets: workloads[\"chat.v2\"].payload" : "";
        return fail(i, "unexpected character '" + shown + "'", OPERAND + ", or " + OPERATOR + hint);
      }
      return new Token(kind, i, i + 1, String.valueOf((char) c), null, false, space);
    }

    private static Token fail(int offset, String problem, String expected) {
      throw new FormulaException(offset, problem, expected);
    }

    private Token number(int start, boolean space) {
      int i = start;
      while (digit(at(i)) || at(i) == '_') {
        i++;
      }
      if (at(i) == '.') {
        i++;
        while (digit(at(i)) || at(i) == '_') {
          i++;
        }
      }
      // An exponent only where digits follow: 2EB is two exabytes.
      if ((at(i) == 'e' || at(i) == 'E')
          && (digit(at(i + 1)) || ((at(i + 1) == '+' || at(i + 1) == '-') && digit(at(i + 2))))) {
        i += 2;
        while (digit(at(i))) {
          i++;
        }
      }
      int unitStart = i;
      if (at(i) == '%') {
        i++;
      } else {
        while (letter(at(i))) {
          i++;
        }
      }
      int perStart = -1;
      if (at(i) == '/' && letter(at(i + 1))) {
        int j = i + 1;
        while (letter(at(j))) {
          j++;
        }
        int after = at(j);
        boolean longerName = after == '.' || after == '[' || after == '_' || digit(after);
        int k = j;
        while (at(k) != EOF && Numbers.isSpace((char) at(k))) {
          k++;
        }
        if (!longerName && at(k) != '(') {
          perStart = i + 1;
          i = j;
        }
      }
      String digits = text.substring(start, unitStart);
      String unit = text.substring(unitStart, perStart < 0 ? i : perStart - 1);
      String per = perStart < 0 ? null : text.substring(perStart, i);
      String literal = text.substring(start, i);
      double[] value = new double[1];
      Dimension dimension = value(digits, unit, per, unitStart, perStart, start, value);
      if (!Double.isFinite(value[0])) {
        fail(start, "number is too large (got '" + Format.cut(literal) + "')", "a number that is finite in base units");
      }
      Number node = new Number(value[0], dimension, literal, start, i);
      return new Token(Kind.NUMBER, start, i, literal, node, false, space);
    }

    /** The dimension of a literal; its value in base units goes to {@code out[0]}. */
    private Dimension value(String digits, String unit, String per, int unitStart, int perStart, int start, double[] out) {
      try {
        if (per != null) {
          if (timeUnit(per) == null) {
            throw unknownUnit(perStart, per, "unknown time unit '" + Format.cut(per) + "'", PER_UNITS);
          }
          String count = countText(digits, unit);
          if (count != null) {
            out[0] = Rate.parse(count + "/" + per, null).perSecond(time);
            return Dimension.PER_SECOND;
          }
          if (isSize(unit)) {
            out[0] = ByteRates.perSecond(digits + unit + "/" + per, units, time);
            return Dimension.BYTES_PER_SECOND;
          }
          throw new FormulaException(unitStart,
              "a rate of '" + Format.cut(unit) + "' per time unit",
              "a count or a size per time unit: 50K/s, 2/day, 5MB/s");
        }
        String count = countText(digits, unit);
        if (count != null) {
          out[0] = Counts.parse(count);
          return Dimension.NONE;
        }
        if (unit.equals("%")) {
          out[0] = Fractions.percent(digits + "%", true);
          return Dimension.NONE;
        }
        if (isSize(unit)) {
          out[0] = Sizes.parse(digits + unit, units);
          return Dimension.BYTES;
        }
        if (unit.equals("ms") || unit.equals("us")) {
          out[0] = Times.seconds(digits + unit);
          return Dimension.SECONDS;
        }
        if (timeUnit(unit) != null) {
          out[0] = Span.parse(digits + unit).seconds(time);
          return Dimension.SECONDS;
        }
        String problem = "a number's unit '" + Format.cut(unit) + "' is not known";
        if (unit.equals("m")) {
          throw new FormulaException(unitStart, problem + " (M for a million, min for minutes, mo for months)", UNITS);
        }
        throw unknownUnit(unitStart, unit, problem, UNITS);
      } catch (QuantityException e) {
        throw new FormulaException(start, e.problem() + " (got '" + Format.cut(digits + unit + (per == null ? "" : "/" + per)) + "')", e.expected());
      }
    }

    /** The literal as {@link Counts} reads it when {@code unit} is a count's scale, else null. */
    private static String countText(String digits, String unit) {
      return switch (unit) {
        case "", "K", "M", "T" -> digits + unit;
        default -> unit.equalsIgnoreCase("bn") ? digits + "B" : null;
      };
    }

    private static boolean isSize(String unit) {
      return !unit.equals("b") && SIZE.matcher(unit).matches();
    }

    private Token name(int start, boolean space) {
      int i = start;
      while (nameChar(at(i))) {
        i++;
      }
      List<String> segments = new ArrayList<>();
      segments.add(text.substring(start, i));
      while (true) {
        if (at(i) == '.') {
          int j = i + 1;
          if (!nameChar(at(j))) {
            fail(j, "a name must follow '.' in a reference",
                "letters, digits, '_' and '-', or a quoted name in brackets: workloads[\"chat.v2\"].payload");
          }
          while (nameChar(at(j)) || (at(j) == '-' && nameChar(at(j + 1)))) {
            j++;
          }
          segments.add(text.substring(i + 1, j));
          i = j;
        } else if (at(i) == '[') {
          i = quoted(i, segments);
        } else {
          break;
        }
      }
      String written = text.substring(start, i);
      if (segments.size() == 1) {
        int k = i;
        while (at(k) != EOF && Numbers.isSpace((char) at(k))) {
          k++;
        }
        return new Token(Kind.NAME, start, i, written, null, at(k) == '(', space);
      }
      Reference ref = new Reference(String.join(".", segments), segments, start, i);
      return new Token(Kind.REFERENCE, start, i, written, ref, false, space);
    }

    /** Reads {@code ["name"]} from {@code open}, adds the name and returns the index after it. */
    private int quoted(int open, List<String> segments) {
      String expected = "a name in brackets and double quotes, \\\" for a quote and \\\\ for a backslash: workloads[\"chat.v2\"]";
      if (at(open + 1) != '"') {
        fail(open + 1, "a name in brackets must be quoted", expected);
      }
      StringBuilder sb = new StringBuilder();
      int i = open + 2;
      while (true) {
        int c = at(i);
        if (c == EOF) {
          fail(i, "missing '\"'", expected);
        }
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          int e = at(i + 1);
          if (e != '"' && e != '\\') {
            fail(i, "unknown escape in a quoted name", expected);
          }
          sb.append((char) e);
          i += 2;
        } else {
          sb.append((char) c);
          i++;
        }
      }
      if (sb.length() == 0) {
        fail(open, "an empty name in brackets", expected);
      }
      if (at(i + 1) != ']') {
        fail(i + 1, "missing ']'", expected);
      }
      segments.add(sb.toString());
      return i + 2;
    }

    /** Whether {@code word} alone reads as a number's unit: {@code KB}, {@code day}, {@code s}. */
    private boolean unitWord(String word) {
      try {
        value("1", word, null, 0, -1, 0, new double[1]);
        return !word.isEmpty();
      } catch (FormulaException e) {
        return false;
      }
    }

    private static FormulaException unknownUnit(int offset, String unit, String problem, String expected) {
      Map<String, String> known = new LinkedHashMap<>();
      for (String k : SUGGESTED_UNITS) {
        known.put(k.toLowerCase(Locale.ROOT), k);
      }
      // A unit of one or two letters is near every other: only a different case is suggested (k: K).
      String near = unit.length() > 10 ? null
          : unit.length() <= 2 ? known.containsKey(unit.toLowerCase(Locale.ROOT)) ? unit.toLowerCase(Locale.ROOT) : null
          : Suggest.closest(unit, known.keySet());
      String hint = near == null || known.get(near).equals(unit) ? "" : " (did you mean '" + known.get(near) + "'?)";
      return new FormulaException(offset, problem + hint, expected);
    }
  }

  /** Units a misspelt one is compared with, for "did you mean". */
  private static final List<String> SUGGESTED_UNITS = List.of(
      "K", "M", "bn", "T", "B", "KB", "MB", "GB", "TB", "PB", "EB", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
      "us", "ms", "s", "min", "h", "d", "w", "mo", "y", "day", "week", "month", "year",
      "K/s", "M/s", "KB/s", "MB/s", "GB/s", "TB/s");

  /** The time unit {@code word} names, in any case as the file's rates write it, or null (quarters too). */
  private static CalendarUnit timeUnit(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (CalendarUnit u : CalendarUnit.values()) {
      if (u.isRateUnit() && u.aliases().contains(w)) {
        return u;
      }
    }
    return null;
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean letter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean nameChar(int c) {
    return letter(c) || digit(c) || c == '_';
  }

  // ---------------------------------------------------------------------------------------------
  // Units

  /**
   * The unit of {@code node}, given the unit of each reference by its path. A reference for which
   * {@code references} returns null is reported as unknown; a resolver with a better message (the
   * figures and inputs there are) throws its own exception instead. The tree is walked
   * recursively: a tree from {@link #parse} is at most {@link #MAX_NODES} deep.
   *
   * @throws FormulaException at the node whose units disagree, naming both sides
   */
  public static Dimension unitOf(Node node, Function<String, Dimension> references) {
    Objects.requireNonNull(references, "references");
    return unit(node, references);
  }

  private static Dimension unit(Node node, Function<String, Dimension> references) {
    if (node instanceof Number n) {
      return n.unit();
    }
    if (node instanceof Reference r) {
      Dimension d = references.apply(r.path());
      if (d == null) {
        throw new FormulaException(r.start(), "unknown reference '" + Format.cut(r.path()) + "'",
            "the path of a figure or an input");
      }
      return d;
    }
    if (node instanceof Negate g) {
      return unit(g.arg(), references);
    }
    if (node instanceof Call c) {
      return call(c, references);
    }
    Binary b = (Binary) node;
    Dimension left = unit(b.left(), references);
    Dimension right = unit(b.right(), references);
    try {
      return binary(b, left, right);
    } catch (ArithmeticException e) {
      String what = b.op() == '^'
          ? "(" + left.describe() + ")^" + Format.cut(show(b.right()))
          : left.describe() + " " + b.op() + " " + right.describe();
      throw new FormulaException(b.operator(), "a unit with powers too large to hold: " + what,
          "powers of bytes, seconds and money within ±2,147,483,647");
    }
  }

  private static Dimension binary(Binary b, Dimension left, Dimension right) {
    return switch (b.op()) {
      case '+', '-' -> {
        if (!left.equals(right)) {
          throw new FormulaException(b.operator(),
              left.describe() + " " + b.op() + " " + right.describe() + ": a "
                  + (b.op() == '+' ? "sum" : "difference") + " needs one unit on both sides",
              "both sides in the same unit");
        }
        yield left;
      }
      case '*' -> left.times(right);
      case '/' -> left.over(right);
      default -> power(b, left, right);
    };
  }

  private static Dimension power(Binary b, Dimension base, Dimension exponent) {
    if (!exponent.isNone()) {
      throw new FormulaException(b.right().start(),
          "an exponent must be a plain number (got " + exponent.describe() + ")", "an exponent without unit");
    }
    if (base.isNone()) {
      return base;
    }
    Node e = b.right();
    double sign = 1;
    while (e instanceof Negate g) {
      sign = -sign;
      e = g.arg();
    }
    String expected = "a whole number written in the formula: x^2, x^-1 (sqrt(x) for a square root)";
    if (!(e instanceof Number n)) {
      throw new FormulaException(b.right().start(),
          "x^y with units needs a constant whole exponent (got " + Format.cut(show(b.right())) + ")", expected);
    }
    double value = sign * n.value();
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new FormulaException(b.right().start(),
          "x^y with units needs a constant whole exponent (got " + Format.cut(show(b.right())) + ")", expected);
    }
    return base.pow((int) value);
  }

  private static Dimension call(Call c, Function<String, Dimension> references) {
    List<Dimension> args = new ArrayList<>();
    for (Node a : c.args()) {
      args.add(unit(a, references));
    }
    String f = c.function();
    switch (f) {
      case "min", "max" -> {
        for (int i = 1; i < args.size(); i++) {
          if (!args.get(i).equals(args.get(0))) {
            throw new FormulaException(c.args().get(i).start(),
                f + " of " + args.get(0).describe() + " and " + args.get(i).describe() + ": its arguments need one unit",
                "arguments in the same unit");
          }
        }
        return args.get(0);
      }
      case "sqrt" -> {
        Optional<Dimension> root = args.get(0).sqrt();
        if (root.isEmpty()) {
          throw new FormulaException(c.start(), "sqrt of " + args.get(0).describe() + ": its powers are odd",
              "a unit with even powers (bytes^2, seconds^2) or a number without unit");
        }
        return root.get();
      }
      case "ln", "log10", "exp" -> {
        if (!args.get(0).isNone()) {
          throw new FormulaException(c.args().get(0).start(),
              f + " takes a number without unit (got " + args.get(0).describe() + ")",
              "a ratio of two values of one unit, such as " + f + "(x / 1KB)");
        }
        return Dimension.NONE;
      }
      case "ceil", "floor", "round", "abs" -> {
        return args.get(0);
      }
      default -> throw new IllegalArgumentException("unknown function: " + f);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  /** A plain part of a reference, written without brackets. */
  private static final Pattern PLAIN_FIRST = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PLAIN_PART = Pattern.compile("[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*");

  /**
   * {@code node} as a formula writes it, with the parentheses the grammar needs and no others:
   * {@code (a + b) * 2}, {@code -2^2}, {@code workloads["chat.v2"].payload}. Parsing it gives
   * the same tree (positions aside).
   */
  public static String show(Node node) {
    StringBuilder sb = new StringBuilder();
    show(node, sb);
    return sb.toString();
  }

  private static void show(Node node, StringBuilder sb) {
    if (node instanceof Number n) {
      sb.append(n.text());
    } else if (node instanceof Reference r) {
      for (int i = 0; i < r.segments().size(); i++) {
        String s = r.segments().get(i);
        if ((i == 0 ? PLAIN_FIRST : PLAIN_PART).matcher(s).matches()) {
          sb.append(i == 0 ? "" : ".").append(s);
        } else {
          sb.append("[\"").append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
      }
    } else if (node instanceof Call c) {
      sb.append(c.function()).append('(');
      for (int i = 0; i < c.args().size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        show(c.args().get(i), sb);
      }
      sb.append(')');
    } else if (node instanceof Negate g) {
      sb.append('-');
      // -a*b reads as (-a)*b, so a product or sum under a minus keeps its parentheses.
      showIn(g.arg(), precedence(g.arg()) < NEGATE, sb);
    } else {
      Binary b = (Binary) node;
      int p = precedence(b);
      if (b.op() == '^') {
        // The base is an operand: (-2)^2, (2^3)^2. The exponent is a negation: 2^-1, 2^3^2.
        showIn(b.left(), precedence(b.left()) <= POWER, sb);
        sb.append('^');
        showIn(b.right(), precedence(b.right()) < NEGATE, sb);
      } else {
        showIn(b.left(), precedence(b.left()) < p, sb);
        sb.append(' ').append(b.op()).append(' ');
        showIn(b.right(), precedence(b.right()) <= p, sb);
      }
    }
  }

  private static void showIn(Node node, boolean parentheses, StringBuilder sb) {
    sb.append(parentheses ? "(" : "");
    show(node, sb);
    sb.append(parentheses ? ")" : "");
  }

  private static final int NEGATE = 3;
  private static final int POWER = 4;
  private static final int OPERAND_LEVEL = 5;

  private static int precedence(Node node) {
    if (node instanceof Binary b) {
      return switch (b.op()) {
        case '+', '-' -> 1;
        case '*', '/' -> 2;
        default -> POWER;
      };
    }
    return node instanceof Negate ? NEGATE : OPERAND_LEVEL;
  }
}
