package dev.envelope.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns YAML or JSON bytes into a {@link Node} tree. JSON is detected by its leading brace and quote. */
public final class TreeParser {
  private static final java.util.regex.Pattern JSON_START = java.util.regex.Pattern.compile("\\s*(\\{\\s*(\"|\\})|\\[)");
  private TreeParser() {}

  /** Reads {@code bytes}; syntax errors and duplicate keys become diagnostics (exit code 3). */
  public static Node parse(String file, byte[] bytes) {
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
    return parse(file, text, json ? new JsonFactory() : new YAMLFactory());
  }

  private static Node parse(String file, String text, JsonFactory factory) {
    List<Diagnostic> problems = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw invalid(new Location(file, 1, 1), "", "the file is empty; expected a requirements mapping");
      }
      Node root = read(parser, file, "", problems);
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

  private static Node read(JsonParser p, String file, String path, List<Diagnostic> problems)
      throws IOException {
    Location location = at(file, p.currentTokenLocation());
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyLocation = at(file, p.currentTokenLocation());
          String childPath = path.isEmpty() ? key : path + "." + key;
          p.nextToken();
          Node value = read(p, file, childPath, problems);
          if (entries.containsKey(key)) {
            Location first = entries.get(key).keyLocation();
            problems.add(new Diagnostic(keyLocation, childPath,
                "duplicate key (first at line " + first.line() + "); expected each key once"));
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
          items.add(read(p, file, path + "[" + i++ + "]", problems));
        }
        return new Node.ListNode(location, items);
      }
      case VALUE_NULL -> {
        return new Node.Scalar(location, null);
      }
      default -> {
        return new Node.Scalar(location, p.getText());
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
