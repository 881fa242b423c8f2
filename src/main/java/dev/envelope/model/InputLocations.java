package dev.envelope.model;

import dev.envelope.diagnostic.Location;
import dev.envelope.model.Node.Entry;
import dev.envelope.model.Node.MapNode;
import dev.envelope.model.Node.Scalar;
import java.util.List;
import java.util.Optional;

/**
 * Where each input of one binding was written: the file's line and column, a scenario's line, or
 * the {@code --set} argument that overrode it, looked up by key path in the tree that was bound
 * ({@link Document#tree}). The requirement records carry values only; warnings and explanations
 * ask here where a value came from.
 */
public final class InputLocations {
  private final Node file;
  private final Node root;

  /** {@code file} as written, and {@code root}, the same with a scenario's and the command line's overrides. */
  InputLocations(Node file, Node root) {
    this.file = file;
    this.root = root;
  }

  /** The locations of a tree as bound, when what the file itself said does not matter. */
  public static InputLocations of(Node tree) {
    return new InputLocations(tree, tree);
  }

  /** For values built without a file (tests): every value is absent from it. */
  public static InputLocations none() {
    return of(new Scalar(new Location("", 0, 0), null));
  }

  /**
   * The location of the value at {@code path} (keys, not a dotted string: a workload's name may
   * hold a dot), or empty when the input does not give it.
   */
  public Optional<Location> find(List<String> path) {
    Optional<Entry> e = entry(root, path.toArray(new String[0]));
    return given(e) ? Optional.of(e.get().value().location()) : Optional.empty();
  }

  /** Whether the input at {@code path} was set by a scenario or an override rather than written in the file. */
  public boolean overridden(String... path) {
    Optional<Entry> now = entry(root, path);
    Optional<Entry> written = entry(file, path);
    return now.isPresent() && (written.isEmpty() || written.get().value() != now.get().value());
  }

  /** Whether the input at {@code path} (one key per element) is given, with a value other than null. */
  public boolean has(String... path) {
    return given(entry(root, path));
  }

  /** Whether {@code e} is there with a value other than null. */
  private static boolean given(Optional<Entry> e) {
    return e.isPresent() && !(e.get().value() instanceof Scalar s && s.text() == null);
  }

  /**
   * The place of the input at {@code path}: a value's own place, or a section's key; for a path not
   * in the input, the place of its nearest enclosing key, or else the start of the file.
   */
  public Location at(String... path) {
    for (int n = path.length; n > 0; n--) {
      String[] prefix = java.util.Arrays.copyOf(path, n);
      Optional<Entry> e = entry(root, prefix);
      if (e.isPresent()) {
        return e.get().value() instanceof Scalar s && s.text() != null ? s.location() : e.get().keyLocation();
      }
    }
    return root.location();
  }

  private static Optional<Entry> entry(Node node, String... path) {
    Entry found = null;
    for (String key : path) {
      if (node instanceof Node.ListNode list && key.matches("[0-9]{1,9}") && Integer.parseInt(key) < list.items().size()) {
        // An item of a list, by its index (availability.components.0): located where the item starts.
        Node item = list.items().get(Integer.parseInt(key));
        found = new Entry(key, item.location(), item);
        node = item;
        continue;
      }
      if (!(node instanceof MapNode map) || !map.entries().containsKey(key)) {
        return Optional.empty();
      }
      found = map.entries().get(key);
      node = found.value();
    }
    return Optional.ofNullable(found);
  }
}
