package dev.envelope.limits;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The resource suite: every command on every file of {@link LimitFiles}, each in a JVM of its own
 * with a 512 MB heap (the heap is the assertion: a run that needs more fails) and a 60 s bound that
 * only catches hangs. Prints one line per run with its exit code, wall time and peak resident
 * memory, and exits non-zero when a run hangs, crashes, runs out of memory or reports an internal
 * error. Run by .ci/run: {@code java -cp target/test-classes:target/classes dev.envelope.limits.ResourceSuite}.
 *
 * <p>The work budget (docs/errors.md) promises 10 s a run; timings here are printed, not asserted,
 * because the machine may be shared. The 60 s bound is six times that.
 */
public final class ResourceSuite {
  private ResourceSuite() {}

  static final long BOUND_SECONDS = 60;

  /** One run: the file (or none) and the arguments after it. */
  record Run(String file, List<String> args) {}

  static List<Run> runs(List<String> files) {
    List<Run> runs = new ArrayList<>();
    for (String f : files) {
      runs.add(new Run(f, List.of("validate", "{}")));
      runs.add(new Run(f, List.of("estimate", "{}")));
      runs.add(new Run(f, List.of("estimate", "{}", "-o", "json")));
      runs.add(new Run(f, List.of("estimate", "{}", "-o", "csv")));
      runs.add(new Run(f, List.of("estimate", "{}", "--napkin")));
      runs.add(new Run(f, List.of("explain", "{}")));
      runs.add(new Run(f, List.of("explain", "{}", "-o", "json")));
      runs.add(new Run(f, List.of("check", "{}")));
      runs.add(new Run(f, List.of("estimate", "{}", "--scenarios", "-o", "json")));
      runs.add(new Run(f, List.of("sweep", "{}", "--vary", "users.dau=1M,2M,3M,4M,5M,6M,7M,8M,9M,10M",
          "--vary", "storage.replication=1,2,3,4,5,6,7,8,9,10")));
      runs.add(new Run(f, List.of("diff", "{}", "{}")));
      runs.add(new Run(f, List.of("sensitivity", "{}")));
      runs.add(new Run(f, List.of("estimate", "{}", "--histogram", "traffic.total.peak_per_second")));
      runs.add(new Run(f, List.of("estimate", "{}", "--samples", "1M")));
      runs.add(new Run(f, List.of("sla", "{}")));
    }
    return runs;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/limits");
    Path app = Path.of(args.length > 1 ? args[1] : "target");
    LimitFiles.write(dir);
    List<String> names = new ArrayList<>(LimitFiles.all().keySet());
    String cp = app.resolve("envelope.jar") + File.pathSeparator + app.resolve("lib").resolve("*");
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    int failures = 0;
    System.out.println(String.format(Locale.ROOT, "%-22s %-60s %4s %8s %9s", "file", "command", "exit", "wall s",
        "peak MB"));
    for (Run run : runs(names)) {
      String file = dir.resolve(run.file()).toString();
      List<String> command = new ArrayList<>();
      Path stats = Files.createTempFile("envelope-resources", ".txt");
      if (timed) {
        command.addAll(List.of("/usr/bin/time", "-o", stats.toString(), "-f", "%e %M"));
      }
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp, "dev.envelope.Main"));
      run.args().forEach(a -> command.add(a.equals("{}") ? file : a));
      Path err = Files.createTempFile("envelope-resources", ".err");
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(err.toFile()).start();
      boolean done = p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
      }
      double wall = (System.nanoTime() - start) / 1e9;
      String peak = "?";
      if (timed && done) {
        String[] parts = Files.readString(stats, StandardCharsets.UTF_8).trim().split("\\s+");
        if (parts.length == 2) {
          wall = Double.parseDouble(parts[0]);
          peak = String.valueOf(Long.parseLong(parts[1]) / 1024);
        }
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      Files.delete(err);
      Files.delete(stats);
      int exit = done ? p.exitValue() : -1;
      String problem = !done ? "HUNG past " + BOUND_SECONDS + " s"
          : exit > 4 ? "exit " + exit
          : stderr.contains("OutOfMemoryError") ? "out of memory"
          : stderr.contains("internal error") ? "internal error"
          : "";
      String shown = String.join(" ", run.args()).replace("{}", run.file().replace(".yaml", ""));
      System.out.println(String.format(Locale.ROOT, "%-22s %-60s %4s %8.2f %9s %s", run.file(),
          shown.length() > 60 ? shown.substring(0, 57) + "..." : shown, done ? String.valueOf(exit) : "-", wall, peak,
          problem.isEmpty() ? "" : "FAIL: " + problem + " " + firstLine(stderr)));
      if (!problem.isEmpty()) {
        failures++;
      }
    }
    System.out.println(failures == 0 ? "resource suite: every run within bounds"
        : "resource suite: " + failures + " runs failed");
    System.exit(failures == 0 ? 0 : 1);
  }

  private static String firstLine(String text) {
    String line = text.lines().filter(l -> !l.contains("warning:")).findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
