package dev.envelope.properties;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.envelope.estimate.Catalog;
import dev.envelope.estimate.Section;
import dev.envelope.model.RequirementsReader;
import dev.envelope.model.RequirementsReader.Need;
import dev.envelope.render.EstimateReport;
import dev.envelope.render.Flat;
import dev.envelope.render.Tree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the estimate over a few hundred random files (fixed seeds, so a failure repeats):
 * more users never lower a figure; totals are the sums of the workloads.
 */
class EstimatePropertiesTest {
  private static final int FILES = 300;

  /** Every numeric figure of the estimate of {@code text}, by its JSON path. */
  static Map<String, Double> figures(String text) {
    var req = RequirementsReader.read("random.yaml", text.getBytes(UTF_8), Need.ESTIMATE);
    Tree tree = EstimateReport.build(Catalog.estimate(req), Section.all()).tree();
    Map<String, Double> out = new LinkedHashMap<>();
    for (Flat.Row row : Flat.rows(tree)) {
      if (row.value() instanceof Tree.Quantity f) {
        out.put(row.path(), f.value());
      }
    }
    return out;
  }

  @Test
  void moreUsersNeverLowerQpsStorageOrCounts() {
    SplittableRandom r = new SplittableRandom(20_261_128L);
    for (int i = 0; i < FILES; i++) {
      long seed = r.nextLong();
      double dau = RandomFiles.logUniform(r, 1, 1e9);
      double more = dau * (1 + RandomFiles.logUniform(r, 1e-3, 100));
      // The same draws for both files: only the users differ.
      String fewer = RandomFiles.file(new SplittableRandom(seed), plain(dau));
      String larger = RandomFiles.file(new SplittableRandom(seed), plain(more));
      Map<String, Double> a = figures(fewer);
      Map<String, Double> b = figures(larger);
      assertThat(b.keySet()).as(larger).isEqualTo(a.keySet());
      for (String path : a.keySet()) {
        if (List.of("traffic.", "workloads.", "bandwidth.", "storage.", "cache.", "capacity.", "users.dau")
            .stream().anyMatch(path::startsWith)) {
          assertThat(b.get(path)).as("%s with %s users rather than %s%n%s", path, more, dau, fewer)
              .isGreaterThanOrEqualTo(a.get(path) * (1 - 1e-12));
        }
      }
    }
  }

  @Test
  void totalsAreTheSumsOfTheWorkloads() {
    SplittableRandom r = new SplittableRandom(7);
    List<String[]> totals = List.of(
        new String[] {"traffic.writes.per_day", "writes.per_day"},
        new String[] {"traffic.writes.avg_per_second", "writes.avg_per_second"},
        new String[] {"traffic.writes.peak_per_second", "writes.peak_per_second"},
        new String[] {"traffic.reads.per_day", "reads.per_day"},
        new String[] {"traffic.reads.avg_per_second", "reads.avg_per_second"},
        new String[] {"traffic.reads.peak_per_second", "reads.peak_per_second"},
        new String[] {"bandwidth.ingress.avg_bytes_per_second", "ingress.avg_bytes_per_second"},
        new String[] {"bandwidth.ingress.peak_bytes_per_second", "ingress.peak_bytes_per_second"},
        new String[] {"bandwidth.egress.avg_bytes_per_second", "egress.avg_bytes_per_second"},
        new String[] {"bandwidth.egress.peak_bytes_per_second", "egress.peak_bytes_per_second"},
        new String[] {"storage.bytes_per_day", "storage.bytes_per_day"},
        new String[] {"storage.bytes_retained", "storage.bytes_retained"},
        new String[] {"storage.objects_retained", "storage.objects_retained"});
    int checked = 0;
    for (int i = 0; i < FILES; i++) {
      String text = RandomFiles.file(r, RandomFiles.number(r, 1, 1e9));
      Map<String, Double> f = figures(text);
      for (String[] t : totals) {
        double sum = 0;
        boolean any = false;
        for (Map.Entry<String, Double> e : f.entrySet()) {
          if (e.getKey().matches("workloads\\.[^.]+\\." + t[1].replace(".", "\\."))) {
            sum += e.getValue();
            any = true;
          }
        }
        if (any) {
          assertThat(f).as(t[0] + "\n" + text).containsKey(t[0]);
          assertThat(f.get(t[0])).as(t[0] + "\n" + text).isCloseTo(sum, within(Math.abs(sum) * 1e-12));
          checked++;
        }
      }
      // Reads and writes make the total.
      assertThat(f.get("traffic.total.per_day")).as(text).isCloseTo(
          f.getOrDefault("traffic.writes.per_day", 0.0) + f.getOrDefault("traffic.reads.per_day", 0.0),
          within(f.get("traffic.total.per_day") * 1e-12));
    }
    assertThat(checked).isGreaterThan(FILES * 8);
  }

  private static String plain(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(12)).toPlainString();
  }
}
