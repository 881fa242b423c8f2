package dev.envelope.limits;

import dev.envelope.estimate.Sweep;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The resource suite: every command on every file of {@link LimitFiles}, each in a JVM of its own
 * with a 512 MB heap (the heap is the assertion: a run that needs more fails) and a 60 s bound that
 * only catches hangs. Prints one line per run with its exit code, wall time, processor time and peak
 * resident memory (with {@code /usr/bin/time}; {@code ?} without it; the processor time, which
 * another build on the machine hardly changes, counts the JVM's compiler and collector threads
 * too), the machine's load when the run started and
 * what became of it, and exits 1 when a run hangs, crashes, runs out of memory, reports an
 * internal error, takes longer than the bound, or reads a file that is past the limits instead of
 * refusing it. Run by .ci/run after {@code ./mvnw verify}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes dev.envelope.limits.ResourceSuite [FILES-DIR [APP-DIR]]
 * </pre>
 *
 * <p>{@code -Dresources.only=cap-figures.yaml,...} runs those files only. {@code -Dresources.quick=true}
 * (CI) runs one command of each kind of work on the files at the caps, and three on the files that
 * must be refused whole (every command reads a file through the same reader);
 * {@code -Dresources.parallel=2} runs two at a time. APP-DIR (default {@code target}) holds the {@code envelope.jar} to measure and its
 * {@code lib/}: another build's directory measures that build on the same files. A refusal by the
 * work budget (exit 2 for an option, 3 for the file alone, at once) is a pass, shown as
 * {@code refused}: it is what the budget is for.
 *
 * <p>The work budget (docs/errors.md) promises about 10 s a run; timings here are printed, with
 * {@code slow} past 10 s, not asserted, because the machine may be shared. The 60 s bound is six
 * times that.
 */
public final class ResourceSuite {
  private ResourceSuite() {}

  static final long BOUND_SECONDS = 60;

  /** The time a run should take at most on a free 2-core machine (the work budget's). */
  static final double PROMISED_SECONDS = 10;

  /** One run: the file (or none) and the arguments after it. */
  record Run(String file, List<String> args, boolean edge) {
    Run(String file, List<String> args) {
      this(file, args, false);
    }
  }

  /**
   * The largest sweep: two axes of 100 values, {@link Sweep#MAX_COMBINATIONS} combinations; the
   * values separated by semicolons, since 99,100 would read as one number too.
   */
  static List<String> largestSweep() {
    int side = (int) Math.sqrt(Sweep.MAX_COMBINATIONS);
    return List.of("sweep", "{}",
        "--vary", "users.dau=" + IntStream.rangeClosed(1, side).mapToObj(i -> i + "M").collect(Collectors.joining(";")),
        "--vary", "storage.replication=" + IntStream.rangeClosed(1, side).mapToObj(String::valueOf)
            .collect(Collectors.joining(";")));
  }

  static List<Run> runs(List<String> files) {
    List<Run> runs = new ArrayList<>();
    boolean quick = Boolean.getBoolean("resources.quick");
    for (String f : files) {
      runs.add(new Run(f, List.of("validate", "{}")));
      runs.add(new Run(f, List.of("estimate", "{}")));
      if (quick && refusedWhole(f)) {
        // Every command reads a file through the same reader, which refuses these before binding.
        runs.add(new Run(f, List.of("sweep", "{}", "--vary", "users.dau=1M,2M")));
        continue;
      }
      if (quick) {
        // One command of each kind of work: tables, the trees of JSON and explain, budgets, every
        // scenario, the Monte Carlo and the sweep at the work budget's edge (their refusals are
        // rerun at the largest value named), the sensitivity lanes.
        runs.add(new Run(f, List.of("estimate", "{}", "-o", "json")));
        runs.add(new Run(f, List.of("explain", "{}", "-o", "json")));
        runs.add(new Run(f, List.of("check", "{}")));
        runs.add(new Run(f, List.of("estimate", "{}", "--scenarios", "-o", "json")));
        runs.add(new Run(f, largestSweep()));
        runs.add(new Run(f, List.of("sensitivity", "{}")));
        runs.add(new Run(f, List.of("estimate", "{}", "--samples", "1M")));
        continue;
      }
      runs.add(new Run(f, List.of("estimate", "{}", "-o", "json")));
      runs.add(new Run(f, List.of("estimate", "{}", "-o", "csv")));
      runs.add(new Run(f, List.of("estimate", "{}", "--napkin")));
      runs.add(new Run(f, List.of("estimate", "{}", "--explain")));
      runs.add(new Run(f, List.of("explain", "{}")));
      runs.add(new Run(f, List.of("explain", "{}", "-o", "json")));
      runs.add(new Run(f, List.of("check", "{}")));
      runs.add(new Run(f, List.of("estimate", "{}", "--scenarios", "-o", "json")));
      runs.add(new Run(f, List.of("sweep", "{}", "--vary", "users.dau=1M,2M,3M,4M,5M,6M,7M,8M,9M,10M",
          "--vary", "storage.replication=1,2,3,4,5,6,7,8,9,10")));
      runs.add(new Run(f, largestSweep()));
      runs.add(new Run(f, List.of("diff", "{}", "{}")));
      runs.add(new Run(f, List.of("sensitivity", "{}")));
      runs.add(new Run(f, List.of("estimate", "{}", "--histogram", "traffic.total.peak_per_second")));
      runs.add(new Run(f, List.of("estimate", "{}", "--samples", "1M")));
      runs.add(new Run(f, List.of("sla", "{}")));
    }
    return runs;
  }

  /**
   * Whether {@code file} must be refused by every command that reads it (exit 3): the files of
   * 1 MiB hold more than the caps allow, and the one of mistakes is all mistakes.
   */
  static boolean refusedWhole(String file) {
    return !file.startsWith("cap-") || file.equals("cap-errors.yaml");
  }

  /**
   * What became of a run, and whether that is a failure: {@code ok}, {@code refused} (by the work
   * budget or the limits, at once, as promised), {@code exit N} (a usage error or an invalid file that
   * the command names), or {@code FAIL: why}.
   */
  static String verdict(Run run, boolean done, int exit, double wall, String stderr) {
    if (!done || wall > BOUND_SECONDS) {
      return "FAIL: past the " + BOUND_SECONDS + " s bound";
    }
    if (stderr.contains("OutOfMemoryError")) {
      return "FAIL: out of memory";
    }
    if (stderr.contains("internal error") || exit == 70) {
      return "FAIL: internal error";
    }
    if (stderr.contains("Exception in thread") || stderr.contains("\tat ")) {
      return "FAIL: crashed";
    }
    boolean failedBudget = exit == 1 && run.args().get(0).equals("check");
    if (exit != 0 && exit != 2 && exit != 3 && !failedBudget) {
      return "FAIL: exit " + exit;
    }
    boolean located = firstLine(stderr).matches("^[^:]+:\\d+:\\d+: .*");
    if (refusedWhole(run.file()) && !(exit == 3 && located)) {
      return "FAIL: not refused with a located message (exit 3)";
    }
    if (run.edge() && exit != 0 && exit != 1) {
      return "FAIL: refused at the largest value the work budget named";
    }
    if (stderr.contains("past the work budget") || refusedWhole(run.file())) {
      return "refused";
    }
    return exit == 0 ? "ok" : failedBudget ? "budgets failed" : "exit " + exit;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/limits");
    Path app = Path.of(args.length > 1 ? args[1] : "target");
    Path jar = app.resolve("envelope.jar");
    if (!Files.isRegularFile(jar)) {
      System.err.println("resource suite: no " + jar + "; build it with ./mvnw -B -q -DskipTests package");
      System.exit(2);
    }
    LimitFiles.write(dir);
    List<String> names = new ArrayList<>(LimitFiles.all().keySet());
    String only = System.getProperty("resources.only", "");
    if (!only.isEmpty()) {
      names.retainAll(List.of(only.split(",")));
    }
    String cp = jar + File.pathSeparator + app.resolve("lib").resolve("*");
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    int failures = 0;
    long suiteStart = System.nanoTime();
    System.out.println("resource suite: " + jar.toAbsolutePath().normalize() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, java " + System.getProperty("java.version")
        + ", heap -Xmx512m, bound " + BOUND_SECONDS + " s" + (timed ? "" : ", no /usr/bin/time: peak memory ?"));
    System.out.println(String.format(Locale.ROOT, "%-28s %-60s %4s %8s %8s %8s %5s  %s", "file", "command", "exit",
        "wall s", "cpu s", "peak MB", "load", "result"));
    List<Run> runs = runs(names);
    // A suite stopped (Ctrl-C, a CI timeout) stops the run it waits for, rather than leave it running.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
        .forEach(ProcessHandle::destroyForcibly)));
    // Runs go on in parallel (-Dresources.parallel, 1 by default), each with a run at the budget's
    // edge after it when it was refused by the budget; lines are printed in the order of the runs.
    int parallel = Math.max(1, Integer.getInteger("resources.parallel", 1));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
    List<java.util.concurrent.Future<List<Result>>> pending = new ArrayList<>();
    for (Run run : runs) {
      pending.add(pool.submit(() -> {
        Result first = measure(run, dir, cp, timed);
        Run edge = atTheBudget(run, first.stderr());
        return edge == null ? List.of(first) : List.of(first, measure(edge, dir, cp, timed));
      }));
    }
    int count = 0;
    for (java.util.concurrent.Future<List<Result>> f : pending) {
      List<Result> results;
      try {
        results = f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException(e.getCause());
      }
      for (Result result : results) {
        count++;
        System.out.println(result.line());
        if (result.failed()) {
          failures++;
        }
      }
    }
    pool.shutdown();
    System.out.println(String.format(Locale.ROOT, "resource suite: %d runs in %.0f s; %s", count,
        (System.nanoTime() - suiteStart) / 1e9, failures == 0 ? "every run within bounds" : failures + " runs failed"));
    System.exit(failures == 0 ? 0 : 1);
  }

  /** What became of one run: its line of the report, whether it failed, and its standard error. */
  record Result(String line, boolean failed, String stderr) {}

  /** Runs {@code run} on its file in {@code dir}, in a JVM of its own, and measures it. */
  static Result measure(Run run, Path dir, String cp, boolean timed) throws IOException, InterruptedException {
    String file = dir.resolve(run.file()).toString();
    List<String> command = new ArrayList<>();
    Path stats = Files.createTempFile("envelope-resources", ".txt");
    if (timed) {
      command.addAll(List.of("/usr/bin/time", "-o", stats.toString(), "-f", "%e %U %S %M"));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp, "dev.envelope.Main"));
    run.args().forEach(a -> command.add(a.equals("{}") ? file : a));
    Path err = Files.createTempFile("envelope-resources", ".err");
    String load = load();
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
    String cpu = "?";
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    int exit = done ? p.exitValue() : -1;
    if (timed && done) {
      String[] parts = Files.readString(stats, StandardCharsets.UTF_8).trim().lines()
          .reduce((a, b) -> b).orElse("").split("\\s+");
      if (parts.length == 4) {
        wall = Double.parseDouble(parts[0]);
        cpu = String.format(Locale.ROOT, "%.2f", Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]));
        peak = String.valueOf(Long.parseLong(parts[3]) / 1024);
      }
    }
    Files.delete(err);
    Files.delete(stats);
    String verdict = verdict(run, done, exit, wall, stderr);
    String why = verdict.equals("ok") ? "" : " " + firstLine(stderr);
    String shown = (run.edge() ? "[at budget] " : "") + String.join(" ", run.args())
        .replace("{}", run.file().replace(".yaml", ""));
    String line = String.format(Locale.ROOT, "%-28s %-60s %4s %8.2f %8s %8s %5s  %s%s%s", run.file(),
        shown.length() > 60 ? shown.substring(0, 57) + "..." : shown, done ? String.valueOf(exit) : "-", wall, cpu,
        peak, load, verdict, wall > PROMISED_SECONDS && done ? " (slow)" : "", why);
    return new Result(line, verdict.startsWith("FAIL"), stderr);
  }

  /**
   * The run at the edge of the work budget, after {@code run} was refused by it with the largest
   * value that fits ({@code expected --samples of at most 47}): the same command with that many
   * draws, or a sweep of that many combinations, which must then finish within the bounds. Null when
   * {@code run} was not refused so, or was this run already.
   */
  static Run atTheBudget(Run run, String stderr) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("expected (--samples|--vary) of at most ([\\d,]+)")
        .matcher(stderr);
    if (!m.find() || run.edge()) {
      return null;
    }
    long fits = Long.parseLong(m.group(2).replace(",", ""));
    List<String> args = new ArrayList<>();
    if (m.group(1).equals("--samples")) {
      for (int i = 0; i < run.args().size(); i++) {
        if (run.args().get(i).equals("--samples")) {
          i++;
        } else {
          args.add(run.args().get(i));
        }
      }
      args.addAll(List.of("--samples", String.valueOf(fits)));
    } else {
      args.addAll(List.of("sweep", "{}", "--vary", "users.dau=" + IntStream.rangeClosed(1, (int) Math.min(fits,
          Sweep.MAX_COMBINATIONS)).mapToObj(i -> i + "M").collect(Collectors.joining(";"))));
    }
    return new Run(run.file(), List.copyOf(args), true);
  }

  /** The one-minute load average, for judging a time on a shared machine; "?" where there is none. */
  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String firstLine(String text) {
    String line = text.lines().filter(l -> !l.contains("warning:")).findFirst().orElse("");
    return line.length() > 140 ? line.substring(0, 140) + "..." : line;
  }
}
