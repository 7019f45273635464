package org.haetae.matching.format;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bank text files are UTF-8; undecodable bytes become U+FFFD and then fail hash validation. */
final class TextInput {
  private TextInput() {}

  static CsvReader csv(InputStream in) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new CsvReader(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
  }

  /** Trims and caps a label or id, so a hostile file cannot bloat the bank. */
  static String clip(String s) {
    String t = s.strip();
    return t.length() <= 1024 ? t : t.substring(0, 1024);
  }
}
