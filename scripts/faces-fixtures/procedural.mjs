// The procedural test image shared with the Java tests (org.haetae.faces.models.ProceduralImage):
// both must produce the same bytes for the same (seed, width, height). Integer arithmetic only,
// 32-bit wrap-around as in Java's int; see README.md for the formula in words.

/** A 32-bit integer hash (lowbias32), returned as 0 .. 2^24-1. */
export function hash24(v) {
  v |= 0;
  v ^= v >>> 16;
  v = Math.imul(v, 0x7feb352d);
  v ^= v >>> 15;
  v = Math.imul(v, 0x846ca68b | 0);
  v ^= v >>> 16;
  return v >>> 8;
}

/** RGB bytes, row-major, 3 per pixel. */
export function proceduralImage(seed, width, height) {
  const out = new Uint8Array(width * height * 3);
  const discs = [];
  for (let k = 0; k < 4; k++) {
    const base = seed * 16 + k * 4;
    const cx = hash24(base) % width;
    const cy = hash24(base + 1) % height;
    const r = Math.trunc(width / 10) + (hash24(base + 2) % Math.trunc(width / 4));
    const colour = hash24(base + 3);
    discs.push({ cx, cy, r2: r * r, colour });
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        const gx = Math.trunc((x * 255) / (width - 1));
        const gy = Math.trunc((y * 255) / (height - 1));
        let v = (gx * (1 + c) + gy * (3 - c)) >> 2;
        for (const d of discs) {
          const dx = x - d.cx;
          const dy = y - d.cy;
          const d2 = dx * dx + dy * dy;
          if (d2 < d.r2) {
            const t = Math.trunc(((d.r2 - d2) * 256) / d.r2);
            const col = (d.colour >> (c * 8)) & 255;
            v = (v * (256 - t) + col * t) >> 8;
          }
        }
        if ((((x * 3 + y * 2 + seed * 11) >> 3) % 7) === c) {
          v = (v + 128) & 255;
        }
        const noise = (hash24((Math.imul(seed, 1000003) + Math.imul(y * width + x, 3) + c) | 0) & 31) - 16;
        v = Math.min(255, Math.max(0, v + noise));
        out[(y * width + x) * 3 + c] = v;
      }
    }
  }
  return out;
}
