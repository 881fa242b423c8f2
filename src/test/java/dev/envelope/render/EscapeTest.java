package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscapeTest {
  /** Every kind of character a terminal obeys, and the quoting characters of JSON and YAML. */
  static final String NASTY = "a\u0000\u0007\u001b[2J\r\n\t\u007f\u0085\u009b\u061c\u200e\u202e\u2066\u2028\u2029"
      + "\"\\'\ufffe\ud83d\ude00z";

  @ParameterizedTest(name = "csv({0}) = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    // OWASP, CSV injection: a quote mark in front, inside a quoted field.
    "=1+2                      | \"'=1+2\"",
    "+1+2                      | \"'+1+2\"",
    "-2+3+cmd' /C calc'!A0     | \"'-2+3+cmd' /C calc'!A0\"",
    "@SUM(A1:A9)               | \"'@SUM(A1:A9)\"",
    "=HYPERLINK(\"http://x\")  | \"'=HYPERLINK(\"\"http://x\"\")\"",
    // Numbers stay numbers, a lone sign is no formula, text elsewhere is not touched.
    "-12.5                     | -12.5",
    "+3                        | +3",
    "-1e-9                     | -1e-9",
    "-                         | -",
    "a=1                       | a=1",
    // RFC 4180 quoting.
    "a,b                       | \"a,b\"",
    "say \"hi\"                | \"say \"\"hi\"\"\"",
  })
  void csvFieldsAreNeverFormulas(String field, String expected) {
    assertThat(Escape.csv(field.strip())).isEqualTo(expected.strip());
  }

  @Test
  void csvFieldsStayOnOneLine() {
    assertThat(Escape.csv("a\r\nb")).isEqualTo("a\\u000d\\u000ab");
    // A tab or CR first is escaped, so the field starts with a backslash: text to a spreadsheet.
    assertThat(Escape.csv("\t=1+2")).isEqualTo("\\u0009=1+2");
    assertThat(Escape.csv("\r=1+2")).isEqualTo("\\u000d=1+2");
  }

  @Test
  void markdownHasNoHtmlLinkEmphasisOrExtraColumn() {
    assertThat(Escape.markdown("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Escape.markdown("[click](javascript:alert(1))")).isEqualTo("\\[click\\](javascript:alert(1))");
    assertThat(Escape.markdown("<javascript:alert(1)>")).isEqualTo("&lt;javascript:alert(1)&gt;");
    assertThat(Escape.markdown("![x](y)")).isEqualTo("!\\[x\\](y)");
    assertThat(Escape.markdown("R&D &amp;")).isEqualTo("R&amp;D &amp;amp;");
    assertThat(Escape.markdown("a|b")).isEqualTo("a\\|b");
    assertThat(Escape.markdown("*b* _i_ ~s~ `c`")).isEqualTo("\\*b\\* \\_i\\_ \\~s\\~ \\`c\\`");
    // A backslash of the text is doubled, so that it cannot escape what follows it.
    assertThat(Escape.markdown("\\*")).isEqualTo("\\\\\\*");
    assertThat(Escape.markdown("x\u001by")).isEqualTo("x\\\\u001by");
  }

  @Test
  void markdownTextCellsAreNeverFormulasEither() {
    assertThat(Escape.markdownCell("=cmd()")).isEqualTo("'=cmd()");
    assertThat(Escape.markdownCell("-12.5")).isEqualTo("-12.5");
    assertThat(Escape.markdownCell("tweet")).isEqualTo("tweet");
  }

  @Test
  void jsonEscapesEveryUnsafeCharacterAndReadsBackTheSameString() throws IOException {
    StringBuilder sb = new StringBuilder();
    Escape.json(sb, NASTY);
    String json = sb.toString();
    assertThat(json).isEqualTo("\"a\\u0000\\u0007\\u001b[2J\\r\\n\\t\\u007f\\u0085\\u009b\\u061c\\u200e\\u202e\\u2066"
        + "\\u2028\\u2029\\\"\\\\'\ufffe\ud83d\ude00z\"");
    assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(NASTY);
  }

  @Test
  void jsonEscapesALoneSurrogateInsteadOfLosingIt() throws IOException {
    StringBuilder sb = new StringBuilder();
    Escape.json(sb, "a\ud800b\udc00");
    assertThat(sb.toString()).isEqualTo("\"a\\ud800b\\udc00\"");
  }

  @Test
  void yamlEscapesEveryUnsafeCharacterAndReadsBackTheSameString() throws IOException {
    String yaml = Escape.yaml(NASTY);
    assertThat(yaml).isEqualTo("\"a\\u0000\\u0007\\u001b[2J\\u000d\\n\\t\\u007f\\u0085\\u009b\\u061c\\u200e\\u202e"
        + "\\u2066\\u2028\\u2029\\\"\\\\'\\ufffe\ud83d\ude00z\"");
    assertThat(new YAMLMapper().readTree("k: " + yaml).get("k").asText()).isEqualTo(NASTY);
  }

  @Test
  void yamlKeepsPlainWordsPlain() {
    assertThat(Escape.yaml("tweet")).isEqualTo("tweet");
    assertThat(Escape.yaml("yes")).isEqualTo("\"yes\"");
  }

  @Test
  void tabSeparatedFieldsHoldNoTabOfTheirOwn() {
    assertThat(Escape.tabSeparated(List.of("a\tb", "c\nd"))).isEqualTo("a\\u0009b\tc\\u000ad");
  }

  @Test
  void mermaidKeepsWordsAndWritesEveryOtherCharacterAsAnEntityCode() {
    assertThat(Escape.mermaid("tweet reads 69.4 K/s, 90% (p5 1)")).isEqualTo("tweet reads 69.4 K/s, 90% (p5 1)");
    // A quote or bracket would end the label, a pipe the edge label, backticks the Markdown fence.
    assertThat(Escape.mermaid("a\"]|`<b>&#;{}")).isEqualTo("a#34;#93;#124;#96;#60;b#62;#38;#35;#59;#123;#125;");
    assertThat(Escape.mermaid("caf\u00e9 \u6f22")).isEqualTo("caf\u00e9 \u6f22");
    assertThat(Escape.mermaid("a\u001b[2J\nb")).isEqualTo("a#92;u001b#91;2J#92;u000ab");
  }

  @Test
  void dotEscapesQuotesBackslashesAndEntities() {
    assertThat(Escape.dot("a\"b\\N&amp;")).isEqualTo("a\\\"b\\\\N&amp;amp;");
    assertThat(Escape.dot("x\ny")).isEqualTo("x\\\\u000ay");
  }
}
