/**
 * `/quote [about:] [paragraph:] [speaker:] [to:]` — verbatim passages on
 * request. With `speaker`/`to` it lists the document's quotations
 * ("quote — speaker, cue addressee (¶n)"); with `about`/`paragraph` the best
 * matching passages or that paragraph; with nothing, the quotations in the
 * document. `paragraph`, `speaker` and `to` autocomplete from the engine.
 *
 * @example
 * await quote.execute(interaction, ctx);
 */
import { InteractionContextType, SlashCommandBuilder, type ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Engine } from '../../engine-api.js';
import type { Quote } from '../../types.js';
import { quotationToQuote } from '../../present/quote.js';
import { logAnswer, respond, type Command } from '../context.js';
import { ellipsize as fit, placeHeading, renderQuotes } from '../format.js';
import { LIMITS } from '../limits.js';
import { chosenDocument, DOCUMENT_OPTION, documentChoices, documentOption } from './document-option.js';

/** Most quotations listed by one /quote. */
export const QUOTE_LIST_MAX = 10;

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Autocomplete choices for `paragraph`: body paragraphs of the chosen (else the first) document, by number prefix or by words in the text. */
export function paragraphChoices(engine: Engine, typed: string, docId?: string): ApplicationCommandOptionChoiceData<number>[] {
  const doc = (docId && engine.documents().find((d) => d.id === docId)) || engine.documents()[0];
  if (!doc) return [];
  const t = typed.trim().replace(/^¶/, '').toLowerCase();
  const body = doc.paragraphs.filter((p) => p.kind === 'body' && p.n > 0);
  const match = body.filter((p) => {
    if (!t) return true;
    if (/^\d+$/.test(t)) return String(p.n).startsWith(t);
    return doc.text.slice(p.start, p.end).toLowerCase().includes(t);
  });
  return match.slice(0, LIMITS.autocompleteChoices).map((p) => ({
    name: fit(`¶${p.n} — ${oneLine(doc.text.slice(p.start, p.end))}`, LIMITS.choiceName),
    value: p.n,
  }));
}

/** Autocomplete choices for `speaker` / `to`: the distinct speakers / addressees of the document's quotations. */
export async function personChoices(engine: Engine, field: 'speaker' | 'addressee', typed: string): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const t = typed.trim().toLowerCase();
  const seen = new Map<string, string>();
  for (const q of await engine.quotations()) {
    const v = q[field]?.trim();
    if (!v || v.length > LIMITS.choiceValue) continue;
    const key = v.toLowerCase();
    if (!seen.has(key) && (!t || key.includes(t))) seen.set(key, v);
  }
  return [...seen.values()].slice(0, LIMITS.autocompleteChoices).map((v) => ({ name: fit(v, LIMITS.choiceName), value: v }));
}

export const quote: Command = {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('Verbatim passages: about a topic, a paragraph, or what someone said to someone.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) => o.setName('about').setDescription('A topic, e.g. "regional organizations"').setMaxLength(200))
    .addIntegerOption((o) => o.setName('paragraph').setDescription('A paragraph number (¶)').setMinValue(0).setAutocomplete(true))
    .addStringOption((o) => o.setName('speaker').setDescription('Who said it').setMaxLength(100).setAutocomplete(true))
    .addStringOption((o) => o.setName('to').setDescription('Who it was said to').setMaxLength(100).setAutocomplete(true))
    .addStringOption(documentOption),
  rateLimited: true,
  async execute(interaction, ctx) {
    const startedAt = ctx.clock();
    const about = interaction.options.getString('about')?.trim() || undefined;
    const paragraph = interaction.options.getInteger('paragraph') ?? undefined;
    const speaker = interaction.options.getString('speaker')?.trim() || undefined;
    const to = interaction.options.getString('to')?.trim() || undefined;
    const doc = chosenDocument(interaction, ctx);
    await interaction.deferReply();

    let quotes: Quote[];
    let title: string;
    let empty: string;
    let intro: string | undefined;
    let heading: { doc: string; paragraph: number } | undefined;
    if (speaker || to || (!about && paragraph === undefined)) {
      const found = await ctx.engine.quotations({ speaker, to, about, doc });
      const wanted = [speaker && `by ${speaker}`, to && `to ${to}`, about && `about “${about}”`].filter(Boolean).join(' ');
      title = wanted ? `Quotations ${wanted}` : 'Quotations in the document';
      empty = wanted ? `I found no quotation ${wanted} in the document.` : 'I found no quotations in the document.';
      quotes = found.slice(0, QUOTE_LIST_MAX).map(quotationToQuote);
      if (found.length > QUOTE_LIST_MAX) intro = `Showing ${QUOTE_LIST_MAX} of ${found.length} — narrow it down with speaker:, to: or about:.`;
    } else {
      quotes = await ctx.engine.passages({ about, paragraph, doc, limit: QUOTE_LIST_MAX });
      title = paragraph !== undefined ? `¶${paragraph}${about ? ` — ${about}` : ''}` : `Passages about “${about}”`;
      // The title names the paragraph (and its page and document when that helps): its quotes are not cited again.
      if (paragraph !== undefined && !about && quotes[0]) {
        heading = { doc: quotes[0].doc, paragraph };
        title = placeHeading(heading.doc, paragraph, ctx.render());
      }
      empty = paragraph !== undefined ? `The document has no paragraph ¶${paragraph}.` : `I found no passage about “${about}”.`;
    }
    await respond(interaction, renderQuotes(quotes, ctx.render(), { title, intro, empty, heading }));
    logAnswer(ctx, {
      source: 'slash:quote',
      userId: interaction.user.id,
      channelId: interaction.channelId,
      startedAt,
      outcome: quotes.length ? 'answered' : 'refused',
      quotes: quotes.length,
    });
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value ?? '');
    if (focused.name === 'paragraph') await interaction.respond(paragraphChoices(ctx.engine, typed, interaction.options.getString(DOCUMENT_OPTION) ?? undefined));
    else if (focused.name === DOCUMENT_OPTION) await interaction.respond(documentChoices(ctx.engine.documents(), typed));
    else if (focused.name === 'speaker') await interaction.respond(await personChoices(ctx.engine, 'speaker', typed));
    else if (focused.name === 'to') await interaction.respond(await personChoices(ctx.engine, 'addressee', typed));
    else await interaction.respond([]);
  },
};

export default quote;
