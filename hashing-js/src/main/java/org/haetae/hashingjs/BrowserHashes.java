package org.haetae.hashingjs;

import org.haetae.hashing.pdq.PdqHash;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The functions {@code haetae-hashes.js} exports (TeaVM {@code @JSExport}; the script is a UMD
 * module, so a page that loads it with a script tag gets them as globals):
 *
 * <ul>
 *   <li>{@code pdq(rgba, width, height)}: PDQ of RGBA pixels ({@code Uint8ClampedArray} from {@code
 *       getImageData}, or any byte view), returns {@code {hash, quality}} with the hash as 64 hex
 *       digits;
 *   <li>{@code pdqGrey(rgba, width, height)}: the same for the pixels of a greyscale file, mapped
 *       as Java maps grey ({@link JavaGrey});
 *   <li>{@code md5(bytes)}: MD5 of a byte view, 32 hex digits.
 * </ul>
 */
public final class BrowserHashes {
  private BrowserHashes() {}

  @JSExport
  public static JSObject pdq(ArrayBufferView rgba, int width, int height) {
    return result(PixelHashes.pdq(bytes(rgba), width, height));
  }

  @JSExport
  public static JSObject pdqGrey(ArrayBufferView rgba, int width, int height) {
    return result(PixelHashes.pdqGrey(bytes(rgba), width, height));
  }

  @JSExport
  public static String md5(ArrayBufferView data) {
    return Md5.hex(bytes(data));
  }

  /** The view's bytes as a Java array over the same memory (no copy). */
  private static byte[] bytes(ArrayBufferView view) {
    return Int8Array.create(view.getBuffer(), view.getByteOffset(), view.getByteLength())
        .toJavaArray();
  }

  private static JSObject result(PdqHash h) {
    return result(h.hash().toHex(), h.quality());
  }

  @JSBody(
      params = {"hash", "quality"},
      script = "return {hash: hash, quality: quality};")
  private static native JSObject result(String hash, int quality);
}
