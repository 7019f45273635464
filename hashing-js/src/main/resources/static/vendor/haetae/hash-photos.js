/*
 * Haetae: hash a photo on the victim's own device. Needs haetae-hashes.js (loaded first), which is
 * the server's own PDQ compiled from Java, so the hashes here are the ones `haetae hash` computes.
 * Nothing in this file sends anything anywhere: the page decides what to do with the hashes.
 *
 *   const h = await haetaeHashFile(file);
 *   // {pdq, quality, md5, sha256, width, height, exact, note}
 *
 * pdq: 64 hex digits; quality 0..100; md5: 32 hex digits over the file's bytes; sha256: 64 hex
 * digits, or null where Web Crypto is unavailable (pages not served over HTTPS); width and height as
 * stored (EXIF orientation is not applied, as `haetae hash` does not by default). exact is false,
 * with the reason in note, when the browser cannot give the pixels Java's decoder gives (CMYK JPEG,
 * JPEG with a non-sRGB colour profile, 16-bit PNG, transparent pixels without WebGL, formats other
 * than JPEG and PNG): the PDQ is then close to, usually equal to, but not guaranteed equal to, the
 * server's.
 */
(function (global) {
  'use strict';

  /** What the file is, from its first bytes: format, greyscale, and what cannot be exact. */
  function sniff(b) {
    if (b.length > 26 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
      const depth = b[24];
      const type = b[25];
      return {
        format: 'png',
        // Java decodes 8-bit grey (with or without alpha) into linear grey and brightens it.
        grey: (type === 0 || type === 4) && depth === 8,
        inexact: depth === 16 ? '16-bit PNG: Java and the browser reduce 16 bits to 8 differently' : null
      };
    }
    if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8) {
      const components = jpegComponents(b);
      const profile = jpegProfile(b);
      // Java's JPEG reader converts an embedded colour profile to sRGB; PNG's iCCP it ignores.
      const convert = profile !== null && !isSrgbProfile(profile);
      return {
        format: 'jpeg',
        grey: components === 1,
        convert: convert,
        inexact: components === 4 ? 'CMYK JPEG: Java converts CMYK through a colour profile, the browser does not'
          : convert ? 'colour profile (e.g. Display P3): Java and the browser both convert it to sRGB, a few pixels may differ by 1'
            : null
      };
    }
    return { format: 'other', grey: false, inexact: 'only JPEG and PNG are checked to hash exactly as on the server' };
  }

  function ascii(b, at, n) {
    return String.fromCharCode.apply(null, Array.from(b.subarray(at, at + n)));
  }

  /** The ICC profile a JPEG carries (its APP2 chunks joined in order), or null. */
  function jpegProfile(b) {
    const parts = [];
    let p = 2;
    while (p + 4 <= b.length && b[p] === 0xff) {
      const marker = b[p + 1];
      if (marker === 0xda || marker === 0xd9) break;
      const len = (b[p + 2] << 8) | b[p + 3];
      if (marker === 0xe2 && len > 16 && ascii(b, p + 4, 12) === 'ICC_PROFILE\0') {
        parts.push({ seq: b[p + 16], data: b.subarray(p + 18, Math.min(b.length, p + 2 + len)) });
      }
      p += 2 + len;
    }
    if (parts.length === 0) return null;
    parts.sort((x, y) => x.seq - y.seq);
    const out = new Uint8Array(parts.reduce((n, x) => n + x.data.length, 0));
    let at = 0;
    for (const x of parts) {
      out.set(x.data, at);
      at += x.data.length;
    }
    return out;
  }

  /**
   * Whether an ICC profile is sRGB in all but name (sRGB primaries and tone curve), which Java's
   * conversion and the browser's both leave as they are. Any other profile is converted.
   */
  function isSrgbProfile(icc) {
    if (icc.length < 132 || ascii(icc, 16, 4) !== 'RGB ') return false;
    const u16 = (o) => (icc[o] << 8) | icc[o + 1];
    const u32 = (o) => ((icc[o] << 24) | (icc[o + 1] << 16) | (icc[o + 2] << 8) | icc[o + 3]) >>> 0;
    const s15 = (o) => (u32(o) | 0) / 65536;
    const tags = {};
    const n = u32(128);
    for (let i = 0; i < n && 144 + 12 * i <= icc.length; i++) {
      const o = 132 + 12 * i;
      tags[ascii(icc, o, 4)] = [u32(o + 4), u32(o + 8)];
    }
    const inside = (t, len) => t && t[0] + Math.max(len, 12) <= icc.length;
    const colorants = { rXYZ: [0.4361, 0.2225, 0.0139], gXYZ: [0.3851, 0.7169, 0.0971], bXYZ: [0.1431, 0.0606, 0.7141] };
    for (const sig of Object.keys(colorants)) {
      const t = tags[sig];
      if (!inside(t, 20) || ascii(icc, t[0], 4) !== 'XYZ ') return false;
      for (let k = 0; k < 3; k++) if (Math.abs(s15(t[0] + 8 + 4 * k) - colorants[sig][k]) > 0.003) return false;
    }
    const srgb = (x) => (x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
    for (const sig of ['rTRC', 'gTRC', 'bTRC']) {
      const t = tags[sig];
      if (!inside(t, 12)) return false;
      const o = t[0];
      let f;
      if (ascii(icc, o, 4) === 'curv') {
        const count = u32(o + 8);
        if (count < 2 || o + 12 + 2 * count > icc.length) return false;
        f = (x) => {
          const i = x * (count - 1);
          const lo = Math.floor(i);
          const hi = Math.min(lo + 1, count - 1);
          return (u16(o + 12 + 2 * lo) * (1 - (i - lo)) + u16(o + 12 + 2 * hi) * (i - lo)) / 65535;
        };
      } else if (ascii(icc, o, 4) === 'para' && u16(o + 8) === 3 && inside(t, 32)) {
        const g = s15(o + 12), a = s15(o + 16), b = s15(o + 20), c = s15(o + 24), d = s15(o + 28);
        f = (x) => (x >= d ? Math.pow(a * x + b, g) : c * x);
      } else {
        return false;
      }
      for (const x of [0.05, 0.25, 0.5, 0.75, 0.95]) if (Math.abs(f(x) - srgb(x)) > 0.005) return false;
    }
    return true;
  }

  /** The number of colour components in a JPEG's frame header, or 0 if none is found. */
  function jpegComponents(b) {
    let p = 2;
    while (p + 4 <= b.length) {
      if (b[p] !== 0xff) return 0;
      const marker = b[p + 1];
      if (marker === 0xff) { p++; continue; }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { p += 2; continue; }
      const len = (b[p + 2] << 8) | b[p + 3];
      const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (sof) return p + 9 < b.length ? b[p + 9] : 0;
      if (marker === 0xda || marker === 0xd9) return 0;
      p += 2 + len;
    }
    return 0;
  }

  /**
   * Sets the EXIF orientation tag of IFD0 in the TIFF block at b[tiff..end) to 1 (as stored), in
   * place; true if it was changed. Browsers turn pictures upright by this tag; Java does not.
   */
  function clearOrientation(b, tiff, end) {
    if (tiff + 8 > end) return false;
    const le = b[tiff] === 0x49 && b[tiff + 1] === 0x49;
    if (!le && !(b[tiff] === 0x4d && b[tiff + 1] === 0x4d)) return false;
    const u16 = (p) => (le ? b[p] | (b[p + 1] << 8) : (b[p] << 8) | b[p + 1]);
    const u32 = (p) => (le ? (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 16777216
      : ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) + b[p] * 16777216);
    const ifd = tiff + u32(tiff + 4);
    if (ifd + 2 > end) return false;
    const n = u16(ifd);
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + 12 * i;
      if (e + 12 > end) return false;
      if (u16(e) === 0x0112) {
        if (u16(e + 8) === 1) return false;
        b[e + 8] = le ? 1 : 0;
        b[e + 9] = le ? 0 : 1;
        return true;
      }
    }
    return false;
  }

  /** The bytes to decode: a copy with the EXIF orientation neutralised where there is one. */
  function withoutOrientation(bytes, format) {
    const b = bytes.slice();
    if (format === 'jpeg') {
      let p = 2;
      while (p + 4 <= b.length && b[p] === 0xff) {
        const marker = b[p + 1];
        if (marker === 0xda || marker === 0xd9) break;
        const len = (b[p + 2] << 8) | b[p + 3];
        const exif = marker === 0xe1 && b[p + 4] === 0x45 && b[p + 5] === 0x78 && b[p + 6] === 0x69 &&
          b[p + 7] === 0x66 && b[p + 8] === 0 && b[p + 9] === 0;
        if (exif) clearOrientation(b, p + 10, Math.min(b.length, p + 2 + len));
        p += 2 + len;
      }
    } else if (format === 'png') {
      let p = 8;
      while (p + 12 <= b.length) {
        const len = ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
        const type = String.fromCharCode(b[p + 4], b[p + 5], b[p + 6], b[p + 7]);
        if (type === 'eXIf' && p + 12 + len <= b.length && clearOrientation(b, p + 8, p + 8 + len)) {
          const crc = crc32(b, p + 4, p + 8 + len);
          b[p + 8 + len] = crc >>> 24;
          b[p + 9 + len] = (crc >>> 16) & 0xff;
          b[p + 10 + len] = (crc >>> 8) & 0xff;
          b[p + 11 + len] = crc & 0xff;
        }
        if (type === 'IDAT' || type === 'IEND') break;
        p += 12 + len;
      }
    }
    return b;
  }

  let crcTable = null;
  function crc32(b, from, to) {
    if (!crcTable) {
      crcTable = new Uint32Array(256);
      for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        crcTable[n] = c >>> 0;
      }
    }
    let c = 0xffffffff;
    for (let i = from; i < to; i++) c = crcTable[(c ^ b[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  /**
   * Decodes as Java does: no premultiplied alpha, no EXIF rotation (the tag is already neutralised:
   * Chromium applies it even with imageOrientation 'none'), and no colour management, except for a
   * JPEG's non-sRGB profile, which Java's reader converts to sRGB too.
   */
  async function decode(bytes, convert) {
    const blob = new Blob([bytes]);
    const options = {
      colorSpaceConversion: convert ? 'default' : 'none',
      premultiplyAlpha: 'none',
      imageOrientation: 'none'
    };
    try {
      return await createImageBitmap(blob, options);
    } catch (e) {
      // Browsers that know only the newer names ('none' became 'from-image'); the orientation tag
      // is already neutralised, so the picture stays as stored.
      if (!(e instanceof TypeError)) throw e;
      return await createImageBitmap(blob, { ...options, imageOrientation: 'from-image' });
    }
  }

  function canvas(w, h) {
    if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(w, h);
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    return c;
  }

  /** RGBA from a 2D canvas: exact where every pixel is opaque (the canvas premultiplies alpha). */
  function canvasPixels(bitmap, w, h) {
    const ctx = canvas(w, h).getContext('2d', { willReadFrequently: true, alpha: true });
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, w, h).data;
  }

  /**
   * RGBA straight from a WebGL texture, never premultiplied: the colours of transparent pixels as
   * stored, which Java hashes too. Null where WebGL is unavailable or the picture too large.
   */
  function webglPixels(bitmap, w, h) {
    let gl = null;
    try {
      const c = canvas(w, h);
      const attrs = { premultipliedAlpha: false, antialias: false, preserveDrawingBuffer: true };
      gl = c.getContext('webgl2', attrs) || c.getContext('webgl', attrs);
    } catch (e) {
      return null;
    }
    if (!gl || w > gl.getParameter(gl.MAX_TEXTURE_SIZE) || h > gl.getParameter(gl.MAX_TEXTURE_SIZE)) return null;
    const tex = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
    const fb = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
    let out = null;
    if (gl.checkFramebufferStatus(gl.FRAMEBUFFER) === gl.FRAMEBUFFER_COMPLETE) {
      out = new Uint8Array(w * h * 4);
      gl.pixelStorei(gl.PACK_ALIGNMENT, 1);
      gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, out); // row 0 = the texture's first row
      if (gl.getError() !== gl.NO_ERROR) out = null;
    }
    gl.deleteFramebuffer(fb);
    gl.deleteTexture(tex);
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return out;
  }

  function opaque(rgba) {
    for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
    return true;
  }

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), (x) => x.toString(16).padStart(2, '0')).join('');
  }

  async function sha256(bytes) {
    const subtle = global.crypto && global.crypto.subtle;
    if (!subtle) return null;
    return hex(await subtle.digest('SHA-256', bytes));
  }

  /** Hashes one image file (a File or Blob) on this device; see the top of this file. */
  async function haetaeHashFile(file) {
    if (typeof global.pdq !== 'function' || typeof global.md5 !== 'function') {
      throw new Error('haetae-hashes.js is not loaded');
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = sniff(bytes);
    const bitmap = await decode(withoutOrientation(bytes, kind.format), kind.convert === true);
    const w = bitmap.width;
    const h = bitmap.height;
    let note = kind.inexact;
    let pixels;
    try {
      pixels = canvasPixels(bitmap, w, h);
      if (!opaque(pixels)) {
        const straight = webglPixels(bitmap, w, h);
        if (straight) {
          pixels = straight;
        } else if (!note) {
          note = 'transparent pixels, and no WebGL to read their colours unpremultiplied';
        }
      }
    } finally {
      bitmap.close();
    }
    const p = kind.grey ? global.pdqGrey(pixels, w, h) : global.pdq(pixels, w, h);
    return {
      pdq: p.hash,
      quality: p.quality,
      md5: global.md5(bytes),
      sha256: await sha256(bytes),
      width: w,
      height: h,
      exact: note === null,
      note: note
    };
  }

  global.haetaeHashFile = haetaeHashFile;
})(typeof self !== 'undefined' ? self : this);
