package dev.envelope.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The man pages print a budget's operator as written: Asciidoctor would make {@code <=} an arrow. */
class ManPageEscapeTest {
  @Test
  void arrowsAreEscapedForAsciidoctor() {
    String adoc = "== Name\n\nenvelope-check - Evaluate the file's budgets (budgets: {capacity.servers: \"<= 40\"})\n"
        + "== Description\n\n  Evaluate the file's budgets (budgets: {capacity.servers: \"<= 40\"})";
    assertThat(DistributionFiles.escapeReplacements(adoc)).isEqualTo(
        "== Name\n\nenvelope-check - Evaluate the file's budgets (budgets: {capacity.servers: \"<= 40\"})\n"
            + "== Description\n\n  Evaluate the file's budgets (budgets: {capacity.servers: \"\\<= 40\"})");
  }
}
