package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.envelope.model.Document;
import dev.envelope.model.Node;
import dev.envelope.render.Changes.Kind;
import dev.envelope.render.Tree.Quantity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChangesTest {
  private static Node parse(String yaml) {
    return Document.parse("f.yaml", yaml.getBytes(StandardCharsets.UTF_8)).root();
  }

  private static List<String> described(List<Changes.Input> inputs) {
    return inputs.stream().map(i -> i.path() + " " + i.change().word() + " " + i.old().orElse("-") + " -> "
        + i.now().orElse("-")).toList();
  }

  private static Changes.Output moved(double old, double now) {
    Tree a = new Tree().put("x", old, Quantity.Kind.COUNT);
    Tree b = new Tree().put("x", now, Quantity.Kind.COUNT);
    List<Changes.Output> out = Changes.outputs(a, b);
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void inputsAreComparedAsWrittenPathByPath() {
    Node old = parse("users: {dau: 150M}\nworkloads:\n  tweet: {writes_per_user: 2/day, payload: 300B}\n"
        + "storage: {retention: 5y, replication: 3}\n");
    Node now = parse("users:\n  dau: 150,000,000\nworkloads:\n  tweet: {writes_per_user: 2/day, payload: 1KB}\n"
        + "storage: {retention: 5y, overhead: 10%}\n");
    // 150M and 150,000,000 are the same number, written differently: a change of the text.
    assertThat(described(Changes.inputs(old, now))).containsExactly(
        "users.dau changed 150M -> 150,000,000",
        "workloads.tweet.payload changed 300B -> 1KB",
        "storage.replication removed 3 -> -",
        "storage.overhead added - -> 10%");
  }

  @Test
  void keyOrderAndFormatAreNoChange() {
    Node yaml = parse("users: {dau: 1M}\nstorage: {retention: 1y, replication: 3}\n");
    Node json = parse("{\"storage\": {\"replication\": 3, \"retention\": \"1y\"}, \"users\": {\"dau\": \"1M\"}}");
    assertThat(Changes.inputs(yaml, json)).isEmpty();
  }

  @Test
  void removedInputsStayWhereTheyStoodAndAddedOnesComeInTheNewOrder() {
    Node old = parse("a: 1\nb: 2\nc: 3\n");
    Node now = parse("a: 1\nc: 3\nd: 4\n");
    assertThat(described(Changes.inputs(old, now))).containsExactly("b removed 2 -> -", "d added - -> 4");
    Node before = parse("x: 1\ny: 2\n");
    Node after = parse("z: 0\nx: 5\n");
    assertThat(described(Changes.inputs(before, after)))
        .containsExactly("z added - -> 0", "x changed 1 -> 5", "y removed 2 -> -");
  }

  @Test
  void emptyMappingsListsAndNullsAreLeaves() {
    Map<String, String> flat = Changes.flatten(parse("a: {}\nb: []\nc: [x, {d: 1}]\ne:\n"));
    assertThat(flat).containsExactly(Map.entry("a", "{}"), Map.entry("b", "[]"), Map.entry("c[0]", "x"),
        Map.entry("c[1].d", "1"), Map.entry("e", "null"));
  }

  @Test
  void relativeChangeIsNewMinusOldOverTheSizeOfOld() {
    // (250 - 200) / 200 = 0.25; (60 - 80) / 80 = -0.25; (3.63 - 3.3) / 3.3 = 0.1.
    assertThat(moved(200, 250).relative().getAsDouble()).isCloseTo(0.25, within(1e-15));
    assertThat(moved(80, 60).relative().getAsDouble()).isCloseTo(-0.25, within(1e-15));
    assertThat(moved(3.3, 3.63).relative().getAsDouble()).isCloseTo(0.1, within(1e-12));
    // |old| keeps the sign meaningful for a negative old value: (-2 - -4) / 4 = +0.5.
    assertThat(Changes.relative(new Quantity(-4, Quantity.Kind.NUMBER), new Quantity(-2, Quantity.Kind.NUMBER)).getAsDouble())
        .isEqualTo(0.5);
  }

  @Test
  void aThresholdIsExceededOnlyByMoreThanIt() {
    // +10% does not exceed 10%, even where doubles give 0.10000000000000003 for 3.3 -> 3.63.
    assertThat(moved(100, 110).over(0.10)).isFalse();
    assertThat(moved(3.3, 3.63).over(0.10)).isFalse();
    assertThat(moved(100, 110.001).over(0.10)).isTrue();
    assertThat(moved(100, 89).over(0.10)).isTrue();
    assertThat(moved(100, 90).over(0.10)).isFalse();
    assertThat(moved(100, 100.5).over(0)).isTrue();
  }

  @Test
  void leavingZeroIsAnInfiniteChangeOverAnyThreshold() {
    Changes.Output out = moved(0, 5);
    assertThat(out.change()).isEqualTo(Kind.CHANGED);
    assertThat(out.relative()).isEmpty();
    assertThat(out.fromZero()).isTrue();
    assertThat(out.over(1e9)).isTrue();
    // Reaching zero is a plain -100%.
    assertThat(moved(5, 0).relative().getAsDouble()).isEqualTo(-1);
    assertThat(moved(5, 0).fromZero()).isFalse();
  }

  @Test
  void numbersThatPrintTheSameInJsonHaveNotMoved() {
    Tree a = new Tree().put("x", 0.1 + 0.2, Quantity.Kind.NUMBER).put("y", 0, Quantity.Kind.COUNT);
    Tree b = new Tree().put("x", 0.3, Quantity.Kind.NUMBER).put("y", 0, Quantity.Kind.COUNT);
    assertThat(Changes.outputs(a, b)).isEmpty();
  }

  @Test
  void figuresOnOneSideAreAddedOrRemovedAndExceedAnyThreshold() {
    Tree a = new Tree();
    a.child("capacity").put("servers", 25, Quantity.Kind.INTEGER).put("shards_by_reads", 11, Quantity.Kind.INTEGER);
    Tree b = new Tree();
    b.child("capacity").put("servers", 25, Quantity.Kind.INTEGER).put("nodes", 30, Quantity.Kind.INTEGER);
    List<Changes.Output> out = Changes.outputs(a, b);
    assertThat(out).extracting(Changes.Output::path, Changes.Output::change)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("capacity.shards_by_reads", Kind.REMOVED),
            org.assertj.core.groups.Tuple.tuple("capacity.nodes", Kind.ADDED));
    assertThat(out.get(0).now()).isEmpty();
    assertThat(out.get(1).old()).isEmpty();
    assertThat(out).allMatch(o -> o.over(10) && o.relative().isEmpty());
  }

  @Test
  void changedTextIsListedButNotMeasuredInPercent() {
    Tree a = new Tree().put("schema", "s/v1").put("name", "Old");
    a.child("capacity").put("bound_by", "storage");
    Tree b = new Tree().put("schema", "s/v1").put("name", "New");
    b.child("capacity").put("bound_by", "writes");
    List<Changes.Output> out = Changes.outputs(a, b);
    // The name is a title, not a figure; it shows among the inputs.
    assertThat(out).hasSize(1);
    assertThat(out.get(0).path()).isEqualTo("capacity.bound_by");
    assertThat(out.get(0).relative()).isEmpty();
    assertThat(out.get(0).fromZero()).isFalse();
    assertThat(out.get(0).over(0)).isFalse();
  }

  @Test
  void mergeVisitsEveryKeyOnce() {
    Map<String, Integer> old = new LinkedHashMap<>();
    Map<String, Integer> now = new LinkedHashMap<>();
    for (String k : List.of("a", "b", "c", "d")) {
      old.put(k, 1);
    }
    for (String k : List.of("d", "e", "b", "a")) {
      now.put(k, 2);
    }
    List<String> seen = new ArrayList<>();
    Changes.merge(old, now, (x, y) -> seen.add((x == null ? "-" : x.getKey()) + (y == null ? "-" : y.getKey())));
    // The new order d, e, b, a; then c, which only the old map has, once the keys before it there
    // (a, b) have come.
    assertThat(seen).containsExactly("dd", "-e", "bb", "aa", "c-");
  }

  @Test
  void outputsOnBothSidesKeepTheirValues() {
    Changes.Output out = moved(200, 250);
    assertThat(out.old()).isEqualTo(Optional.of(new Quantity(200, Quantity.Kind.COUNT)));
    assertThat(out.now()).isEqualTo(Optional.of(new Quantity(250, Quantity.Kind.COUNT)));
    assertThat(out.relative()).isEqualTo(OptionalDouble.of(0.25));
  }
}
