/**
 * The logistic function and its inverse, shared by every fitted model (the
 * sentence model, the conversation boost, the attribution ranker).
 *
 * @example
 * sigmoid(0); // 0.5
 * sigmoid(logOdds(0.8) + 1); // 0.8 moved up by one unit of log-odds
 */
export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Log-odds of a probability, clamped away from 0 and 1. */
export const logOdds = (p: number) => Math.log(Math.max(1e-12, p) / Math.max(1e-12, 1 - p));
