package dev.envelope.model;

import dev.envelope.diagnostic.Location;
import dev.envelope.model.Node.Entry;
import dev.envelope.model.Node.ListNode;
import dev.envelope.model.Node.MapNode;
import dev.envelope.model.Node.Scalar;
import dev.envelope.units.Fractions;
import dev.envelope.units.Numbers;
import dev.envelope.units.QuantityException;
import dev.envelope.units.Rate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The cheat sheets of {@code envelope reference}, as the bundled {@code reference.yaml} states
 * them: every row and every note with the key of its source, every source with its citation and
 * date. The numbers live in that file, not here, so that each keeps its source beside it.
 *
 * <p>The file ships inside the jar; a mistake in it is a bug, reported with its line and column.
 */
public record ReferenceData(Map<String, Source> sources, Sheet<Latency> latency, Sheet<Power> powers,
    Sheet<Nines> nines, Sheet<Conversion> conversions, Sheet<Throughput> throughput) {

  /** Where the bundled file lives on the class path. */
  public static final String RESOURCE = "/dev/envelope/reference.yaml";

  public ReferenceData {
    sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** A published source: who said it and where, when, and its address if it has one. */
  public record Source(String id, String citation, String date, Optional<String> url) {}

  /** A line under a sheet; a note that states a number names its source. */
  public record Note(String text, Optional<String> source) {}

  /** One sheet: its title, its notes and its rows, in the file's order. */
  public record Sheet<T>(String title, List<Note> notes, List<T> rows) {
    public Sheet {
      notes = List.copyOf(notes);
      rows = List.copyOf(rows);
    }
  }

  /** Something every row has: the key of its source. */
  public interface Sourced {
    String source();
  }

  public record Latency(String operation, double nanoseconds, Optional<String> note, String source)
      implements Sourced {}

  /** {@code 2^power}, about {@code approximately} ("1 thousand"). */
  public record Power(int power, String approximately, String source) implements Sourced {}

  public record Nines(double target, String source) implements Sourced {}

  /**
   * A rate to convert, as written ({@code 1/s}, {@code 100M/day}), and what its source published
   * for it, if anything ("2.5 million per month").
   */
  public record Conversion(String text, Rate rate, Optional<String> published, String source) implements Sourced {}

  /** What a throughput counts: requests a second, bytes a second, or connections held at once. */
  public enum Measure {
    REQUESTS,
    BYTES,
    CONNECTIONS;

    /** The name in the file and in JSON: {@code requests}. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What one node of a part sustains, as its source published it: {@code value} as written
   * ({@code 81K/s}, {@code 125MB/s}, {@code 10K}), in the unit {@code measure} says; what was
   * measured and how ({@code basis}); and whether the source gives only an order of magnitude.
   */
  public record Throughput(String part, Measure measure, String value, String basis, boolean orderOfMagnitude,
      String source) implements Sourced {}

  /** The bundled sheets. */
  public static ReferenceData load() {
    try (InputStream in = ReferenceData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return parse("reference.yaml", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads sheets in the format of {@code reference.yaml}. Every row must name a source that the
   * file lists; anything else is an {@link IllegalStateException} naming the place.
   */
  public static ReferenceData parse(String name, byte[] bytes) {
    MapNode root = map(TreeParser.parse(name, bytes), "the file");
    only(root, "the file", Set.of("sources", "latency", "powers", "nines", "conversions", "throughput"));
    Map<String, Source> sources = new LinkedHashMap<>();
    MapNode list = map(required(root, "sources"), "sources");
    for (Entry e : list.entries().values()) {
      MapNode s = map(e.value(), "sources." + e.key());
      only(s, "sources." + e.key(), Set.of("citation", "date", "url"));
      sources.put(e.key(), new Source(e.key(), text(s, "citation"), text(s, "date"), optionalText(s, "url")));
    }
    Reader reader = new Reader(sources);
    return new ReferenceData(sources,
        reader.sheet(root, "latency", Set.of("operation", "nanoseconds", "note", "source"),
            r -> new Latency(text(r, "operation"), number(r, "nanoseconds", "a number of nanoseconds", Numbers::parse),
                optionalText(r, "note"), reader.source(r))),
        reader.sheet(root, "powers", Set.of("power", "approximately", "source"),
            r -> new Power(power(r), text(r, "approximately"), reader.source(r))),
        reader.sheet(root, "nines", Set.of("target", "source"),
            r -> new Nines(number(r, "target", "a target", (t, w) -> Fractions.target(t)), reader.source(r))),
        reader.sheet(root, "conversions", Set.of("rate", "published", "source"),
            r -> new Conversion(text(r, "rate"), rate(r), optionalText(r, "published"), reader.source(r))),
        reader.sheet(root, "throughput", Set.of("part", "measure", "value", "basis", "order_of_magnitude", "source"),
            r -> throughput(r, reader.source(r))));
  }

  private static Throughput throughput(MapNode r, String source) {
    String measure = text(r, "measure");
    Measure m = java.util.Arrays.stream(Measure.values()).filter(x -> x.key().equals(measure)).findFirst()
        .orElseThrow(() -> bad(r.entries().get("measure").value().location(),
            "measure: expected requests, bytes or connections"));
    String value = text(r, "value");
    // The value must read in its measure's unit, so that a slip in the data is found when it loads.
    try {
      switch (m) {
        case REQUESTS -> Rate.parse(value, null);
        case BYTES -> dev.envelope.units.ByteRates.perSecond(value, dev.envelope.units.UnitSystem.SI,
            Requirements.Conventions.of(dev.envelope.units.Calendar.SRE, dev.envelope.units.UnitSystem.SI).time());
        case CONNECTIONS -> dev.envelope.units.Counts.parse(value);
      }
    } catch (QuantityException e) {
      throw bad(r.entries().get("value").value().location(), "value: " + e.getMessage());
    }
    Optional<String> magnitude = optionalText(r, "order_of_magnitude");
    if (magnitude.isPresent() && !magnitude.get().equals("true") && !magnitude.get().equals("false")) {
      throw bad(r.entries().get("order_of_magnitude").value().location(), "order_of_magnitude: expected true or false");
    }
    return new Throughput(text(r, "part"), m, value, text(r, "basis"), magnitude.orElse("false").equals("true"),
        source);
  }

  /** The rows of every sheet, with the path of each ({@code latency.rows.0}). */
  public Map<String, Sourced> rows() {
    Map<String, Sourced> all = new LinkedHashMap<>();
    add(all, "latency", latency.rows());
    add(all, "powers", powers.rows());
    add(all, "nines", nines.rows());
    add(all, "conversions", conversions.rows());
    add(all, "throughput", throughput.rows());
    return all;
  }

  private static void add(Map<String, Sourced> all, String sheet, List<? extends Sourced> rows) {
    for (int i = 0; i < rows.size(); i++) {
      all.put(sheet + ".rows." + i, rows.get(i));
    }
  }

  /** Reads sheets, checking each row's source against the list. */
  private record Reader(Map<String, Source> sources) {
    <T> Sheet<T> sheet(MapNode root, String key, Set<String> rowKeys, Function<MapNode, T> row) {
      MapNode sheet = map(required(root, key), key);
      only(sheet, key, Set.of("title", "notes", "rows"));
      List<Note> notes = new ArrayList<>();
      Entry notesEntry = sheet.entries().get("notes");
      if (notesEntry != null) {
        for (Node n : list(notesEntry.value(), key + ".notes")) {
          MapNode note = map(n, key + ".notes");
          only(note, key + ".notes", Set.of("text", "source"));
          Optional<String> source = optionalText(note, "source");
          source.ifPresent(s -> known(s, note));
          notes.add(new Note(text(note, "text"), source));
        }
      }
      List<T> rows = new ArrayList<>();
      for (Node n : list(required(sheet, "rows"), key + ".rows")) {
        MapNode r = map(n, key + ".rows");
        only(r, key + ".rows", rowKeys);
        rows.add(row.apply(r));
      }
      if (rows.isEmpty()) {
        throw bad(sheet.location(), key + ": no rows");
      }
      return new Sheet<>(text(sheet, "title"), notes, rows);
    }

    String source(MapNode row) {
      Entry e = row.entries().get("source");
      if (e == null) {
        throw bad(row.location(), "a row without a source; every number names where it comes from");
      }
      String id = text(row, "source");
      known(id, row);
      return id;
    }

    private void known(String id, MapNode where) {
      if (!sources.containsKey(id)) {
        throw bad(where.location(), "unknown source '" + id + "'; expected one of " + sources.keySet());
      }
    }
  }

  private interface Parser<T> {
    T parse(String text, String what);
  }

  private static int power(MapNode r) {
    double p = number(r, "power", "a whole exponent", Numbers::parse);
    if (p != Math.rint(p) || p < 1 || p > 1000) {
      throw bad(r.entries().get("power").value().location(), "power: expected a whole exponent from 1 to 1000");
    }
    return (int) p;
  }

  private static Rate rate(MapNode r) {
    Node value = required(r, "rate");
    try {
      return Rate.parse(text(r, "rate"), null);
    } catch (QuantityException e) {
      throw bad(value.location(), "rate: " + e.getMessage());
    }
  }

  private static <T> T number(MapNode r, String key, String what, Parser<T> parser) {
    Node value = required(r, key);
    try {
      return parser.parse(text(r, key), what);
    } catch (QuantityException e) {
      throw bad(value.location(), key + ": " + e.getMessage());
    }
  }

  private static Node required(MapNode map, String key) {
    Entry e = map.entries().get(key);
    if (e == null) {
      throw bad(map.location(), "missing " + key);
    }
    return e.value();
  }

  private static String text(MapNode map, String key) {
    Node value = required(map, key);
    if (!(value instanceof Scalar s) || s.text() == null || s.text().isBlank()) {
      throw bad(value.location(), key + ": expected a text");
    }
    return s.text().strip();
  }

  private static Optional<String> optionalText(MapNode map, String key) {
    return map.entries().containsKey(key) ? Optional.of(text(map, key)) : Optional.empty();
  }

  private static MapNode map(Node node, String what) {
    if (!(node instanceof MapNode m)) {
      throw bad(node.location(), what + ": expected a mapping");
    }
    return m;
  }

  private static List<Node> list(Node node, String what) {
    if (!(node instanceof ListNode l)) {
      throw bad(node.location(), what + ": expected a list");
    }
    return l.items();
  }

  private static void only(MapNode map, String what, Set<String> keys) {
    for (Entry e : map.entries().values()) {
      if (!keys.contains(e.key())) {
        throw bad(e.keyLocation(), what + ": unknown key '" + e.key() + "'; expected " + keys);
      }
    }
  }

  private static IllegalStateException bad(Location where, String message) {
    return new IllegalStateException(where + ": " + message);
  }
}
