package dev.envelope.properties;

import dev.envelope.OutputSafety;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random names for a workload, a component and a scenario, drawn mostly from the characters that
 * attack an output (controls, bidi overrides, separators, Markdown, HTML and CSV syntax), never yield
 * a raw control character, a formula, HTML, a link or an extra table column in any format
 * ({@link OutputSafety#assertSafeWithNames}). Fixed seed; the fuzz test {@code OutputFuzzTest} draws
 * them from Jazzer instead.
 */
class HostileNamesPropertiesTest {
  private static final int NAMES = 12;
  private static final String NASTY = "\u0000\u0007\u0008\t\n\u000b\f\r\u001b\u007f\u0085\u009b\u061c\u200e\u200f"
      + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029=+-@<>&|*_`~[]()!#\\\"',.: ";

  @TempDir Path dir;

  @Test
  void randomNamesAreSafeInEveryFormat() throws IOException {
    SplittableRandom r = new SplittableRandom(20_240_601);
    for (int i = 0; i < NAMES; i++) {
      OutputSafety.assertSafeWithNames(dir, name(r), name(r), name(r));
    }
  }

  /** One to 12 characters: three in four from {@link #NASTY}, the others letters, an emoji or an accent. */
  static String name(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int length = r.nextInt(1, 13);
    for (int i = 0; i < length; i++) {
      switch (r.nextInt(8)) {
        case 0 -> sb.append((char) ('a' + r.nextInt(26)));
        case 1 -> sb.append(r.nextBoolean() ? "\ud83d\ude00" : "\u00e9");
        default -> sb.append(NASTY.charAt(r.nextInt(NASTY.length())));
      }
    }
    return sb.toString();
  }
}
