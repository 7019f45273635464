// "Protect my face": each photo is looked at here, in the browser. face-api finds the face and its
// 68 landmarks; the face is cut out upright exactly as the service's scans cut faces out
// (org.haetae.faces.align.FaceAligner), and face-api's recognition net turns the crop and its mirror
// image into a face template: 128 numbers, the only thing sent. The photo never leaves the device.
import * as faceapi from '../vendor/face-api/face-api.esm.js';

const form = document.getElementById('face-form');
const status = document.getElementById('face-status');
const results = document.getElementById('face-results');
const input = document.getElementById('face-photos');
const consent = document.getElementById('face-consent');

// FaceAligner.faceApi(): a 150-pixel square; the midpoint of the eyes goes to (0.5, 0.32) of the
// side, the mouth straight below it at 0.68.
const SIDE = 150;
const EYES_X = 0.5;
const EYES_Y = 0.32;
const MOUTH_Y = 0.68;
// A face smaller than this (box width in photo pixels) is too blurred to describe well.
const MIN_FACE = 64;
// A second face at least this share of the largest one's area makes the photo ambiguous.
const SIMILAR_AREA = 0.4;

function say(key, ...args) {
  let text = form.getAttribute('data-' + key) || key;
  args.forEach((a, i) => { text = text.replace('{' + i + '}', a); });
  return text;
}

function meta(name) {
  const m = document.querySelector('meta[name="' + name + '"]');
  return m ? m.content : null;
}

function note(text, kind) {
  const li = document.createElement('li');
  li.textContent = text;
  if (kind) { li.className = kind; }
  results.appendChild(li);
}

let ready = null;

/** Chooses the backend and loads the three models once. */
function load() {
  if (!ready) {
    ready = (async () => {
      const tf = faceapi.tf;
      // WebGL when it computes in 32-bit floats (as the scans do), else the plain CPU backend;
      // neither needs anything beyond the page's strict Content-Security-Policy (the WebAssembly
      // backend would need 'wasm-unsafe-eval', so it is never chosen).
      // ?backend=cpu forces the CPU backend (slower; for a device whose WebGL misbehaves).
      const cpuOnly = new URLSearchParams(location.search).get('backend') === 'cpu';
      let backend = 'cpu';
      try {
        if (!cpuOnly && await tf.setBackend('webgl')) {
          await tf.ready();
          if (tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) {
            backend = 'webgl';
          }
        }
      } catch (e) {
        backend = 'cpu';
      }
      if (backend === 'cpu') {
        await tf.setBackend('cpu');
        await tf.ready();
      }
      form.setAttribute('data-backend', tf.getBackend());
      const models = new URL(form.getAttribute('data-models'), location.href).href;
      await faceapi.nets.ssdMobilenetv1.loadFromUri(models);
      await faceapi.nets.faceLandmark68Net.loadFromUri(models);
      await faceapi.nets.faceRecognitionNet.loadFromUri(models);
    })();
  }
  return ready;
}

function mean(points, from, to) {
  let x = 0;
  let y = 0;
  for (let i = from; i <= to; i++) {
    x += points[i].x;
    y += points[i].y;
  }
  const n = to - from + 1;
  return { x: x / n, y: y / n };
}

/**
 * org.haetae.faces.runtime.Affine.similarity: the map from crop pixels to photo pixels taking
 * (ox1, oy1) to (sx1, sy1) and (ox2, oy2) to (sx2, sy2). Pixel k's centre sits at k.
 */
function similarity(ox1, oy1, ox2, oy2, sx1, sy1, sx2, sy2) {
  const odx = ox2 - ox1;
  const ody = oy2 - oy1;
  const sdx = sx2 - sx1;
  const sdy = sy2 - sy1;
  const norm = odx * odx + ody * ody;
  const p = (sdx * odx + sdy * ody) / norm;
  const q = (sdy * odx - sdx * ody) / norm;
  return { a: p, b: -q, c: sx1 - (p * ox1 - q * oy1), d: q, e: p, f: sy1 - (q * ox1 + p * oy1) };
}

/** Affine.onHalf: the same map onto the photo shrunk by half. */
function onHalf(m) {
  return { a: m.a / 2, b: m.b / 2, c: (m.c - 0.5) / 2, d: m.d / 2, e: m.e / 2, f: (m.f - 0.5) / 2 };
}

function canvas(w, h) {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
}

/** Sampler's pyramid level: each pixel the mean of a 2x2 block (bilinear at the block's centre). */
function half(src) {
  const w = Math.max(1, Math.floor(src.width / 2));
  const h = Math.max(1, Math.floor(src.height / 2));
  const out = canvas(w, h);
  const g = out.getContext('2d');
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'low';
  g.drawImage(src, 0, 0, 2 * w, 2 * h, 0, 0, w, h);
  return out;
}

/**
 * The 150 x 150 crop FaceAligner makes: as Sampler does, the photo is halved while one crop pixel
 * spans more than two photo pixels, then sampled bilinearly; outside the photo is black.
 */
function crop(photo, eyes, mouth) {
  let m = similarity(
    EYES_X * SIDE, EYES_Y * SIDE, EYES_X * SIDE, MOUTH_Y * SIDE, eyes.x, eyes.y, mouth.x, mouth.y);
  let level = photo;
  while (Math.sqrt(Math.abs(m.a * m.e - m.b * m.d)) > 2.0 && Math.min(level.width, level.height) > 8) {
    m = onHalf(m);
    level = half(level);
  }
  // The canvas works in pixel edges (pixel k covers [k, k+1)): crop point o maps to source point
  // L(o - 0.5) + t + 0.5. The canvas transform goes the other way, source to crop.
  const tx = m.c - (m.a + m.b) * 0.5 + 0.5;
  const ty = m.f - (m.d + m.e) * 0.5 + 0.5;
  const det = m.a * m.e - m.b * m.d;
  const ia = m.e / det;
  const ib = -m.b / det;
  const id = -m.d / det;
  const ie = m.a / det;
  const out = canvas(SIDE, SIDE);
  const g = out.getContext('2d');
  g.fillStyle = '#000';
  g.fillRect(0, 0, SIDE, SIDE);
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'low';
  g.setTransform(ia, id, ib, ie, -(ia * tx + ib * ty), -(id * tx + ie * ty));
  g.drawImage(level, 0, 0);
  return out;
}

function mirror(src) {
  const out = canvas(src.width, src.height);
  const g = out.getContext('2d');
  g.imageSmoothingEnabled = false;
  g.translate(src.width, 0);
  g.scale(-1, 1);
  g.drawImage(src, 0, 0);
  return out;
}

async function sha256(file) {
  if (!(window.crypto && crypto.subtle)) {
    return null;
  }
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, '0')).join('');
}

class Refused extends Error {}

/** The template of the one face in the photo, or Refused with the reason to show. */
async function template(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (e) {
    throw new Refused(say('not-image', file.name));
  }
  const photo = canvas(bitmap.width, bitmap.height);
  photo.getContext('2d').drawImage(bitmap, 0, 0);
  if (bitmap.close) { bitmap.close(); }
  const found = await faceapi
    .detectAllFaces(photo, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
    .withFaceLandmarks();
  if (found.length === 0) {
    throw new Refused(say('no-face', file.name));
  }
  const area = (f) => f.detection.box.width * f.detection.box.height;
  found.sort((x, y) => area(y) - area(x));
  if (found.length > 1 && area(found[1]) >= SIMILAR_AREA * area(found[0])) {
    throw new Refused(say('several', file.name));
  }
  const face = found[0];
  if (face.detection.box.width < MIN_FACE) {
    throw new Refused(say('too-small', file.name));
  }
  const points = face.landmarks.positions;
  const right = mean(points, 36, 41);
  const left = mean(points, 42, 47);
  const eyes = { x: (right.x + left.x) / 2, y: (right.y + left.y) / 2 };
  const mouth = mean(points, 48, 67);
  const upright = crop(photo, eyes, mouth);
  const a = await faceapi.computeFaceDescriptor(upright);
  const b = await faceapi.computeFaceDescriptor(mirror(upright));
  const descriptor = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    descriptor[i] = (a[i] + b[i]) / 2;
  }
  return Array.from(descriptor);
}

async function send(descriptor, photoSha256) {
  const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
  const header = meta('csrf-header');
  if (header) { headers[header] = meta('csrf-token'); }
  const r = await fetch(form.getAttribute('data-post'), {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: JSON.stringify({
      model: form.getAttribute('data-model'),
      descriptor,
      consent: true,
      photo_sha256: photoSha256,
    }),
  });
  if (r.status === 409) {
    return null;
  }
  if (!r.ok) {
    throw new Error('HTTP ' + r.status);
  }
  return r.json();
}

function counted(count) {
  const c = document.getElementById('face-count');
  if (c) { c.textContent = say('count', count); }
  const w = document.getElementById('face-withdraw');
  if (w && count > 0) { w.hidden = false; }
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const files = Array.from(input.files || []);
  if (files.length === 0) { return; }
  if (!consent.checked) {
    status.textContent = say('no-consent');
    return;
  }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  results.textContent = '';
  form.setAttribute('data-state', 'working');
  let sent = 0;
  try {
    status.textContent = say('loading');
    await load();
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      status.textContent = say('working', i + 1, files.length);
      try {
        const d = await template(f);
        const answer = await send(d, await sha256(f));
        if (answer === null) {
          note(say('already', f.name));
        } else {
          sent++;
          note(say('sent-one', f.name), 'notice');
          counted(answer.count);
        }
      } catch (x) {
        if (!(x instanceof Refused)) { throw x; }
        note(x.message, 'error');
      }
    }
    status.textContent = sent > 0 ? say('done', sent) : say('none-sent');
    form.setAttribute('data-state', 'done');
    input.value = '';
  } catch (x) {
    status.textContent = say('failed');
    form.setAttribute('data-state', 'failed');
    // For support and tests: what failed (a message of the library or the HTTP status, never data).
    form.setAttribute('data-error', String(x && x.message ? x.message : x));
  } finally {
    button.disabled = false;
  }
});

if (!window.createImageBitmap || !window.fetch) {
  status.textContent = say('unsupported');
}
