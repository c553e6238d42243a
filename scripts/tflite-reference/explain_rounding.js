#!/usr/bin/env node
'use strict';
// node explain_rounding.js MODEL.tflite [SEED]
// Diagnostic: recomputes every CONV_2D and FULLY_CONNECTED output of one TFLite run (TFLite's
// built-in kernels, fed TFLite's own op inputs) with the two int8 requantizations and counts
// which one TFLite's values follow:
//   double  MultiplyByQuantizedMultiplier of TFLite's reference kernels (and of TFLite Micro):
//           SaturatingRoundingDoublingHighMul, then RoundingDivideByPOT;
//   single  one rounding: (acc * m + 2^(30 - s)) >> (31 - s) (TFLITE_SINGLE_ROUNDING, ruy, XNNPACK).
const fs = require('fs');
const T = require('./tflite_wasm');

function quantizeMultiplier(real) {    // frexp, round(q * 2^31) half away from zero
  if (real === 0) return [0, 0];
  let e = 0, m = real;
  while (m >= 1) { m /= 2; ++e; }
  while (m < 0.5) { m *= 2; --e; }
  let q = Math.round(m * 2147483648);
  if (q === 2147483648) { q /= 2; ++e; }
  if (e < -31) return [0, 0];   // too small for a 32-bit shift: TFLite's QuantizeMultiplier gives 0
  return [q, e];
}
function doubleRounding(x, m, s) {
  const left = s > 0 ? s : 0, right = s > 0 ? 0 : -s;
  const a = BigInt(x) * BigInt(2 ** left);
  const ab = BigInt.asIntN(32, a) * BigInt(m);
  const nudge = ab >= 0n ? (1n << 30n) : (1n - (1n << 30n));
  const high = Number((ab + nudge) / (1n << 31n));            // truncates toward zero, as in C
  const mask = (1 << right) - 1, rem = high & mask, threshold = (mask >> 1) + (high < 0 ? 1 : 0);
  return (high >> right) + (rem > threshold ? 1 : 0);
}
function singleRounding(x, m, s) {
  const shift = BigInt(31 - s);
  return Number((BigInt(x) * BigInt(m) + (1n << (shift - 1n))) >> shift);
}

async function main() {
  const [modelPath, seedArg] = process.argv.slice(2);
  const seed = Number(seedArg || 2654435769) >>> 0;
  const bytes = fs.readFileSync(modelPath);
  const d = T.describeModel(bytes);
  const fb = d.fb;
  const buffers = fb.vector(fb.root(), 4);
  const tensorsVec = fb.vector(d.subgraph, 0);
  const quant = (ti) => {
    const q = fb.table(fb.tableAt(tensorsVec, ti), 4);
    const sv = fb.vector(q, 2), zv = fb.vector(q, 3);
    const scales = [], zps = [];
    for (let i = 0; i < sv.len; ++i) scales.push(fb.b.readFloatLE(sv.start + 4 * i));
    for (let i = 0; i < zv.len; ++i) zps.push(Number(fb.b.readBigInt64LE(zv.start + 8 * i)));
    return { scales, zps };
  };
  const constData = (ti) => {
    const v = fb.vector(fb.tableAt(buffers, d.tensors[ti].buffer), 0);
    return fb.b.subarray(v.start, v.start + v.len);
  };
  const opsVec = fb.vector(d.subgraph, 3);
  const options = (i) => fb.table(fb.tableAt(opsVec, i), 4);
  const byteOpt = (t, id, def) => { const p = t ? fb.field(t, id) : 0; return p ? fb.u8(p) : def; };
  const intOpt = (t, id, def) => { const p = t ? fb.field(t, id) : 0; return p ? fb.i32(p) : def; };

  // TFLite's per-op outputs, built-in kernels (the generator's runner).
  const { model, constInputs } = T.weightsAsInputs(bytes);
  const runner = await T.createRunner(T.withIndexVector(model, 2, d.operators.map((op) => op.outputs[0])));
  const inputBytes = runner.inputInfo.find((t) => t.id === d.inputs[0]).bytes;
  const input = Buffer.alloc(inputBytes);
  let x = seed;
  for (let i = 0; i < inputBytes; ++i) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; input[i] = x & 0xff; }
  for (const c of constInputs) runner.setInput(c.index, c.bytes);
  runner.setInput(d.inputs[0], input);
  runner.invoke();
  const outs = runner.outputBytes();
  const valueOf = new Map([[d.inputs[0], input]]);
  d.operators.forEach((op, i) => valueOf.set(op.outputs[0], outs[i]));

  d.operators.forEach((op, i) => {
    if (op.name !== 'CONV_2D' && op.name !== 'FULLY_CONNECTED') return;
    const [inT, wT, bT] = op.inputs, oT = op.outputs[0];
    const inp = valueOf.get(inT), w = constData(wT), bias = bT >= 0 ? constData(bT) : null, got = outs[i];
    const qi = quant(inT), qw = quant(wT), qo = quant(oT);
    const opt = options(i);
    const act = byteOpt(opt, op.name === 'CONV_2D' ? 3 : 0, 0);
    const zo = qo.zps[0];
    let lo = -128, hi = 127;
    if (act === 1) lo = Math.max(lo, zo);
    if (act === 3) { lo = Math.max(lo, zo); hi = Math.min(hi, zo + Math.round(6 / qo.scales[0])); }
    const clamp = (v) => Math.max(lo, Math.min(hi, v));
    const [Cout] = d.tensors[wT].shape;
    const mult = [];
    for (let c = 0; c < Cout; ++c) {
      const fsc = qw.scales[qw.scales.length === 1 ? 0 : c];
      mult.push(quantizeMultiplier(qi.scales[0] * fsc / qo.scales[0]));
    }
    const accAt = [];
    if (op.name === 'FULLY_CONNECTED') {
      const depth = d.tensors[wT].shape[1];
      for (let e = 0; e < got.length; ++e) {
        const c = e % Cout, row = Math.floor(e / Cout);
        let acc = bias ? bias.readInt32LE(4 * c) : 0;
        for (let k = 0; k < depth; ++k) acc += (inp.readInt8(row * depth + k) - qi.zps[0]) * w.readInt8(c * depth + k);
        accAt.push([acc, c]);
      }
    } else {
      const [, H, W, Cin] = d.tensors[inT].shape, [, KH, KW] = d.tensors[wT].shape, [, OH, OW] = d.tensors[oT].shape;
      const pad = byteOpt(opt, 0, 0), sw = intOpt(opt, 1, 1), sh = intOpt(opt, 2, 1), dw = intOpt(opt, 4, 1), dh = intOpt(opt, 5, 1);
      const padOf = (out, inn, k, s, dil) => pad === 0 ? Math.max(0, Math.floor(((out - 1) * s + (k - 1) * dil + 1 - inn) / 2)) : 0;
      const ph = padOf(OH, H, KH, sh, dh), pw = padOf(OW, W, KW, sw, dw);
      for (let oy = 0; oy < OH; ++oy) for (let ox = 0; ox < OW; ++ox) for (let c = 0; c < Cout; ++c) {
        let acc = bias ? bias.readInt32LE(4 * c) : 0;
        for (let ky = 0; ky < KH; ++ky) for (let kx = 0; kx < KW; ++kx) {
          const iy = oy * sh - ph + ky * dh, ix = ox * sw - pw + kx * dw;
          if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
          for (let ci = 0; ci < Cin; ++ci) {
            acc += (inp.readInt8((iy * W + ix) * Cin + ci) - qi.zps[0]) * w.readInt8(((c * KH + ky) * KW + kx) * Cin + ci);
          }
        }
        accAt.push([acc, c]);
      }
    }
    let single = 0, dbl = 0, both = 0, neither = 0;
    accAt.forEach(([acc, c], e) => {
      const [m, s] = mult[c];
      const t = got.readInt8(e);
      const a = clamp(singleRounding(acc, m, s) + zo) === t, b = clamp(doubleRounding(acc, m, s) + zo) === t;
      if (a && b) ++both; else if (a) ++single; else if (b) ++dbl; else ++neither;
      if (process.env.EXPLAIN_DEBUG && a && !b && single <= 3) console.log('  e', e, 'acc', acc, 'm', m, 's', s, 'TFLite', t, 'single', singleRounding(acc, m, s) + zo, 'double', doubleRounding(acc, m, s) + zo, 'lo/hi', lo, hi);
    });
    console.log(`op ${i} ${op.name}: ${got.length} outputs; both roundings agree with TFLite on ${both}, ` +
                `only single rounding on ${single}, only double rounding on ${dbl}, neither on ${neither}`);
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
