package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.render.Changes.Kind;
import dev.envelope.render.Tree.Quantity;
import dev.envelope.units.UnitSystem;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DiffReportTest {
  private static final DiffReport.Sides NO_LIMIT =
      new DiffReport.Sides("old.yaml", "new.yaml", UnitSystem.SI, UnitSystem.SI, OptionalDouble.empty());

  private static Changes.Output changed(String path, double old, double now) {
    Tree a = new Tree().put(path, old, Quantity.Kind.INTEGER);
    Tree b = new Tree().put(path, now, Quantity.Kind.INTEGER);
    return Changes.outputs(a, b).get(0);
  }

  private static Changes.Output added(String path, double now) {
    return new Changes.Output(path, Kind.ADDED, Optional.empty(), Optional.of(new Quantity(now, Quantity.Kind.INTEGER)),
        OptionalDouble.empty());
  }

  @Test
  void tablesShowTheRelativeChangeAsASignedPercentage() {
    // (225 - 200) / 200 = +12.5%; (97 - 100) / 100 = -3%; (300 - 100) / 100 = +200%.
    assertThat(DiffReport.change(changed("a", 200, 225))).isEqualTo("+12.5%");
    assertThat(DiffReport.change(changed("a", 100, 97))).isEqualTo("-3%");
    assertThat(DiffReport.change(changed("a", 100, 300))).isEqualTo("+200%");
    // 3 significant figures: (1001 - 1000) / 1000 = +0.1%, (3 - 7) / 7 = -57.1%.
    assertThat(DiffReport.change(changed("a", 1000, 1001))).isEqualTo("+0.1%");
    assertThat(DiffReport.change(changed("a", 7, 3))).isEqualTo("-57.1%");
    assertThat(DiffReport.change(changed("a", 0, 3))).isEqualTo("from 0");
    assertThat(DiffReport.change(added("a", 3))).isEqualTo("added");
  }

  @Test
  void jsonHasEveryKeyInAFixedOrderWithNullForWhatIsNotThere() {
    Changes.Input input = new Changes.Input("storage.overhead", Kind.ADDED, Optional.empty(), Optional.of("10%"));
    Report report = DiffReport.build(
        new DiffReport.Sides("old.yaml", "new.yaml", UnitSystem.SI, UnitSystem.SI, OptionalDouble.of(0.1)),
        List.of(), List.of(input), List.of(changed("capacity.servers", 0, 4), changed("capacity.nodes", 8, 10)));
    assertThat(JsonRenderer.render(report.tree())).isEqualTo("""
        {
          "schema": "envelope.diff/v1",
          "old": "old.yaml",
          "new": "new.yaml",
          "inputs": [
            {
              "path": "storage.overhead",
              "change": "added",
              "old": null,
              "new": "10%"
            }
          ],
          "outputs": [
            {
              "path": "capacity.servers",
              "change": "changed",
              "old": 0,
              "new": 4,
              "relative_change": null
            },
            {
              "path": "capacity.nodes",
              "change": "changed",
              "old": 8,
              "new": 10,
              "relative_change": 0.25
            }
          ],
          "fail_over": 0.1,
          "failed": true
        }
        """);
  }

  @Test
  void withoutAThresholdNothingFails() {
    Report report = DiffReport.build(NO_LIMIT, List.of(), List.of(), List.of(changed("a", 1, 100)));
    assertThat(JsonRenderer.render(report.tree())).endsWith("  \"fail_over\": null,\n  \"failed\": false\n}\n");
    assertThat(DiffReport.over(List.of(changed("a", 1, 100)), OptionalDouble.empty())).isEmpty();
  }

  @Test
  void identicalFilesSayNoChanges() {
    Report report = DiffReport.build(NO_LIMIT, List.of(), List.of(), List.of());
    assertThat(TableRenderer.render(report, false))
        .isEqualTo("old.yaml -> new.yaml\nno changes: the same inputs and the same outputs\n");
    assertThat(JsonRenderer.render(report.tree())).contains("\"inputs\": [],\n  \"outputs\": [],");
  }

  @Test
  void csvHasOneRowPerChangeWithEmptyFieldsForNull() {
    Changes.Input input = new Changes.Input("conventions.seconds_per_day", Kind.CHANGED, Optional.of("86400"),
        Optional.of("86,400"));
    String csv = DiffReport.csv(List.of(input), List.of(changed("capacity.servers", 0, 4),
        changed("capacity.nodes", 8, 10), added("capacity.shards", 3)));
    assertThat(csv).isEqualTo("""
        part,path,change,old,new,relative_change
        input,conventions.seconds_per_day,changed,86400,"86,400",
        output,capacity.servers,changed,0,4,
        output,capacity.nodes,changed,8,10,0.25
        output,capacity.shards,added,,3,
        """);
  }

  @Test
  void tablesMarkTheMissingSideAndCountWhatExceedsTheThreshold() {
    Report report = DiffReport.build(
        new DiffReport.Sides("old.yaml", "new.yaml", UnitSystem.SI, UnitSystem.SI, OptionalDouble.of(0.5)),
        List.of(), List.of(), List.of(changed("capacity.nodes", 8, 10), added("capacity.shards", 3)));
    assertThat(TableRenderer.render(report, false)).isEqualTo("""
        old.yaml -> new.yaml

        Inputs
          no input changed

        Outputs
          output            old   new   change
          capacity.nodes      8    10     +25%
          capacity.shards     -     3    added
          change = (new - old) / |old|
          --fail-over 50%: 1 output moved by more than 50%
        """);
  }
}
