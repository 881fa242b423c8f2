package dev.envelope.cli;

import dev.envelope.model.Assignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --set}, {@code --scenario} and {@code --scenarios}: what is read, besides the file; and
 * {@code --strict}, how strictly.
 */
final class InputOptions {
  static final String SET = "Override one input, read like a file value; repeatable. E.g. --set users.dau=300M";
  static final String SCENARIO = "Apply the file's scenario NAME.";
  static final String STRICT = "Treat warnings about the inputs (contradictory, implausible or ignored values) as"
      + " errors: exit 3.";

  List<String> sets = new ArrayList<>();

  String scenario;

  boolean all;

  boolean strict;

  /** Adds the options to {@code spec}. */
  static void declare(CommandSpec spec) {
    spec.addOption(Specs.repeated("--set", "PATH=VALUE", SET).build());
    spec.addOption(Specs.value("--scenario", "NAME", SCENARIO).build());
    spec.addOption(Specs.flag("--scenarios", "Every scenario of the file side by side, beside the base."));
    spec.addOption(Specs.flag("--strict", STRICT));
  }

  /** The options as parsed into {@code spec}. */
  static InputOptions of(CommandSpec spec) {
    InputOptions o = new InputOptions();
    o.sets = Specs.values(spec, "--set");
    o.scenario = Specs.value(spec, "--scenario");
    o.all = Specs.flag(spec, "--scenarios");
    o.strict = Specs.flag(spec, "--strict");
    return o;
  }

  List<Assignment> assignments() {
    return assignments(sets);
  }

  /** The {@code --set} arguments {@code sets}, read. */
  static List<Assignment> assignments(List<String> sets) {
    List<Assignment> assignments = new ArrayList<>();
    for (String set : sets) {
      assignments.add(Assignment.parse("--set", set));
    }
    return List.copyOf(assignments);
  }

  Optional<String> scenario() {
    return Optional.ofNullable(scenario);
  }
}
