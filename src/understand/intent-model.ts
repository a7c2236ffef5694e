/**
 * The intent classifier: multinomial logistic regression over the features
 * of ./intent-features.ts, its weights fitted by `npm run fit:intent`
 * (./intent-fit.ts) on test/fixtures/understand/intent-train.jsonl and
 * shipped as ./intent-model.json (read once, when this module loads).
 */
import fitted from './intent-model.json' with { type: 'json' };

export type IntentLabel = 'question' | 'quote' | 'paragraph' | 'summary' | 'chat';

export interface IntentModel {
  classes: IntentLabel[];
  /** Probability under which the classifier's pick is not trusted (the message is then a question, or what the rules said). */
  bar: number;
  /** Feature → one weight per class. */
  weights: Record<string, number[]>;
  /** Per class, weights of the message's mean word vector (absent: the model reads no word vectors). */
  dense?: number[][];
}

export const INTENT_MODEL = fitted as IntentModel;

/** Class probabilities (softmax of the summed weights), in the model's class order. */
export function intentProbabilities(features: string[], model: IntentModel = INTENT_MODEL, vector: Float32Array | null = null): number[] {
  const z = new Array<number>(model.classes.length).fill(0);
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let k = 0; k < z.length; k++) z[k]! += w[k]!;
  }
  if (vector && model.dense) {
    for (let k = 0; k < z.length; k++) {
      const w = model.dense[k]!;
      for (let i = 0; i < vector.length; i++) z[k]! += w[i]! * vector[i]!;
    }
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The most probable intent and its probability. */
export function predictIntent(features: string[], model: IntentModel = INTENT_MODEL, vector: Float32Array | null = null): { label: IntentLabel; p: number } {
  const probs = intentProbabilities(features, model, vector);
  let best = 0;
  for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
  return { label: model.classes[best]!, p: probs[best]! };
}
