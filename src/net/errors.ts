/**
 * Why a URL could not be fetched: a closed set of codes, one sentence each.
 *
 * @example
 * throw urlError('url_blocked', 'http://10.0.0.1/', 'its address 10.0.0.1 is private');
 */
import { UserError } from '../errors.js';

export type UrlErrorCode = 'url_invalid' | 'url_blocked' | 'url_timeout' | 'url_too_large' | 'url_status' | 'url_unreachable' | 'url_redirects';

const WORDING: Record<UrlErrorCode, (url: string, detail?: string) => string> = {
  url_invalid: (u, d) => `${u} is not a web address I can fetch${d ? ` (${d})` : ''} — give an http:// or https:// link.`,
  url_blocked: (u, d) => `I won't fetch ${u}: ${d} — only public internet addresses are allowed.`,
  url_timeout: (u, d) => `${u} took too long to answer (more than ${d}).`,
  url_too_large: (u, d) => `${u} is too large (the limit is ${d}).`,
  url_status: (u, d) => `Could not fetch ${u}: the server answered ${d}.`,
  url_unreachable: (u, d) => `Could not fetch ${u}: ${d ?? 'unreachable'}.`,
  url_redirects: (u, d) => `${u} redirects too many times (more than ${d}).`,
};

export function urlError(code: UrlErrorCode, url: string, detail?: string, cause?: unknown): UserError {
  return new UserError(WORDING[code](url, detail), { code, cause });
}
