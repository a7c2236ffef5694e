/**
 * Errors of the state layer: a closed set of codes, each with the cause kept.
 * They are `UserError`s: the message is meant for the operator, one line.
 */
import { UserError } from '../errors.js';

export type StateErrorCode = 'state_in_use' | 'state_unavailable' | 'state_schema_newer' | 'state_no_pgvector';

export class StateError extends UserError {
  override name = 'StateError';
  constructor(
    readonly stateCode: StateErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, { cause: options?.cause, code: stateCode });
  }
}
