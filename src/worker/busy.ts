/**
 * The engine's "busy" refusal: a bounded queue is full. A UserError with its
 * own code, so front ends tell the user to try again (and log it as busy, not
 * as a failure).
 *
 * @example
 * if (outstanding >= capacity) throw busyError();
 */
import { UserError } from '../errors.js';

export const BUSY_CODE = 'busy';
/** What the user is told. */
export const ENGINE_BUSY = "I'm busy answering other questions right now — please try again in a moment.";

export const busyError = (): UserError => new UserError(ENGINE_BUSY, { code: BUSY_CODE });
