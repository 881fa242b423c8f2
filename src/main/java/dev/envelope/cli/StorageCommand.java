package dev.envelope.cli;

import dev.envelope.estimate.Section;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope storage FILE}. */
final class StorageCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {"Storage per day, month and year, retained and replicated."};

  private final Context context;

  final CommandSpec spec;

  StorageCommand(Context context) {
    this.context = context;
    this.spec = FileReport.command(this, "storage", DESCRIPTION,
        "  envelope storage examples/pastebin.yaml", "  envelope storage examples/twitter.yaml --get storage.bytes_replicated");
  }

  @Override
  public Integer call() {
    return FileReport.of(spec).print(context, EnumSet.of(Section.STORAGE));
  }
}
