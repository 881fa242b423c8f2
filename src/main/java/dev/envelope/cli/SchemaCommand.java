package dev.envelope.cli;

import dev.envelope.render.JsonRenderer;
import dev.envelope.render.RequirementsSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code envelope schema}: the JSON Schema of the requirements file. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema (draft 2020-12) of the requirements file, for editors and other tools.",
      "The same schema is in docs/schema/requirements-v1.schema.json."
    },
    footer = {
      "%nExample:",
      "  envelope schema > requirements.schema.json",
      "  then start a YAML requirements file with this line for editor completion:",
      "  # yaml-language-server: $schema=requirements.schema.json"
    })
final class SchemaCommand implements Callable<Integer> {
  @ParentCommand EnvelopeCommand root;

  @Override
  public Integer call() {
    Printer.write(root.context, JsonRenderer.render(RequirementsSchema.tree()));
    return 0;
  }
}
