package dev.envelope.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envelope.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code check -o github}, {@code check -o junit} and {@code validate -o github}: what CI servers read. */
class CiFormatsTest {
  @TempDir Path dir;

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, UTF_8);
    return p;
  }

  @Test
  void checkAnnotatesEachFailingBudgetAtItsPlace() {
    CliRun run = CliRun.run("check", "docs/examples/photos.yaml", "-o", "github");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    // capacity.servers: "<= 10" is on line 13, its value from column 21; the egress budget's on line 15, column 43.
    assertThat(run.out().lines()).containsExactly(
        "::error file=docs/examples/photos.yaml,line=13,col=21,title=budget capacity.servers failed in viral"
            + "::capacity.servers in scenario viral: 14, against <= 10; margin -4 (-40%25)"
            + "%0Ainputs that move it most: none: no input varies, the file has no ranges"
            + "%0Anext: envelope explain docs/examples/photos.yaml capacity.servers --scenario viral",
        "::error file=docs/examples/photos.yaml,line=15,col=43,title=budget bandwidth.egress.peak_bytes_per_second"
            + " failed in viral::bandwidth.egress.peak_bytes_per_second in scenario viral: 1.85 GB/s, against < 1GB/s;"
            + " margin -852 MB/s (-85.2%25)%0Ainputs that move it most: none: no input varies, the file has no ranges"
            + "%0Anext: envelope explain docs/examples/photos.yaml bandwidth.egress.peak_bytes_per_second"
            + " --scenario viral",
        "envelope check docs/examples/photos.yaml: 7 of 9 budgets hold");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void annotationsEscapePercentLineBreaksAndThePropertiesSeparators() throws IOException {
    // A scenario named with , : and % (which end or escape a property), and a file name with a comma.
    Path f = file("a,b.yaml", "workloads: {post: {writes: 1K/s, payload: 1KB}}\ncapacity: {server_qps: 100}\n"
        + "budgets: {capacity.servers: \"<= 2\"}\nscenarios:\n  \"x,y: 5%\": {workloads.post.writes: 2K/s}\n"
        + "  \"line\\nbreak\": {workloads.post.writes: 3K/s}\n");
    CliRun run = CliRun.run("check", f.toString(), "-o", "github");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    String escapedFile = f.toString().replace(",", "%2C");
    assertThat(run.out()).contains("::error file=" + escapedFile + ",line=3,col=")
        .contains(",title=budget capacity.servers failed in x%2Cy%3A 5%25::")
        .contains("capacity.servers in scenario x,y: 5%25: ")
        // A line break in a name is never a line break of the log: it is shown escaped.
        .contains("title=budget capacity.servers failed in line\\u000abreak::");
    for (String line : run.out().lines().toList()) {
      assertThat(line).doesNotContain("\r");
    }
    assertThat(run.out().lines().filter(l -> l.startsWith("::error ")).count()).isEqualTo(3);
  }

  @Test
  void checkWarningsAreAnnotationsToo() throws IOException {
    Path f = file("f.yaml", CiCheckTest.WARNED + "budgets: {capacity.servers: \"<= 1M\"}\n");
    CliRun run = CliRun.run("check", f.toString(), "-o", "github");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("::warning file=" + f + ",line=9,col=16,title=capacity.utilization [utilization-high]"
        + "::utilization 95%25 leaves 5%25 headroom");
  }

  @Test
  void validateAnnotatesEveryProblemAndWarning() throws IOException {
    Path bad = file("bad.yaml", CiCheckTest.WARNED + "budgets:\n  capacity.server: \"<= 40\"\n");
    CliRun run = CliRun.run("validate", "-o", "github", bad.toString(), "examples/twitter.yaml");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out().lines()).hasSize(4);
    assertThat(run.out().lines().toList().get(0)).isEqualTo("::error file=" + bad + ",line=13,col=20,"
        + "title=budgets.capacity.server::no such figure in the estimate (did you mean 'capacity.servers'?);"
        + " expected a figure path as printed by envelope estimate FILE -o json");
    assertThat(run.out()).contains("::warning file=" + bad + ",line=5,col=22,"
        + "title=workloads.post.writes_per_user [rate-per-user-high]::20 K a day per user")
        .endsWith("examples/twitter.yaml: valid\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void junitIsValidXmlWithOneCasePerBudgetAndScenario() throws Exception {
    CliRun run = CliRun.run("check", "docs/examples/photos.yaml", "-o", "junit");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    Document xml = parse(run.out());
    Element suites = xml.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("9");
    assertThat(suites.getAttribute("failures")).isEqualTo("2");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(9);
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(2);
    Element first = (Element) failures.item(0);
    assertThat(((Element) first.getParentNode()).getAttribute("name")).isEqualTo("capacity.servers <= 10");
    assertThat(((Element) first.getParentNode()).getAttribute("classname")).isEqualTo("viral");
    assertThat(first.getAttribute("message")).isEqualTo("capacity.servers in scenario viral: 14, against <= 10;"
        + " margin -4 (-40%)");
    assertThat(first.getTextContent()).contains("next: envelope explain docs/examples/photos.yaml capacity.servers"
        + " --scenario viral");
    // No time or timestamp: the same input gives the same bytes.
    assertThat(run.out()).doesNotContain("time").isEqualTo(CliRun.run("check", "docs/examples/photos.yaml", "-o",
        "junit").out());
  }

  @Test
  void junitStaysValidXmlWithHostileNames() throws Exception {
    Path f = file("f.yaml", "workloads: {post: {writes: 1K/s, payload: 1KB}}\ncapacity: {server_qps: 100}\n"
        + "budgets: {capacity.servers: \"<= 2\"}\nscenarios:\n  \"<a href='x'>&amp;\\\"\\e[2J\\u0000\": "
        + "{workloads.post.writes: 2K/s}\n");
    CliRun run = CliRun.run("check", f.toString(), "-o", "junit");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    Document xml = parse(run.out());
    Element second = (Element) xml.getElementsByTagName("testcase").item(1);
    assertThat(second.getAttribute("classname")).isEqualTo("<a href='x'>&amp;\"\\u001b[2J\\u0000");
  }

  @Test
  void getIsRefusedWithTheCiFormats() {
    CliRun run = CliRun.run("check", "docs/examples/photos.yaml", "-o", "junit", "--get", "passed");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  private static Document parse(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(UTF_8)));
  }
}
