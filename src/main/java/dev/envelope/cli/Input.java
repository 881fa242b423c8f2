package dev.envelope.cli;

import dev.envelope.model.EnvelopeException;
import dev.envelope.model.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an input file, or standard input for {@code -}; failures exit with code 4. */
final class Input {
  static final String STDIN = "<stdin>";

  private Input() {}

  /** The name diagnostics use for {@code arg}. */
  static String label(String arg) {
    return arg.equals("-") ? STDIN : arg;
  }

  /**
   * Whether {@code arg} names an existing file or directory. An argument that cannot be a path
   * (a NUL character) names none.
   */
  static boolean exists(String arg) {
    try {
      return Files.exists(Path.of(arg));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  static byte[] read(String arg, InputStream stdin) {
    try {
      if (arg.equals("-")) {
        return stdin.readNBytes(Limits.MAX_FILE_BYTES + 1);
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        throw new EnvelopeException(EnvelopeException.IO, arg + ": is a directory; expected a requirements file");
      }
      // One byte past the limit is enough for the reader to refuse the file, whatever its size
      // (a device such as /dev/zero has none).
      try (InputStream in = Files.newInputStream(path)) {
        return in.readNBytes(Limits.MAX_FILE_BYTES + 1);
      }
    } catch (StdinClosedException e) {
      throw new EnvelopeException(EnvelopeException.IO, "cannot read standard input (it is closed)");
    } catch (NoSuchFileException e) {
      throw new EnvelopeException(EnvelopeException.IO, arg + ": no such file");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new EnvelopeException(EnvelopeException.IO, label(arg) + ": cannot read: " + e.getMessage());
    }
  }
}
