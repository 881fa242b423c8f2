package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envelope.CliRun;
import org.junit.jupiter.api.Test;

/** --napkin on a file with the availability and latency models (found by CliFuzzTest). */
class NapkinModelsCliTest {

  @Test
  void aFigureWhoseNapkinFormIsInfiniteIsLeftOutNotACrash() throws Exception {
    // At one significant figure a share such as a utilization of 94% is ~1, so a step that divides
    // by 1 minus it has an infinite napkin; estimate --napkin, --explain and explain --napkin on the
    // search example used to end in an internal error.
    for (String format : new String[] {"table", "csv", "json", "yaml", "markdown"}) {
      CliRun run = CliRun.run("estimate", "examples/search-service.yaml", "--napkin", "-o", format);
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.err()).as(run.toString()).doesNotContain("internal error");
      if (!format.equals("csv")) {
        CliRun explained = CliRun.run("estimate", "examples/search-service.yaml", "--napkin", "--explain", "-o", format);
        assertThat(explained.exitCode()).as(explained.toString()).isZero();
      }
      CliRun explain = CliRun.run("explain", "examples/search-service.yaml", "--napkin", "-o", format);
      assertThat(explain.exitCode()).as(explain.toString()).isZero();
    }
    CliRun json = CliRun.run("estimate", "examples/search-service.yaml", "--napkin", "-o", "json");
    JsonNode napkin = new ObjectMapper().readTree(json.out()).get("napkin");
    // 99.95% rounds to ~0.9995 on its own (a target is kept to its nines), 3.3 nines to ~3.
    assertThat(napkin.at("/availability/target/value").asDouble()).isEqualTo(0.9995);
    assertThat(napkin.at("/availability/nines/value").asDouble()).isEqualTo(3);
  }
}
