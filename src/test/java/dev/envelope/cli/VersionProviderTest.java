package dev.envelope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VersionProviderTest {
  static final Map<String, String> RUNTIME = Map.of(
      "java.version", "17.0.15",
      "java.vendor", "Debian",
      "java.vm.name", "OpenJDK 64-Bit Server VM",
      "java.vm.version", "17.0.15+6-Debian-1deb12u1",
      "os.name", "Linux",
      "os.version", "6.1.0",
      "os.arch", "amd64");

  @Test
  void versionCommitRuntimeAndSystem() {
    Properties build = new Properties();
    build.setProperty("version", "1.2.0");
    build.setProperty("commit", "0123456789ab");
    assertThat(VersionProvider.lines(build, RUNTIME::get)).containsExactly(
        "envelope 1.2.0 (commit 0123456789ab)",
        "Java 17.0.15 (Debian, OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1)",
        "Linux 6.1.0 (amd64)");
  }

  @Test
  void aBuildWithoutGitOrWithoutPropertiesStillNamesItsVersion() {
    Properties noGit = new Properties();
    noGit.setProperty("version", "1.2.0");
    noGit.setProperty("commit", "unknown");
    assertThat(VersionProvider.lines(noGit, RUNTIME::get)[0]).isEqualTo("envelope 1.2.0");
    assertThat(VersionProvider.lines(new Properties(), RUNTIME::get)[0]).isEqualTo("envelope dev");
  }

  @Test
  void theBuildRecordsTheProjectVersion() {
    // target/classes holds the build.properties the build wrote, whatever the commit.
    CliRun run = CliRun.run("--version");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).as(run.toString()).startsWith("envelope " + System.getProperty("envelope.version", "0."))
        .contains("\nJava " + System.getProperty("java.version") + " (");
  }
}
