package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope bandwidth FILE}. */
final class BandwidthCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {"Ingress and egress, average and peak, in bytes and bits per second."};

  private final Context context;

  final CommandSpec spec;

  BandwidthCommand(Context context) {
    this.context = context;
    this.spec = FileReport.command(this, "bandwidth", DESCRIPTION,
        "  envelope bandwidth examples/video-streaming.yaml");
  }

  @Override
  public Integer call() {
    return FileReport.of(spec).print(context, EnumSet.of(Section.BANDWIDTH));
  }
}
