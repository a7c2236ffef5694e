/**
 * Checks a REST request body the way Discord would, independently of the bot's own code:
 *
 * 1. **Schema**: against the request-body schema of the matching operation in Discord's official
 *    OpenAPI description (`../shared/discord-api-spec/openapi.json` beside the repo; Ajv 2020,
 *    `strict: false`, `validateFormats: false`). Skipped, with one warning, when the file is absent.
 * 2. **Limits** the schema leaves out or states loosely (it allows 4000-char content): content ≤ 2000,
 *    embeds, components, autocomplete choices, slash-command definitions, thread names.
 * 3. **House rule**: every body that creates or edits a message carries `allowed_mentions: { parse: [] }`.
 *
 * Lengths are counted in Unicode code points, as Discord's API does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Import from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { RecordedRequest } from './model.js';

/** Where Discord's OpenAPI description is expected: `<repo>/../shared/discord-api-spec/openapi.json`. */
export const specPath = fileURLToPath(new URL('../../../../shared/discord-api-spec/openapi.json', import.meta.url));

/** Whether the OpenAPI description is present (the schema checks run only then). */
export const specAvailable: boolean = existsSync(specPath);

const len = (s: unknown): number => (typeof s === 'string' ? [...s].length : 0);
const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A message body found in a request: `create` (must not be empty) or an edit. */
interface MessageBody { body: Record<string, any>; create: boolean }

/**
 * The message-creating or -editing body inside a request, if any: channel messages, webhook
 * (follow-up) posts and edits, and interaction callbacks of type 4 (reply) and 7 (update message).
 * @example messageBodyOf('POST', '/channels/1/messages', { content: 'hi' }) // { body: {content:'hi'}, create: true }
 */
export function messageBodyOf(method: string, path: string, body: any): MessageBody | null {
  const m = method.toUpperCase();
  if (!isObject(body)) return null;
  if (m === 'POST' && /^\/channels\/[^/]+\/messages$/.test(path)) return { body, create: true };
  if (m === 'PATCH' && /^\/channels\/[^/]+\/messages\/[^/]+$/.test(path)) return { body, create: false };
  if (m === 'POST' && /^\/webhooks\/[^/]+\/[^/]+$/.test(path)) return { body, create: true };
  if (m === 'PATCH' && /^\/webhooks\/[^/]+\/[^/]+\/messages\/[^/]+$/.test(path)) return { body, create: false };
  if (m === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path) && (body.type === 4 || body.type === 7)) {
    return { body: isObject(body.data) ? body.data : {}, create: body.type === 4 };
  }
  return null;
}

function embedProblems(embeds: unknown): string[] {
  if (embeds == null) return [];
  if (!Array.isArray(embeds)) return ['embeds must be an array'];
  const out: string[] = [];
  if (embeds.length > 10) out.push(`${embeds.length} embeds (max 10)`);
  let total = 0;
  embeds.forEach((e: any, i) => {
    const at = `embeds[${i}]`;
    const max = (value: unknown, limit: number, name: string) => {
      total += len(value);
      if (len(value) > limit) out.push(`${at}.${name} is ${len(value)} chars (max ${limit})`);
    };
    max(e?.title, 256, 'title');
    max(e?.description, 4096, 'description');
    max(e?.footer?.text, 2048, 'footer.text');
    max(e?.author?.name, 256, 'author.name');
    const fields = e?.fields ?? [];
    if (fields.length > 25) out.push(`${at} has ${fields.length} fields (max 25)`);
    fields.forEach((f: any, j: number) => {
      if (!len(f?.name) || !len(f?.value)) out.push(`${at}.fields[${j}] needs a non-empty name and value`);
      max(f?.name, 256, `fields[${j}].name`);
      max(f?.value, 1024, `fields[${j}].value`);
    });
  });
  if (total > 6000) out.push(`embeds hold ${total} chars of text in total (max 6000 per message)`);
  return out;
}

function componentProblems(components: unknown, flags: unknown): string[] {
  if (components == null) return [];
  if (!Array.isArray(components)) return ['components must be an array'];
  const out: string[] = [];
  if (typeof flags === 'number' && flags & (1 << 15)) return out; // IS_COMPONENTS_V2: a different layout system
  if (components.length > 5) out.push(`${components.length} action rows (max 5)`);
  const ids = new Set<string>();
  components.forEach((row: any, i) => {
    if (row?.type !== 1) return void out.push(`components[${i}] must be an action row (type 1), got type ${row?.type}`);
    const inner: any[] = row.components ?? [];
    const buttons = inner.filter((c) => c?.type === 2).length;
    if (inner.length === 0) out.push(`components[${i}] is an empty action row`);
    if (buttons > 5) out.push(`components[${i}] has ${buttons} buttons (max 5)`);
    if (buttons < inner.length && inner.length > 1) out.push(`components[${i}]: a select menu must be alone in its row`);
    inner.forEach((c, j) => {
      const at = `components[${i}].components[${j}]`;
      const isLink = c?.type === 2 && (c.style === 5 || c.style === 6);
      if (isLink && c.custom_id !== undefined) out.push(`${at}: a link/premium button cannot have a custom_id`);
      if (!isLink && !len(c?.custom_id)) out.push(`${at} needs a custom_id`);
      if (len(c?.custom_id) > 100) out.push(`${at}.custom_id is ${len(c.custom_id)} chars (max 100)`);
      if (c?.custom_id !== undefined && ids.has(c.custom_id)) out.push(`${at}: duplicate custom_id "${c.custom_id}"`);
      if (c?.custom_id !== undefined) ids.add(c.custom_id);
      if (len(c?.label) > 80) out.push(`${at}.label is ${len(c.label)} chars (max 80)`);
      if (c?.type === 2 && !len(c?.label) && !c?.emoji) out.push(`${at}: a button needs a label or an emoji`);
      if (Array.isArray(c?.options) && c.options.length > 25) out.push(`${at} has ${c.options.length} options (max 25)`);
    });
  });
  return out;
}

function messageProblems({ body, create }: MessageBody): string[] {
  const out: string[] = [];
  if (body.content != null && typeof body.content !== 'string') out.push('content must be a string');
  if (len(body.content) > 2000) out.push(`content is ${len(body.content)} chars (max 2000)`);
  out.push(...embedProblems(body.embeds), ...componentProblems(body.components, body.flags));
  const empty = !len(body.content) && !body.embeds?.length && !body.components?.length &&
    !body.attachments?.length && !body.sticker_ids?.length && !body.poll;
  if (create && empty) out.push('cannot send an empty message (no content, embeds, components or files)');
  return out;
}

const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function optionProblems(options: unknown, at: string, count: { chars: number }): string[] {
  if (options == null) return [];
  if (!Array.isArray(options)) return [`${at}.options must be an array`];
  const out: string[] = [];
  if (options.length > 25) out.push(`${at} has ${options.length} options (max 25)`);
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((o: any, i) => {
    const where = `${at}.options[${i}] "${o?.name}"`;
    count.chars += len(o?.name) + len(o?.description);
    if (!COMMAND_NAME.test(o?.name ?? '') || o.name !== o.name.toLowerCase()) out.push(`${where}: name must be 1-32 lowercase letters, digits, - or _`);
    if (names.has(o?.name)) out.push(`${where}: duplicate option name`);
    names.add(o?.name);
    if (len(o?.description) < 1 || len(o?.description) > 100) out.push(`${where}: description must be 1-100 chars`);
    const isSub = o?.type === 1 || o?.type === 2;
    if (!isSub && o?.required && sawOptional) out.push(`${where}: required options must come before optional ones`);
    if (!isSub && !o?.required) sawOptional = true;
    if (o?.autocomplete && o?.choices?.length) out.push(`${where}: autocomplete and choices are exclusive`);
    if ((o?.choices ?? []).length > 25) out.push(`${where} has ${o.choices.length} choices (max 25)`);
    (o?.choices ?? []).forEach((c: any, j: number) => {
      count.chars += len(c?.name) + len(String(c?.value ?? ''));
      if (len(c?.name) < 1 || len(c?.name) > 100) out.push(`${where}.choices[${j}]: name must be 1-100 chars`);
      if (typeof c?.value === 'string' && len(c.value) > 100) out.push(`${where}.choices[${j}]: value is over 100 chars`);
    });
    out.push(...optionProblems(o?.options, where, count));
  });
  return out;
}

function commandProblems(cmd: any, at: string): string[] {
  const out: string[] = [];
  const type = cmd?.type ?? 1;
  const count = { chars: len(cmd?.name) + len(cmd?.description) };
  if (type === 1) {
    if (!COMMAND_NAME.test(cmd?.name ?? '') || cmd.name !== cmd.name.toLowerCase()) out.push(`${at} "${cmd?.name}": name must be 1-32 lowercase letters, digits, - or _`);
    if (len(cmd?.description) < 1 || len(cmd?.description) > 100) out.push(`${at} "${cmd?.name}": description must be 1-100 chars`);
  } else {
    if (len(cmd?.name) < 1 || len(cmd?.name) > 32) out.push(`${at} "${cmd?.name}": name must be 1-32 chars`);
    if (len(cmd?.description) > 0) out.push(`${at} "${cmd?.name}": context-menu commands take an empty description`);
  }
  out.push(...optionProblems(cmd?.options, `${at} "${cmd?.name}"`, count));
  if (count.chars > 4000) out.push(`${at} "${cmd?.name}": names, descriptions and choices total ${count.chars} chars (max 4000)`);
  return out;
}

/**
 * Discord's limits for one request body (not covered, or covered loosely, by the OpenAPI schema).
 * The fake answers 400 Invalid Form Body when this is non-empty, like Discord.
 * @example checkLimits('POST', '/channels/1/messages', { content: 'x'.repeat(2001) }) // ['content is 2001 chars (max 2000)']
 */
export function checkLimits(method: string, path: string, body: any): string[] {
  const m = method.toUpperCase();
  const message = messageBodyOf(m, path, body);
  if (message) return messageProblems(message);
  if (m === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path) && body?.type === 8) {
    const choices = body.data?.choices;
    if (!Array.isArray(choices)) return ['autocomplete result needs data.choices (an array)'];
    const out = choices.length > 25 ? [`${choices.length} autocomplete choices (max 25)`] : [];
    choices.forEach((c: any, i: number) => {
      if (len(c?.name) < 1 || len(c?.name) > 100) out.push(`choices[${i}].name must be 1-100 chars (is ${len(c?.name)})`);
      if (typeof c?.value === 'string' && len(c.value) > 100) out.push(`choices[${i}].value is over 100 chars`);
    });
    return out;
  }
  if (/^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands(\/[^/]+)?$/.test(path) && body !== undefined && m !== 'GET') {
    if (m === 'PUT') {
      if (!Array.isArray(body)) return ['bulk overwrite takes an array of commands'];
      const out = body.length > 100 ? [`${body.length} commands (max 100 per scope)`] : [];
      const seen = new Set<string>();
      body.forEach((c: any, i: number) => {
        const key = `${c?.type ?? 1}:${c?.name}`;
        if (seen.has(key)) out.push(`commands[${i}]: duplicate command name "${c?.name}"`);
        seen.add(key);
        out.push(...commandProblems(c, `commands[${i}]`));
      });
      return out;
    }
    return commandProblems(body, 'command');
  }
  if (m === 'POST' && /^\/channels\/[^/]+(\/messages\/[^/]+)?\/threads$/.test(path)) {
    return len(body?.name) < 1 || len(body?.name) > 100 ? [`thread name must be 1-100 chars (is ${len(body?.name)})`] : [];
  }
  return [];
}

/**
 * The house rule: a body that creates or edits a message carries `allowed_mentions` with an
 * empty `parse`, so nothing in it (a quoted "@everyone", a user id) pings anyone.
 */
export function checkAllowedMentions(method: string, path: string, body: any): string[] {
  const message = messageBodyOf(method, path, body);
  if (!message) return [];
  const am = message.body.allowed_mentions;
  if (!isObject(am)) return ['missing allowed_mentions (must be { parse: [] })'];
  if (!Array.isArray(am.parse) || am.parse.length > 0) return [`allowed_mentions.parse must be [] (got ${JSON.stringify(am.parse)})`];
  return [];
}

/* ---------- the OpenAPI part ---------- */

interface Operation { method: string; template: string; regex: RegExp; literals: number; bodyPointer: string | null }
let spec: { ajv: any; doc: any; operations: Operation[]; cache: Map<string, ValidateFunction> } | null = null;

const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

function loadSpec() {
  if (spec) return spec;
  const doc = JSON.parse(readFileSync(specPath, 'utf8'));
  const Ajv2020 = (Ajv2020Import as any).default ?? Ajv2020Import;
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema(doc, 'discord'); // '#/components/...' refs inside resolve against this document
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries<any>(doc.paths)) {
    const segments = template.split('/').slice(1);
    const regex = new RegExp(`^/${segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (!item[method]) continue;
      const hasJson = item[method].requestBody?.content?.['application/json'];
      operations.push({
        method: method.toUpperCase(), template, regex, literals: segments.filter((s) => !s.startsWith('{')).length,
        bodyPointer: hasJson ? `#/paths/${escapePointer(template)}/${method}/requestBody/content/application~1json/schema` : null,
      });
    }
  }
  operations.sort((a, b) => b.literals - a.literals); // '/messages/@original' before '/messages/{message_id}'
  spec = { ajv, doc, operations, cache: new Map() };
  return spec;
}

/** Resolve a local JSON pointer in the spec document. */
function at(doc: any, pointer: string): any {
  return pointer.slice(2).split('/').reduce((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
}

/** For a union discriminated by `type` (the interaction callback), the one branch this body claims to be. */
function pickBranch(doc: any, pointer: string, body: any): string {
  const schema = at(doc, pointer);
  const branches: any[] = schema?.anyOf ?? schema?.oneOf ?? [];
  if (!branches.length || !branches.every((b) => typeof b.$ref === 'string') || body?.type === undefined) return pointer;
  const matching = branches.filter((b) => at(doc, b.$ref)?.properties?.type?.enum?.includes(body.type));
  return matching.length === 1 ? matching[0].$ref : pointer;
}

/**
 * Problems found validating one request against Discord's OpenAPI description (an unknown
 * operation is a problem; a request body is checked against the operation's JSON schema).
 * Throws if the spec is absent: check `specAvailable` first.
 */
export function checkSchema(method: string, path: string, body: any): string[] {
  const { ajv, doc, operations, cache } = loadSpec();
  const m = method.toUpperCase();
  const op = operations.find((o) => o.method === m && o.regex.test(path));
  if (!op) return [`no ${m} ${path} in Discord's OpenAPI description`];
  if (!op.bodyPointer || body === undefined) return [];
  const pointer = pickBranch(doc, op.bodyPointer, body);
  let validate = cache.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `discord${pointer}` }) as ValidateFunction;
    cache.set(pointer, validate);
  }
  if (validate(normaliseForSpec(body))) return [];
  const ref: string = at(doc, pointer)?.$ref ?? pointer;
  const name = ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : `${op.method} ${op.template}`;
  return (validate.errors ?? []).slice(0, 5).map((e) => `schema ${name}: body${e.instancePath} ${e.message}`);
}

/**
 * Where Discord accepts more than its OpenAPI description says: permission bit sets are typed
 * `integer` there, but Discord documents and accepts them as strings (discord.js sends strings).
 * Returns a copy with numeric-string permission fields turned into numbers.
 */
function normaliseForSpec(value: any, key = ''): any {
  if (Array.isArray(value)) return value.map((v) => normaliseForSpec(v));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseForSpec(v, k)]));
  if (/(^|_)permissions$/.test(key) && typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
}

let warned = false;

/**
 * Every problem in a list of recorded requests: unknown routes, requests the fake refused
 * (other than injected failures), limits, the allowed_mentions rule and (when the spec is
 * present) the OpenAPI schemas. Empty = everything the bot sent would be accepted by Discord.
 * @example expect(validateRequests(fake.requests)).toEqual([])
 */
export function validateRequests(requests: readonly RecordedRequest[]): string[] {
  if (!specAvailable && !warned) {
    warned = true;
    console.warn(`fake Discord: ${specPath} is absent — schema validation skipped; limits and allowed_mentions still checked`);
  }
  const problems: string[] = [];
  requests.forEach((r, i) => {
    const where = `#${i} ${r.method} ${r.path}`;
    if (r.unknownRoute) return void problems.push(`${where}: unknown route (the fake answered 404)`);
    const found = [
      ...(r.body === undefined ? [] : checkLimits(r.method, r.path, r.body)),
      ...(r.body === undefined ? [] : checkAllowedMentions(r.method, r.path, r.body)),
      ...(specAvailable ? checkSchema(r.method, r.path, r.body) : []),
    ];
    if (found.length === 0 && r.status >= 400 && !r.injected) {
      found.push(`Discord would refuse it: ${r.status} ${JSON.stringify(r.response)}`);
    }
    problems.push(...found.map((p) => `${where}: ${p}`));
  });
  return problems;
}
