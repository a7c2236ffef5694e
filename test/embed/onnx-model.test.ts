/**
 * The model run directly on onnxruntime-node computes exactly what the
 * transformers.js `feature-extraction` pipeline computes (same tokens,
 * padding, truncation, inputs and pooling): the rows are bit-identical.
 */
import path from 'node:path';
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineRows } from '../../src/embed/load.js';
import { directTokenizerSupported, openOnnxModel, type OnnxModel } from '../../src/embed/onnx-model.js';
import { spyLogger, tempDir, tinyModelDir } from './helpers.js';

let reference: FeatureExtractionPipeline;
let direct: OnnxModel;
beforeAll(async () => {
  reference = (await pipeline('feature-extraction', tinyModelDir, { dtype: 'fp32', local_files_only: true })) as FeatureExtractionPipeline;
  direct = await openOnnxModel({ folder: tinyModelDir, onnxFile: path.join(tinyModelDir, 'onnx', 'model.onnx'), cacheDir: tempDir(), logger: spyLogger().logger });
});
afterAll(async () => {
  await direct?.dispose();
  await reference?.dispose();
});

const texts = [
  'What did Annan tell the Council?',
  '',
  'Short.',
  'é ü — “quoted” 123,456 🙂 汉字 café',
  'regional '.repeat(700), // past the 512-token limit: truncated
  'Secretary-General Kofi Annan today re-emphasized the need for regional organizations and the United Nations to work ever more closely.',
];
const bytes = (vs: Float32Array[]) => vs.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'));

describe('openOnnxModel against the transformers.js pipeline (tiny model)', () => {
  it.each(['mean', 'cls'] as const)('given texts batched together and one by one, when pooled by %s, then the rows are bit-identical to the pipeline’s', async (pooling) => {
    expect(bytes(await direct.extract(texts, pooling))).toEqual(bytes(await pipelineRows(reference, texts, pooling)));
    for (const t of texts) expect(bytes(await direct.extract([t], pooling))).toEqual(bytes(await pipelineRows(reference, [t], pooling)));
  });

  it('given the tiny model’s BertTokenizer, then the direct path applies; a tokenizer class transformers.js adds code for does not', () => {
    expect(directTokenizerSupported(tinyModelDir)).toBe(true);
    expect(directTokenizerSupported(tempDir())).toBe(false);
  });
});
