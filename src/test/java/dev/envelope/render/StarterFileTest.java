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
}
