/** The engine lives in src/engine/ (index.ts wires the stages; ask.ts is the question's path). */
export * from './engine/index.js';
