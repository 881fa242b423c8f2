package dev.envelope.cli;

import java.util.List;
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
import picocli.CommandLine.Model.CommandSpec;
import java.util.function.Supplier;

/** {@code envelope keyspace --alphabet A --length L [--keys K] [--rate R]}: keys of a short-code scheme. */
final class KeyspaceCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "How many keys a short-code or ID scheme has, and how long they last.",
    "The key space is --alphabet (or --characters) with --length, or the shortest length that holds --keys,"
        + " or --bits random bits (written in --alphabet when given). --keys also gives the share used and the"
        + " chance that random codes collided; --rate, when the keys run out."
  };

  private final Context context;

  final CommandSpec spec;

  String file;

  String alphabet;

  String characters;

  String length;

  String bits;

  String keys;

  String rate;

  String calendar;

  OutputOptions output;

  KeyspaceCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "keyspace", DESCRIPTION,
        "  envelope keyspace --alphabet base62 --length 7 --rate 1160/s",
        "  envelope keyspace --alphabet 62 --keys 365bn",
        "  envelope keyspace examples/url-shortener.yaml --alphabet base62",
        "  envelope keyspace --bits 128 --alphabet base64",
        "  envelope keyspace --characters 23456789abcdefghjkmnpqrstuvwxyz --length 8");
    spec.addPositional(Specs.optional("FILE", "A requirements file whose objects kept over the retention"
        + " (storage.objects_retained) are the keys issued, instead of --keys; - reads standard input.")
        .build());
    spec.addOption(Specs.value("--alphabet", "A", "Characters per position: a number (62), or a name: digits, hex,"
        + " base32, base36, base58, base62, base64, lowercase or letters.").build());
    spec.addOption(Specs.value("--characters", "CHARS",
        "The alphabet written out, each character once (instead of --alphabet).").build());
    spec.addOption(Specs.value("--length", "L", "Characters per code.").build());
    spec.addOption(Specs.value("--bits", "N", "Random IDs of N bits (2^N keys), instead of --length; with"
        + " --alphabet, the length that writes them.").build());
    spec.addOption(Specs.value("--keys", "K", "Codes issued or needed, a count such as 365bn; without --length or"
        + " --bits, gives the length.").build());
    spec.addOption(Specs.value("--rate", "RATE",
        "New codes per time unit, e.g. 1160/s or 100M/day: when the keys run out.").build());
    spec.addOption(Specs.value("--calendar", "NAME",
        "Month and year lengths for --rate and the years shown: sre (default), gregorian or julian.").build());
    OutputOptions.declare(spec);
  }

  private void read() {
    file = Specs.positional(spec, 0);
    alphabet = Specs.value(spec, "--alphabet");
    characters = Specs.value(spec, "--characters");
    length = Specs.value(spec, "--length");
    bits = Specs.value(spec, "--bits");
    keys = Specs.value(spec, "--keys");
    rate = Specs.value(spec, "--rate");
    calendar = Specs.value(spec, "--calendar");
    output = OutputOptions.of(spec);
  }

  @Override
  public Integer call() {
    read();
    Requirements.Conventions conventions = Requirements.Conventions.of(calendar(), UnitSystem.SI);
    Optional<Keyspace.Alphabet> letters = alphabet();
    OptionalDouble given = keys == null ? OptionalDouble.empty()
        : OptionalDouble.of(parse("--keys", keys, () -> positiveCount(keys)));
    String keysFrom = "--keys";
    if (file != null) {
      if (keys != null) {
        throw usage("keyspace: FILE gives the keys (its storage.objects_retained); expected FILE or --keys, not both");
      }
      Binding b = Session.read(file, context.in(), List.of()).one(Optional.empty());
      Warnings.report(context.err(), b.warnings(), false);
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
    Printer.print(context, KeyspaceReport.build(figures, conventions,
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
