package dev.envelope.cli;

import dev.envelope.app.Input;
import dev.envelope.app.Input;
import dev.envelope.app.Session;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Location;
import dev.envelope.model.Requirements;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.diagnostic.Warning;
import dev.envelope.render.JsonRenderer;
import dev.envelope.estimate.Section;
import dev.envelope.render.ValidationReport;
import dev.envelope.render.ValidationReport.FileResult;
import dev.envelope.render.ValidationReport.Outcome;
import dev.envelope.render.YamlRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code envelope validate FILE...}: every problem in every file, without printing estimates. */
final class ValidateCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "Check requirements files without estimating: every problem in every file at once.",
    "Each file is read, and estimated with its own values and with each of its scenarios. Prints FILE: valid"
        + " for each valid file; problems go to standard error. Exits 0 when all files are valid, 3 when any is"
        + " invalid, 4 when any cannot be read (the others are still checked)."
  };

  enum ValidateFormat {
    table,
    json,
    yaml,
    github
  }

  private final Context context;

  final CommandSpec spec;

  List<String> files;

  ValidateFormat format;

  boolean strict;

  ValidateCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "validate", DESCRIPTION);
    spec.usageMessage().footer("%nExample:", "  envelope validate examples/*.yaml", "  envelope validate req.yaml -o json");
    spec.addPositional(Specs.positionals("FILE", "Requirements files, YAML or JSON; - reads standard input.")
        .arity("1..*").required(true).build());
    spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("FORMAT").type(ValidateFormat.class)
        .defaultValue("table").description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE});"
            + " github: GitHub Actions annotations.").build());
    spec.addOption(Specs.flag("--strict",
        "Treat warnings about the inputs (contradictory, implausible or ignored values) as errors."));
  }

  private void read() {
    files = Specs.positionals(spec, 0);
    format = Specs.value(spec, "--output");
    strict = Specs.flag(spec, "--strict");
  }

  @Override
  public Integer call() {
    read();
    if (files.stream().filter("-"::equals).count() > 1) {
      // Standard input is read once: a second - would read nothing and report an empty file.
      throw new EnvelopeException(EnvelopeException.USAGE,
          "validate: - (standard input) is given more than once; expected it at most once");
    }
    List<FileResult> results = new ArrayList<>();
    for (String file : files) {
      results.add(check(file));
    }
    Printer.write(context, switch (format) {
      case table -> ValidationReport.table(results);
      case json -> JsonRenderer.render(ValidationReport.tree(results));
      case yaml -> YamlRenderer.render(ValidationReport.tree(results));
      case github -> ValidationReport.github(results);
    });
    // An unreadable file is the graver failure: exit 4 even when another file is invalid.
    if (results.stream().anyMatch(r -> r.outcome() == Outcome.UNREADABLE)) {
      return EnvelopeException.IO;
    }
    return results.stream().allMatch(FileResult::valid) ? 0 : EnvelopeException.INVALID_INPUT;
  }

  /** Reads, binds (the base and every scenario) and estimates one file; problems go to stderr. */
  private FileResult check(String file) {
    List<Diagnostic> found = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    try {
      // As check does it: every scenario, every estimate (overflow), every budget; and all at once,
      // the budgets' problems beside the warnings.
      CheckCommand.Evaluation e = CheckCommand.collect(Session.read(file, context.in(), List.of()), null);
      found.addAll(e.problems());
      warnings.addAll(e.warnings());
      if (strict) {
        warnings.forEach(w -> found.add(w.toDiagnostic()));
        warnings.clear();
      }
      if (!found.isEmpty()) {
        List<Diagnostic> sorted = CheckCommand.invalid(found).diagnostics();
        found.clear();
        found.addAll(sorted);
      }
    } catch (EnvelopeException e) {
      if (e.exitCode() == EnvelopeException.IO) {
        e.lines().forEach(line -> context.err().println("envelope: " + line));
        String label = Input.label(file);
        String message = e.getMessage().startsWith(label + ": ")
            ? e.getMessage().substring(label.length() + 2) : e.getMessage();
        return new FileResult(label, Outcome.UNREADABLE,
            List.of(new Diagnostic(Location.argument(label), "", message)), List.of());
      }
      if (e.exitCode() != EnvelopeException.INVALID_INPUT) {
        throw e;
      }
      found.addAll(e.diagnostics());
    }
    if (format != ValidateFormat.github) {
      // With -o github the problems and warnings are annotations on standard output.
      EnvelopeException.shown(found, "problem").forEach(context.err()::println);
      EnvelopeException.shown(warnings, "warning").forEach(context.err()::println);
    }
    return new FileResult(Input.label(file), found.isEmpty() ? Outcome.VALID : Outcome.INVALID, found, warnings);
  }
}
