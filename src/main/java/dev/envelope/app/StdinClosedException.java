package dev.envelope.app;

import java.io.IOException;

/**
 * Thrown by the standard input Main hands a run when the process was started with standard input
 * closed ({@code envelope estimate - <&-}); reading {@code -} then ends in exit code 4.
 */
public final class StdinClosedException extends IOException {
  private static final long serialVersionUID = 1L;

  public StdinClosedException() {
    super("standard input is closed");
  }
}
