package dev.envelope.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.envelope.units.QuantityException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyspaceTest {
  private static final Keyspace.Alphabet BASE62 = Keyspace.alphabet("base62");
  private static final Keyspace.Alphabet BASE64 = Keyspace.alphabet("base64");

  @Test
  void sevenBase62CharactersGiveAbout3point5TrillionKeys() {
    // Alex Xu, System Design Interview, ch. 8: [0-9, a-z, A-Z] with length 7, 62^7 = ~3.5 trillion.
    // By hand: 62^2 = 3,844; 62^4 = 14,776,336; 62^6 = 56,800,235,584; 62^7 = 3,521,614,606,208.
    Keyspace.Space space = Keyspace.ofLength(BASE62, 7);
    assertThat(space.exact()).isEqualTo(new BigInteger("3521614606208"));
    assertThat(space.keys()).isCloseTo(3.5e12, withinPercentage(1));
    // 7 x log2(62) = 7 x 5.954 = 41.68 bits
    assertThat(space.bits()).isCloseTo(41.68, withinPercentage(0.01));
  }

  @Test
  void theShortestLengthFor365BillionUrlsIsSeven() {
    // Xu, ch. 8: 100 million URLs a day for 10 years is 365 billion; 62^6 = 56.8 billion is too
    // few, 62^7 = 3.5 trillion enough.
    Keyspace.Space space = Keyspace.forKeys(BASE62, 365e9);
    assertThat(space.length()).hasValue(7);
    assertThat(Keyspace.forKeys(BASE62, 56_800_235_584.0).length()).hasValue(6);
    assertThat(Keyspace.forKeys(BASE62, 56_800_235_585.0).length()).hasValue(7);
    assertThat(Keyspace.forKeys(BASE62, 1).length()).hasValue(1);
  }

  @Test
  void base64KeysOfGrokking() {
    // Grokking the System Design Interview, URL shortener: a 6-letter base64 key gives
    // 64^6 = ~68.7 billion strings, an 8-letter one 64^8 = ~281 trillion.
    assertThat(Keyspace.ofLength(BASE64, 6).exact()).isEqualTo(new BigInteger("68719476736"));
    assertThat(Keyspace.ofLength(BASE64, 8).keys()).isCloseTo(281e12, withinPercentage(0.2));
    // ... and a 128-bit MD5 hash in base64 is "more than 21 characters": 128 / 6 = 21.3, so 22.
    assertThat(Keyspace.ofBits(128, Optional.of(BASE64)).length()).hasValue(22);
    // 120 bits are exactly 20 base64 characters (a whole number of 6-bit characters).
    assertThat(Keyspace.ofBits(120, Optional.of(BASE64)).length()).hasValue(20);
  }

  @Test
  void atXusRateTheKeysLastAboutNinetySixYears() {
    // Xu, ch. 8: 100 million / 24 / 3600 = 1160 writes per second. By hand:
    // 3,521,614,606,208 / 1160 = 3,035,874,660.5 s; / (365 x 86,400) = 96.27 years.
    Keyspace.Sizing f = Keyspace.figures(Keyspace.ofLength(BASE62, 7), OptionalDouble.empty(), OptionalDouble.of(1160));
    assertThat(f.exhaustion().orElseThrow().secondsToExhaust()).isCloseTo(3_035_874_660.5, withinPercentage(1e-6));
    assertThat(f.exhaustion().orElseThrow().secondsToExhaust() / (365 * 86_400.0)).isCloseTo(96.27, withinPercentage(0.01));
  }

  @Test
  void birthdayBoundReproducesTheBirthdayProblem() {
    // 365 birthdays: even odds of a shared one with ~23 people; sqrt(2 x 365 x ln 2) = 22.49.
    Keyspace.Space days = Keyspace.ofLength(Keyspace.alphabet("365"), 1);
    Keyspace.Sizing f = Keyspace.figures(days, OptionalDouble.of(23), OptionalDouble.empty());
    assertThat(f.evenCollisionOdds()).isCloseTo(22.49, withinPercentage(0.05));
    // The approximation 1 - exp(-23 x 22 / 730) = 0.500 (the exact product gives 0.507).
    assertThat(f.usage().orElseThrow().collisionProbability()).isCloseTo(0.500, withinPercentage(0.5));
    assertThat(f.usage().orElseThrow().fractionUsed()).isCloseTo(23 / 365.0, withinPercentage(1e-9));
  }

  @Test
  void moreCodesThanKeysCollideForSure() {
    Keyspace.Sizing f = Keyspace.figures(Keyspace.ofLength(Keyspace.alphabet("hex"), 2), OptionalDouble.of(257),
        OptionalDouble.empty());
    assertThat(f.usage().orElseThrow().collisionProbability()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} has {1} characters")
  @CsvSource({"digits, 10", "hex, 16", "HEX, 16", "base16, 16", "base32, 32", "base36, 36", "base58, 58",
      "base62, 62", "base64, 64", "base64url, 64", "lowercase, 26", "letters, 52", "62, 62", "2, 2"})
  void alphabetsByNameOrSize(String name, int size) {
    assertThat(Keyspace.alphabet(name).size()).isEqualTo(size);
  }

  @Test
  void alphabetsThatDoNotRead() {
    assertThatThrownBy(() -> Keyspace.alphabet("base99")).isInstanceOf(QuantityException.class)
        .hasMessageContaining("unknown alphabet");
    assertThatThrownBy(() -> Keyspace.alphabet("1")).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> Keyspace.alphabet("6.5")).isInstanceOf(QuantityException.class);
    assertThatThrownBy(() -> Keyspace.characters("abca")).isInstanceOf(QuantityException.class)
        .hasMessageContaining("'a' appears twice");
  }

  @Test
  void charactersAreCountedOnce() {
    // Crockford-like set without 0, 1, i, l, o: 8 digits + 23 letters = 31.
    assertThat(Keyspace.characters("23456789abcdefghjkmnpqrstuvwxyz").size()).isEqualTo(31);
  }

  @Test
  void keySpacesBeyondDoublesAreRefused() {
    assertThatThrownBy(() -> Keyspace.ofLength(BASE62, 200)).isInstanceOf(QuantityException.class)
        .hasMessageContaining("too many keys");
    assertThat(Keyspace.ofBits(1023, Optional.empty()).keys()).isCloseTo(8.98846567431158e307, withinPercentage(1e-9));
  }
}
