package dev.envelope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.model.Formula.Binary;
import dev.envelope.model.Formula.Call;
import dev.envelope.model.Formula.Negate;
import dev.envelope.model.Formula.Node;
import dev.envelope.model.Formula.Reference;
import dev.envelope.units.Dimension;
import dev.envelope.units.TimeBase;
import dev.envelope.units.UnitSystem;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaTest {
  /** The SRE calendar's lengths: 86,400 s day, 7-day week, 30-day month, 365-day year. */
  static final TimeBase SRE = new TimeBase(86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400);

  static Formula parse(String text) {
    return Formula.parse(text, UnitSystem.SI, SRE);
  }

  static FormulaException error(String text) {
    FormulaException e = catchThrowableOfType(FormulaException.class, () -> parse(text));
    assertThat(e).as("an error for '%s'", text).isNotNull();
    return e;
  }

  /** The tree as a fully parenthesized prefix form: (+ 1 (* 2 3)). */
  static String tree(Node n) {
    if (n instanceof Formula.Number x) {
      return x.text();
    } else if (n instanceof Reference r) {
      return r.path();
    } else if (n instanceof Negate g) {
      return "(neg " + tree(g.arg()) + ")";
    } else if (n instanceof Binary b) {
      return "(" + b.op() + " " + tree(b.left()) + " " + tree(b.right()) + ")";
    }
    Call c = (Call) n;
    return "(" + c.function() + " " + c.args().stream().map(FormulaTest::tree).collect(Collectors.joining(" ")) + ")";
  }

  static String tree(String text) {
    return tree(parse(text).root());
  }

  // --- Numbers -----------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} is {1} in {2}")
  @CsvSource(delimiter = ';', value = {
    // Plain numbers and counts.
    "42; 42; count",
    "0.5; 0.5; count",
    ".5; 0.5; count",
    "1e9; 1000000000; count",
    "2.5E-3; 0.0025; count",
    "1_000; 1000; count",
    "7K; 7000; count",
    "150M; 150000000; count",
    "1.5bn; 1500000000; count",             // 1.5 x 10^9
    "2BN; 2000000000; count",
    "3T; 3000000000000; count",
    "15%; 0.15; count",                     // a fraction
    "150%; 1.5; count",
    // Sizes: SI, KB = 1000 B.
    "10B; 10; bytes",                       // B is a byte, never a billion
    "10KB; 10000; bytes",
    "10kb; 10000; bytes",
    "5MB; 5000000; bytes",
    "2EB; 2000000000000000000; bytes",      // 2 x 10^18: E followed by B is no exponent
    "1e3KB; 1000000; bytes",
    "10KiB; 10240; bytes",                  // 10 x 1024
    "64GiB; 68719476736; bytes",            // 64 x 2^30 = 64 x 1,073,741,824
    // Times, SRE time base.
    "250us; 0.00025; seconds",
    "20ms; 0.02; seconds",
    "45s; 45; seconds",
    "2min; 120; seconds",
    "2h; 7200; seconds",                    // 2 x 3,600
    "30d; 2592000; seconds",                // 30 x 86,400
    "1w; 604800; seconds",                  // 7 x 86,400
    "1mo; 2592000; seconds",                // a 30-day month
    "1y; 31536000; seconds",                // 365 x 86,400
    "3days; 259200; seconds",
    // Rates per second.
    "50K/s; 50000; per second",
    "1160/s; 1160; per second",
    "2/day; 0.0000231481481481; per second",   // 2 / 86,400
    "500M/month; 192.901234567901; per second", // 5 x 10^8 / 2,592,000
    "1.5bn/y; 47.5646879756469; per second",   // 1.5 x 10^9 / 31,536,000
    "6/h; 0.00166666666666667; per second",    // 6 / 3,600
    // Bytes per second.
    "5MB/s; 5000000; bytes per second",
    "300GB/day; 3472222.22222222; bytes per second", // 3 x 10^11 / 86,400
    "1KiB/min; 17.0666666666667; bytes per second"   // 1,024 / 60
  })
  void readsEveryLiteralInBaseUnits(String text, double value, String unit) {
    Formula.Number n = (Formula.Number) parse(text).root();
    assertThat(n.value()).isCloseTo(value, withinPercentage(1e-9));
    assertThat(n.unit().describe()).isEqualTo(unit);
    assertThat(n.text()).isEqualTo(text);
    assertThat(n.start()).isZero();
    assertThat(n.end()).isEqualTo(text.length());
  }

  @Test
  void fifteenPercentIsExactlyTheDoubleOfPointFifteen() {
    assertThat(((Formula.Number) parse("15%").root()).value()).isEqualTo(0.15);
  }

  @Test
  void kilobytesFollowTheUnitSystem() {
    Formula.Number n = (Formula.Number) Formula.parse("10KB", UnitSystem.IEC, SRE).root();
    assertThat(n.value()).isEqualTo(10_240); // 10 x 1,024
    Formula.Number rate = (Formula.Number) Formula.parse("1KB/s", UnitSystem.IEC, SRE).root();
    assertThat(rate.value()).isEqualTo(1_024);
  }

  @Test
  void monthsAndYearsFollowTheTimeBase() {
    // Gregorian: a year of 365.2425 days, a month of a twelfth of it.
    double day = 86_400;
    TimeBase gregorian = new TimeBase(day, 7 * day, 365.2425 / 12 * day, 365.2425 * day);
    assertThat(((Formula.Number) Formula.parse("1y", UnitSystem.SI, gregorian).root()).value())
        .isCloseTo(31_556_952, withinPercentage(1e-12)); // 365.2425 x 86,400
    assertThat(((Formula.Number) Formula.parse("12/y", UnitSystem.SI, gregorian).root()).value())
        .isCloseTo(12 / 31_556_952.0, withinPercentage(1e-12));
    // A day of the conventions' length: seconds_per_day: 80000.
    TimeBase shortDays = new TimeBase(80_000, 560_000, 2_400_000, 29_200_000);
    assertThat(((Formula.Number) Formula.parse("2d", UnitSystem.SI, shortDays).root()).value()).isEqualTo(160_000);
  }

  // --- Precedence, associativity, spaces -----------------------------------------------------

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = ';', value = {
    "1 + 2 * 3; (+ 1 (* 2 3))",
    "1 * 2 + 3; (+ (* 1 2) 3)",
    "(1 + 2) * 3; (* (+ 1 2) 3)",
    "a.b - c.d - e.f; (- (- a.b c.d) e.f)",
    "a.b / c.d / e.f; (/ (/ a.b c.d) e.f)",
    "a.b / c.d * e.f; (* (/ a.b c.d) e.f)",
    "2^3^2; (^ 2 (^ 3 2))",
    "-2^2; (neg (^ 2 2))",
    "2^-1; (^ 2 (neg 1))",
    "-a.b * c.d; (* (neg a.b) c.d)",
    "--a.b; (neg (neg a.b))",
    "a.b - -1; (- a.b (neg 1))",
    "2 * 3^2; (* 2 (^ 3 2))",
    "(2 * 3)^2; (^ (* 2 3) 2)",
    "min(a.b, c.d + 1, 2); (min a.b (+ c.d 1) 2)",
    "max(1, 2) * sqrt(4); (* (max 1 2) (sqrt 4))",
    "log10(1e6) + ln(1) - exp(0); (- (+ (log10 1e6) (ln 1)) (exp 0))",
    "ceil(1.5) + floor(1.5) + round(1.5) + abs(-1); (+ (+ (+ (ceil 1.5) (floor 1.5)) (round 1.5)) (abs (neg 1)))",
    // A slash right after a number, with a time unit after it, belongs to the number.
    "x.y / 2/day; (/ x.y 2/day)",
    "1/ln(2); (/ 1 (ln 2))",
    "1/figures.x; (/ 1 figures.x)",
    "1/2; (/ 1 2)",
    "2/day-1; (- 2/day 1)",
    "10KB/s * 30d; (* 10KB/s 30d)",
    // A hyphen inside a reference's part belongs to the name; with a space it subtracts.
    "workloads.image-upload.payload; workloads.image-upload.payload",
    "figures.a-1; figures.a-1",
    "figures.a - 1; (- figures.a 1)",
    "figures.a- 1; (- figures.a 1)",
    "figures.a-(1); (- figures.a 1)"
  })
  void readsPrecedenceAndAssociativity(String text, String expected) {
    assertThat(tree(text)).isEqualTo(expected);
  }

  @Test
  void spacesOfAnyKindMayStandBetweenTokens() {
    assertThat(tree(" \tusers.dau\n*\u00A0( 2 +3 ) ")).isEqualTo("(* users.dau (+ 2 3))");
    assertThat(tree("sqrt (4)")).isEqualTo("(sqrt 4)");
  }

  @Test
  void theFormulasOfTheExampleFile() {
    Formula connections = parse("users.dau * inputs.online_share");
    Formula memory = parse("figures.connections * inputs.per_connection_memory");
    assertThat(tree(connections.root())).isEqualTo("(* users.dau inputs.online_share)");
    assertThat(memory.references()).extracting(Reference::path)
        .containsExactly("figures.connections", "inputs.per_connection_memory");
  }

  // --- References ------------------------------------------------------------------------------

  @Test
  void referencesKeepTheirPartsAndJoinThemWithDots() {
    Reference r = (Reference) parse("availability.components.0.availability").root();
    assertThat(r.segments()).containsExactly("availability", "components", "0", "availability");
    assertThat(r.path()).isEqualTo("availability.components.0.availability");
    assertThat(((Reference) parse("traffic.total.peak_per_second").root()).path())
        .isEqualTo("traffic.total.peak_per_second");
  }

  @Test
  void aNameWithOtherCharactersIsQuotedInBrackets() {
    Reference r = (Reference) parse("workloads[\"chat.v2\"].payload").root();
    assertThat(r.segments()).containsExactly("workloads", "chat.v2", "payload");
    assertThat(r.path()).isEqualTo("workloads.chat.v2.payload");
    assertThat(r.end()).isEqualTo("workloads[\"chat.v2\"].payload".length());
    // \" is a quote and \\ a backslash.
    Reference escaped = (Reference) parse("workloads[\"say \\\"hi\\\" \\\\o/\"].payload").root();
    assertThat(escaped.segments().get(1)).isEqualTo("say \"hi\" \\o/");
    assertThat(((Reference) parse("workloads[\"a\"][\"b c\"]").root()).segments()).containsExactly("workloads", "a", "b c");
  }

  @Test
  void referencesAreListedInTheOrderOfTheText() {
    assertThat(parse("a.b + min(c.d, -a.b) * e.f^2").references()).extracting(Reference::path)
        .containsExactly("a.b", "c.d", "a.b", "e.f");
    assertThat(parse("1KB").references()).isEmpty();
  }

  @Test
  void aReferenceMadeFromAPathSplitsItAtTheDots() {
    assertThat(new Reference("users.dau", 0, 9).segments()).containsExactly("users", "dau");
  }

  // --- Positions -------------------------------------------------------------------------------

  @Test
  void nodesKnowWhereTheyAre() {
    //            0123456789012345
    String text = "users.dau * 10KB";
    Binary b = (Binary) parse(text).root();
    assertThat(b.operator()).isEqualTo(10);
    assertThat(List.of(b.start(), b.end())).containsExactly(0, 16);
    assertThat(List.of(b.left().start(), b.left().end())).containsExactly(0, 9);
    assertThat(List.of(b.right().start(), b.right().end())).containsExactly(12, 16);
  }

  @Test
  void aNodeInParenthesesSpansThem() {
    //            0123456789012345678
    String text = "(a.b + 1) * sqrt(2)";
    Binary times = (Binary) parse(text).root();
    assertThat(List.of(times.start(), times.end(), times.operator())).containsExactly(0, 19, 10);
    Binary plus = (Binary) times.left();
    assertThat(List.of(plus.start(), plus.end(), plus.operator())).containsExactly(0, 9, 5);
    assertThat(List.of(times.right().start(), times.right().end())).containsExactly(12, 19);
    Negate minus = (Negate) parse(" -x.y").root();
    assertThat(List.of(minus.start(), minus.end())).containsExactly(1, 5);
  }

  // --- Errors ----------------------------------------------------------------------------------

  @ParameterizedTest(name = "''{0}'' at {1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    // text | offset | problem
    "`` | 0 | empty formula",
    "`   ` | 3 | empty formula",
    "1 + ) | 4 | unexpected ')'",
    "1 + | 3 | unexpected end of formula",
    "(1 + 2 | 6 | missing ')'",
    "min(1, 2 | 8 | missing ')'",
    "1 + 2) | 5 | unexpected ')'",
    "+1 | 0 | unexpected '+'",
    "* 2 | 0 | unexpected '*'",
    "users.dau(2) | 9 | unexpected '('",
    "users.dau * 1,000 | 13 | unexpected ','",
    "min(1,) | 6 | unexpected ')'",
    "1 # 2 | 2 | unexpected character '#'",
    "1 \u00D7 2 | 2 | unexpected character '\u00D7'",
    "1 \u0007 2 | 2 | unexpected character '\\u0007'",
    "sqr(2) | 0 | unknown function 'sqr' (did you mean 'sqrt'?)",
    "1 + mean(2, 3) | 4 | unknown function 'mean'",
    "SQRT(4) | 0 | unknown function 'SQRT' (did you mean 'sqrt'?)",
    "sqrt(1, 2) | 0 | sqrt takes 1 argument (got 2)",
    "sqrt() | 0 | sqrt takes 1 argument (got none)",
    "min(1) | 0 | min takes 2 or more arguments (got 1)",
    "2 * sqrt | 4 | sqrt without its argument in parentheses",
    "users | 0 | unknown name 'users'",
    "users. | 6 | a name must follow '.' in a reference",
    "users.-dau | 6 | a name must follow '.' in a reference",
    "workloads[x].payload | 10 | a name in brackets must be quoted",
    "workloads[\"x | 12 | missing '\"'",
    "workloads[\"x\" | 13 | missing ']'",
    "workloads[\"\"].x | 9 | an empty name in brackets",
    "workloads[\"a\\n\"].x | 12 | unknown escape in a quoted name",
    "10KBps | 2 | a number's unit 'KBps' is not known (did you mean 'KB/s'?)",
    "10b | 2 | a number's unit 'b' is not known (did you mean 'B'?)",
    "10k | 2 | a number's unit 'k' is not known (did you mean 'K'?)",
    "10m | 2 | a number's unit 'm' is not known (M for a million, min for minutes, mo for months)",
    "10q | 2 | a number's unit 'q' is not known",
    "2/dya | 2 | unknown time unit 'dya' (did you mean 'day'?)",
    "2/quarter | 2 | unknown time unit 'quarter'",
    "5%/s | 1 | a rate of '%' per time unit",
    "3h/day | 1 | a rate of 'h' per time unit",
    "10 KB | 3 | a space between a number and its unit (got '10 KB')",
    "2 / day | 4 | a unit without its number ('day')",
    "1 000 | 2 | a number right after a number",
    "1e400 | 0 | number is too large for a double (over 1.8e308) (got '1e400')",
    "1e308y | 0 | number is too large (got '1e308y')",
    "1e300EB | 0 | size is too large (got '1e300EB')",
    "\"chat\".payload | 0 | unexpected character '\"'"
  })
  void errorsSayWhatIsWrongAndWhere(String text, int offset, String problem) {
    FormulaException e = error(text);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.expected()).isNotBlank();
    assertThat(e.getMessage()).isEqualTo(e.problem() + "; expected " + e.expected());
  }

  @Test
  void errorsSayWhatWouldBeValid() {
    assertThat(error("1 + )").expected()).startsWith("a number (10KB, 2/day), a reference (users.dau)");
    assertThat(error("10KBps").expected()).contains("KB to EB", "50K/s, 2/day, 5MB/s");
    assertThat(error("sqr(2)").expected()).isEqualTo("one of min, max, ceil, floor, round, abs, sqrt, ln, log10, exp");
    assertThat(error("10 KB").expected()).isEqualTo("the unit right after the digits: 10KB");
    assertThat(error("\"chat\".payload").expected()).contains("workloads[\"chat.v2\"].payload");
    assertThat(error("users.dau * 1,000").expected()).contains("1_000");
  }

  @Test
  void theFirstProblemInTheTextIsTheOneReported() {
    assertThat(error("1 + ) + sqr(2)").offset()).isEqualTo(4);
    assertThat(error("sqr(2) + )").offset()).isZero();
  }

  @Test
  void aLongValueIsCutInTheMessage() {
    String name = "x".repeat(500);
    FormulaException e = error(name + "(1)");
    assertThat(e.problem()).startsWith("unknown function 'xxxx").contains("(500 characters)");
    assertThat(e.getMessage().length()).isLessThan(300);
  }

  // --- Limits ----------------------------------------------------------------------------------

  @Test
  void aFormulaOfAThousandCharactersIsRead() {
    String text = "1" + " ".repeat(999);
    assertThat(text).hasSize(Formula.MAX_LENGTH);
    assertThat(tree(text)).isEqualTo("1");
  }

  @Test
  void aLongerFormulaIsRefusedAtTheLimit() {
    String text = "1" + " ".repeat(1_000);
    FormulaException e = error(text);
    assertThat(e.offset()).isEqualTo(1_000);
    assertThat(e.problem()).isEqualTo("formula is too long (1,001 characters)");
    assertThat(e.expected()).startsWith("at most 1,000 characters");
    // A million characters cost no more to refuse.
    assertThat(error("1+".repeat(500_000) + "1").problem()).startsWith("formula is too");
  }

  @Test
  void thirtyTwoLevelsOfNestingAreRead() {
    assertThat(tree("(".repeat(32) + "1" + ")".repeat(32))).isEqualTo("1");
    assertThat(tree("-".repeat(32) + "1")).startsWith("(neg (neg");
  }

  @Test
  void aThousandLevelsOfNestingFailCleanlyAtTheThirtyThird() {
    // 33 levels: the 33rd opening (offset 32) is one too many.
    for (String text : List.of(
        "(".repeat(1_000) + "1" + ")".repeat(1_000),
        "-".repeat(1_000) + "1",
        "sqrt(".repeat(1_000) + "1" + ")".repeat(1_000),
        "(".repeat(1_000))) {
      FormulaException e = error(text);
      assertThat(e.problem()).as(text).startsWith("formula nests too deeply (over 32 levels");
      assertThat(e.offset()).as(text).isEqualTo(text.startsWith("sqrt") ? 32 * 5 : 32);
    }
    // Exponents nest to the right: 2^2^2^... is 2^(2^(2^...)); the 33rd '^' is at 2 x 32 + 1.
    FormulaException power = error("2^".repeat(400) + "2");
    assertThat(power.problem()).startsWith("formula nests too deeply");
    assertThat(power.offset()).isEqualTo(65);
  }

  @Test
  void tooManyNodesAreRefusedAtTheOneTooMany() {
    // 1+1+...: the k-th addition makes nodes 2k (its number) and 2k + 1 (the sum), so node 501 is
    // the 250th '+', at offset 2 x 250 - 1 = 499.
    FormulaException e = error("1+".repeat(300) + "1");
    assertThat(e.problem()).isEqualTo("formula is too large (over 500 numbers, references and operations)");
    assertThat(e.offset()).isEqualTo(499);
    // 249 additions make 499 nodes, which is fine, and the unit check walks them.
    Formula f = parse("1s+".repeat(249) + "1s");
    assertThat(f.unitOf(p -> null)).isEqualTo(Dimension.SECONDS);
  }

  // --- Text --------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} shows as {1}")
  @CsvSource(delimiter = '|', value = {
    "((1 + 2)) * 3 | (1 + 2) * 3",
    "1+2*3 | 1 + 2 * 3",
    "a.b - (c.d - e.f) | a.b - (c.d - e.f)",
    "(a.b - c.d) - e.f | a.b - c.d - e.f",
    "a.b / (c.d * e.f) | a.b / (c.d * e.f)",
    "(-2)^2 | (-2)^2",
    "-(2^2) | -2^2",
    "(2^3)^2 | (2^3)^2",
    "2^(3^2) | 2^3^2",
    "2^(-1) | 2^-1",
    "-(a.b * c.d) | -(a.b * c.d)",
    "-(-(x.y)) | --x.y",
    "min( a.b ,2/day) | min(a.b, 2/day)",
    "workloads[\"chat.v2\"].payload | workloads[\"chat.v2\"].payload",
    "workloads[\"plain\"].payload | workloads.plain.payload",
    "workloads[\"-x\"].payload | workloads[\"-x\"].payload",
    "figures.a-1 - 1 | figures.a-1 - 1"
  })
  void showsAFormulaWithTheParenthesesItNeeds(String text, String shown) {
    Formula f = parse(text);
    assertThat(Formula.show(f.root())).isEqualTo(shown);
    assertThat(tree(shown)).isEqualTo(tree(f.root()));
  }

  @Test
  void functionsAreListed() {
    assertThat(Formula.FUNCTIONS).containsExactly("min", "max", "ceil", "floor", "round", "abs", "sqrt", "ln", "log10", "exp");
  }

  @Test
  void aParsedFormulaKeepsItsText() {
    assertThatCode(() -> parse("users.dau")).doesNotThrowAnyException();
    assertThat(parse(" users.dau ").text()).isEqualTo(" users.dau ");
  }
}
