package org.haetae.faces.runtime;

/** A model could not be loaded or run: a broken build or an unsupported machine, not bad input. */
public final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
