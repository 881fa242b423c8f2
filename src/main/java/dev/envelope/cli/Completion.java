package dev.envelope.cli;

import dev.envelope.estimate.Keyspace;
import dev.envelope.render.ReferenceReport;
import dev.envelope.units.Calendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash (and, through bashcompinit, zsh) completion script: picocli's, from the command line
 * itself, with file names completed for every file parameter, every enumerated value completed
 * (the calendars, the SLA periods, the reference sheets, the alphabets, the output formats), and,
 * after {@code --get}, {@code --set} and {@code --vary}, the paths of the file already on the
 * command line, asked of {@code envelope paths}.
 */
public final class Completion {
  private Completion() {}

  /** The enumerated values of each option that takes a name, from the lists the commands read. */
  static Map<String, List<String>> optionValues() {
    return Map.of(
        "--calendar", Stream.of(Calendar.SRE, Calendar.GREGORIAN, Calendar.JULIAN).map(Calendar::name).toList(),
        "--alphabet", Keyspace.Named.names());
  }

  /** The SLA periods, for {@code --per}, whose option sits in a group and so is completed from its annotation. */
  static final class Periods implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Stream.of(Calendar.SLA_PERIODS).map(dev.envelope.units.CalendarUnit::key).iterator();
    }
  }

  /** The script, for the command line {@code cli} ({@link Cli#commandLine(Context)}). */
  public static String bash(CommandLine cli) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      tailor(sub.getCommandSpec());
    }
    java.util.Set<String> valued = new java.util.TreeSet<>();
    for (CommandLine sub : cli.getSubcommands().values()) {
      for (OptionSpec o : sub.getCommandSpec().options()) {
        if (o.arity().max() > 0) {
          valued.addAll(List.of(o.names()));
        }
      }
    }
    return AutoComplete.bash("envelope", cli).replace("complete -F _complete_envelope -o default",
        PATHS.replace("VALUED", String.join(" ", valued)) + "complete -F _envelope_with_paths -o default");
  }

  /** Only for the script: enumerated values as candidates. */
  private static void tailor(CommandSpec spec) {
    for (PositionalParamSpec p : new ArrayList<>(spec.positionalParameters())) {
      if (p.paramLabel().equals("SHEET")) {
        spec.remove(p);
        spec.addPositional(PositionalParamSpec.builder(p)
            .completionCandidates(Stream.of(ReferenceReport.Sheet.values()).map(ReferenceReport.Sheet::key).toList())
            .build());
      }
    }
    optionValues().forEach((name, values) -> {
      OptionSpec o = spec.findOption(name);
      if (o != null && o.group() == null) {
        spec.remove(o);
        spec.addOption(OptionSpec.builder(o).completionCandidates(values).build());
      }
    });
  }

  /**
   * Words that are file names, and after --get, --set or --vary, the paths of the file on the command line (its first word that
   * names a readable file, after the subcommand): figure paths from {@code envelope paths}, with
   * {@code =} after a --set or --vary path. Anything else goes to picocli's function.
   */
  private static final String PATHS = """
      # After --get, --set and --vary: the paths of the file already on the command line.
      function _envelope_with_paths() {
        local prev_word=${COMP_WORDS[COMP_CWORD-1]}
        local curr_word=${COMP_WORDS[COMP_CWORD]}
        case ${prev_word} in
          '--get'|'--set'|'--vary')
            local i file=""
            for (( i = 2; i < COMP_CWORD; i++ )); do
              if [[ -f "${COMP_WORDS[i]}" && "${COMP_WORDS[i-1]}" != -* ]]; then
                file=${COMP_WORDS[i]}
                break
              fi
            done
            if [[ -n "${file}" ]]; then
              local suffix=""
              [[ "${prev_word}" != '--get' ]] && suffix="="
              local IFS=$'\\n'
              COMPREPLY=( $(compgen -W "$(envelope paths "${file}" 2>/dev/null | cut -f1 | sed "s/\\$/${suffix}/")" -- "${curr_word}") )
              type compopt &>/dev/null && [[ -n "${suffix}" ]] && compopt -o nospace
              return 0
            fi
            ;;
        esac
        _complete_envelope "$@"
        # picocli completes no file name for a parameter read as text (FILE is text: - is standard
        # input): a word that is no option's value and matched nothing is a file name.
        if (( ${#COMPREPLY[@]} == 0 )) && [[ "${curr_word}" != -* && " VALUED " != *" ${prev_word} "* ]]; then
          type compopt &>/dev/null && compopt -o filenames
          local IFS=$'\\n'
          COMPREPLY=( $(compgen -f -- "${curr_word}") )
        fi
      }

      """;
}
