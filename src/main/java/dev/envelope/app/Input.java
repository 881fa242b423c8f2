package dev.envelope.app;

import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an input file, or standard input for {@code -}; failures exit with code 4. */
public final class Input {
  public static final String STDIN = "<stdin>";

  private Input() {}

  /** The name diagnostics use for {@code arg}. */
  public static String label(String arg) {
    return arg.equals("-") ? STDIN : arg;
  }

  /**
   * Whether {@code arg} names an existing file or directory. An argument that cannot be a path
   * (a NUL character) names none.
   */
  public static boolean exists(String arg) {
    try {
      return Files.exists(Path.of(arg));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  public static byte[] read(String arg, InputStream stdin) {
    try {
      if (arg.equals("-")) {
        return stdin.readNBytes(Limits.MAX_FILE_BYTES + 1);
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        throw new EnvelopeException(EnvelopeException.IO, shown(arg) + ": is a directory; expected a requirements file");
      }
      // One byte past the limit is enough for the reader to refuse the file, whatever its size
      // (a device such as /dev/zero has none).
      try (InputStream in = Files.newInputStream(path)) {
        return in.readNBytes(Limits.MAX_FILE_BYTES + 1);
      }
    } catch (StdinClosedException e) {
      throw new EnvelopeException(EnvelopeException.IO, "cannot read standard input (it is closed)");
    } catch (NoSuchFileException e) {
      throw new EnvelopeException(EnvelopeException.IO, shown(arg) + ": no such file");
    } catch (java.nio.file.FileSystemException e) {
      // Its message repeats the path: give the reason alone when there is one ("File name too long").
      String why = e.getReason() != null ? e.getReason() : e.getMessage();
      throw new EnvelopeException(EnvelopeException.IO, shown(label(arg)) + ": cannot read: " + shown(why));
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new EnvelopeException(EnvelopeException.IO, shown(label(arg)) + ": cannot read: " + shown(e.getMessage()));
    }
  }

  /** The longest path Linux accepts (PATH_MAX); a longer argument is no file name and is cut. */
  private static final int MAX_PATH = 4096;

  /** {@code arg} as a message names it: a path in full, anything longer than a path can be cut. */
  public static String shown(String arg) {
    return arg == null || arg.length() <= MAX_PATH ? arg : Diagnostic.got(arg);
  }
}
