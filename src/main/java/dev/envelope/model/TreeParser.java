package dev.envelope.model;

import dev.envelope.diagnostic.EnvelopeException;
import dev.envelope.diagnostic.Diagnostic;
import dev.envelope.diagnostic.Location;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns YAML or JSON bytes into a {@link Node} tree. JSON is detected by its leading brace and quote. */
public final class TreeParser {
  private static final java.util.regex.Pattern JSON_START = java.util.regex.Pattern.compile("\\s*(\\{\\s*(\"|\\})|\\[)");
  private TreeParser() {}

  /**
   * The parsers' own limits, as backstops behind {@link Limits}, which {@link #read} checks first
   * with a located message. Numbers and strings may be as long as the file: the reader keeps them
   * as text and reports a value that is too long with its field.
   */
  private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxDocumentLength(Limits.MAX_FILE_BYTES)
      .maxNestingDepth(4 * Limits.MAX_DEPTH)
      .maxNumberLength(Limits.MAX_FILE_BYTES)
      .maxStringLength(Limits.MAX_FILE_BYTES)
      .maxNameLength(Limits.MAX_FILE_BYTES)
      .build();

  private static JsonFactory json() {
    return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  }

  private static YAMLFactory yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Limits.MAX_FILE_BYTES);
    options.setNestingDepthLimit(4 * Limits.MAX_DEPTH);
    // Aliases are refused by read(), so none is ever expanded; this stops SnakeYAML too.
    options.setMaxAliasesForCollections(0);
    // rebuild(), not builder(): the builder starts with no parser features, which would turn an
    // empty value into '' instead of null (EMPTY_STRING_AS_NULL is on by default).
    return new YAMLFactory().rebuild().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
  }

  /** Reads {@code bytes}; syntax errors and duplicate keys become diagnostics (exit code 3). */
  public static Node parse(String file, byte[] bytes) {
    if (bytes.length > Limits.MAX_FILE_BYTES) {
      throw invalid(new Location(file, 1, 1), "", "the file is larger than 1 MiB; expected a requirements file of at most "
          + Limits.grouped(Limits.MAX_FILE_BYTES) + " bytes");
    }
    String text = decode(file, bytes);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw invalid(new Location(file, 1, 1), "", "the file is empty; expected a requirements mapping");
    }
    // JSON quotes its keys; flow-style YAML ({workloads: {...}}) starts with a brace too, but not
    // with a quote after it.
    boolean json = JSON_START.matcher(text).lookingAt();
    return parse(file, text, json ? json() : yaml());
  }

  /**
   * {@code bytes} as UTF-8 text. A file in UTF-16 or UTF-32 (told by its byte-order mark, or by the
   * zero bytes that ASCII characters have in those encodings, as YAML 1.2 section 5.2 and RFC 4627
   * section 3 detect them) and a file that is not valid UTF-8 are refused, naming the encoding or
   * the first bad byte: decoded silently, they would read as "special characters" or as U+FFFD.
   */
  static String decode(String file, byte[] bytes) {
    String other = otherEncoding(bytes);
    if (other != null) {
      throw invalid(new Location(file, 1, 1), "", other);
    }
    java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      // The text before the bad byte is decoded: its lines and columns place the byte.
      int offset = in.position();
      String before = out.flip().toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = before.codePointCount(lineStart, before.length()) + 1;
      throw invalid(new Location(file, line, column), "", String.format(java.util.Locale.ROOT,
          "the file is not valid UTF-8: byte 0x%02X (byte offset %d) does not start or continue a character;"
              + " expected UTF-8 text (convert it with iconv, e.g. iconv -f LATIN1 -t UTF-8 for Latin-1)",
          bytes[offset] & 0xFF, offset));
    }
    return out.flip().toString();
  }

  /** A message naming the encoding of {@code bytes} when it is UTF-16 or UTF-32, else null. */
  private static String otherEncoding(byte[] b) {
    int n = b.length;
    String name = null;
    boolean little = false;
    boolean mark = true;
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
      name = "UTF-32";
    } else if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
      name = "UTF-32";
      little = true;
    } else if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      name = "UTF-16";
    } else if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      name = "UTF-16";
      little = true;
    } else {
      // No mark: a requirements file starts with ASCII, whose zero bytes give the encoding away.
      mark = false;
      if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
        name = "UTF-32";
      } else if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
        name = "UTF-32";
        little = true;
      } else if (n >= 2 && b[0] == 0 && b[1] != 0) {
        name = "UTF-16";
      } else if (n >= 2 && b[0] != 0 && b[1] == 0) {
        name = "UTF-16";
        little = true;
      }
    }
    if (name == null) {
      return null;
    }
    // Without a mark, iconv needs the byte order spelled out.
    String from = mark ? name : name + (little ? "LE" : "BE");
    return "the file is " + name + " (" + (little ? "little" : "big") + "-endian" + (mark ? "" : ", without a byte-order mark")
        + "); expected UTF-8: convert it with iconv -f " + from + " -t UTF-8";
  }

  private static Node parse(String file, String text, JsonFactory factory) {
    List<Diagnostic> problems = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw invalid(new Location(file, 1, 1), "", "the file is empty; expected a requirements mapping");
      }
      Node root = read(parser, file, text, "", 0, problems);
      if (parser.nextToken() != null) {
        problems.add(new Diagnostic(at(file, parser.currentTokenLocation()), "",
            "more than one document; expected a single requirements mapping"));
      }
      if (!problems.isEmpty()) {
        throw new EnvelopeException(EnvelopeException.INVALID_INPUT, problems);
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      Location location = where == null ? new Location(file, 1, 1) : at(file, where);
      String message = firstLine(e.getOriginalMessage());
      // SnakeYAML's first line is only the context ("while parsing a block mapping"), and
      // Jackson's location is where it stopped reading: report the problem and its own mark.
      if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
        Mark mark = yaml.getProblemMark();
        if (mark != null) {
          location = new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
        }
        message = yaml.getProblem().strip();
        Mark context = yaml.getContextMark();
        if (yaml.getContext() != null && context != null) {
          message += " (" + yaml.getContext() + " at line " + (context.getLine() + 1) + ", column "
              + (context.getColumn() + 1) + ")";
        }
      }
      problems.add(new Diagnostic(location, "", "syntax error: " + message));
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, problems);
    } catch (IOException e) {
      throw new EnvelopeException(EnvelopeException.IO, file + ": cannot read: " + e.getMessage());
    }
  }

  private static Node read(JsonParser p, String file, String text, String path, int depth, List<Diagnostic> problems)
      throws IOException {
    Location location = at(file, p.currentTokenLocation());
    JsonToken token = p.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= Limits.MAX_DEPTH) {
      // Stop here: reading on would only recurse deeper.
      problems.add(new Diagnostic(location, path, "nested more than " + Limits.MAX_DEPTH
          + " levels deep; expected at most " + Limits.MAX_DEPTH + " (a requirements file needs 4)"));
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, Diagnostic.sorted(problems));
    }
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(new Diagnostic(location, path, "a YAML alias (*" + Diagnostic.got(p.getText()) + ") is not read; expected the value"
          + " written out (aliases can make a small file expand without bound)"));
      return new Node.Scalar(location, null);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (nextKey(p, file, text, path, problems) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyLocation = at(file, p.currentTokenLocation());
          if (key.length() > Limits.MAX_KEY_CHARS) {
            problems.add(new Diagnostic(keyLocation, path, "a key of " + Limits.grouped(key.length())
                + " characters (" + key.substring(0, 20) + "...); expected at most " + Limits.MAX_KEY_CHARS));
            key = key.substring(0, 20) + "...";
          }
          String childPath = path.isEmpty() ? key : path + "." + key;
          p.nextToken();
          Node value = read(p, file, text, childPath, depth + 1, problems);
          if (entries.containsKey(key)) {
            Location first = entries.get(key).keyLocation();
            problems.add(new Diagnostic(keyLocation, childPath, "duplicate key (first at line " + first.line()
                + ", column " + first.column() + "); expected each key once"));
          } else {
            entries.put(key, new Node.Entry(key, keyLocation, value));
          }
        }
        return new Node.MapNode(location, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, file, text, path + "[" + i++ + "]", depth + 1, problems));
        }
        return new Node.ListNode(location, items);
      }
      case VALUE_NULL -> {
        return new Node.Scalar(location, null);
      }
      default -> {
        String value = p.getText();
        if (value.length() > Limits.MAX_VALUE_CHARS) {
          problems.add(new Diagnostic(location, path, "a value of " + Limits.grouped(value.length())
              + " characters; expected at most " + Limits.grouped(Limits.MAX_VALUE_CHARS)));
          return new Node.Scalar(location, null);
        }
        // A quoted value's text starts one column after its location: formulas point inside it.
        long offset = p.currentTokenLocation().getCharOffset();
        boolean quoted = offset >= 0 && offset < text.length() && (text.charAt((int) offset) == '"'
            || text.charAt((int) offset) == '\'');
        return new Node.Scalar(location, value, quoted);
      }
    }
  }

  /** SnakeYAML's event for a key that is not a scalar, as Jackson's message names it. */
  private static final java.util.regex.Pattern NOT_A_SCALAR_KEY = java.util.regex.Pattern.compile(
      "Expected a field name \\(Scalar value in YAML\\), got this instead: <org\\.yaml\\.snakeyaml\\.events\\."
          + "(\\w+)Event(?:\\(anchor=([^,)]*))?.*", java.util.regex.Pattern.DOTALL);

  /**
   * The next token of a mapping: a key or its end. A YAML key that is a list, a mapping or an
   * alias ({@code ? [a, b] : 1}, {@code *a : 1}) is reported in plain words at the key, where
   * Jackson's message would name SnakeYAML's classes.
   */
  private static JsonToken nextKey(JsonParser p, String file, String text, String path, List<Diagnostic> problems)
      throws IOException {
    try {
      return p.nextToken();
    } catch (JsonProcessingException e) {
      java.util.regex.Matcher m = NOT_A_SCALAR_KEY.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
      if (!m.matches() || e.getLocation() == null) {
        throw e;
      }
      String got = switch (m.group(1)) {
        case "SequenceStart" -> "a list";
        case "MappingStart" -> "a mapping";
        case "Alias" -> "the alias *" + Diagnostic.got(m.group(2));
        default -> "not a scalar";
      };
      Location where = keyStart(file, text, e.getLocation(), m.group(1).equals("Alias") ? "*" + m.group(2) : null);
      problems.add(new Diagnostic(where, path, "a key must be plain text (got " + got
          + "); expected a name such as users or tweet"));
      throw new EnvelopeException(EnvelopeException.INVALID_INPUT, Diagnostic.sorted(problems));
    }
  }

  /**
   * Where a key that is not a scalar starts. Jackson reports where its event ends: just after the
   * {@code [} or {@code {} of a flow collection, or after an alias ({@code *a}).
   */
  private static Location keyStart(String file, String text, JsonLocation end, String alias) {
    Location at = at(file, end);
    int lineStart = 0;
    for (int line = 1; line < at.line() && lineStart >= 0; line++) {
      lineStart = text.indexOf('\n', lineStart) + 1;
      if (lineStart == 0) {
        return at;
      }
    }
    int offset = lineStart + at.column() - 1;
    if (offset > text.length()) {
      return at;
    }
    String before = text.substring(lineStart, offset);
    if (alias != null && before.stripTrailing().endsWith(alias)) {
      return new Location(file, at.line(), before.stripTrailing().length() - alias.length() + 1);
    }
    if (before.endsWith("[") || before.endsWith("{")) {
      return new Location(file, at.line(), at.column() - 1);
    }
    return at;
  }

  private static Location at(String file, JsonLocation where) {
    return new Location(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
  }

  private static String firstLine(String message) {
    String m = message == null ? "unreadable" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  static EnvelopeException invalid(Location location, String path, String message) {
    return new EnvelopeException(EnvelopeException.INVALID_INPUT, List.of(new Diagnostic(location, path, message)));
  }
}
