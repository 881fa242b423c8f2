package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.render.Tree.Quantity;
import dev.envelope.units.UnitSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepReportTest {
  private static final List<String> VARY = List.of("conventions.seconds_per_day");
  private static final List<String> SHOW = List.of("traffic.total.peak_per_second", "capacity.servers");

  /** Two combinations; the second has no server count. */
  private static List<SweepReport.Row> rows() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("traffic.total.peak_per_second", new Quantity(2000, Quantity.Kind.RATE));
    first.put("capacity.servers", new Quantity(3, Quantity.Kind.INTEGER));
    Map<String, Object> second = Map.of("traffic.total.peak_per_second", new Quantity(1728, Quantity.Kind.RATE));
    return List.of(new SweepReport.Row(List.of("86,400"), first, UnitSystem.SI),
        new SweepReport.Row(List.of("100,000"), second, UnitSystem.SI));
  }

  @Test
  void pickTakesTheLeavesThatExist() {
    Tree tree = new Tree();
    tree.child("traffic").child("total").put("peak_per_second", 5, Quantity.Kind.RATE);
    tree.child("capacity").put("bound_by", "storage");
    tree.child("availability").put("meets_target", true);
    assertThat(SweepReport.pick(tree, List.of("traffic.total.peak_per_second", "traffic.total", "capacity.bound_by",
        "capacity.servers", "availability.meets_target"))).containsOnlyKeys("traffic.total.peak_per_second",
        "capacity.bound_by", "availability.meets_target");
  }

  @Test
  void anAbsentOutputIsADashInTables() {
    Report report = SweepReport.build("t", List.of(), VARY, SHOW, rows());
    assertThat(TableRenderer.render(report, false)).isEqualTo("""
        t

        Sweep
          conventions.seconds_per_day   traffic.total.peak_per_second   capacity.servers
          86,400                                                2 K/s                  3
          100,000                                            1.73 K/s                  -
          2 combinations; - marks an output that combination does not have
        """);
  }

  @Test
  void anAbsentOutputIsAnEmptyCsvCellAndValuesWithCommasAreQuoted() {
    assertThat(SweepReport.csv(VARY, SHOW, rows())).isEqualTo("""
        conventions.seconds_per_day,traffic.total.peak_per_second,capacity.servers
        "86,400",2000,3
        "100,000",1728,
        """);
  }

  @Test
  void anAbsentOutputIsLeftOutOfJson() {
    String json = JsonRenderer.render(SweepReport.build("t", List.of(), VARY, SHOW, rows()).tree());
    assertThat(json).isEqualTo("""
        {
          "schema": "envelope.sweep/v1",
          "vary": [
            "conventions.seconds_per_day"
          ],
          "show": [
            "traffic.total.peak_per_second",
            "capacity.servers"
          ],
          "rows": [
            {
              "inputs": {
                "conventions.seconds_per_day": "86,400"
              },
              "outputs": {
                "traffic.total.peak_per_second": 2000,
                "capacity.servers": 3
              }
            },
            {
              "inputs": {
                "conventions.seconds_per_day": "100,000"
              },
              "outputs": {
                "traffic.total.peak_per_second": 1728
              }
            }
          ]
        }
        """);
  }

  @Test
  void getPrintsTheVariedValuesThenTheRawValueSeparatedByTabs() {
    assertThat(SweepReport.lines("capacity.servers", rows())).isEqualTo("86,400\t3\n100,000\t\n");
  }
}
