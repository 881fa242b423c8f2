package dev.envelope.cli;

import dev.envelope.render.JsonRenderer;
import dev.envelope.render.RequirementsSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code envelope schema}: the JSON Schema of the requirements file. */
final class SchemaCommand implements Callable<Integer> {
  static final String[] DESCRIPTION = {
    "Print the JSON Schema (draft 2020-12) of the requirements file, for editors and other tools.",
    "The same schema is in docs/schema/requirements-v1.schema.json."
  };

  private final Context context;

  final CommandSpec spec;

  SchemaCommand(Context context) {
    this.context = context;
    this.spec = Specs.command(this, "schema", DESCRIPTION);
    spec.usageMessage().footer("%nExample:", "  envelope schema > requirements.schema.json",
        "  then start a YAML requirements file with this line for editor completion:",
        "  # yaml-language-server: $schema=requirements.schema.json");
  }

  @Override
  public Integer call() {
    Printer.write(context, JsonRenderer.render(RequirementsSchema.tree()));
    return 0;
  }
}
