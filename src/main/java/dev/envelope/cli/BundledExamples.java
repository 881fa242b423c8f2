package dev.envelope.cli;

import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of examples/, which the build copies into the jar under {@code examples/}: listed from
 * the jar (or the classes directory, in tests), so a new example needs no code.
 */
final class BundledExamples {
  private static final String DIR = "examples/";
  private static final String SUFFIX = ".yaml";

  private BundledExamples() {}

  /** The example names, sorted: {@code chat}, {@code pastebin}... */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    try {
      CodeSource source = BundledExamples.class.getProtectionDomain().getCodeSource();
      Path location = Path.of(source.getLocation().toURI());
      if (Files.isDirectory(location)) {
        Path dir = location.resolve(DIR);
        if (Files.isDirectory(dir)) {
          try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).forEach(n -> add(names, n));
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (JarEntry e : java.util.Collections.list(jar.entries())) {
            if (e.getName().startsWith(DIR) && e.getName().indexOf('/', DIR.length()) < 0) {
              add(names, e.getName().substring(DIR.length()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return names.stream().sorted().toList();
  }

  private static void add(List<String> names, String file) {
    if (file.endsWith(SUFFIX) && file.length() > SUFFIX.length()) {
      names.add(file.substring(0, file.length() - SUFFIX.length()));
    }
  }

  /** The text of example {@code name}; an unknown name is a command-line error (exit 2). */
  static String read(String name) {
    List<String> names = names();
    if (!names.contains(name)) {
      throw new EnvelopeException(EnvelopeException.USAGE, "--example " + Diagnostic.got(name) + ": no such example; expected one of: "
          + String.join(", ", names));
    }
    try (InputStream in = BundledExamples.class.getResourceAsStream("/" + DIR + name + SUFFIX)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names for picocli's {@code ${COMPLETION-CANDIDATES}}, listed only when help is shown. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return names().iterator();
    }
  }
}
