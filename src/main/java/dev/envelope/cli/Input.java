package dev.envelope.cli;

import dev.envelope.model.EnvelopeException;
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

  static byte[] read(String arg, InputStream stdin) {
    try {
      if (arg.equals("-")) {
        return stdin.readAllBytes();
      }
      Path path = Path.of(arg);
      if (Files.isDirectory(path)) {
        throw new EnvelopeException(EnvelopeException.IO, arg + ": is a directory; expected a requirements file");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new EnvelopeException(EnvelopeException.IO, arg + ": no such file");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new EnvelopeException(EnvelopeException.IO, label(arg) + ": cannot read: " + e.getMessage());
    }
  }
}
