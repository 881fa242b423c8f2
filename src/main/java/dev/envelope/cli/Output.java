package dev.envelope.cli;

import dev.envelope.model.EnvelopeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a file whole or not at all: a temporary file beside it, then a rename over it. */
final class Output {
  private Output() {}

  /**
   * Writes {@code text} to {@code file}. An existing file is a command-line error (exit 2) unless
   * {@code force}; a failure to write is exit 4 and leaves neither a partial file nor the temporary.
   */
  static void writeAtomically(String file, String text, boolean force) {
    Path target;
    try {
      target = Path.of(file);
    } catch (InvalidPathException e) {
      throw new EnvelopeException(EnvelopeException.IO, Input.shown(file) + ": cannot write: " + e.getReason());
    }
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          Input.shown(file) + ": already exists; expected a new file name, or --force to overwrite it");
    }
    Path parent = target.toAbsolutePath().getParent();
    // Hidden, and named after the target, so that a leftover from a killed run is recognisable.
    Path temporary = parent.resolve("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true); // on disk before the rename makes it visible
      }
      move(temporary, target, force);
    } catch (FileAlreadyExistsException e) {
      delete(temporary);
      throw new EnvelopeException(EnvelopeException.USAGE,
          Input.shown(file) + ": already exists; expected a new file name, or --force to overwrite it");
    } catch (IOException e) {
      delete(temporary);
      // The directory as the user wrote it: the message must not depend on where envelope runs.
      Path given = target.getParent() == null ? Path.of(".") : target.getParent();
      throw new EnvelopeException(EnvelopeException.IO, Input.shown(file) + ": cannot write: "
          + Input.shown(reason(e, given)));
    }
  }

  /**
   * Renames {@code temporary} to {@code target}: atomically where the file system can, else a plain
   * move. Without {@code force} the rename refuses an existing target, so a file that appeared since
   * the check is not replaced either.
   */
  static void move(Path temporary, Path target, boolean force) throws IOException {
    if (!force) {
      Files.move(temporary, target);
      return;
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void delete(Path temporary) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // The write already failed; that is the error to report.
    }
  }

  private static String reason(IOException e, Path parent) {
    if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
      return "no such directory " + parent;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied in " + parent;
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage();
  }
}
