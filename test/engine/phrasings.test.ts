/**
 * Our own phrasing sets (test/fixtures/phrasings/: quote, paragraph and summary requests, who-said
 * including claims nobody made, chit-chat, other languages, natural questions), on the default
 * document and three CNN stories, written before looking at any answer. The README quotes these
 * figures; each split must stay at or above its bar.
 */
import { describe, expect, it } from 'vitest';
import { loadPhrasings, runPhrasings } from '../helpers/phrasings.js';

// The target is 90%; measured (round 4, SOFT_MATCH on by default): tune 138/150 (92.0%; 68 who-said and said-about
// phrasings added, 22 of them messy Discord-style), held-out 47/49 (95.9%, after merging coqa), held-out-2 27/27. Round 3: tune 75/82 (91.5%),
// held-out 45/49 (91.8%), held-out-2 26/27 (96.3%). Before round 3: tune 73/82, held-out 43/49. The bars guard these.
const BAR = { tune: 0.91 };

// The first two held-out sets are blind too: they run with the others below (counts only, named "the blind …").
describe.each(['tune'] as const)('the %s phrasing set', (split) => {
  it(`given each phrasing, when asked, then at least ${BAR[split] * 100}% are handled right (and every quote is verbatim)`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    const wrong = results.filter((r) => r.problem).map((r) => `${r.p.q} → ${r.problem}`);
    expect(results.every((r) => r.problem !== 'quote not verbatim')).toBe(true);
    expect((results.length - wrong.length) / results.length, wrong.join('\n')).toBeGreaterThanOrEqual(BAR[split]);
  });
});

// Round 7 (quote4): 98 quote-request (by topic on news, someone's words), paragraph, summary (incl. one paragraph's),
// chit-chat and natural items over the default document, the tuning stories and five new tuning-side CNN stories
// (celeste-holm, harry-reid, froome-ventoux, machu-picchu, king-abdullah), written before running any; every third line
// held out (quote4-heldout, never tuned on, run only for counts). Before → after: tune 55/66 → 60/66, held-out 26/32 → 29/32.
// Round 14 (quote12): quote9, 94 items written before running any from reading the documents only — quote requests by
// topic, mostly in other words and Discord style ("pls paste the bit where he gets hurt working out", "gimme the
// official's exact words on how not every place is ok to strip"), paragraph requests ("second-to-last", "¶6 pls"),
// summaries (whole and of one paragraph), off-topic quote requests and chit-chat — over the default document and
// tuning-side stories; every third line held out (quote9-heldout, never tuned on, run only for counts). Before → after:
// tune 50 → 52/63, held-out 24/31 unchanged. The bars guard what was reached.
// Round 15 (quote13): quote10, 92 items written before running any from reading the documents only, over the default
// document and ten new non-CNN Abg-CoQA val stories (Wikipedia, RACE, MCTest, Gutenberg) — paraphrased quote requests by
// topic, paragraph requests, summaries (whole, of one paragraph, "gist of the chapter pls") and off-topic quote
// requests; every third line held out (quote10-heldout, never tuned on, run only for counts). Before → after: tune 49 →
// 51/62 (a chapter is the whole text to summarise; a summary's position counted by paragraph leads), held-out 26 → 27/30.
// Round 16 (quote14): quote11, 68 items written before running any from reading the documents only, over the default
// document and eight new non-CNN Abg-CoQA val stories — quote requests by topic in other words ("the bit where he's
// chilling by the fire after a day of hunting", "Seth's exact words on why dan shouldn't beat up the kid"), off-topic
// quote requests, summaries, paragraph requests and a few questions; every third line held out (quote11-heldout, never
// tuned on, run only for counts). Baseline: tune 31/46, held-out 18/22. quote9-tune 52 → 53/63: whom a sentence's words
// belong to counts as a word beside it for the topic ("annan's exact words on …" met by a quotation saying "he told").
// quote11-tune 31 → 32/46: "how many leaders …" met by "three presidents", the thing counted as kin ("what exactly did X
// tell the council about …" read as a quote request gained one more here but lost a blind quote request: taken out by the lead). quote10-tune 51 → 52/62: "how big the country is" asks for a size, met by
// a count in units of area or length ("36,125 square kilometres").
// Round 17 (quote15): quote12, 68 items written before running any from reading the documents only, over the default
// document and seven new non-CNN Abg-CoQA val stories (positions 20–119) — quote requests by topic, mostly in other words
// and Discord style ("gimme the bit about wilding showering ruth with jewelry", "the part about his drinking problem"),
// off-topic quote requests, summaries (whole and of one paragraph) and paragraph requests; every third line held out
// (quote12-heldout, never tuned on, run only for counts). Baseline (49171ae): tune 35/46, held-out 16/22. After: tune
// 38/46 ("the bit listing his books": a participle links the piece to its topic; "peacetime vs war": "vs" is no topic
// word; a whole-document summary of several paragraphs quotes more than one), held-out 16/22.
const QUOTE4_BAR = {
  'quote4-tune': 0.9,
  'quote4-heldout': 0.9,
  'quote9-tune': 53 / 63,
  'quote9-heldout': 24 / 31,
  'quote10-tune': 52 / 62,
  'quote10-heldout': 27 / 30,
  'quote11-tune': 32 / 46,
  'quote11-heldout': 18 / 22,
  'quote12-tune': 38 / 46,
  'quote12-heldout': 16 / 22,
};

describe.each(['quote4-tune', 'quote4-heldout', 'quote9-tune', 'quote9-heldout', 'quote10-tune', 'quote10-heldout', 'quote11-tune', 'quote11-heldout', 'quote12-tune', 'quote12-heldout'] as const)('the %s phrasing set', (split) => {
  it(`given each phrasing, when asked, then at least ${Math.round(QUOTE4_BAR[split] * 100)}% are handled right (and every quote is verbatim)`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    const right = results.filter((r) => !r.problem).length;
    // The held-out part reports its count only, so that nobody tunes on its items.
    const wrong = !split.endsWith('-heldout') ? results.filter((r) => r.problem).map((r) => `${r.p.q} → ${r.problem}`).join('\n') : `${right}/${results.length}`;
    expect(results.every((r) => r.problem !== 'quote not verbatim')).toBe(true);
    expect(right / results.length, wrong).toBeGreaterThanOrEqual(QUOTE4_BAR[split] - 1e-9);
  });
});

// Round 16 (nat14): nat9, 71 natural questions (when/how many/how old/where/which X/who-did/why, tidy and Discord-style)
// and near-topic questions the story does not answer, over seven new non-CNN Abg-CoQA val stories and the default
// document, written before running any; every third line held out (nat9-heldout, never tuned on, run only for counts).
// Measured on the untouched branch (1970b76): tune 31/48, held-out 13/23. After the lone answer-type lift, the dropped
// g and "hey bot" (natural-phrasings.test.ts): tune 33/48, held-out 13/23. The bars guard what was reached.
// Round 17 (nat15): held-out 13 → 14/23 (question words spelt as in chat, a parent in the documents' register, no lone
// lift for "what is X's Y"). nat10: 77 natural questions (what/which/when/where/how many/how long/why/who-is, tidy and
// Discord-style) and near-topic questions the story does not answer, over eight new non-CNN Abg-CoQA val stories and
// the default document, written before running any; every third line held out (nat10-heldout, counts only). Measured
// on the untouched branch (49171ae): tune 37/52, held-out 16/25; unchanged by round 17's rules. natural-heldout (round
// 6, counts only) 21 → 22/30 with the same rules, guarded here.
const NAT9_BAR = { 'nat9-tune': 33 / 48, 'nat9-heldout': 14 / 23, 'nat10-tune': 37 / 52, 'nat10-heldout': 16 / 25, 'natural-heldout': 22 / 30 };

describe.each(['nat9-tune', 'nat9-heldout', 'nat10-tune', 'nat10-heldout', 'natural-heldout'] as const)('the %s phrasing set', (split) => {
  it(`given each natural question, when asked, then at least ${Math.round(NAT9_BAR[split] * 100)}% are handled right (and every quote is verbatim)`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    const right = results.filter((r) => !r.problem).length;
    // The held-out part reports its count only, so that nobody tunes on its items.
    const wrong = !split.endsWith('-heldout') ? results.filter((r) => r.problem).map((r) => `${r.p.q} → ${r.problem}`).join('\n') : `${right}/${results.length}`;
    expect(results.every((r) => r.problem !== 'quote not verbatim')).toBe(true);
    expect(right / results.length, wrong).toBeGreaterThanOrEqual(NAT9_BAR[split] - 1e-9);
  });
});

// Round 8 (quote5): 50 items written before running any — quote requests with the topic in other words ("his teeth"
// for "dental work", "a counselor" for "therapist"), naming a person ("quote shatner", "quote his lawyer"), summaries
// (incl. "sum up ¶7"), natural questions and off-topic quote requests — over the default document and the tuning-side
// stories; every third line held out (quote5-heldout, never tuned on, run only for counts). Before → after: tune 19/34 →
// 22/34, held-out 7/16 → 9/16. Far from 90%: the bars guard what was reached.
const QUOTE5_BAR = { 'quote5-tune': 0.64, 'quote5-heldout': 0.56 };

describe.each(['quote5-tune', 'quote5-heldout'] as const)('the %s phrasing set', (split) => {
  it(`given each phrasing, when asked, then at least ${Math.round(QUOTE5_BAR[split] * 100)}% are handled right (and every quote is verbatim)`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    const right = results.filter((r) => !r.problem).length;
    const wrong = split === 'quote5-tune' ? results.filter((r) => r.problem).map((r) => `${r.p.q} → ${r.problem}`).join('\n') : `${right}/${results.length}`;
    expect(results.every((r) => r.problem !== 'quote not verbatim')).toBe(true);
    expect(right / results.length, wrong).toBeGreaterThanOrEqual(QUOTE5_BAR[split]);
    // Off-topic quote requests stay refused.
    expect(results.filter((r) => r.p.expect === 'refuse').every((r) => !r.problem)).toBe(true);
  });
});

// Blind sets written in round 4 by engineers who never ran the engine on them (heldout-3: 87 items; heldout-4: 98
// Discord-style items); nobody tuned on them. Measured on main before round 4's work: 55/87 (63.2%) and 51/98 (52.0%);
// at its end: 60/87 (69.0%) and 63/98 (64.3%) — short of the 90% target. The bars guard against sliding back; a
// failure reports only the count, so the items stay unread. Round 5 (lead, once after the merge): heldout-3 64/87
// (73.6%), heldout-4 62/98 (63.3%); heldout-5 (new, 100 items by label5, same blind rules) 59/100 before round 5's work,
// 63/100 after. Round 6 (lead, once before and once after the round's merges): heldout-3 64 → 65/87, heldout-4 62 →
// 66/98, heldout-5 63 → 65/100; heldout-6 (new, 100 items by label8 over the default document and eight new Abg-CoQA
// CNN stories, same blind rules) 57/100 before, 56/100 after. Round 7 (lead, once before the round's work and once per
// branch and after the merges): heldout-3 65 → 65/87, heldout-4 66 → 68/98, heldout-5 65 → 65/100, heldout-6 56 → 58/100;
// heldout-7 (new, 100 items by label9, quote/summary/who-said heavy, over the default document and 21 blind-only stories,
// same blind rules) 60/100 before, 65/100 after. Round 8: heldout-8 (new, 100 items by label12, weighted like heldout-7,
// over the default document, ten earlier blind-only stories and four new Abg-CoQA held-out CNN stories, same blind rules)
// 53/100 on main before the round's work, 56/100 after the merges (who5, quote5, coqa5, attrib5, warm5); the others after:
// heldout-3 65/87, heldout-4 68 → 71/98, heldout-5 65/100, heldout-6 58/100, heldout-7 65 → 66/100.
// Round 9: heldout-9 (new, 100 items by label14, weighted like heldout-8; its four new stories were attribution-tuning
// stories of earlier rounds, cnn-attribution-fresh.json) 76/100 on main before the round; heldout-10 (new, 60 items by
// label16 over four stories of the blind fresh2 attribution set) 45/60 before.
// After round 9's merges (quote6, nat6 with no engine change, attrib6), the lead's run once: heldout-3 65/87, heldout-4
// 71/98, heldout-5 65/100, heldout-6 58 -> 59/100, heldout-7 66/100, heldout-8 56 -> 58/100, heldout-9 76 -> 78/100,
// heldout-10 45/60.
// Round 10: heldout-11 (new, 80 items by label19 over the default document and five stories of the attribution tuning
// set cnn-attribution.json, same blind rules) 56/80 on main before the round. After round 10's merges (quote7, who7;
// nat7 and attrib7 not merged), the lead's run once: heldout-3 65/87, heldout-4 71 -> 72/98, heldout-5 65/100,
// heldout-6 59 -> 60/100, heldout-7 66/100, heldout-8 58 -> 60/100, heldout-9 78/100, heldout-10 45 -> 46/60,
// heldout-11 56 -> 57/80.
// Round 11: heldout-12 (new, 90 items by label20 over the default document and six stories of the attribution tuning
// sets cnn-attribution.json / cnn-attribution-fresh.json, same blind rules) 53/90 on main before the round. After round
// 11's merges (who8, nat8, quote8, perf8; attrib8 not merged), the lead's run once: heldout-3 65 -> 66/87, heldout-4
// 72 -> 71/98, heldout-5 65 -> 67/100, heldout-6 60 -> 62/100, heldout-7 66 -> 65/100, heldout-8 60 -> 65/100,
// heldout-9 78 -> 83/100, heldout-10 46 -> 47/60, heldout-11 57/80, heldout-12 53 -> 55/90. heldout-4 and heldout-7
// each lost one item (who8's claim model: a real claim refused; two claims nobody made answered, one real gained), so
// their floors went down one item.
// Round 13: the lead's runs (round 12's engineer branches were lost before merging; redone as who10, quote10, nat10,
// attrib10). Main before 701/1005; who10 alone heldout-8 65 -> 66/100 and heldout-13 63 -> 64/90 (two real claims
// named), nat10 and quote10 alone identical on every set; all three merged 703/1005, so heldout-8 and heldout-13 went up
// one item each (at 0.67 / 0.72 they fail, seen). attrib10 touched only the quotation finder (not merged: blind
// attribution net 0). Wave two: who11 identical on every set, quote11 heldout-8 66 -> 67/100, heldout-10 47 -> 48/60,
// heldout-12 55 -> 56/90 (a quote request each); nat11 not merged (warm latency over 2x). Main after all: 706/1005; floors
// heldout-8 0.67, heldout-10 0.8, heldout-12 0.62 (one item higher each fails, seen).
// Round 14 (lead's runs after the merges): heldout-4 71 -> 72/98 (quote12), heldout-7 65 -> 66 and heldout-8 67 -> 69/100
// (who12, and nat12's +1 on heldout-8); floors raised by exactly those items. heldout-14 (label23; nine RACE/Gutenberg/MCTest stories and the default document) measured on da6fca7
// before any round-14 engine change: 56/90.
// Round 15: heldout-15 (label24; nine RACE/Gutenberg/MCTest/Wikipedia stories and the default document) measured on
// main 0ccaefa before any round-15 engine change: 63/90. After the round-15 merges (quote13, who13 without "who called
// X Y?", nat13, attrib12 without the possessive-close change): heldout-5 67 -> 69, heldout-6 62 -> 63, heldout-7 66 ->
// 67, heldout-8 69 -> 70, heldout-12 56 -> 57, heldout-14 56 -> 60, heldout-15 63 -> 66 (829 -> 842/1185); floors
// raised by exactly those items (one item higher fails each, seen).
// Round 16: heldout-16 (label25; eight Gutenberg/MCTest/RACE stories and the default document) measured on main
// 1970b76 + label25 before any round-16 engine change: 59/90. After the round-16 merges (attrib13, nat14, who14, quote14
// without its "what did X tell the council about Y" request reading, robust16): heldout-5 69 -> 71, heldout-6 63 -> 64,
// heldout-8 70 -> 71, heldout-12 57 -> 58, heldout-14 60 -> 61, heldout-16 59 -> 60 (heldout-13 64: a quote request
// gained, an off-topic question answered) — 901 -> 908/1275; floors raised by exactly those items (one item higher fails
// each, seen).
// Round 17: heldout-17 (label26; eight MCTest/Wikipedia/Gutenberg/RACE stories and the default document) measured on
// main 49171ae + label26 before any round-17 engine change: 62/90 (floor .68; 61/90 fails). After the round-17 merges
// (nat15, attrib14, audit17, quote15, robust17, who15): heldout-11 57 -> 58, heldout-13 64 -> 65, heldout-16 60 -> 61
// (all three who-said, from who15's clause cover) — 970 -> 973/1365; floors raised by exactly those items (one item
// higher fails each, seen).
// Round 18: heldout-18 (label27; five blind-only CNN stories, five new MCTest/Gutenberg stories and the default
// document) measured on main 9d2bd18 (76aa7de + label27) before any round-18 engine change: 69/90 (floor .76; 68/90 fails).
const BLIND_BAR = { heldout: 0.93, 'heldout-2': 0.96, 'heldout-3': 0.75, 'heldout-4': 0.73, 'heldout-5': 0.71, 'heldout-6': 0.64, 'heldout-7': 0.67, 'heldout-8': 0.71, 'heldout-9': 0.83, 'heldout-10': 0.8, 'heldout-11': 0.72, 'heldout-12': 0.64, 'heldout-13': 0.72, 'heldout-14': 0.67, 'heldout-15': 0.73, 'heldout-16': 0.67, 'heldout-17': 0.68, 'heldout-18': 0.76 };

describe.each(['heldout', 'heldout-2', 'heldout-3', 'heldout-4', 'heldout-5', 'heldout-6', 'heldout-7', 'heldout-8', 'heldout-9', 'heldout-10', 'heldout-11', 'heldout-12', 'heldout-13', 'heldout-14', 'heldout-15', 'heldout-16', 'heldout-17', 'heldout-18'] as const)('the blind %s phrasing set', (split) => {
  it(`given each phrasing, when asked, then at least ${Math.round(BLIND_BAR[split] * 100)}% are handled right (and every quote is verbatim)`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    const right = results.filter((r) => !r.problem).length;
    expect(results.every((r) => r.problem !== 'quote not verbatim')).toBe(true);
    expect(right / results.length, `${right}/${results.length} handled right`).toBeGreaterThanOrEqual(BLIND_BAR[split]);
  });
});

// Who-said about real claims in other words and about claims nobody made (round 5, claim): 43 tuning items (the claim
// model is fitted on them with tune.jsonl's who-said items) and 22 held out, written from the documents before running
// any. Before round 5: 26/43 (real 11/24, invented refused 15/19) and 16/22 (real 6/12, invented 10/10); after: 38/43
// (21/24, 17/19) and 18/22 (9/12, 9/10).
// Round 6 (whosaid3): 72 more, in the blind sets' styles, over the default document, the three tuning stories and
// ex-madam; every third held out (whosaid-heldout2, never tuned on). Before → after: tune2 35/48 (real 18/30, invented
// refused 17/18) → 39/48 (22/30, 17/18); heldout2 15/24 (7/13, 8/11) → 15/24 (7/13, 8/11).
// Round 7 (who4): 170 more by label10 (whosaid-tune3 114, whosaid-heldout3 56, every third line held out, never tuned
// on), half of the real claims reported speech without quotation marks, over ten new tuning stories too. Before → after:
// tune3 66/114 (real 25/67, refused 41/47) → 76/114 (35/67, 41/47); heldout3 27/56 (7/33, 20/23) → 27/56 (7/33, 20/23);
// tune2 39 → 41/48, heldout2 15 → 16/24 (real 7 → 8/13).
// Round 8 (who5): "did Y say X?" answered about Y, speakers by description, reporters named later (who5-tune 24, who5-heldout
// 12, every third of each kind held out). Before → after: who5-tune 10/24 (real 8/16, refused 2/8) → 19/24 (11/16, 8/8);
// who5-heldout 6/12 (5/8, 1/4) → 8/12 (5/8, 3/4); tune3 76 → 82/114 (real 35 → 40/67, refused 41 → 42/47); heldout3 27 → 30/56 (real 7 → 10/33).
// Round 10 (who7): label17's who7-tune 74 / who7-heldout 37 (every third line held out, never tuned on). Before → after:
// who7-tune 51/74 (real 21/41, refused 30/33) → 56/74 (25/41, 31/33); who7-heldout 22/37 (9/20, 13/17) → 23/37 (9/20, 14/17);
// tune3 refused 42 → 45/47 (82 → 85/114), heldout2 refused 8 → 9/11 (16 → 17/24).
// Round 11 (who8): the claim model reads how much of the sentence's clause the claim accounts for, refitted over the seven
// tuning sets with its bar chosen on cross-validation by document; negation scope in claims typed without commas. Before →
// after (real / refused): whosaid-tune 21 → 22/24, 17/19; whosaid-tune2 24 → 23/30, 17/18 (floor lowered .85 → .83:
// 41 → 40/48); whosaid-tune3 40 → 44/67, 45/47; who5-tune 11 → 12/16, 8/8; who7-tune 25 → 26/41, 31/33; who8-tune
// (label21, new) 15 → 17/31, 26 → 27/29; held out: whosaid-heldout 9 → 10/12, 9 → 10/10; whosaid-heldout2 8/13, 9 → 8/11
// (floors lowered .7 → .66 and .81 → .72); whosaid-heldout3 10 → 15/33, 20/23; who5-heldout 5/8, 3/4; who7-heldout
// 9 → 11/20, 14 → 15/17; who8-heldout 7 → 10/19, 11/11. Real claims over the held-out sets 48 → 59/105, refused 66 → 67/76.
// Round 13 (who10): negation scope in the claim check ("X or not", "not just", "and did not …", points of ellipsis, "not
// X but Y"), "and claimed …" and " -- " as clause boundaries, "expected" a verb of holding a view, "a decade" 10 and "a
// dozen" 12. Before → after (real / refused): whosaid-tune3 44 → 47/67, 45/47 (floor .78 → .805: 89 → 92/114);
// who5-tune 12 → 13/16, 8/8 (floor .83 → .87: 20 → 21/24); who8-tune 17 → 19/31, 27/29 (floor .73 → .76: 44 → 46/60);
// tune who 35 → 36/37 (140 → 141/150); held out: who5-heldout 5/8, 3 → 4/4; who8-heldout 10 → 11/19, 11/11; the other
// who sets unchanged.
// Round 13 (who11): "going to" before a light verb is the future (as "will"), not a claim word; a compound written as one
// word or as two ("drill pipe" / "drillpipe"). Before → after (real / refused): whosaid-tune3 47 → 48/67, 45/47 (floor
// .805 → .815: 92 → 93/114); the other who sets, tuning and held out, unchanged.
// Round 13 (nat11, a question's informal and WordNet-synonym words read as the documents' words): who8-tune 19 → 20/31,
// 27/29 (floor .76 → .78: 46 → 47/60); who8-heldout 22 → 23/30.
// Round 14 (who12): a claim word is met by a sentence word when each is among the other's 25 nearest in the word
// vectors (cosine ≥ 0.55) with the same inflection ("enormous" / "colossal", "drank" / "consumed"). who9-tune 64 /
// who9-heldout 31 (new, written by who12 before running any; every third line held out). Before → after (real /
// refused): who9-tune 23 → 26/38, 23/26 (46 → 49/64); who9-heldout 13 → 14/20, 11 → 10/11 (24/31); whosaid-tune3
// 48 → 50/67, 45/47 (floor .815 → .83: 93 → 95/114); whosaid-heldout2 8 → 9/13, 8/11 (floor .66 → .7: 16 → 17/24);
// whosaid-heldout3 15 → 17/33, 20/23 (floor .62 → .66: 35 → 37/56); the other who sets unchanged.
// Round 15 (who13): who10-tune 66 / who10-heldout 32 (new, written by who13 before running any, over eleven RACE,
// Gutenberg, MCTest and Wikipedia stories and the default document; every third line held out). Reported speech reads
// every verb of saying the quotation index knows and verbs of a view before a "that" clause, "who called X Y?", a
// quotation broken by its attribution read whole, a quotation going on with the turn before it. Before → after (real /
// refused): who10-tune 21 → 26/37, 24/29 (45 → 50/66); who10-heldout 12 → 15/25, 6/7 (18 → 21/32); floors at the
// after figures; the other who sets, tuning and held out, unchanged. Then "a"/"an" counts one ("five dollars" / "a
// dollar") and another length of time says otherwise ("in an hour" / "in five minutes"): who10-tune refused 24 → 25/29
// (50 → 51/66; floors .75 → .77 and .82 → .86); the other who sets unchanged. The lead took "who called X Y?" out
// again (it lost a blind item on heldout-11 and on heldout-15): who10-tune real 26 → 25/37 (51 → 50/66; floor .77 → .75).
// Round 16 (who14): who11-tune 51 / who11-heldout 25 (new, written by who14 before running any, over ten Gutenberg,
// MCTest and RACE stories, the default document and two tuning stories; every third line held out), floors at the
// untouched branch's figures (real / refused): who11-tune 12/33, 14/18 (26/51); who11-heldout 6/16, 7/9 (13/25). Then
// a question reported with "if"/"whether" after a verb of asking is reported speech, "without" denies what follows it
// only, whom "she"/"he" stands for agrees with the gender a name gives, and a "whether" clause has its own polarity:
// who11-tune 12 → 14/33, 14 → 15/18 (26 → 29/51; floors .5 → .56, .77 → .83); who10-tune refused 25 → 26/29 (50 → 51/66;
// floors .75 → .77, .86 → .89); whosaid-tune3 real 50 → 51/67 (95 → 96/114; floor .83 → .84); who11-heldout real 6 →
// 7/16 (13 → 14/25; floor .52 → .56); the other who sets, tuning and held out, unchanged. Then "who yelled / shouted /
// begged / whispered / grumbled / replied …?" asks who said it: who11-tune real 14 → 15/33 (29 → 30/51; floor .56 → .58).
// Round 17 (who15): who12-tune 39 / who12-heldout 19 (new, written by who15 before running any, over eleven Gutenberg,
// MCTest and RACE stories; every third line held out), floors at the untouched branch's figures (real / refused):
// who12-tune 15/25, 11/14 (26/39); who12-heldout 2/13, 5/6 (7/19). Then how much of a clause a claim accounts for
// (`covered`) leaves out words that carry nothing (fillers, placeholders, light verbs: "told everyone to come back for
// dinner again") and a named speaker's attribution ("Brown explains"): real claims who12-tune 15 → 16/25 (26 → 27/39;
// floor .66 → .69), who11-tune 15 → 16/33 (30 → 31/51; floor .58 → .60), who10-tune 25 → 26/37 (51 → 52/66; floor .77 →
// .78); held out who12-heldout 2 → 3/13 (7 → 8/19; floor .36 → .42), who11-heldout 7 → 8/16 (14 → 15/25; floor .56 →
// .60); every refusal count and the other who sets unchanged.
// Round 17 (who16): "who offered / agreed / volunteered to …?" asks who said they would (the claim is what was undertaken),
// and "X agreed / offered / refused to …" reports its subject: who12-tune 27 → 28/39 (floor .69 → .71), who11-tune 31 →
// 32/51 (floor .60 → .62); held out who11-heldout 15 → 16/25 (floor .60 → .64); every refusal count and the other sets unchanged.
const WHO_BAR = { 'whosaid-tune': 0.9, 'whosaid-heldout': 0.9, 'whosaid-tune2': 0.83, 'whosaid-heldout2': 0.7, 'whosaid-tune3': 0.84, 'whosaid-heldout3': 0.66, 'who5-tune': 0.87, 'who5-heldout': 0.66, 'who7-tune': 0.77, 'who7-heldout': 0.7, 'who8-tune': 0.78, 'who8-heldout': 0.7, 'who9-tune': 0.76, 'who9-heldout': 0.77, 'who10-tune': 0.78, 'who10-heldout': 0.65, 'who11-tune': 0.62, 'who11-heldout': 0.64, 'who12-tune': 0.71, 'who12-heldout': 0.42 };
/** Claims nobody made, refused at least this share (as measured; heldout2's 8/11 is what main refused too). */
const REFUSED_BAR = { 'whosaid-tune': 0.85, 'whosaid-heldout': 1, 'whosaid-tune2': 0.85, 'whosaid-heldout2': 0.72, 'whosaid-tune3': 0.95, 'whosaid-heldout3': 0.86, 'who5-tune': 1, 'who5-heldout': 0.75, 'who7-tune': 0.93, 'who7-heldout': 0.88, 'who8-tune': 0.93, 'who8-heldout': 1, 'who9-tune': 0.88, 'who9-heldout': 0.9, 'who10-tune': 0.89, 'who10-heldout': 0.85, 'who11-tune': 0.83, 'who11-heldout': 0.77, 'who12-tune': 0.78, 'who12-heldout': 0.83 };

describe.each(['whosaid-tune', 'whosaid-heldout', 'whosaid-tune2', 'whosaid-heldout2', 'whosaid-tune3', 'whosaid-heldout3', 'who5-tune', 'who5-heldout', 'who7-tune', 'who7-heldout', 'who8-tune', 'who8-heldout', 'who9-tune', 'who9-heldout', 'who10-tune', 'who10-heldout', 'who11-tune', 'who11-heldout', 'who12-tune', 'who12-heldout'] as const)('the %s who-said set', (split) => {
  it(`given each who-said phrasing, when asked, then at least ${WHO_BAR[split] * 100}% are answered with the right speaker or refused as nobody's`, { timeout: 120_000 }, async () => {
    const results = await runPhrasings(loadPhrasings(split));
    const right = results.filter((r) => !r.problem).length;
    expect(results.every((r) => r.problem !== 'quote not verbatim')).toBe(true);
    expect(right / results.length, `${right}/${results.length} handled right`).toBeGreaterThanOrEqual(WHO_BAR[split]);
  });

  it(`given the claims nobody made, when asked who said them, then at least ${REFUSED_BAR[split] * 100}% are refused`, { timeout: 120_000 }, async () => {
    const refused = (await runPhrasings(loadPhrasings(split).filter((p) => p.expect === 'refuse'))).filter((r) => !r.problem).length;
    const n = loadPhrasings(split).filter((p) => p.expect === 'refuse').length;
    expect(refused / n, `${refused}/${n} refused`).toBeGreaterThanOrEqual(REFUSED_BAR[split]);
  });
});
