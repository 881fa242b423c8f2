package dev.envelope.model;

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
    String text = new String(bytes, StandardCharsets.UTF_8);
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

  private static Node parse(String file, String text, JsonFactory factory) {
    List<Diagnostic> problems = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw invalid(new Location(file, 1, 1), "", "the file is empty; expected a requirements mapping");
      }
      Node root = read(parser, file, "", 0, problems);
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

  private static Node read(JsonParser p, String file, String path, int depth, List<Diagnostic> problems)
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
      problems.add(new Diagnostic(location, path, "a YAML alias (*" + p.getText() + ") is not read; expected the value"
          + " written out (aliases can make a small file expand without bound)"));
      return new Node.Scalar(location, null);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyLocation = at(file, p.currentTokenLocation());
          if (key.length() > Limits.MAX_KEY_CHARS) {
            problems.add(new Diagnostic(keyLocation, path, "a key of " + Limits.grouped(key.length())
                + " characters (" + key.substring(0, 20) + "...); expected at most " + Limits.MAX_KEY_CHARS));
            key = key.substring(0, 20) + "...";
          }
          String childPath = path.isEmpty() ? key : path + "." + key;
          p.nextToken();
          Node value = read(p, file, childPath, depth + 1, problems);
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
          items.add(read(p, file, path + "[" + i++ + "]", depth + 1, problems));
        }
        return new Node.ListNode(location, items);
      }
      case VALUE_NULL -> {
        return new Node.Scalar(location, null);
      }
      default -> {
        String text = p.getText();
        if (text.length() > Limits.MAX_VALUE_CHARS) {
          problems.add(new Diagnostic(location, path, "a value of " + Limits.grouped(text.length())
              + " characters; expected at most " + Limits.grouped(Limits.MAX_VALUE_CHARS)));
          return new Node.Scalar(location, null);
        }
        return new Node.Scalar(location, text);
      }
    }
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
