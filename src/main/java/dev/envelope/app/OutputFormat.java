package dev.envelope.app;

/** The output formats: {@code -o FORMAT}; {@code mermaid} and {@code dot} draw an estimate's sized sketch. */
public enum OutputFormat {
  table,
  json,
  yaml,
  markdown,
  csv,
  mermaid,
  dot
}
