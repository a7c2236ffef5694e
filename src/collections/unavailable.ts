/**
 * The engine a server gets when its collection cannot be opened (a damaged
 * index): every question is answered with one clear message, and nothing
 * falls back to another server's documents.
 */
import type { Engine } from '../engine-api.js';
import { UserError } from '../errors.js';

export const COLLECTION_UNAVAILABLE = "This server's documents could not be loaded just now — try again in a minute; if it persists, an admin can re-add them with /docs.";

export function unavailableEngine(): Engine {
  const fail = () => {
    throw new UserError(COLLECTION_UNAVAILABLE, { code: 'collection_unavailable' });
  };
  return {
    ask: async () => fail(),
    retrieve: async () => fail(),
    summarize: async () => fail(),
    quotations: async () => fail(),
    passages: async () => fail(),
    verify: async () => fail(),
    paragraph: () => undefined,
    documents: () => [],
    about: () => fail(),
    close: async () => undefined,
  };
}
