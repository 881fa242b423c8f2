package dev.envelope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
  private static final ReferenceData DATA = ReferenceData.load();

  @Test
  void everyRowNamesAListedSourceWithACitationAndADate() {
    Map<String, ReferenceData.Sourced> rows = DATA.rows();
    assertThat(rows).hasSizeGreaterThan(30);
    rows.forEach((path, row) -> {
      assertThat(row.source()).as(path).isNotBlank();
      ReferenceData.Source source = DATA.sources().get(row.source());
      assertThat(source).as(path + ": source " + row.source()).isNotNull();
      assertThat(source.citation()).as(row.source()).isNotBlank();
      // A year, as the sources are dated: "2012", not "recently".
      assertThat(source.date()).as(row.source()).matches("\\d{4}");
    });
  }

  @Test
  void everyListedSourceIsUsed() {
    java.util.Set<String> used = new java.util.HashSet<>();
    DATA.rows().values().forEach(r -> used.add(r.source()));
    for (ReferenceData.Sheet<?> sheet : java.util.List.of(DATA.latency(), DATA.powers(), DATA.nines(), DATA.conversions(),
        DATA.throughput())) {
      sheet.notes().forEach(n -> n.source().ifPresent(used::add));
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(DATA.sources().keySet());
  }

  @Test
  void latencyRowsAreThoseOfTheGist() {
    // Jonas Bonér's gist, "Latency Comparison Numbers (~2012)": 14 rows, from the L1 cache
    // reference (0.5 ns) to a packet from California to the Netherlands and back (150 ms).
    var rows = DATA.latency().rows();
    assertThat(rows).hasSize(14);
    assertThat(rows.get(0).operation()).isEqualTo("L1 cache reference");
    assertThat(rows.get(0).nanoseconds()).isEqualTo(0.5);
    assertThat(rows.get(13).nanoseconds()).isEqualTo(150_000_000);
    assertThat(rows).allMatch(r -> r.source().equals("boner-2012"));
  }

  @Test
  void aRowWithoutASourceIsRefused() {
    String yaml = SOURCES + """
        latency: {title: t, rows: [{operation: L1, nanoseconds: 0.5}]}
        powers: {title: t, rows: [{power: 10, approximately: 1 thousand, source: s}]}
        nines: {title: t, rows: [{target: 99%, source: s}]}
        conversions: {title: t, rows: [{rate: 1/s, source: s}]}
        throughput: {title: t, rows: [{part: p, measure: requests, value: 1/s, basis: b, source: s}]}
        """;
    assertThatThrownBy(() -> ReferenceData.parse("r.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("r.yaml:2:28:").hasMessageContaining("a row without a source");
  }

  @Test
  void aSourceThatIsNotListedIsRefused() {
    String yaml = SOURCES + """
        latency: {title: t, rows: [{operation: L1, nanoseconds: 0.5, source: s}]}
        powers: {title: t, rows: [{power: 10, approximately: 1 thousand, source: s}]}
        nines: {title: t, rows: [{target: 99%, source: s}]}
        conversions: {title: t, rows: [{rate: 1/s, source: gossip}]}
        throughput: {title: t, rows: [{part: p, measure: requests, value: 1/s, basis: b, source: s}]}
        """;
    assertThatThrownBy(() -> ReferenceData.parse("r.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown source 'gossip'");
  }

  @Test
  void aRateWithoutItsUnitIsRefused() {
    String yaml = SOURCES + """
        latency: {title: t, rows: [{operation: L1, nanoseconds: 0.5, source: s}]}
        powers: {title: t, rows: [{power: 10, approximately: 1 thousand, source: s}]}
        nines: {title: t, rows: [{target: 99%, source: s}]}
        conversions: {title: t, rows: [{rate: 40, source: s}]}
        throughput: {title: t, rows: [{part: p, measure: requests, value: 1/s, basis: b, source: s}]}
        """;
    assertThatThrownBy(() -> ReferenceData.parse("r.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rate: an absolute rate needs its unit");
  }

  @Test
  void aThroughputThatDoesNotReadInItsMeasureIsRefused() {
    String yaml = SOURCES + """
        latency: {title: t, rows: [{operation: L1, nanoseconds: 0.5, source: s}]}
        powers: {title: t, rows: [{power: 10, approximately: 1 thousand, source: s}]}
        nines: {title: t, rows: [{target: 99%, source: s}]}
        conversions: {title: t, rows: [{rate: 1/s, source: s}]}
        throughput: {title: t, rows: [{part: link, measure: bytes, value: 1Gbit, basis: b, source: s}]}
        """;
    assertThatThrownBy(() -> ReferenceData.parse("r.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("r.yaml:6:").hasMessageContaining("value:");
    String measure = yaml.replace("measure: bytes", "measure: watts");
    assertThatThrownBy(() -> ReferenceData.parse("r.yaml", measure.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("measure: expected requests, bytes or"
            + " connections");
  }

  private static final String SOURCES = """
      sources: {s: {citation: somebody, date: "2020"}}
      """;
}
