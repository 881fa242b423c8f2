package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmark scripts docs/performance.md tells a reader to run (they take minutes and a quiet
 * machine, so no test runs them): each exists, is executable, and parses as bash.
 */
class BenchmarkScriptsTest {
  @Test
  void everyScriptThePerformancePageNamesIsThereAndParses() throws IOException, InterruptedException {
    String page = Files.readString(Path.of("docs/performance.md"));
    Set<String> scripts = new LinkedHashSet<>();
    Matcher m = Pattern.compile("benchmark/[\\w/.-]+\\.sh").matcher(page);
    while (m.find()) {
      scripts.add(m.group());
    }
    assertThat(scripts).contains("benchmark/goals.sh", "benchmark/exp.sh", "benchmark/loops.sh", "benchmark/calibrate.sh");
    for (String script : scripts) {
      Path path = Path.of(script);
      assertThat(path).as(script).isRegularFile();
      assertThat(Files.isExecutable(path)).as(script + " executable").isTrue();
      Process p = new ProcessBuilder("bash", "-n", script).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as(script + ": " + out).isZero();
    }
  }
}
