package dev.envelope.cli;

import dev.envelope.render.Fit;
import java.io.IOException;
import java.io.Writer;

/**
 * Standard error fitted to the terminal's width: each line, as it ends, wrapped at word boundaries
 * (further lines indented by two), so that a message naming a long path or listing what is valid
 * reads at 80 columns as it does at 200. A line not yet ended is written as it is when flushed.
 */
final class FittedWriter extends Writer {
  private final Writer out;
  private final int width;
  private final StringBuilder line = new StringBuilder();

  FittedWriter(Writer out, int width) {
    this.out = out;
    this.width = width;
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      char c = buffer[i];
      if (c == '\n') {
        emit();
        out.write('\n');
      } else {
        line.append(c);
      }
    }
  }

  private void emit() throws IOException {
    if (line.length() > 0) {
      out.write(String.join("\n", Fit.wrap(line.toString(), width, "", "  ")));
      line.setLength(0);
    }
  }

  @Override
  public void flush() throws IOException {
    emit();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }
}
