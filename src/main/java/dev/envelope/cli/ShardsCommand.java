package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope shards FILE}. */
final class ShardsCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {"Servers, shards (by storage, writes and reads) and nodes."};

  private final Context context;

  final CommandSpec spec;

  ShardsCommand(Context context) {
    this.context = context;
    this.spec = FileReport.command(this, "shards", DESCRIPTION,
        "  envelope shards examples/url-shortener.yaml", "  envelope shards examples/twitter.yaml --scenarios");
  }

  @Override
  public Integer call() {
    return FileReport.of(spec).print(context, EnumSet.of(Section.CAPACITY));
  }
}
