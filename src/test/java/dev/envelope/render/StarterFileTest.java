package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.model.FileSpec;
import org.junit.jupiter.api.Test;

class StarterFileTest {
  @Test
  void everyValueSetIsForAKnownKey() {
    assertThat(FileSpec.inputPaths()).containsAll(StarterFile.VALUES.keySet());
  }

  @Test
  void theSameStarterFileEveryTime() {
    assertThat(StarterFile.render()).isEqualTo(StarterFile.render());
  }

  @Test
  void linesWrapAtOneHundredColumns() {
    assertThat(StarterFile.render().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void optionalKeysAreCommentedOutWithTheirDefault() {
    assertThat(StarterFile.render())
        .contains("\n  dau: 1M ")
        .contains("\n  #mau: 300M ")
        .contains("\n  #replication: 3 ")
        .containsPattern("#replication: 3 +# copies of each byte, 1 or more\\. Number, default 3\\.");
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
      new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

  @Test
  void fittedToATerminalItIsTheSameYamlInNarrowerLines() throws Exception {
    String full = StarterFile.render();
    for (int width : new int[] {80, 60}) {
      String fitted = StarterFile.fitted(full, width);
      assertThat(YAML.readTree(fitted)).isEqualTo(YAML.readTree(full));
      // Only a key and value too long to break (a commented-out record of 62 columns) may pass 60.
      assertThat(fitted.lines().filter(line -> Fit.width(line) > width))
          .allSatisfy(line -> assertThat(line.strip()).startsWith("#  fields:"));
    }
    assertThat(StarterFile.fitted(full, 80).lines()).allSatisfy(line -> assertThat(Fit.width(line)).isLessThanOrEqualTo(80));
    assertThat(StarterFile.fitted(full, 0)).isEqualTo(full);
    assertThat(StarterFile.fitted(full, 100)).isEqualTo(full);
  }

  @Test
  void theMinimalFileSetsTheSameValuesInAtMostTwentyFiveLines() throws Exception {
    String minimal = StarterFile.minimal();
    assertThat(minimal.lines()).hasSizeLessThanOrEqualTo(25)
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(minimal);
    assertThat(tree.at("/users/dau").asText()).isEqualTo(StarterFile.VALUES.get("users.dau"));
    assertThat(tree.at("/workloads/item/payload").asText()).isEqualTo(StarterFile.VALUES.get("workloads.*.payload"));
    assertThat(tree.at("/availability/target").asText()).isEqualTo(StarterFile.VALUES.get("availability.target"));
    // Every value it sets is one the full file sets, and no other.
    com.fasterxml.jackson.databind.node.ObjectNode full =
        (com.fasterxml.jackson.databind.node.ObjectNode) YAML.readTree(StarterFile.render());
    full.properties().removeIf(section -> section.getValue().isNull()); // the sections left empty
    assertThat(tree).isEqualTo(full);
  }
}
