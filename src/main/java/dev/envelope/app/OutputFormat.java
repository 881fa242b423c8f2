package dev.envelope.app;

/** The output formats: {@code -o FORMAT}. */
public enum OutputFormat {
  table,
  json,
  yaml,
  markdown,
  csv
}
