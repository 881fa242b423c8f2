package dev.envelope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.envelope.units.Dimension;
import dev.envelope.units.UnitSystem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaUnitsTest {
  /** The units of the references the formulas below use. */
  private static final Map<String, Dimension> UNITS = Map.of(
      "users.dau", Dimension.NONE,
      "inputs.online_share", Dimension.NONE,
      "inputs.per_connection_memory", Dimension.BYTES,
      "figures.connections", Dimension.NONE,
      "figures.egress", Dimension.BYTES_PER_SECOND,
      "figures.window", Dimension.SECONDS,
      "figures.area", Dimension.BYTES.pow(2),
      "figures.n", Dimension.NONE,
      "inputs.price", Dimension.MONEY.over(Dimension.BYTES));

  static Dimension unitOf(String text) {
    return Formula.parse(text, UnitSystem.SI, FormulaTest.SRE).unitOf(UNITS::get);
  }

  static FormulaException error(String text) {
    FormulaException e = catchThrowableOfType(FormulaException.class, () -> unitOf(text));
    assertThat(e).as("a unit error for '%s'", text).isNotNull();
    return e;
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource(delimiter = '|', value = {
    "users.dau * inputs.online_share | count",
    "figures.connections * inputs.per_connection_memory | bytes",
    "figures.egress * figures.window | bytes",             // bytes per second x seconds
    "5MB/s * 30d | bytes",
    "1KB / 1s | bytes per second",
    "users.dau * 2/day | per second",
    "1 / figures.window | per second",
    "1KB * 1s | bytes x seconds",
    "1KB^2 | bytes^2",
    "1KB^-1 | per byte",
    "1KB^--2 | bytes^2",
    "1KB^2K / figures.area^1000 | count",                   // 2K is 2,000, a whole number
    "sqrt(figures.area) | bytes",
    "sqrt(1KB * 1KB) | bytes",
    "sqrt(2) | count",
    "sqrt(figures.egress^2) | bytes per second",
    "2^figures.n | count",
    "2^(figures.n * 3) | count",
    "ln(1KB / 1B) | count",
    "log10(users.dau) + exp(1) | count",
    "min(1KB, 2MB, inputs.per_connection_memory) | bytes",
    "max(figures.window, 1h) | seconds",
    "ceil(1.5KB) + floor(1KB) + round(1KB) + abs(-1KB) | bytes",
    "-figures.window | seconds",
    "1KB - 2KB + 3KB | bytes",
    "inputs.price * figures.area / 1GB | money",           // money per byte x bytes^2 / bytes
    "inputs.price / 1s | money per byte per second"
  })
  void unitsMultiplyDivideAndAgree(String text, String unit) {
    assertThat(unitOf(text).describe()).isEqualTo(unit);
  }

  @ParameterizedTest(name = "''{0}'' at {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    // text | offset | problem
    "1KB + 1s | 4 | bytes + seconds: a sum needs one unit on both sides",
    "1KB - 1 | 4 | bytes - count: a difference needs one unit on both sides",
    "figures.window + figures.egress * 2 | 15 | seconds + bytes per second: a sum needs one unit on both sides",
    "sqrt(1KB * 1s) | 0 | sqrt of bytes x seconds: its powers are odd",
    "sqrt(figures.egress) | 0 | sqrt of bytes per second: its powers are odd",
    "ln(1KB) | 3 | ln takes a number without unit (got bytes)",
    "1 + log10(figures.egress) | 10 | log10 takes a number without unit (got bytes per second)",
    "exp(figures.window) | 4 | exp takes a number without unit (got seconds)",
    "2^1s | 2 | an exponent must be a plain number (got seconds)",
    "1KB^figures.window | 4 | an exponent must be a plain number (got seconds)",
    "1KB^figures.n | 4 | x^y with units needs a constant whole exponent (got figures.n)",
    "1KB^(1 + 1) | 4 | x^y with units needs a constant whole exponent (got 1 + 1)",
    "1KB^0.5 | 4 | x^y with units needs a constant whole exponent (got 0.5)",
    "1KB^50% | 4 | x^y with units needs a constant whole exponent (got 50%)",
    "1KB^1e10 | 4 | x^y with units needs a constant whole exponent (got 1e10)",
    "min(1KB, 1s) | 9 | min of bytes and seconds: its arguments need one unit",
    "max(1s, 2s, 3) | 12 | max of seconds and count: its arguments need one unit",
    "users.dau + users.mau | 12 | unknown reference 'users.mau'",
    "(1KB^2000000000)^2 | 16 | a unit with powers too large to hold: (bytes^2000000000)^2"
  })
  void unitsThatDisagreeAreRefusedWhereTheyMeet(String text, int offset, String problem) {
    FormulaException e = error(text);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.expected()).isNotBlank();
  }

  @Test
  void errorsSayWhatWouldBeValid() {
    assertThat(error("1KB + 1s").expected()).isEqualTo("both sides in the same unit");
    assertThat(error("1KB^0.5").expected()).contains("x^2, x^-1", "sqrt(x)");
    assertThat(error("ln(1KB)").expected()).contains("ln(x / 1KB)");
  }

  @Test
  void aResolverMayRefuseAReferenceItself() {
    Formula f = Formula.parse("users.dau * 2", UnitSystem.SI, FormulaTest.SRE);
    FormulaException mine = new FormulaException(0, "no such input", "an input");
    FormulaException thrown = catchThrowableOfType(FormulaException.class, () -> f.unitOf(p -> {
      throw mine;
    }));
    assertThat(thrown).isSameAs(mine);
  }
}
