package dev.envelope.cli;

import dev.envelope.app.Input;
import dev.envelope.diagnostic.EnvelopeException;
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
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a file whole or not at all: a temporary file beside it, then a rename over it. */
final class Output {
  private Output() {}

  /**
   * Writes {@code text} to {@code file}. An existing file is a command-line error (exit 2) unless
   * {@code force}, and then only a regular file (or a symbolic link, which is replaced itself, its
   * target untouched) is replaced: a directory, a FIFO, a device or a socket in its place, or a name
   * ending in / (which can only name a directory), is refused with exit 4, whatever {@code force}.
   * A failure to write is exit 4 too, and leaves neither a partial file nor the temporary.
   */
  static void writeAtomically(String file, String text, boolean force) {
    if (file.isEmpty()) {
      throw new EnvelopeException(EnvelopeException.USAGE, "an empty file name; expected a file name, or - to print");
    }
    Path target;
    try {
      target = Path.of(file);
    } catch (InvalidPathException e) {
      throw new EnvelopeException(EnvelopeException.IO, Input.shown(file) + ": cannot write: " + e.getReason());
    }
    // Path.of drops a trailing separator ("newdir/" is "newdir"), so it is checked as written.
    if (file.endsWith("/") || file.endsWith(java.io.File.separator) || target.getFileName() == null) {
      throw notAFile(file, Files.isDirectory(target) ? "is a directory" : "ends in /, which names a directory");
    }
    refuseAllButRegularFiles(file, target);
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new EnvelopeException(EnvelopeException.USAGE,
          Input.shown(file) + ": already exists; expected a new file name, or --force to overwrite it");
    }
    Path parent = target.toAbsolutePath().getParent();
    // Hidden, and named after the target, so that a leftover from a killed run is recognisable.
    Path temporary = parent.resolve("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true); // on disk before the rename makes it visible
    } catch (IOException e) {
      delete(temporary);
      throw cannotWrite(file, target, e);
    }
    install(file, temporary, target, force);
  }

  /**
   * Renames the written {@code temporary} to {@code target}, or deletes it and says why not. The
   * target is looked at once more first: the rename would replace whatever is there by then.
   */
  static void install(String file, Path temporary, Path target, boolean force) {
    try {
      refuseAllButRegularFiles(file, target);
      move(temporary, target, force);
    } catch (EnvelopeException e) {
      delete(temporary);
      throw e;
    } catch (FileAlreadyExistsException e) {
      delete(temporary);
      throw new EnvelopeException(EnvelopeException.USAGE,
          Input.shown(file) + ": already exists; expected a new file name, or --force to overwrite it");
    } catch (IOException e) {
      delete(temporary);
      throw cannotWrite(file, target, e);
    }
  }

  private static EnvelopeException cannotWrite(String file, Path target, IOException e) {
    // The directory as the user wrote it: the message must not depend on where envelope runs.
    Path given = target.getParent() == null ? Path.of(".") : target.getParent();
    return new EnvelopeException(EnvelopeException.IO, Input.shown(file) + ": cannot write: "
        + Input.shown(reason(e, given)));
  }

  /**
   * Refuses a target that is there and is neither a regular file nor a symbolic link (the link
   * itself, not what it points to: the rename replaces the link). As root, a rename would replace a
   * device node such as /dev/full by a regular file, and it would make a FIFO or a socket another
   * program uses a file.
   */
  private static void refuseAllButRegularFiles(String file, Path target) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return; // nothing there (or nothing that can be looked at): writing will tell
    }
    if (attributes.isDirectory()) {
      throw notAFile(file, "is a directory");
    }
    if (attributes.isOther()) {
      throw notAFile(file, "is " + special(target) + ", not a regular file");
    }
  }

  private static EnvelopeException notAFile(String file, String what) {
    return new EnvelopeException(EnvelopeException.IO,
        file + ": " + what + "; expected a new file name, or a regular file to overwrite with --force");
  }

  /** What kind of special file {@code path} is, from its Unix mode where the platform gives it. */
  private static String special(Path path) {
    try {
      int type = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
      switch (type) {
        case S_IFIFO:
          return "a FIFO (named pipe)";
        case S_IFCHR:
        case S_IFBLK:
          return "a device";
        case S_IFSOCK:
          return "a socket";
        default:
          break;
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      // not a Unix file system: the generic word below
    }
    return "a special file";
  }

  // File types of stat(2)'s st_mode (POSIX <sys/stat.h>), the same on Linux and macOS.
  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFSOCK = 0140000;

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
