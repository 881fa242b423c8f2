package dev.envelope.cli;

/** The formats of {@code -o}. */
enum OutputFormat {
  table,
  json,
  yaml,
  markdown,
  csv
}
