package org.haetae.telegram.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Byte-level pass between {@code result.json} and the JSON parser that makes real exports parse in
 * bounded memory:
 *
 * <ul>
 *   <li>rewrites Telegram's non-standard {@code \xHH} string escapes as a standard unicode escape
 *       (backslash, u, 00HH);
 *   <li>cuts any string longer than a bound (a 100 MB text field stays 1 MB), closing it cleanly;
 *   <li>replaces any array or object nested deeper than a bound by {@code null}.
 * </ul>
 *
 * It counts what it changed so the reader can report it, and maps positions of the filtered stream
 * back to byte offsets of the file for error messages.
 */
final class LenientJsonInput extends InputStream {
  private static final int CHUNK = 1 << 16;
  private static final int MAX_MARKS = 4096;

  private static final boolean[] IN_STRING = table('"', '\\');
  private static final boolean[] OUTSIDE = table('"', '[', ']', '{', '}');

  private final InputStream in;
  private final int maxStringBytes;
  private final int maxDepth;
  private final byte[] inBuf = new byte[CHUNK];
  // Worst case every input byte is a \x escape: 3 output bytes for 2 input bytes, plus "null".
  private final byte[] outBuf = new byte[CHUNK * 2 + 8];
  private int outPos;
  private int outLen;

  private long inOffset;
  private long outOffset;
  // (outOffset, inOffset) pairs where the difference between the two changed, newest last.
  private final ArrayDeque<long[]> marks = new ArrayDeque<>();

  private boolean inString;
  private int escape; // 0 none, 1 after backslash, >1: hex digits still to pass
  private long stringBytes;
  private boolean cutting;
  private int depth;
  private int dropLevel; // >0 while skipping a too-deep subtree
  private boolean dropInString;
  private boolean dropEscape;

  // (filteredOffset, kind) of cuts and drops not yet claimed by the reader; kind 0 cut, 1 drop.
  private final ArrayDeque<long[]> events = new ArrayDeque<>();
  static final int CUT = 0;
  static final int DROP = 1;

  private long xEscapes;
  private long cutStrings;
  private long droppedSubtrees;

  LenientJsonInput(InputStream in, int maxStringBytes, int maxDepth) {
    this.in = in;
    this.maxStringBytes = maxStringBytes;
    this.maxDepth = maxDepth;
    marks.add(new long[] {0, 0});
  }

  private static boolean[] table(char... special) {
    boolean[] t = new boolean[256];
    for (char c : special) {
      t[c] = true;
    }
    return t;
  }

  long xEscapes() {
    return xEscapes;
  }

  long cutStrings() {
    return cutStrings;
  }

  long droppedSubtrees() {
    return droppedSubtrees;
  }

  /**
   * Removes and returns the kinds ({@link #CUT}, {@link #DROP}) of changes made before a position
   * of the filtered stream, so that each can be pinned on the message being read there.
   */
  int[] claimEvents(long filteredOffset) {
    int cut = 0;
    int drop = 0;
    while (!events.isEmpty() && events.peekFirst()[0] <= filteredOffset) {
      if (events.removeFirst()[1] == CUT) {
        cut++;
      } else {
        drop++;
      }
    }
    return new int[] {cut, drop};
  }

  /** Bytes of the file consumed so far. */
  long fileOffset() {
    return inOffset;
  }

  /**
   * The file offset of a position in the filtered stream. Exact for recent positions (the last few
   * thousand changes), which is where parse errors are.
   */
  long toFileOffset(long filteredOffset) {
    long[] best = marks.peekFirst();
    for (var it = marks.descendingIterator(); it.hasNext(); ) {
      long[] m = it.next();
      if (m[0] <= filteredOffset) {
        best = m;
        break;
      }
    }
    return best[1] + Math.max(0, filteredOffset - best[0]);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (outPos == outLen) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, outLen - outPos);
    System.arraycopy(outBuf, outPos, b, off, n);
    outPos += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int n = in.read(inBuf, 0, CHUNK);
    if (n < 0) {
      return false;
    }
    outPos = 0;
    outLen = 0;
    int i = 0;
    while (i < n) {
      // Fast paths: ordinary bytes are copied in tight loops, and quotes that open or close a
      // string are handled inline; only escapes, brackets and the string bound go through the
      // byte-wise state machine below.
      if (dropLevel == 0 && escape == 0 && !cutting) {
        int j = i;
        int o = outLen;
        if (inString) {
          long room = maxStringBytes - stringBytes;
          int limit = room <= 0 ? i : (int) Math.min(n, i + room);
          while (j < limit && !IN_STRING[inBuf[j] & 0xff]) {
            outBuf[o++] = inBuf[j++];
          }
          stringBytes += j - i;
        } else {
          while (j < n && !OUTSIDE[inBuf[j] & 0xff]) {
            outBuf[o++] = inBuf[j++];
          }
        }
        inOffset += j - i;
        outOffset += o - outLen;
        outLen = o;
        i = j;
        if (i < n && inBuf[i] == '"') {
          // Opening or closing quote.
          inString = !inString;
          stringBytes = 0;
          emit((byte) '"');
          inOffset++;
          i++;
          continue;
        }
        if (i >= n) {
          break;
        }
      }
      byte c = inBuf[i++];
      inOffset++;
      if (dropLevel > 0) {
        drop(c);
      } else if (inString) {
        string(c);
      } else {
        structure(c);
      }
    }
    return true;
  }

  private void emit(byte c) {
    outBuf[outLen++] = c;
    outOffset++;
  }

  private void mark() {
    marks.addLast(new long[] {outOffset, inOffset});
    if (marks.size() > MAX_MARKS) {
      marks.removeFirst();
    }
  }

  private void structure(byte c) {
    switch (c) {
      case '"' -> {
        inString = true;
        escape = 0;
        stringBytes = 0;
        cutting = false;
        emit(c);
      }
      case '[', '{' -> {
        if (depth >= maxDepth) {
          dropLevel = 1;
          dropInString = false;
          dropEscape = false;
          droppedSubtrees++;
          events.addLast(new long[] {outOffset, DROP});
          emit((byte) 'n');
          emit((byte) 'u');
          emit((byte) 'l');
          emit((byte) 'l');
        } else {
          depth++;
          emit(c);
        }
      }
      case ']', '}' -> {
        if (depth > 0) {
          depth--;
        }
        emit(c);
      }
      default -> emit(c);
    }
  }

  private void string(byte c) {
    if (cutting) {
      // Skip to the closing quote, minding escapes, then close the string normally.
      if (escape == 1) {
        escape = 0;
      } else if (c == '\\') {
        escape = 1;
      } else if (c == '"') {
        inString = false;
        cutting = false;
        escape = 0;
        emit(c);
        mark();
      }
      return;
    }
    if (escape == 1) {
      escape = 0;
      if (c == 'x') {
        // \xHH becomes backslash-u-00HH: two more output bytes than input from here on.
        emit((byte) 'u');
        emit((byte) '0');
        emit((byte) '0');
        xEscapes++;
        escape = 3; // two hex digits follow (counted down to 1 -> 0)
        mark();
        stringBytes += 3;
        return;
      }
      if (c == 'u') {
        escape = 5;
      }
      emit(c);
      stringBytes++;
      return;
    }
    if (escape > 1) {
      escape = escape == 2 ? 0 : escape - 1;
      emit(c);
      stringBytes++;
      return;
    }
    if (c == '"') {
      inString = false;
      emit(c);
      return;
    }
    // Cut only on a character boundary: never inside an escape or a UTF-8 sequence.
    if (stringBytes >= maxStringBytes && (c & 0xC0) != 0x80) {
      cutting = true;
      cutStrings++;
      events.addLast(new long[] {outOffset, CUT});
      if (c == '\\') {
        escape = 1;
      }
      return;
    }
    if (c == '\\') {
      escape = 1;
    }
    emit(c);
    stringBytes++;
  }

  private void drop(byte c) {
    if (dropInString) {
      if (dropEscape) {
        dropEscape = false;
      } else if (c == '\\') {
        dropEscape = true;
      } else if (c == '"') {
        dropInString = false;
      }
      return;
    }
    switch (c) {
      case '"' -> dropInString = true;
      case '[', '{' -> dropLevel++;
      case ']', '}' -> {
        dropLevel--;
        if (dropLevel == 0) {
          mark();
        }
      }
      default -> {}
    }
  }
}
