#!/usr/bin/env node
'use strict';
// Writes tests/data/tflite_reference/: for each reference model in ../shared/models, the
// int8 outputs TensorFlow Lite (WASM build from @tensorflow/tfjs-tflite) computes for a few
// seeded inputs, plus manifest.txt saying which model bytes, generator and TFLite made them.
//
//   node generate.js [--models DIR] [--out DIR] [--cases N] [--ops-limit BYTES]
//   node generate.js --dump MODEL.tflite SEED OUTDIR   (every op's output, for bisecting)
//
// Two TFLite runs per input:
//   builtin  TFLite's own built-in int8 kernels (the default BuiltinOpResolver ones). The web
//            runner always applies the XNNPACK delegate, so constant operands are fed as
//            inputs instead (XNNPACK only takes static weights; a RESHAPE with a fed shape
//            makes the graph dynamic and the delegate is then not applied at all). The numbers
//            are unchanged; the generator checks that no op was delegated.
//   xnnpack  the model as shipped, XNNPACK delegate applied (what TFLite runs by default).
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const T = require('./tflite_wasm');

const ROOT = path.resolve(__dirname, '..', '..');
const MODELS = [
  'tflm_hello_world_int8.tflite',
  'tflm_micro_speech_quantized.tflite',
  'mlperf_tiny_ad01_int8.tflite',
  'mlperf_tiny_kws_ref_model.tflite',
  'mlperf_tiny_vww_96_int8.tflite',
  'mlperf_tiny_pretrainedResnet_quant.tflite',
];
const STORE_INPUTS_UP_TO = 4096;   // bytes per input; bigger inputs are stored as their seed only
// Every op's TFLite output for the first seed (<model>.ops) lets the test run each tinyrt op
// on TFLite's own op inputs; skipped where that data would be large (VWW: ~230 KB).
let opsFileUpTo = 160 * 1024;   // --ops-limit BYTES changes it (e.g. for a one-off VWW check)
const MAGIC = 'TFLREF1\n';

/** xorshift32 (Marsaglia 2003): one step per input byte, the byte is the low 8 bits. */
function seededBytes(seed, n) {
  let x = seed >>> 0;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; ++i) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function caseSeed(k) { return (Math.imul(k + 1, 0x9e3779b9) | 1) >>> 0; }

const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

/** Runners for one model: builtin kernels (checked: nothing delegated) and XNNPACK. */
async function makeRunners(modelBytes, { allOutputs = false } = {}) {
  const d = T.describeModel(modelBytes);
  if (d.inputs.length !== 1 || d.outputs.length !== 1) throw new Error('expects one input and one output');
  const { model, constInputs } = T.weightsAsInputs(modelBytes);
  let builtinModel = model;
  if (allOutputs) builtinModel = T.withIndexVector(model, 2, d.operators.map((op) => op.outputs[0]));
  const inputId = d.inputs[0];
  const builtinRunner = await T.createRunner(builtinModel, { profiling: true });
  const inputBytes = builtinRunner.inputInfo.find((t) => t.id === inputId).bytes;
  // Every input, the fed constants too, is written before every run (see tflite_wasm.js).
  const builtin = (input) => {
    for (const c of constInputs) builtinRunner.setInput(c.index, c.bytes);
    builtinRunner.setInput(inputId, input);
    builtinRunner.invoke();
    return builtinRunner.outputBytes();
  };
  const xnnpack = (input) => {
    xnnpackRunner.setInput(inputId, input);
    xnnpackRunner.invoke();
    return xnnpackRunner.outputBytes();
  };
  builtin(Buffer.alloc(inputBytes));   // once, to see from the profile that no op went to a delegate
  checkNotDelegated(builtinRunner, d);
  // Created after the check: creating another runner first can leave the profile empty.
  const xnnpackRunner = allOutputs ? null : await T.createRunner(modelBytes);
  return { d, builtin, xnnpack, inputBytes };
}

function checkNotDelegated(runner, d) {
  const kinds = runner.profile().map((p) => p.type);
  // The profiler keeps every invocation's nodes: expect whole runs of exactly the model's ops.
  const expected = d.operators.map((op) => op.name);
  if (kinds.length === 0 || kinds.length % expected.length !== 0 ||
      kinds.some((k, i) => k !== expected[i % expected.length])) {
    throw new Error(`builtin run was (partly) delegated: ${kinds.join(',')}`);
  }
}

async function dump(modelPath, seed, outDir) {
  const bytes = fs.readFileSync(modelPath);
  const { d, builtin, inputBytes } = await makeRunners(bytes, { allOutputs: true });
  const input = seededBytes(seed, inputBytes);
  const outs = builtin(input);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'input.bin'), input);
  d.operators.forEach((op, i) => {
    fs.writeFileSync(path.join(outDir, `op${String(i).padStart(3, '0')}_${op.name}_t${op.outputs[0]}.bin`), outs[i]);
  });
  console.log(`${d.operators.length} op outputs written to ${outDir}`);
}

async function generate(modelsDir, outDir, cases) {
  fs.mkdirSync(outDir, { recursive: true });
  const lines = [
    '# TFLite reference outputs for the models in ../shared/models (tests/tflite_reference).',
    '# Made by scripts/tflite-reference/generate.js; see its README. Do not edit by hand.',
    `generator scripts/tflite-reference/generate.js`,
    `tflite ${T.PKG}@${T.packageVersion()} wasm/${T.WASM_VARIANT}.wasm sha256 ${sha256(fs.readFileSync(T.wasmPath()))}`,
    `node ${process.version}`,
    `date ${new Date().toISOString().slice(0, 10)}`,
    `prng xorshift32 (x^=x<<13; x^=x>>17; x^=x<<5), one step per input byte, byte = low 8 bits`,
    '# model <file> <sha256> <golden file> <cases> <input bytes> <output bytes>',
    '# ops <file> <per-op outputs file> <op count>',
  ];
  const summary = [];
  for (const name of MODELS) {
    const bytes = fs.readFileSync(path.join(modelsDir, name));
    const { builtin, xnnpack, inputBytes: inBytes } = await makeRunners(bytes);
    const outBytes = builtin(Buffer.alloc(inBytes))[0].length;
    const storeInputs = inBytes <= STORE_INPUTS_UP_TO;
    const header = Buffer.alloc(8 + 16);
    header.write(MAGIC, 0, 'latin1');
    header.writeUInt32LE(cases, 8);
    header.writeUInt32LE(inBytes, 12);
    header.writeUInt32LE(outBytes, 16);
    header.writeUInt32LE((storeInputs ? 1 : 0) | 2, 20);   // bit 0 inputs stored, bit 1 xnnpack outputs stored
    const parts = [header];
    let same = 0, maxDiff = 0;
    for (let k = 0; k < cases; ++k) {
      const seed = caseSeed(k);
      const input = seededBytes(seed, inBytes);
      const [ref] = builtin(input);
      const [xnn] = xnnpack(input);
      const s = Buffer.alloc(4); s.writeUInt32LE(seed);
      parts.push(s);
      if (storeInputs) parts.push(input);
      parts.push(ref, xnn);
      for (let i = 0; i < outBytes; ++i) {
        const diff = Math.abs(ref.readInt8(i) - xnn.readInt8(i));
        if (diff === 0) ++same;
        maxDiff = Math.max(maxDiff, diff);
      }
    }
    const golden = name.replace(/\.tflite$/, '.golden');
    fs.writeFileSync(path.join(outDir, golden), Buffer.concat(parts));
    lines.push(`model ${name} ${sha256(bytes)} ${golden} ${cases} ${inBytes} ${outBytes}`);
    // Per-op outputs: "TFLOPS1\n", seed, op count, then per op: op index, tensor index, bytes, data.
    const perOp = await makeRunners(bytes, { allOutputs: true });
    const opOuts = perOp.builtin(seededBytes(caseSeed(0), inBytes));
    const opsBytes = opOuts.reduce((n, b) => n + 12 + b.length, 16);
    if (opsBytes <= opsFileUpTo) {
      const head = Buffer.alloc(16);
      head.write('TFLOPS1\n', 0, 'latin1');
      head.writeUInt32LE(caseSeed(0), 8);
      head.writeUInt32LE(opOuts.length, 12);
      const chunks = [head];
      perOp.d.operators.forEach((op, i) => {
        const h = Buffer.alloc(12);
        h.writeUInt32LE(i, 0); h.writeUInt32LE(op.outputs[0], 4); h.writeUInt32LE(opOuts[i].length, 8);
        chunks.push(h, opOuts[i]);
      });
      if (!opOuts[opOuts.length - 1].equals(builtin(seededBytes(caseSeed(0), inBytes))[0])) throw new Error('per-op run differs');
      const opsName = name.replace(/\.tflite$/, '.ops');
      fs.writeFileSync(path.join(outDir, opsName), Buffer.concat(chunks));
      lines.push(`ops ${name} ${opsName} ${perOp.d.operators.length}`);
    }
    summary.push(`${name}: ${cases} cases, xnnpack vs builtin: ${same}/${cases * outBytes} outputs equal, max |diff| ${maxDiff}`);
  }
  fs.writeFileSync(path.join(outDir, 'manifest.txt'), lines.join('\n') + '\n');
  console.log(summary.join('\n'));
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--dump') return dump(argv[1], Number(argv[2]) >>> 0, argv[3]);
  const opt = (flag, def) => { const i = argv.indexOf(flag); return i >= 0 ? argv[i + 1] : def; };
  opsFileUpTo = Number(opt('--ops-limit', opsFileUpTo));
  await generate(path.resolve(opt('--models', path.join(ROOT, '..', 'shared', 'models'))),
                 path.resolve(opt('--out', path.join(ROOT, 'tests', 'data', 'tflite_reference'))),
                 Number(opt('--cases', 8)));
}

main().catch((e) => { console.error(e); process.exit(1); });
