package dev.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code $ envelope ...} command that README.md and the pages under docs/ show, beyond the
 * {@code $ ./envelope ...} lines of {@code console} blocks that {@link ReadmeTest} and
 * {@link CommandsDocTest} run, is run from the repository root and must print what the page shows
 * under it, so a reader who pastes it sees the same.
 *
 * <p><b>What is run.</b> In every fenced block (any info string, the fence indented or not, as in a
 * list item), each line {@code $ envelope ...}, and each {@code $ ./envelope ...} outside
 * {@code console} blocks, starts an example. The {@code $ } lines after it that run no envelope
 * command ({@code $ echo $?}) continue that example, in the same shell session. A {@code $ } line
 * before a block's first envelope command fails the test (the example would run without it), and so
 * does an envelope command outside any fenced block.
 *
 * <p><b>What is expected.</b> The lines under a {@code $ } line, up to the next {@code $ } line or
 * the end of the block, with the fence's indentation taken off. Blank lines right before the next
 * {@code $ } line or the end of the block only separate one command from the next on the page and
 * are not output (no command prints an empty last line). Standard output and standard error are
 * compared together, as a terminal shows them: envelope writes standard error as it goes and
 * standard output when it ends, so the error lines come first.
 *
 * <p><b>How it is run.</b> A command that is only envelope and plain words, optionally followed by
 * {@code ; echo $?}, runs in-process (as in {@link CliRun}): a JVM per command would add about a
 * second each, for no other difference. Every other example (pipes into jq, grep, head or awk,
 * redirections, quotes, {@code $ echo $?}) runs in {@code bash -c} from the repository root, with a
 * directory first on PATH holding an {@code envelope} script that runs {@link Main} from this JVM's
 * class path (the freshly compiled classes and their dependencies), and a shell function
 * {@code ./envelope} calling it, so that a page's {@code ./envelope} does not build the jar. These
 * examples start together with the test, two at a time, each test then waiting for its own. The
 * programs a command pipes into must be installed: a missing one fails the test and says how to
 * install it (.ci/run installs jq), never skips it. {@code /dev/full} and a closed standard input
 * behave as on Linux.
 *
 * <p><b>Not run.</b> A block whose fence follows a line {@code <!-- not run: REASON -->} is not
 * run; it is reported as a skipped test with its reason. Keep these few: a command that writes into
 * the working directory, or needs the network or a real release.
 *
 * <p><b>Files shown on a page.</b> {@code <!-- file: PATH -->} before a fenced block says the block
 * is the repository's file PATH, exactly; {@code <!-- excerpt: PATH -->}, that its lines appear
 * together in PATH. {@link #filesShownOnAPageAreTheShippedFiles} checks both, so the file a page
 * shows is the one its commands run on.
 */
class DocShellTest {

  private static final Pattern ENVELOPE = Pattern.compile("(?:\\./)?envelope(?: .*)?");
  /** Words the shell passes on as they are: no quoting, expansion, redirection or separator. */
  private static final Pattern PLAIN = Pattern.compile("(?:\\./)?envelope((?: [^\\s|&;<>()$`\\\\\"'*?\\[\\]#~{}!]+)*)");
  private static final String ECHO_STATUS = "echo $?";
  private static final Pattern MARKER = Pattern.compile("\\s*<!-- (not run|file|excerpt): (.+?) -->\\s*");
  private static final Pattern PIPED_INTO = Pattern.compile("\\|\\s*([A-Za-z0-9_.-]+)");
  /** Printed between the commands of one example run in the shell, to compare each with its lines. */
  private static final String BETWEEN = "\u0001--- next command ---\u0001\n";

  @TempDir static Path bin;

  private static final Map<String, Boolean> installed = new HashMap<>();

  /** One {@code $ } line and the lines the page shows under it. */
  record Command(String line, String expected) {}

  /** An envelope command and the {@code $ } lines that continue it, at a page's line. */
  record Example(String page, int lineNumber, List<Command> commands, String notRun) {
    String name() {
      return page + ":" + lineNumber + ": " + String.join(" then ", commands.stream().map(Command::line).toList());
    }
  }

  /** A {@code <!-- file: -->} or {@code <!-- excerpt: -->} block. */
  record Shown(String page, int lineNumber, String kind, String path, String text) {}

  /** A page read into its examples and the files it shows. */
  record Page(List<Example> examples, List<Shown> shown) {}

  @TestFactory
  Stream<DynamicTest> everyCommandOnAPagePrintsWhatThePageShows() throws IOException {
    List<Example> examples = new ArrayList<>();
    for (Path page : pages()) {
      examples.addAll(read(page).examples());
    }
    long commands = examples.stream().filter(e -> e.notRun() == null).mapToLong(e -> e.commands().size()).sum();
    assertThat(commands).as("commands found on the pages").isGreaterThan(50);
    assertThat(examples.stream().filter(e -> e.notRun() != null)).as("examples marked not run: keep them few").hasSizeLessThan(4);
    // Each shell example starts a JVM, most of a second of CPU: two at a time keep two cores busy
    // while the in-process examples run.
    ExecutorService shells = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "DocShellTest-bash");
      t.setDaemon(true);
      return t;
    });
    Map<Example, Future<Run>> started = new HashMap<>();
    for (Example e : examples) {
      if (e.notRun() == null && !plain(e.commands())) {
        started.put(e, shells.submit(() -> inShell(e)));
      }
    }
    shells.shutdown();
    return examples.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
      Assumptions.assumeTrue(e.notRun() == null, () -> "not run: " + e.notRun());
      String expected = String.join(BETWEEN, e.commands().stream().map(Command::expected).toList());
      Run run = started.containsKey(e) ? result(started.get(e)) : inProcess(e.commands());
      assertThat(run.output()).as("%s:%d, run %s", e.page(), e.lineNumber(), run.how()).isEqualTo(expected);
    }));
  }

  private static Run result(Future<Run> run) throws Throwable {
    try {
      return run.get(300, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause(); // a missing jq, say, with its own message
    }
  }

  @Test
  void filesShownOnAPageAreTheShippedFiles() throws IOException {
    List<Shown> shown = new ArrayList<>();
    for (Path page : pages()) {
      shown.addAll(read(page).shown());
    }
    assertThat(shown).extracting(Shown::path).contains("docs/examples/photos.yaml", "docs/examples/invalid/shop.yaml");
    for (Shown s : shown) {
      Path file = Path.of(s.path());
      assertThat(file).as("%s:%d names %s", s.page(), s.lineNumber(), s.path()).isRegularFile();
      String content = Files.readString(file, StandardCharsets.UTF_8);
      if (s.kind().equals("file")) {
        assertThat(s.text()).as("%s:%d shows %s; they must be the same", s.page(), s.lineNumber(), s.path()).isEqualTo(content);
      } else {
        assertThat(content).as("%s:%d shows an excerpt of %s", s.page(), s.lineNumber(), s.path()).contains(s.text());
      }
    }
  }

  @Test
  void readsTheBlocksOfAPageAsTheJavadocSays() {
    List<String> lines = List.of(
        "text",
        "```",
        "$ envelope a; echo $?",
        "out 1",
        "",
        "out 2",
        "2",
        "",
        "$ envelope b",
        "$ echo $?",
        "0",
        "```",
        "- item:",
        "",
        "  <!-- not run: needs the network -->",
        "  ```sh",
        "  $ ./envelope c | jq .",
        "  {}",
        "  ```",
        "```console",
        "$ ./envelope d",
        "left to CommandsDocTest",
        "$ envelope e",
        "e",
        "```",
        "<!-- excerpt: x.yaml -->",
        "```yaml",
        "a: 1",
        "```");
    Page page = read("p.md", lines);
    assertThat(page.examples()).containsExactly(
        new Example("p.md", 3, List.of(new Command("envelope a; echo $?", "out 1\n\nout 2\n2\n")), null),
        new Example("p.md", 9, List.of(new Command("envelope b", ""), new Command("echo $?", "0\n")), null),
        new Example("p.md", 17, List.of(new Command("./envelope c | jq .", "{}\n")), "needs the network"),
        new Example("p.md", 23, List.of(new Command("envelope e", "e\n")), null));
    assertThat(page.shown()).containsExactly(new Shown("p.md", 27, "excerpt", "x.yaml", "a: 1\n"));
  }

  @Test
  void aPlainCommandRunsInProcessAsInTheShellWithItsExitStatusCarriedToTheNextLine() throws Exception {
    // validate prints "valid" on standard output and the file's three warnings on standard error
    // (docs/commands.md shows them): a terminal shows the warnings first, in-process as in bash.
    List<Command> commands = List.of(new Command("envelope validate docs/examples/warnings/shortener.yaml; echo $?", ""),
        new Command("echo $?", ""));
    assertThat(plain(commands)).isTrue();
    Run inProcess = inProcess(commands);
    List<String> lines = inProcess.output().lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.subList(0, 3)).allMatch(l -> l.startsWith("docs/examples/warnings/shortener.yaml:") && l.contains(": warning: "));
    // validate exits with 0 on warnings; echo $? then exits with 0 too.
    assertThat(lines.subList(3, 7)).containsExactly("docs/examples/warnings/shortener.yaml: valid", "0", BETWEEN.strip(), "0");
    assertThat(inShell(new Example("p.md", 1, commands, null)).output()).isEqualTo(inProcess.output());
    // An exit status other than 0 reaches a following $ echo $? line.
    assertThat(inProcess(List.of(new Command("envelope sla 7.2", ""), new Command("echo $?", ""))).output())
        .endsWith(BETWEEN + "2\n");
    assertThat(plain(List.of(new Command("envelope sla 99 | head -1", "")))).isFalse();
    assertThat(plain(List.of(new Command("envelope sla \"3 nines\"", "")))).isFalse();
    assertThat(plain(List.of(new Command("envelope sla 4", ""), new Command("cat x", "")))).isFalse();
  }

  @Test
  void findsTheProgramsACommandPipesIntoAndFailsWhenOneIsMissing() {
    assertThat(pipedInto("envelope x -o json | jq -c '.a | map_values(.b)' | head -12")).containsExactly("jq", "head");
    assertThat(pipedInto("envelope sla \"a | b\" | grep -e x")).containsExactly("grep");
    assertThat(pipedInto("envelope x; echo $?")).isEmpty();
    assertThat(catchThrowable(() -> requireInstalled("no-such-program-for-envelope-docs", "p.md:3")))
        .isInstanceOf(AssertionError.class)
        .hasMessage("no-such-program-for-envelope-docs is not installed, and the command at p.md:3 pipes into it; install it"
            + " (apt-get install no-such-program-for-envelope-docs, brew install no-such-program-for-envelope-docs),"
            + " as .ci/run does for jq");
    requireInstalled("bash", "p.md:3");
  }

  @Test
  void aCommandOutsideABlockOrAfterAnotherShellCommandAndAStrayMarkerAreRefused() {
    assertThat(catchThrowable(() -> read("p.md", List.of("$ envelope a"))))
        .hasMessageContaining("p.md:1").hasMessageContaining("outside a fenced block");
    assertThat(catchThrowable(() -> read("p.md", List.of("```", "$ cd x", "$ envelope a", "```"))))
        .hasMessageContaining("p.md:2").hasMessageContaining("before the block's first envelope command");
    assertThat(catchThrowable(() -> read("p.md", List.of("<!-- file: a.yaml -->", "text", "```", "a: 1", "```"))))
        .hasMessageContaining("p.md:1").hasMessageContaining("must come right before a fenced block");
    assertThat(catchThrowable(() -> read("p.md", List.of("<!-- not run: stale -->", "```", "$ ./mvnw -B verify", "```"))))
        .hasMessageContaining("p.md:1").hasMessageContaining("runs no envelope command");
  }

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> files = Files.walk(Path.of("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  static Page read(Path page) throws IOException {
    return read(page.toString(), Files.readAllLines(page, StandardCharsets.UTF_8));
  }

  static Page read(String page, List<String> lines) {
    List<Example> examples = new ArrayList<>();
    List<Shown> shown = new ArrayList<>();
    String marker = null;
    String markerValue = null;
    int markerLine = 0;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      String stripped = line.strip();
      Matcher m = MARKER.matcher(line);
      if (m.matches()) {
        marker = m.group(1);
        markerValue = m.group(2);
        markerLine = i + 1;
        i++;
        continue;
      }
      if (!stripped.startsWith("```")) {
        if (stripped.startsWith("$ ") && ENVELOPE.matcher(stripped.substring(2)).matches()) {
          throw new IllegalStateException(page + ":" + (i + 1) + ": an envelope command outside a fenced block; put it in one (```) so that it is run");
        }
        if (marker != null && !stripped.isEmpty()) {
          throw new IllegalStateException(page + ":" + markerLine + ": '<!-- " + marker + ": -->' must come right before a fenced block");
        }
        i++;
        continue;
      }
      String indent = line.substring(0, line.indexOf('`'));
      String info = stripped.substring(3).strip();
      int fence = i;
      List<String> body = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        String l = lines.get(i);
        body.add(l.startsWith(indent) ? l.substring(indent.length()) : l.strip());
      }
      i++;
      if ("file".equals(marker) || "excerpt".equals(marker)) {
        shown.add(new Shown(page, fence + 1, marker, markerValue, body.isEmpty() ? "" : String.join("\n", body) + "\n"));
      }
      List<Example> found = examples(page, fence + 2, info.equals("console"), body, "not run".equals(marker) ? markerValue : null);
      if ("not run".equals(marker) && found.isEmpty()) {
        throw new IllegalStateException(page + ":" + markerLine + ": '<!-- not run: -->' before a block that runs no envelope command");
      }
      examples.addAll(found);
      marker = null;
    }
    return new Page(examples, shown);
  }

  /** The examples of one block, whose first body line is the page's line {@code first}. */
  private static List<Example> examples(String page, int first, boolean console, List<String> body, String notRun) {
    List<Example> examples = new ArrayList<>();
    List<Command> commands = null;
    boolean covered = false; // after a console block's ./envelope line, left to CommandsDocTest
    for (int j = 0; j < body.size(); j++) {
      String line = body.get(j);
      if (!line.startsWith("$ ")) {
        continue;
      }
      String command = line.substring(2).strip();
      int end = j + 1;
      while (end < body.size() && !body.get(end).startsWith("$ ")) {
        end++;
      }
      int last = end;
      while (last > j + 1 && body.get(last - 1).isBlank()) {
        last--;
      }
      StringBuilder expected = new StringBuilder();
      body.subList(j + 1, last).forEach(l -> expected.append(l).append('\n'));
      if (ENVELOPE.matcher(command).matches()) {
        covered = console && command.startsWith("./envelope");
        if (covered) {
          commands = null;
          continue;
        }
        commands = new ArrayList<>();
        commands.add(new Command(command, expected.toString()));
        examples.add(new Example(page, first + j, commands, notRun));
      } else if (commands != null) {
        commands.add(new Command(command, expected.toString()));
      } else if (!covered && body.stream().anyMatch(l -> l.startsWith("$ ") && ENVELOPE.matcher(l.substring(2).strip()).matches()
          && !(console && l.startsWith("$ ./envelope")))) {
        throw new IllegalStateException(page + ":" + (first + j) + ": '" + line
            + "' comes before the block's first envelope command, which would run without it");
      }
    }
    return examples.stream().map(e -> new Example(e.page(), e.lineNumber(), List.copyOf(e.commands()), e.notRun())).toList();
  }

  /** The output of an example, and how it was run (for the failure message). */
  record Run(String output, String how) {}

  /**
   * Whether the example is one plain envelope command, with or without {@code ; echo $?} and
   * {@code $ echo $?} lines after it: then it runs in-process.
   */
  static boolean plain(List<Command> commands) {
    return PLAIN.matcher(withoutEcho(commands.get(0).line())).matches()
        && commands.stream().skip(1).allMatch(c -> c.line().equals(ECHO_STATUS));
  }

  private static String withoutEcho(String line) {
    String echo = "; " + ECHO_STATUS;
    return line.endsWith(echo) ? line.substring(0, line.length() - echo.length()) : line;
  }

  /** Runs a {@link #plain} example in-process, as the shell would show it. */
  static Run inProcess(List<Command> commands) {
    String first = commands.get(0).line();
    boolean echo = !withoutEcho(first).equals(first);
    Matcher m = PLAIN.matcher(withoutEcho(first));
    assertThat(plain(commands) && m.matches()).as("a plain envelope command: %s", first).isTrue();
    String words = m.group(1).strip();
    CliRun run = CliRun.run(words.isEmpty() ? new String[0] : words.split(" "));
    List<String> outputs = new ArrayList<>();
    outputs.add(run.err() + run.out() + (echo ? run.exitCode() + "\n" : ""));
    int status = echo ? 0 : run.exitCode();
    for (int k = 1; k < commands.size(); k++) {
      outputs.add(status + "\n");
      status = 0;
    }
    return new Run(String.join(BETWEEN, outputs), "in-process: " + run.toString().replace("\n", "\n  "));
  }

  /** Runs the example in one bash, with envelope on the PATH, from the repository root. */
  static Run inShell(Example e) throws IOException, InterruptedException {
    for (Command c : e.commands()) {
      for (String tool : pipedInto(c.line())) {
        requireInstalled(tool, e.page() + ":" + e.lineNumber());
      }
    }
    StringBuilder script = new StringBuilder("./envelope() { envelope \"$@\"; }\n");
    for (int k = 0; k < e.commands().size(); k++) {
      if (k > 0) {
        script.append("status=$?; printf '%s' '").append(BETWEEN).append("'; (exit $status)\n");
      }
      script.append(e.commands().get(k).line()).append('\n');
    }
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("PATH", wrapper() + File.pathSeparator + builder.environment().getOrDefault("PATH", ""));
    Process bash = builder.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = bash.getInputStream()) {
      in.transferTo(out);
    }
    if (!bash.waitFor(120, TimeUnit.SECONDS)) {
      bash.destroyForcibly();
      throw new AssertionError("bash did not finish in 120 s:\n" + script);
    }
    return new Run(out.toString(StandardCharsets.UTF_8), "in bash (exit " + bash.exitValue() + "):\n" + script);
  }

  /** The directory of the {@code envelope} script that runs this JVM's classes, made once. */
  static synchronized Path wrapper() throws IOException {
    Path envelope = bin.resolve("envelope");
    if (!Files.exists(envelope)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      // The launcher's options for a short run (src/dist/bin/envelope), without its archive.
      Files.writeString(envelope, "#!/bin/sh\nexec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
          + quote(System.getProperty("java.class.path")) + " " + Main.class.getName() + " \"$@\"\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(envelope, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The programs a command line pipes into, leaving out {@code |} inside quotes (jq's own pipes). */
  static List<String> pipedInto(String line) {
    String unquoted = line.replaceAll("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"", "''");
    List<String> tools = new ArrayList<>();
    Matcher m = PIPED_INTO.matcher(unquoted);
    while (m.find()) {
      tools.add(m.group(1));
    }
    return tools;
  }

  /** Fails, never skips, when a program a page pipes into is missing: the page would go untested. */
  static void requireInstalled(String tool, String where) {
    if (!installed(tool)) {
      throw new AssertionError(tool + " is not installed, and the command at " + where + " pipes into it; install it"
          + " (apt-get install " + tool + ", brew install " + tool + "), as .ci/run does for jq");
    }
  }

  private static synchronized boolean installed(String tool) {
    return installed.computeIfAbsent(tool, t -> {
      try {
        Process p = new ProcessBuilder("bash", "-c", "command -v \"$0\"", t).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
  }
}
