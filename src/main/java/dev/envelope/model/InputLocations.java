package dev.envelope.model;

import dev.envelope.model.Node.MapNode;
import dev.envelope.model.Node.Scalar;
import java.util.List;
import java.util.Optional;

/**
 * Where each input of a bound file was given, looked up by its key path in the tree that was bound
 * ({@link Document#tree}): a line of the file, a scenario's line, or a {@code --set} argument. The
 * requirement records carry values only; an explanation asks here where a value came from.
 */
public final class InputLocations {
  private final Node root;

  private InputLocations(Node root) {
    this.root = root;
  }

  public static InputLocations of(Node tree) {
    return new InputLocations(tree);
  }

  /** For values built without a file (tests): every value is absent from it. */
  public static InputLocations none() {
    return new InputLocations(new Scalar(new Location("", 0, 0), null));
  }

  /**
   * The location of the value at {@code path} (keys, not a dotted string: a workload's name may
   * hold a dot), or empty when the file does not give it.
   */
  public Optional<Location> find(List<String> path) {
    Node node = root;
    for (String key : path) {
      if (!(node instanceof MapNode map) || !map.entries().containsKey(key)) {
        return Optional.empty();
      }
      node = map.entries().get(key).value();
    }
    if (node instanceof Scalar s && s.text() == null) {
      return Optional.empty();
    }
    return Optional.of(node.location());
  }
}
