package org.haetae.telegram.read;

/**
 * Bounds that keep the reader's memory constant whatever the export holds.
 *
 * @param maxStringBytes longer strings are cut (and reported); Telegram's own limit is a few
 *     thousand characters, so the default of 1 MiB only ever cuts hostile input
 * @param maxDepth arrays and objects nested deeper are replaced by null (and reported); real
 *     exports nest about eight levels
 * @param maxNodesPerMessage a message with more JSON values keeps the first ones (and is reported)
 */
public record ReaderOptions(int maxStringBytes, int maxDepth, int maxNodesPerMessage) {
  public static final ReaderOptions DEFAULT = new ReaderOptions(1 << 20, 48, 100_000);
}
