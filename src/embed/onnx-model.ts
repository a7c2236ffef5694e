/**
 * A transformers.js-layout model folder run directly on onnxruntime-node:
 * the tokenizer from `@huggingface/tokenizers` (the library transformers.js
 * itself wraps), the session from the optimized-model cache (./ort-cache.ts),
 * and the `feature-extraction` pipeline's pooling. It computes exactly what
 * `pipeline('feature-extraction', folder)(texts, { pooling, normalize: false })`
 * computes — same token ids, padding, truncation, inputs, output and pooling
 * arithmetic (test/embed/onnx-model.test.ts checks the vectors are
 * bit-identical) — without importing transformers.js (~0.5 s of CPU at
 * start-up) and with the weights memory-mapped instead of copied.
 *
 * @example
 * const m = await openOnnxModel({ folder, onnxFile: path.join(folder, 'onnx/model.onnx'), cacheDir, logger });
 * const rows = await m.extract(['Annan told the Council…'], 'mean'); // pooled, not unit length
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { Pooling } from './families.js';
import { openCachedSession, type OrtModule, type SessionLogger } from './ort-cache.js';

/** The tokenizer classes whose transformers.js v4 subclass adds nothing to encoding (others go through transformers.js). */
const PLAIN_TOKENIZERS = new Set([
  'BertTokenizer', 'BertTokenizerFast', 'DistilBertTokenizer', 'DistilBertTokenizerFast', 'MPNetTokenizer', 'MPNetTokenizerFast',
  'RobertaTokenizer', 'RobertaTokenizerFast', 'XLMRobertaTokenizer', 'XLMRobertaTokenizerFast', 'ElectraTokenizer', 'ElectraTokenizerFast',
  'AlbertTokenizer', 'AlbertTokenizerFast', 'CamembertTokenizer', 'CamembertTokenizerFast', 'DebertaTokenizer', 'DebertaV2Tokenizer',
]);

export interface OnnxModel {
  /** Pooled rows (not unit length), one per text, in order. */
  extract(texts: string[], pooling: Pooling): Promise<Float32Array[]>;
  /** Where the session came from: the optimized copy in the cache, or the original file (cache built or unusable). */
  readonly session: 'cache' | 'original';
  /** Runs off the calling thread (./model-thread.ts): work done while a call is pending overlaps it. */
  readonly offThread?: boolean;
  dispose(): Promise<void>;
}

/** Can this folder's tokenizer be run without transformers.js's own tokenizer class? */
export function directTokenizerSupported(folder: string): boolean {
  const cfg = readJson(path.join(folder, 'tokenizer_config.json'));
  return typeof cfg?.tokenizer_class === 'string' && PLAIN_TOKENIZERS.has(cfg.tokenizer_class);
}

export async function openOnnxModel(o: { folder: string; onnxFile: string; cacheDir: string; logger: SessionLogger; verbose?: boolean }): Promise<OnnxModel> {
  const ort = (await import('onnxruntime-node')) as unknown as OrtModule;
  const tokenizerJson = readJson(path.join(o.folder, 'tokenizer.json'));
  const tokenizerConfig = readJson(path.join(o.folder, 'tokenizer_config.json'));
  if (!tokenizerJson || !tokenizerConfig) throw new Error(`${o.folder}: tokenizer.json or tokenizer_config.json is missing or not JSON`);
  const { Tokenizer } = await import('@huggingface/tokenizers');
  const encoder = makeEncoder(new Tokenizer(tokenizerJson, tokenizerConfig), tokenizerConfig);
  const probe = (s: InferenceSession) => runSession(ort, s, encoder(PROBE_TEXTS)).then((out) => out.data);
  const { session, source } = await openCachedSession({ ort, onnxFile: o.onnxFile, cacheDir: o.cacheDir, logger: o.logger, probe, verbose: o.verbose });
  return {
    session: source,
    async extract(texts, pooling) {
      if (!texts.length) return [];
      const batch = encoder(texts);
      const out = await runSession(ort, session, batch);
      return pool(out, batch.attention, pooling);
    },
    async dispose() {
      await session.release();
    },
  };
}

/** Two texts of different lengths, so the probe covers padding and the attention mask. */
const PROBE_TEXTS = ['probe', 'The Secretary-General told the Council on Wednesday that regional partnerships matter.'];

interface Batch {
  rows: number;
  cols: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  /** The attention mask as numbers (what pooling reads; reading the BigInt64Array makes a BigInt per cell). */
  attention: Uint8Array;
}

/** Can an int64 cell be written as two 32-bit halves, low first (every platform Node runs on but big-endian s390x / ppc64)? */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** transformers.js's PreTrainedTokenizer call with `{ padding: true, truncation: true }`, as int64 tensors. */
function makeEncoder(tokenizer: import('@huggingface/tokenizers').Tokenizer, config: Record<string, unknown>): (texts: string[]) => Batch {
  const maxLength = typeof config.model_max_length === 'number' ? config.model_max_length : Infinity;
  const padSide = config.padding_side === 'left' ? 'left' : 'right';
  const padToken = tokenFromConfig(config, 'pad_token') ?? tokenFromConfig(config, 'eos_token');
  const padId = padToken === null ? undefined : tokenizer.token_to_id(padToken);
  return (texts) => {
    const encoded = texts.map((t) => {
      const e = tokenizer.encode(t, { add_special_tokens: true });
      return { ids: e.ids, mask: e.attention_mask };
    });
    const cols = Math.min(Math.max(...encoded.map((e) => e.ids.length)), maxLength);
    const inputIds = new BigInt64Array(texts.length * cols);
    const attentionMask = new BigInt64Array(texts.length * cols);
    const attention = new Uint8Array(texts.length * cols);
    // Written as int32 halves (low word, then the sign): the same bytes as BigInt(x), without a BigInt per cell.
    const ids32 = LITTLE_ENDIAN ? new Int32Array(inputIds.buffer) : null;
    const mask32 = LITTLE_ENDIAN ? new Int32Array(attentionMask.buffer) : null;
    const setId = (k: number, v: number) => (ids32 ? ((ids32[2 * k] = v), (ids32[2 * k + 1] = v < 0 ? -1 : 0)) : (inputIds[k] = BigInt(v)));
    const setMask = (k: number, v: number) => ((attention[k] = v), mask32 ? ((mask32[2 * k] = v), (mask32[2 * k + 1] = v < 0 ? -1 : 0)) : (attentionMask[k] = BigInt(v)));
    encoded.forEach((e, r) => {
      const n = Math.min(e.ids.length, cols); // longer rows are cut at the end, as truncateHelper does
      if (n < cols && padId === undefined) throw new Error('the tokenizer has no padding token, so texts of different lengths cannot be batched');
      const at = r * cols + (padSide === 'left' ? cols - n : 0);
      for (let k = 0; k < cols; k++) setId(r * cols + k, padId ?? 0);
      for (let k = 0; k < n; k++) {
        setId(at + k, e.ids[k]!);
        setMask(at + k, e.mask[k]!);
      }
    });
    return { rows: texts.length, cols, inputIds, attentionMask, attention };
  };
}

/** transformers.js's encoder forward: the inputs the session declares (token types all 0 for single texts). */
async function runSession(ort: OrtModule, session: InferenceSession, b: Batch): Promise<Tensor> {
  const dims = [b.rows, b.cols];
  const feeds: Record<string, Tensor> = {};
  for (const name of session.inputNames) {
    if (name === 'input_ids') feeds[name] = new ort.Tensor('int64', b.inputIds, dims);
    else if (name === 'attention_mask') feeds[name] = new ort.Tensor('int64', b.attentionMask, dims);
    else if (name === 'token_type_ids') feeds[name] = new ort.Tensor('int64', new BigInt64Array(b.rows * b.cols), dims);
    else throw new Error(`the model wants an input this embedder does not provide: ${name}`);
  }
  const out = await session.run(feeds);
  const tensor = out.last_hidden_state ?? out.logits ?? out.token_embeddings;
  if (!tensor || tensor.type !== 'float32' || tensor.dims.length !== 3) {
    throw new Error(`the model has no float32 [batch, tokens, dim] output (last_hidden_state, logits or token_embeddings); it has ${session.outputNames.join(', ')}`);
  }
  return tensor;
}

/** transformers.js's mean_pooling (float64 sums, divided, stored as float32) or its first-token slice. */
function pool(t: Tensor, mask: Uint8Array, pooling: Pooling): Float32Array[] {
  const [rows, seq, dim] = t.dims as [number, number, number];
  const data = t.data as Float32Array;
  const out: Float32Array[] = [];
  for (let i = 0; i < rows; i++) {
    const row = new Float32Array(dim);
    const offset = i * seq * dim;
    if (pooling === 'cls') {
      row.set(data.subarray(offset, offset + dim));
    } else {
      // The mask as numbers (the encoder's Uint8Array): reading the BigInt64Array would make a BigInt per read.
      const base = i * seq;
      for (let k = 0; k < dim; k++) {
        let sum = 0;
        let count = 0;
        for (let j = 0; j < seq; j++) {
          const attn = mask[base + j]!;
          count += attn;
          sum += data[offset + k + j * dim]! * attn;
        }
        row[k] = sum / count;
      }
    }
    out.push(row);
  }
  return out;
}

function tokenFromConfig(config: Record<string, unknown>, key: string): string | null {
  const item = config[key];
  if (!item) return null;
  if (typeof item === 'string') return item;
  if (typeof item === 'object' && (item as { __type?: string }).__type === 'AddedToken') return String((item as { content: unknown }).content);
  throw new Error(`unknown token in tokenizer_config.json: ${key}`);
}

function readJson(p: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
