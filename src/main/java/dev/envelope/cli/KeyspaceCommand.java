package dev.envelope.cli;

import java.util.List;
import picocli.CommandLine.Parameters;
import dev.envelope.app.Warnings;
import dev.envelope.app.Session;
import dev.envelope.app.Binding;
import dev.envelope.app.Input;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.estimate.Keyspace;
import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.model.Requirements;
import dev.envelope.render.KeyspaceReport;
import dev.envelope.units.Calendar;
import dev.envelope.units.Counts;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Rate;
import dev.envelope.units.UnitSystem;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envelope keyspace --alphabet A --length L [--keys K] [--rate R]}: keys of a short-code scheme. */
@Command(name = "keyspace", mixinStandardHelpOptions = true,
    description = {
      "How many keys a short-code or ID scheme has, and how long they last.",
      "The key space is --alphabet (or --characters) with --length, or the shortest length that holds --keys,"
          + " or --bits random bits (written in --alphabet when given). --keys also gives the share used and the"
          + " chance that random codes collided; --rate, when the keys run out."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  envelope keyspace --alphabet base62 --length 7 --rate 1160/s",
      "  envelope keyspace --alphabet 62 --keys 365bn",
      "  envelope keyspace examples/url-shortener.yaml --alphabet base62",
      "  envelope keyspace --bits 128 --alphabet base64",
      "  envelope keyspace --characters 23456789abcdefghjkmnpqrstuvwxyz --length 8"
    })
final class KeyspaceCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Parameters(arity = "0..1", paramLabel = "FILE",
      description = "A requirements file whose objects kept over the retention (storage.objects_retained) are the"
          + " keys issued, instead of --keys; - reads standard input.")
  String file;

  @Option(names = "--alphabet", paramLabel = "A",
      description = "Characters per position: a number (62), or a name: digits, hex, base32, base36, base58,"
          + " base62, base64, lowercase or letters.")
  String alphabet;

  @Option(names = "--characters", paramLabel = "CHARS",
      description = "The alphabet written out, each character once (instead of --alphabet).")
  String characters;

  @Option(names = "--length", paramLabel = "L", description = "Characters per code.")
  String length;

  @Option(names = "--bits", paramLabel = "N",
      description = "Random IDs of N bits (2^N keys), instead of --length; with --alphabet, the length that writes them.")
  String bits;

  @Option(names = "--keys", paramLabel = "K",
      description = "Codes issued or needed, a count such as 365bn; without --length or --bits, gives the length.")
  String keys;

  @Option(names = "--rate", paramLabel = "RATE",
      description = "New codes per time unit, e.g. 1160/s or 100M/day: when the keys run out.")
  String rate;

  @Option(names = "--calendar", paramLabel = "NAME",
      description = "Month and year lengths for --rate and the years shown: sre (default), gregorian or julian.")
  String calendar;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    Requirements.Conventions conventions = Requirements.Conventions.of(calendar(), UnitSystem.SI);
    Optional<Keyspace.Alphabet> letters = alphabet();
    OptionalDouble given = keys == null ? OptionalDouble.empty()
        : OptionalDouble.of(parse("--keys", keys, () -> positiveCount(keys)));
    String keysFrom = "--keys";
    if (file != null) {
      if (keys != null) {
        throw usage("keyspace: FILE gives the keys (its storage.objects_retained); expected FILE or --keys, not both");
      }
      Binding b = Session.read(file, root.context.in(), List.of()).one(Optional.empty());
      Warnings.report(root.context.err(), b.warnings(), false);
      OptionalDouble objects = b.estimate().optional("storage.objects_retained");
      if (objects.isEmpty() || !(objects.getAsDouble() >= 1)) {
        throw usage("keyspace: " + b.requirements().source() + " keeps no objects (storage.objects_retained needs"
            + " storage.retention and a workload that writes); expected such a file, or --keys");
      }
      given = objects;
      keysFrom = "storage.objects_retained of " + b.requirements().source();
    }
    OptionalDouble issued = given;
    Keyspace.Space space;
    if (bits != null) {
      if (length != null) {
        throw usage("--bits and --length: expected one of them (--bits gives the key space, --length with"
            + " --alphabet another)");
      }
      int n = parse("--bits", bits, () -> Keyspace.whole(bits, 1, 1023, "a number of bits"));
      space = parse("--bits", bits, () -> Keyspace.ofBits(n, letters));
    } else if (letters.isEmpty()) {
      throw usage("keyspace: expected --alphabet (or --characters) with --length or --keys, or --bits,"
          + " e.g. --alphabet base62 --length 7");
    } else if (length != null) {
      int l = parse("--length", length, () -> Keyspace.whole(length, 1, 100_000, "a number of characters"));
      space = parse("--length", length, () -> Keyspace.ofLength(letters.get(), l));
    } else if (issued.isPresent()) {
      space = parse("--keys", keys, () -> Keyspace.forKeys(letters.get(), issued.getAsDouble()));
    } else {
      throw usage("keyspace: expected --length (characters per code) or --keys (codes needed) beside the"
          + " alphabet, e.g. --length 7 or --keys 365bn");
    }
    OptionalDouble perSecond = rate == null ? OptionalDouble.empty()
        : OptionalDouble.of(parse("--rate", rate, () -> perSecond(rate, conventions)));
    Keyspace.Space keySpace = space;
    Keyspace.Sizing figures = parse("--rate", rate, () -> Keyspace.figures(keySpace, issued, perSecond));
    Printer.print(root.context, KeyspaceReport.build(figures, conventions,
        rate == null ? "" : rate, keysFrom), output);
    return 0;
  }

  private Optional<Keyspace.Alphabet> alphabet() {
    if (alphabet != null && characters != null) {
      throw usage("--alphabet and --characters: expected one of them");
    }
    if (alphabet != null) {
      return Optional.of(parse("--alphabet", alphabet, () -> Keyspace.alphabet(alphabet)));
    }
    if (characters != null) {
      return Optional.of(parse("--characters", characters, () -> Keyspace.characters(characters)));
    }
    return Optional.empty();
  }

  private Calendar calendar() {
    if (calendar == null) {
      return Calendar.SRE;
    }
    return parse("--calendar", calendar, () -> Calendar.named(calendar));
  }

  private static double positiveCount(String text) {
    double value = Counts.parse(text);
    if (!(value >= 1)) {
      throw new QuantityException("fewer than one key", "a count of 1 or more, such as 365bn");
    }
    return value;
  }

  private static double perSecond(String text, Requirements.Conventions conventions) {
    double value = Rate.parse(text, null).perSecond(conventions.time());
    if (!(value > 0)) {
      throw new QuantityException("a rate of zero never runs out", "a positive rate such as 1160/s or 100M/day");
    }
    return value;
  }

  /** Runs {@code read}; a value that does not read is a command-line error naming the option. */
  private static <T> T parse(String option, String value, Supplier<T> read) {
    try {
      return read.get();
    } catch (QuantityException e) {
      throw usage(option + " " + Diagnostic.got(value) + ": " + e.problem() + "; expected " + e.expected());
    }
  }

  private static EnvelopeException usage(String message) {
    return new EnvelopeException(EnvelopeException.USAGE, message);
  }
}
