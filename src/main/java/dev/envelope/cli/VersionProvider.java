package dev.envelope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.function.UnaryOperator;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code envelope --version}: the version and commit the build recorded in {@code build.properties}
 * (see the build-properties execution in the pom), then the Java runtime and the operating system
 * it runs on, for bug reports.
 */
final class VersionProvider implements IVersionProvider {
  static final String BUILD_PROPERTIES = "/dev/envelope/build.properties";

  @Override
  public String[] getVersion() {
    return lines(buildProperties(), System::getProperty);
  }

  /** The lines for a build's properties and a runtime's system properties. */
  static String[] lines(Properties build, UnaryOperator<String> system) {
    String version = build.getProperty("version", "dev");
    String commit = build.getProperty("commit", "");
    return new String[] {
      "envelope " + version + (commit.isEmpty() || commit.equals("unknown") ? "" : " (commit " + commit + ")"),
      "Java " + system.apply("java.version") + " (" + system.apply("java.vendor") + ", "
          + system.apply("java.vm.name") + " " + system.apply("java.vm.version") + ")",
      system.apply("os.name") + " " + system.apply("os.version") + " (" + system.apply("os.arch") + ")"
    };
  }

  private static Properties buildProperties() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_PROPERTIES)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
