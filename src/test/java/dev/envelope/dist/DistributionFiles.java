package dev.envelope.dist;

import dev.envelope.cli.Cli;
import dev.envelope.cli.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the distribution's generated files from the command line itself, so that they cannot
 * drift from it: the shell completion script (picocli's, which serves bash and, through
 * bashcompinit, zsh) and one AsciiDoc man page per command, which the dist profile renders to
 * troff. Run by the dist profile (exec-maven-plugin) with the output directory as argument.
 */
public final class DistributionFiles {
  private DistributionFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DistributionFiles OUTPUT_DIRECTORY");
    }
    Path out = Path.of(args[0]);
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    CommandLine cli = Cli.commandLine(new Context(discard, discard, InputStream.nullInputStream(), Map.of(), false));

    Path completion = out.resolve("completion");
    Files.createDirectories(completion);
    String script = dev.envelope.cli.Completion.bash(cli);
    Files.writeString(completion.resolve("envelope.bash"), script, StandardCharsets.UTF_8);
    Files.writeString(completion.resolve("envelope.zsh"), script, StandardCharsets.UTF_8);

    Path pages = out.resolve("man-adoc");
    Files.createDirectories(pages);
    int code = ManPageGenerator.generateManPage(pages.toFile(), null, new boolean[0], false, cli.getCommandSpec());
    if (code != 0) {
      throw new IOException("man page generation failed with exit code " + code);
    }
    try (java.util.stream.Stream<Path> adoc = Files.list(pages)) {
      for (Path page : adoc.filter(p -> p.toString().endsWith(".adoc")).toList()) {
        Files.writeString(page, escapeReplacements(Files.readString(page, StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * {@code adoc} with the arrows that Asciidoctor's replacements would turn into symbols escaped:
   * a budget {@code "<= 40"} would print as {@code "⇐ 40"}, in a description and in the indented
   * text of a command or an option alike (picocli writes no literal block); but not in the Name
   * section, whose purpose line Asciidoctor takes without substitutions, where a backslash would print.
   */
  static String escapeReplacements(String adoc) {
    String[] lines = adoc.split("\n", -1);
    boolean name = false;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals("== Name")) {
        name = true;
      } else if (name && lines[i].startsWith("==")) {
        name = false;
      }
      // The Name section's purpose line is taken as it is (no substitutions), so it keeps its arrows.
      if (!name) {
        lines[i] = lines[i].replace("<=", "\\<=").replace("=>", "\\=>");
      }
    }
    return String.join("\n", lines);
  }
}
