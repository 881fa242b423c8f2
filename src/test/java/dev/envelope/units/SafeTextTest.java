package dev.envelope.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {
  /**
   * The characters shown escaped, from the Unicode charts: C0 (U+0000-U+001F), DEL, C1
   * (U+0080-U+009F), the bidi controls ALM U+061C, LRM U+200E, RLM U+200F, LRE..RLO U+202A-U+202E
   * and LRI..PDI U+2066-U+2069, and the separators LS U+2028 and PS U+2029.
   */
  static List<Integer> unsafe() {
    List<Integer> all = new ArrayList<>();
    for (int c = 0; c <= 0x1f; c++) {
      all.add(c);
    }
    for (int c = 0x7f; c <= 0x9f; c++) {
      all.add(c);
    }
    all.addAll(List.of(0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068,
        0x2069, 0x2028, 0x2029));
    return all;
  }

  @Test
  void eachUnsafeCharacterIsShownAsBackslashUAndFourLowerCaseHexDigits() {
    for (int c : unsafe()) {
      String hex = Integer.toHexString(c);
      String expected = "a\\u" + "0".repeat(4 - hex.length()) + hex + "b";
      assertThat(SafeText.line("a" + (char) c + "b")).as("U+%04X", c).isEqualTo(expected);
      assertThat(SafeText.isUnsafe(c)).as("U+%04X", c).isTrue();
    }
  }

  @Test
  void terminalEscapeSequencesAndForgedLinesBecomeVisibleText() {
    assertThat(SafeText.line("\u001b[2J\rok")).isEqualTo("\\u001b[2J\\u000dok");
    assertThat(SafeText.line("name\u202e\u2028x\u0007")).isEqualTo("name\\u202e\\u2028x\\u0007");
    assertThat(SafeText.line("a\nb\tc")).isEqualTo("a\\u000ab\\u0009c");
  }

  @Test
  void linesKeepsTabsAndLineFeedsButNothingElse() {
    assertThat(SafeText.lines("a\nb\tc\r\n\u001b[0m")).isEqualTo("a\nb\tc\\u000d\n\\u001b[0m");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain text", "C:\\path\\to\\file.yaml", "caf\u00e9 \u4e2d\u6587", "\ud83d\ude00 emoji",
      "\u00a0no-break", "\u00ff", "\u061b", "\u200d", "\u202f", "\u2065", "\u206a", "\\u001b as written", ""})
  void everythingElseIsShownAsItIs(String text) {
    assertThat(SafeText.line(text)).isSameAs(text);
    assertThat(SafeText.isSafe(text)).isTrue();
  }
}
