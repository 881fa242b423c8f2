package dev.envelope.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitTest {
  @Test
  void wideEastAsianCharactersTakeTwoColumnsAndCombiningMarksNone() {
    assertThat(Fit.width("abc")).isEqualTo(3);
    assertThat(Fit.width("東京")).isEqualTo(4);
    assertThat(Fit.width("e\u0301")).isEqualTo(1); // e and a combining acute accent
    assertThat(Fit.width("한국")).isEqualTo(4);
  }

  @Test
  void textThatFitsIsOneLineWithItsIndent() {
    assertThat(Fit.wrap("a short note", 40, "  ", "    ")).containsExactly("  a short note");
  }

  @Test
  void linesBreakAtSpacesAndNeverInsideAWord() {
    // 24 columns: "  " + 22 of words at most on the first line, "    " + 20 after.
    List<String> lines = Fit.wrap("origin egress = egress x (1 - hit_ratio) per workload", 24, "  ", "    ");
    assertThat(lines).containsExactly(
        "  origin egress = egress", // 24: a line may fill the width
        "    x (1 - hit_ratio)", // 21, and " per" would make 25
        "    per workload");
    assertThat(String.join(" ", lines).replaceAll(" +", " ").strip())
        .isEqualTo("origin egress = egress x (1 - hit_ratio) per workload");
  }

  @Test
  void aWordLongerThanALineIsBrokenWhereTheLineEnds() {
    List<String> lines = Fit.wrap("see workloads.tweet.fanout_on_write.storage.bytes_per_day", 20, "", "  ");
    assertThat(lines).allSatisfy(line -> assertThat(Fit.width(line)).isLessThanOrEqualTo(20));
    assertThat(String.join("", lines.stream().map(String::strip).toList()))
        .isEqualTo("seeworkloads.tweet.fanout_on_write.storage.bytes_per_day");
  }

  @Test
  void belowTheNarrowestWidthTextIsLeftAsItIs() {
    assertThat(Fit.wrap("a note of several words", 10, "", "")).containsExactly("a note of several words");
  }

  @Test
  void wideCharactersAreMeasuredByTheirColumns() {
    // Twelve characters of two columns each: six to a 12-column line.
    List<String> lines = Fit.wrap("東京都 東京都 東京都 東京都", 20, "", "");
    assertThat(lines).allSatisfy(line -> assertThat(Fit.width(line)).isLessThanOrEqualTo(20));
    assertThat(lines).hasSize(2);
  }

  // Tables.

  private static Report report(Report.Block block) {
    return new Report("Title", List.of("a header line"), List.of(block), new Tree());
  }

  private static Report.Block bandwidth() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("media ingress", "347 MB/s", "2.78 Gbit/s", "694 MB/s", "5.56 Gbit/s"));
    rows.add(List.of("total egress", "3.48 GB/s", "27.9 Gbit/s", "6.97 GB/s", "55.7 Gbit/s"));
    return new Report.Block("Bandwidth", List.of("", "avg", "", "peak", ""), rows, List.of("ingress = writes/s x payload"))
        .dropping("bits per second", 2, 4);
  }

  @Test
  void withoutAWidthTheLayoutIsTheOneItAlwaysWas() {
    Report r = report(bandwidth());
    assertThat(TableRenderer.render(r, false, 0)).isEqualTo(TableRenderer.render(r, false));
    assertThat(TableRenderer.render(r, false, 200)).isEqualTo(TableRenderer.render(r, false));
  }

  @Test
  void aTableTooWideLeavesOutItsSecondaryColumnsAndSaysSo() {
    // The whole table is 2 + 13 + 3 + 9 + 3 + 11 + 3 + 9 + 3 + 11 = 67 columns; without bits, 41.
    String text = TableRenderer.render(report(bandwidth()), false, 50);
    assertThat(text).doesNotContain("Gbit/s").contains("  total egress    3.48 GB/s   6.97 GB/s\n")
        .contains("left out to fit 50 columns: bits per second");
    assertThat(text.lines()).allSatisfy(line -> assertThat(Fit.width(line)).isLessThanOrEqualTo(50));
    assertThat(TableRenderer.render(report(bandwidth()), false, 67)).contains("Gbit/s").doesNotContain("left out");
  }

  @Test
  void aLastColumnOfTextWrapsUnderItself() {
    Report.Block block = new Report.Block("Assumptions", List.of(), List.of(
        List.of("capacity.utilization", "70%", "default: a rule of thumb, nodes at most 70% busy or full")),
        List.of(), -2);
    // 54 columns: 2 + 20 + 3 + 3 + 3 = 31 before the text, 23 for it.
    String text = TableRenderer.render(report(block), false, 54);
    String under = " ".repeat(31);
    assertThat(text).contains(
        "  capacity.utilization   70%   default: a rule of\n"
            + under + "thumb, nodes at most\n"
            + under + "70% busy or full\n");
  }

  @Test
  void columnsWithNothingToLeaveOutAreStackedInBandsLedByTheFirst() {
    Report.Block block = new Report.Block("Downtime", List.of("target", "per hour", "per day", "per week", "per year"),
        List.of(List.of("99.9%", "3.6 s", "1m 26.4s", "10m 4.8s", "8.76 h")), List.of());
    // 38 columns after the indent: target, per hour and per day take 6 + 3 + 8 + 3 + 8 = 28, and
    // per week would make 39.
    String text = TableRenderer.render(report(block), false, 40);
    assertThat(text).contains(
        "  target   per hour    per day\n"
            + "  99.9%       3.6 s   1m 26.4s\n"
            + "\n"
            + "  target   per week   per year\n"
            + "  99.9%    10m 4.8s     8.76 h\n");
  }

  @Test
  void notesAndHeadersWrapAtWordsUnderTheirIndent() {
    Report.Block block = new Report.Block("Cache", List.of(), List.of(List.of("cache", "180 GB")),
        List.of("cache = hot_fraction x reads/day x read_size, of the reads"));
    String text = TableRenderer.render(report(block), false, 30);
    assertThat(text).contains("  cache = hot_fraction x\n    reads/day x read_size, of\n    the reads\n");
  }
}
