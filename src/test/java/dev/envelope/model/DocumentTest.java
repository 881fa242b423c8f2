package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envelope.model.RequirementsReader.Need;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentTest {
  static final String FILE = """
      users: {dau: 10M}
      workloads:
        post: {writes_per_user: 2/day, payload: 1KB}
      scenarios:
        holiday: {users.dau: 30M, traffic.peak_factor: 5}
      """;

  static Document doc(String yaml) {
    return Document.parse("req.yaml", yaml.getBytes(UTF_8));
  }

  @Test
  void aScenarioOverridesTheFileAndSetOverridesTheScenario() {
    Document d = doc(FILE);
    Requirements holiday = d.bind(Need.ESTIMATE, Optional.of("holiday"), List.of());
    assertThat(holiday.users().orElseThrow().effectiveDau()).isEqualTo(30e6);
    assertThat(holiday.workloads().get(0).peakFactor()).isEqualTo(5);
    Requirements set = d.bind(Need.ESTIMATE, Optional.of("holiday"),
        List.of(Assignment.parse("--set", "users.dau=1M")));
    assertThat(set.users().orElseThrow().effectiveDau()).isEqualTo(1e6);
  }

  @Test
  void setCreatesMissingSectionsAndKeys() {
    Requirements r = doc(FILE).bind(Need.ESTIMATE, Optional.empty(),
        List.of(Assignment.parse("--set", "storage.retention=1y"), Assignment.parse("--set", "workloads.post.read_size=2KB")));
    assertThat(r.storage().retention()).isPresent();
    assertThat(r.workloads().get(0).readSize()).hasValue(2000);
  }

  @Test
  void anOverrideErrorNamesTheOverride() {
    assertThatThrownBy(() -> doc(FILE).bind(Need.ESTIMATE, Optional.empty(),
        List.of(Assignment.parse("--set", "users.dau=lots"))))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.lines()).containsExactly(
            "--set users.dau=lots: users.dau: not a count (got 'lots'); expected a number, optionally with K, M, bn (or B)"
                + " or T (thousand to trillion), e.g. 150M"));
  }

  @Test
  void bindAllReportsTheProblemsOfEveryScenarioAtOnce() {
    Document d = doc(FILE + "  bad: {users.dau: x}\n  worse: {workloads.post.payload: -1KB}\n");
    assertThatThrownBy(() -> d.bindAll(Need.ESTIMATE, List.of()))
        .isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.diagnostics())
            .extracting(Diagnostic::path).containsExactly("users.dau", "workloads.post.payload"));
  }

  @Test
  void baseIsNotAScenarioName() {
    assertThatThrownBy(() -> doc(FILE + "  base: {users.dau: 1M}\n").bind(Need.ESTIMATE, Optional.empty(), List.of()))
        .isInstanceOf(EnvelopeException.class).hasMessageContaining("scenarios.base");
  }
}
