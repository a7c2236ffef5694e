/**
 * Main-text extraction from an article page (Mozilla Readability over a
 * linkedom DOM). Block elements become paragraphs separated by blank lines,
 * so the stored text has the same paragraph structure a reader sees.
 */
import { UserError } from '../errors.js';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd';

/** Pages nested deeper than this (real articles stay well under 100) skip Readability. */
export const MAX_READABILITY_DEPTH = 200;
/** Pages with more elements than this skip Readability. */
export const MAX_READABILITY_ELEMENTS = 50_000;

interface Node {
  children?: ArrayLike<Node>;
}

/** Deepest element nesting and element count, without recursion (a hostile page may nest 100,000 deep). */
export function measure(root: Node | null | undefined): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: [Node, number][] = root ? [[root, 1]] : [];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    const kids = el.children;
    if (kids) for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, d + 1]);
  }
  return { depth, elements };
}

/**
 * linkedom builds an empty body unless the markup opens with `<html>`: a saved fragment ("<p>…</p>", "<body>…</body>",
 * a doctype then paragraphs) is put inside one, so its text is read rather than refused as empty.
 */
function wholeDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, '');
  return /<body[\s>]/i.test(inner) ? `<!doctype html><html>${inner}</html>` : `<!doctype html><html><body>${inner}</body></html>`;
}

/**
 * @example
 * await extractHtml('<html><head><title>T</title></head><body><article><p>One.</p><p>Two.</p></article></body></html>', 'x.html')
 * // { title: 'T', text: 'One.\n\nTwo.' } (roughly)
 */
export async function extractHtml(html: string, name: string): Promise<{ text: string; title?: string }> {
  // Loaded on first use: most corpora are plain text, and these cost start-up time.
  const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  const { document } = parseHTML(wholeDocument(html));
  let title: string | undefined = document.querySelector('title')?.textContent?.trim() || undefined;
  let root: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null; querySelector?(s: string): unknown }>; textContent: string | null } = document.body ?? document.documentElement;
  try {
    // Readability's cost grows with depth × size: on a page nested deeper or larger than any real article it would
    // take minutes, so such a page is read by the cheaper fallback below (every text block of the body).
    const shape = measure(document.documentElement);
    if (shape.depth > MAX_READABILITY_DEPTH || shape.elements > MAX_READABILITY_ELEMENTS) throw new Error('too deep or too large for Readability');
    const article = new Readability(document as never).parse();
    if (article?.content) {
      title = article.title?.trim() || title;
      root = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body;
    }
  } catch {
    // Readability could not make sense of it: fall back to the whole body's blocks.
  }
  const blocks: string[] = [];
  const nodes = Array.from(root.querySelectorAll(BLOCKS));
  for (const el of nodes) {
    // Skip a block that contains other blocks (its children are listed on their own).
    if (el.querySelector?.(BLOCKS)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
  }
  if (!blocks.length) {
    const t = (root.textContent ?? '').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
    if (t) blocks.push(t);
  }
  const text = blocks.join('\n\n');
  if (!text.trim()) throw new UserError(`${name} has no readable text.`);
  return { text: title && !text.startsWith(title) ? `${title}\n\n${text}` : text, title };
}
