package dev.envelope.app;

/** The output formats: {@code -o FORMAT}. */
public enum Format {
  table,
  json,
  yaml,
  markdown,
  csv
}
