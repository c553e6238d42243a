'use strict';
// Runs TensorFlow Lite itself (the C++ runtime compiled to WebAssembly, shipped in the
// npm package @tensorflow/tfjs-tflite) in Node, plus the few .tflite flatbuffer reads and
// in-place patches the generator needs. Nothing here is TinySim code under test.
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const PKG = '@tensorflow/tfjs-tflite';
// The plain build (no SIMD, no threads): one deterministic code path.
const WASM_VARIANT = 'tflite_web_api_cc';

function packageDir() {
  return path.dirname(require.resolve(PKG + '/package.json'));
}

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(packageDir(), 'package.json'), 'utf8')).version;
}

function wasmPath() {
  return path.join(packageDir(), 'wasm', WASM_VARIANT + '.wasm');
}

let modulePromise = null;
/** The Emscripten module of TFLite's web API, instantiated once. */
function loadModule() {
  if (!modulePromise) {
    const dir = path.join(packageDir(), 'wasm');
    const src = fs.readFileSync(path.join(dir, WASM_VARIANT + '.js'), 'utf8');
    vm.runInThisContext(src + '\n;globalThis.__tfliteWebApiFactory = tflite_web_api_ModuleFactory;',
                        { filename: WASM_VARIANT + '.js' });
    modulePromise = globalThis.__tfliteWebApiFactory({
      wasmBinary: fs.readFileSync(wasmPath()),
      print: () => {},
      printErr: (s) => { if (!/XNNPACK delegate for CPU/.test(s)) process.stderr.write(s + '\n'); },
    });
  }
  return modulePromise;
}

// ---- a minimal flatbuffer reader for the TFLite schema (schema.fbs field ids) ----
class Fb {
  constructor(buf) { this.b = buf; }
  u8(o) { return this.b.readUInt8(o); }
  u16(o) { return this.b.readUInt16LE(o); }
  u32(o) { return this.b.readUInt32LE(o); }
  i32(o) { return this.b.readInt32LE(o); }
  root() { return this.u32(0); }
  /** Absolute position of field `id` of the table at `t`, or 0 when absent. */
  field(t, id) {
    const vt = t - this.i32(t);
    const vtSize = this.u16(vt);
    const slot = 4 + 2 * id;
    if (slot >= vtSize) return 0;
    const off = this.u16(vt + slot);
    return off ? t + off : 0;
  }
  deref(pos) { return pos + this.u32(pos); }
  table(t, id) { const p = this.field(t, id); return p ? this.deref(p) : 0; }
  vector(t, id) {
    const p = this.field(t, id);
    if (!p) return { pos: 0, len: 0, start: 0 };
    const v = this.deref(p);
    return { pos: p, len: this.u32(v), start: v + 4 };
  }
  tableAt(vec, i) { const e = vec.start + 4 * i; return e + this.u32(e); }
  i32s(vec) { const r = []; for (let i = 0; i < vec.len; ++i) r.push(this.i32(vec.start + 4 * i)); return r; }
  string(t, id) {
    const p = this.field(t, id);
    if (!p) return '';
    const s = this.deref(p);
    return this.b.toString('utf8', s + 4, s + 4 + this.u32(s));
  }
}

const OP_NAMES = { 0: 'ADD', 1: 'AVERAGE_POOL_2D', 2: 'CONCATENATION', 3: 'CONV_2D', 4: 'DEPTHWISE_CONV_2D',
  9: 'FULLY_CONNECTED', 14: 'LOGISTIC', 17: 'MAX_POOL_2D', 18: 'MUL', 22: 'RESHAPE', 25: 'SOFTMAX',
  28: 'TANH', 34: 'PAD', 40: 'MEAN', 114: 'QUANTIZE' };

/** Subgraph 0 of a .tflite: tensors, operators, inputs, outputs, with the byte positions patches need. */
function describeModel(buf) {
  const fb = new Fb(buf);
  const model = fb.root();
  const codesVec = fb.vector(model, 1);
  const codes = [];
  for (let i = 0; i < codesVec.len; ++i) {
    const c = fb.tableAt(codesVec, i);
    const dp = fb.field(c, 0), bp = fb.field(c, 3);
    const dep = dp ? fb.b.readInt8(dp) : 0;
    const bc = bp ? fb.i32(bp) : 0;
    codes.push(Math.max(dep, bc));
  }
  const buffersVec = fb.vector(model, 4);
  const bufferBytes = (i) => {
    if (i <= 0 || i >= buffersVec.len) return 0;
    return fb.vector(fb.tableAt(buffersVec, i), 0).len;
  };
  const sg = fb.tableAt(fb.vector(model, 2), 0);
  const tVec = fb.vector(sg, 0);
  const tensors = [];
  for (let i = 0; i < tVec.len; ++i) {
    const t = fb.tableAt(tVec, i);
    const bp = fb.field(t, 2);
    const buffer = bp ? fb.u32(bp) : 0;
    const tp = fb.field(t, 1);
    tensors.push({ index: i, name: fb.string(t, 3), type: tp ? fb.b.readInt8(tp) : 0,
                   shape: fb.i32s(fb.vector(t, 0)), buffer, bufferFieldPos: bp,
                   constant: bufferBytes(buffer) > 0 });
  }
  const oVec = fb.vector(sg, 3);
  const operators = [];
  for (let i = 0; i < oVec.len; ++i) {
    const o = fb.tableAt(oVec, i);
    const cp = fb.field(o, 0);
    const code = codes[cp ? fb.u32(cp) : 0];
    operators.push({ index: i, code, name: OP_NAMES[code] || ('BUILTIN_' + code),
                     inputs: fb.i32s(fb.vector(o, 1)), outputs: fb.i32s(fb.vector(o, 2)) });
  }
  return { fb, subgraph: sg, tensors, operators,
           inputs: fb.i32s(fb.vector(sg, 1)), outputs: fb.i32s(fb.vector(sg, 2)) };
}

/** A copy of `buf` whose subgraph-0 vector field `id` (1 inputs, 2 outputs) lists `indices`:
 *  the new vector is appended at the end (flatbuffer offsets point forward, so this is valid). */
function withIndexVector(buf, id, indices) {
  const fb = new Fb(buf);
  const sg = fb.tableAt(fb.vector(fb.root(), 2), 0);
  const fieldPos = fb.field(sg, id);
  const pad = (4 - (buf.length % 4)) % 4;
  const extra = Buffer.alloc(pad + 4 + 4 * indices.length);
  extra.writeUInt32LE(indices.length, pad);
  indices.forEach((v, i) => extra.writeInt32LE(v, pad + 4 + 4 * i));
  const out = Buffer.concat([buf, extra]);
  out.writeUInt32LE(buf.length + pad - fieldPos, fieldPos);
  return out;
}

/**
 * TFLite's web runner always applies the XNNPACK delegate, whose int8 (QS8) kernels are
 * XNNPACK's own, not TFLite's. The delegate only takes CONV_2D / DEPTHWISE_CONV_2D /
 * FULLY_CONNECTED whose weights and bias are static, so this variant turns every constant
 * tensor an op reads into a model input (buffer -> 0, added to the subgraph inputs) that
 * the caller fills with the original bytes before every run: same numbers. A RESHAPE whose
 * shape is fed that way makes the graph dynamic, and then the delegate is not applied at
 * all (so ADD, which XNNPACK would otherwise still take, runs TFLite's kernel too).
 * `reshapeShapes: false` keeps RESHAPE shapes constant. Returns
 * { model, constInputs: [{ index, bytes }] }.
 */
function weightsAsInputs(buf, { reshapeShapes = true } = {}) {
  const d = describeModel(buf);
  const fb = d.fb;
  const buffersVec = fb.vector(fb.root(), 4);
  const consts = [];
  const seen = new Set();
  for (const op of d.operators) {
    for (const ti of op.inputs) {
      if (ti < 0 || seen.has(ti)) continue;
      const t = d.tensors[ti];
      if (!t.constant) continue;
      if (!reshapeShapes && op.name === 'RESHAPE' && op.inputs[1] === ti) continue;
      seen.add(ti);
      const data = fb.vector(fb.tableAt(buffersVec, t.buffer), 0);
      consts.push({ index: ti, bytes: Buffer.from(buf.subarray(data.start, data.start + data.len)), fieldPos: t.bufferFieldPos });
    }
  }
  const patched = Buffer.from(buf);
  for (const c of consts) patched.writeUInt32LE(0, c.fieldPos);
  const model = withIndexVector(patched, 1, d.inputs.concat(consts.map((c) => c.index)));
  return { model, constInputs: consts.map(({ index, bytes }) => ({ index, bytes })) };
}

/** One TFLite interpreter over `modelBytes` (single-threaded). */
async function createRunner(modelBytes, { profiling = false } = {}) {
  const M = await loadModule();
  const ptr = M._malloc(modelBytes.length);   // must outlive the runner: TFLite reads the model in place
  M.HEAPU8.set(modelBytes, ptr);
  const r = M.TFLiteWebModelRunner.CreateFromBufferAndOptions(ptr, modelBytes.length,
      { numThreads: 1, enableProfiling: profiling, maxProfilingBufferEntries: 4096 });
  if (!r.ok()) throw new Error('TFLite refused the model: ' + r.errorMessage());
  const runner = r.value();
  const list = (v) => { const a = []; for (let i = 0; i < v.size(); ++i) a.push(v.get(i)); v.delete(); return a; };
  // Views into the WASM heap go stale whenever TFLite reallocates (a graph with dynamic
  // tensors does so inside Infer()): take fresh ones for every write and read.
  const inputs = () => list(runner.GetInputs());
  let outputs = list(runner.GetOutputs());
  const info = (ts) => ts.map((t) => ({ id: t.id, name: t.name, bytes: t.data().byteLength }));
  return {
    inputInfo: info(inputs()),
    /** Writes `bytes` into the input tensor with TFLite id `id`. */
    setInput(id, bytes) {
      const all = inputs();
      const t = all.find((x) => x.id === id);
      if (!t) throw new Error(`no input tensor ${id}`);
      const a = t.data();
      if (a.byteLength !== bytes.length) throw new Error(`tensor ${t.name}: ${a.byteLength} bytes, given ${bytes.length}`);
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).set(bytes);
      all.forEach((x) => x.delete());
    },
    invoke() {
      if (!runner.Infer()) throw new Error('TFLite Infer() failed');
      outputs.forEach((t) => t.delete());
      outputs = list(runner.GetOutputs());
    },
    /** Copies of the output tensors' bytes, in the model's output order. */
    outputBytes() {
      return outputs.map((t) => { const a = t.data(); return Buffer.from(Buffer.from(a.buffer, a.byteOffset, a.byteLength)); });
    },
    profile() {
      return list(runner.GetProfilingResults()).map((p) => ({ type: p.nodeType, name: p.nodeName }));
    },
    summary() { return runner.GetProfilingSummary(); },
  };
}

module.exports = { PKG, WASM_VARIANT, packageVersion, wasmPath, loadModule, describeModel,
                   withIndexVector, weightsAsInputs, createRunner, OP_NAMES };
