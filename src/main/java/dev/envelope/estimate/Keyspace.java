package dev.envelope.estimate;

import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How many keys a short-code or ID scheme has, and how long they last:
 *
 * <ul>
 *   <li>keys = alphabet^length, or 2^bits for random IDs of that many bits; entropy = log2(keys)
 *       bits (Alex Xu, System Design Interview, ch. 8: [0-9, a-z, A-Z] and length 7 give
 *       62^7 = ~3.5 trillion keys);
 *   <li>the length for a number of keys is the smallest L with alphabet^L &gt;= keys (Xu: 62^7
 *       holds 365 billion URLs, 62^6 does not), and the length that writes N bits is the smallest
 *       L with alphabet^L &gt;= 2^N (Grokking the System Design Interview: 128-bit MD5 in base64
 *       is more than 21 characters);
 *   <li>at a rate, the keys run out after keys / rate (Xu: 1160 URLs per second);
 *   <li>codes drawn at random collide: after n of N keys, with probability
 *       1 - exp(-n(n - 1) / 2N) (the birthday problem), which reaches one half at
 *       n = sqrt(2 N ln 2) = ~1.1774 sqrt(N). Codes issued from a counter never collide.
 * </ul>
 */
public final class Keyspace {
  private Keyspace() {}

  /** sqrt(2 ln 2): codes drawn at random from N keys collide with even odds after ~1.1774 sqrt(N). */
  public static final double BIRTHDAY_FACTOR = Math.sqrt(2 * Math.log(2));

  /** The named alphabets of {@code --alphabet}, with the characters each holds. */
  public enum Named {
    // Plain character classes.
    DIGITS(10, "0-9", "decimal", "base10"),
    LOWERCASE(26, "a-z", "lower"),
    LETTERS(52, "A-Z, a-z", "alpha"),
    // RFC 4648: base16 (hex), base32 (A-Z, 2-7) and base64 (A-Z, a-z, 0-9, + and /, or - and _ in base64url).
    HEX(16, "0-9, a-f (RFC 4648 base16)", "base16", "hexadecimal"),
    BASE32(32, "A-Z, 2-7 (RFC 4648)"),
    BASE36(36, "0-9, a-z"),
    // Bitcoin's base58: base62 without 0, O, I and l, which read alike.
    BASE58(58, "base62 without 0, O, I and l (Bitcoin)"),
    BASE62(62, "0-9, A-Z, a-z"),
    BASE64(64, "A-Z, a-z, 0-9, + and / (RFC 4648; - and _ in base64url)", "base64url");

    private final int size;
    private final String characters;
    private final List<String> aliases;

    Named(int size, String characters, String... aliases) {
      this.size = size;
      this.characters = characters;
      this.aliases = List.of(aliases);
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Every name, aliases included, for messages. */
    public static List<String> names() {
      List<String> names = new ArrayList<>();
      for (Named n : values()) {
        names.add(n.key());
        names.addAll(n.aliases);
      }
      return names;
    }
  }

  /** An alphabet: its size, and its name and characters when it has them. */
  public record Alphabet(int size, Optional<String> name, Optional<String> characters) {
    public Alphabet {
      if (size < 2) {
        throw new IllegalArgumentException("an alphabet has at least 2 characters: " + size);
      }
    }
  }

  static final String ALPHABET_EXPECTED =
      "a number of characters (62), or a name: " + String.join(", ", Named.names());

  /** Reads {@code --alphabet}: a number of characters from 2, or a name ({@code base62}). */
  public static Alphabet alphabet(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (Named n : Named.values()) {
      if (n.key().equals(t) || n.aliases.contains(t)) {
        return new Alphabet(n.size, Optional.of(n.key()), Optional.of(n.characters));
      }
    }
    if (!Numbers.isNumber(t)) {
      throw new QuantityException("unknown alphabet", ALPHABET_EXPECTED);
    }
    double size = Numbers.parse(t, ALPHABET_EXPECTED);
    if (size != Math.rint(size) || size < 2 || size > Integer.MAX_VALUE) {
      throw new QuantityException("an alphabet is a whole number of characters, 2 or more", ALPHABET_EXPECTED);
    }
    return new Alphabet((int) size, Optional.empty(), Optional.empty());
  }

  /** The alphabet of the characters given ({@code --characters}); each may appear only once. */
  public static Alphabet characters(String text) {
    List<Integer> seen = new ArrayList<>();
    text.codePoints().forEach(c -> {
      if (seen.contains(c)) {
        throw new QuantityException("'" + Character.toString(c) + "' appears twice",
            "each character once, e.g. 23456789abcdefghjkmnpqrstuvwxyz");
      }
      seen.add(c);
    });
    if (seen.size() < 2) {
      throw new QuantityException("fewer than 2 characters", "at least 2 distinct characters");
    }
    return new Alphabet(seen.size(), Optional.empty(), Optional.of(text));
  }

  /** A whole number from {@code min} to {@code max}, for {@code --length} and {@code --bits}. */
  public static int whole(String text, int min, int max, String what) {
    String expected = what + ", a whole number from " + min + " to " + max;
    double value = Numbers.parse(text, expected);
    if (value != Math.rint(value)) {
      throw new QuantityException("not a whole number", expected);
    }
    if (value < min || value > max) {
      throw new QuantityException("out of range", expected);
    }
    return (int) value;
  }

  /** Where a scheme's length comes from. */
  public enum LengthFrom {
    /** Given with {@code --length}. */
    GIVEN,
    /** The shortest that holds {@code --keys}. */
    KEYS,
    /** The shortest that writes {@code --bits} in the alphabet. */
    BITS
  }

  /**
   * A key space: its size, exactly and as a double, its entropy in bits, and the alphabet and
   * length that write a key, when there are such.
   */
  public record Space(BigInteger exact, double keys, double bits, Optional<Alphabet> alphabet, OptionalInt length,
      Optional<LengthFrom> lengthFrom, OptionalInt randomBits) {}

  /** {@code alphabet^length} keys. */
  public static Space ofLength(Alphabet alphabet, int length) {
    if (length * Math.log(alphabet.size()) / Math.log(2) > MAX_BITS) {
      throw tooMany();
    }
    BigInteger exact = BigInteger.valueOf(alphabet.size()).pow(length);
    return space(exact, Optional.of(alphabet), OptionalInt.of(length), Optional.of(LengthFrom.GIVEN), OptionalInt.empty());
  }

  /** The shortest length of {@code alphabet} that holds {@code keys} keys, and its key space. */
  public static Space forKeys(Alphabet alphabet, double keys) {
    BigInteger needed = new BigDecimal(keys).setScale(0, RoundingMode.CEILING).toBigInteger();
    int length = shortest(alphabet, needed);
    BigInteger exact = BigInteger.valueOf(alphabet.size()).pow(length);
    return space(exact, Optional.of(alphabet), OptionalInt.of(length), Optional.of(LengthFrom.KEYS), OptionalInt.empty());
  }

  /** Random IDs of {@code bits} bits: 2^bits keys, written in {@code alphabet} when given. */
  public static Space ofBits(int bits, Optional<Alphabet> alphabet) {
    BigInteger exact = BigInteger.TWO.pow(bits);
    OptionalInt length = alphabet.map(a -> OptionalInt.of(shortest(a, exact))).orElse(OptionalInt.empty());
    return space(exact, alphabet, length, alphabet.map(a -> LengthFrom.BITS), OptionalInt.of(bits));
  }

  private static Space space(BigInteger exact, Optional<Alphabet> alphabet, OptionalInt length,
      Optional<LengthFrom> from, OptionalInt randomBits) {
    double keys = exact.doubleValue();
    if (Double.isInfinite(keys)) {
      throw tooMany();
    }
    // log2 of an exact integer, good to double precision even beyond 2^1023.
    int shift = Math.max(0, exact.bitLength() - 60);
    double bits = shift + Math.log(exact.shiftRight(shift).doubleValue()) / Math.log(2);
    return new Space(exact, keys, bits, alphabet, length, from, randomBits);
  }

  /** Beyond 2^1024 a key count is no longer a double: the figures could not be computed. */
  private static final int MAX_BITS = 1024;

  private static QuantityException tooMany() {
    return new QuantityException("too many keys to compute (2^1024 or more)",
        "a shorter length or fewer bits, with fewer than 2^1024 (about 1.8e308) keys");
  }

  /** The smallest L with size^L >= needed (at least 1). */
  private static int shortest(Alphabet alphabet, BigInteger needed) {
    BigInteger size = BigInteger.valueOf(alphabet.size());
    BigInteger power = size;
    int length = 1;
    while (power.compareTo(needed) < 0) {
      power = power.multiply(size);
      length++;
    }
    return length;
  }

  /** Codes in use out of a space: the share used, and the chance that random codes collided. */
  public record Usage(double issued, double fractionUsed, double collisionProbability) {}

  /** At a rate: when the keys run out, and when random codes reach even odds of a collision. */
  public record Exhaustion(double perSecond, double secondsToExhaust, double secondsToEvenCollisionOdds) {}

  /** A space with what is known about its use. */
  public record Sizing(Space space, double evenCollisionOdds, Optional<Usage> usage, Optional<Exhaustion> exhaustion) {}

  /**
   * The figures of {@code space}, with {@code issued} codes in use and a {@code perSecond} rate of
   * new codes, each when known; a rate so slow that the keys would outlast a double is refused.
   */
  public static Sizing figures(Space space, OptionalDouble issued, OptionalDouble perSecond) {
    double n = space.keys();
    double even = BIRTHDAY_FACTOR * Math.sqrt(n);
    Optional<Usage> usage = Optional.empty();
    if (issued.isPresent()) {
      double k = issued.getAsDouble();
      // More codes than keys: a collision is certain (the pigeonhole principle).
      double p = k > n ? 1 : -Math.expm1(-k * (k - 1) / (2 * n));
      usage = Optional.of(new Usage(k, k / n, p));
    }
    Optional<Exhaustion> exhaustion = Optional.empty();
    if (perSecond.isPresent()) {
      double r = perSecond.getAsDouble();
      if (Double.isInfinite(n / r)) {
        // 2^1023 keys at one a year: the keys outlast any time a double holds (1.8e308 s).
        throw new QuantityException("too slow for this key space: the keys would last past 1.8e308 seconds",
            "a rate of at least " + dev.envelope.units.Format.sig3(n / Double.MAX_VALUE * 1.001)
                + "/s, or fewer keys");
      }
      exhaustion = Optional.of(new Exhaustion(r, n / r, even / r));
    }
    return new Sizing(space, even, usage, exhaustion);
  }
}
