package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeTest {
  /** A value past the largest double is found wherever it is, in a list of components too. */
  @Test
  void aNonFiniteValueIsFoundInsideLists() {
    Tree ok = new Tree().put("a", 1, Tree.Quantity.Kind.COUNT);
    assertThat(ok.firstNonFinite()).isEmpty();
    Tree bad = new Tree().put("nines", Double.POSITIVE_INFINITY, Tree.Quantity.Kind.NUMBER);
    Tree root = new Tree();
    root.child("availability").putList("components", List.of(new Tree(), bad));
    assertThat(root.firstNonFinite()).hasValue("availability.components.1.nines");
    root.put("total", Double.NaN, Tree.Quantity.Kind.COUNT);
    assertThat(new Tree().putList("xs", List.of(ok, new Tree().put("q", Double.NaN, Tree.Quantity.Kind.COUNT)))
        .firstNonFinite()).hasValue("xs.1.q");
  }
}
