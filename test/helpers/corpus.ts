/**
 * A deterministic synthetic news corpus for load tests: `n` paragraph-sized
 * articles (a title, 1–2 paragraphs of plain sentences, some with attributed
 * quotations; ~700 characters, like SQuAD's 2,067 dev contexts), the same
 * for the same seed. At n = 2,000 summaries and retrieval cost real CPU, as
 * a large real corpus does.
 *
 * @example
 * const sources = syntheticCorpus(2000);                 // in-memory sources
 * await writeCorpus(path.join(tmp, 'docs'), sources);    // one .txt per article
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mulberry32 } from '../../src/random.js';

const PEOPLE = ['Amina Diallo', 'Jonas Berg', 'Priya Raman', 'Tomás Ortega', 'Mei Lin', 'Kofi Mensah', 'Sara Novak', 'Omar Haddad', 'Lena Fischer', 'Ravi Kapoor'];
const PLACES = ['Lagos', 'Oslo', 'Chennai', 'Valparaíso', 'Chengdu', 'Accra', 'Ljubljana', 'Beirut', 'Hamburg', 'Pune', 'Quito', 'Tallinn'];
const TOPICS = ['water supply', 'rail network', 'school meals', 'flood defences', 'clinic funding', 'port expansion', 'solar farms', 'housing permits', 'bus fares', 'river clean-up', 'grain stores', 'fishing quotas'];
const VERBS = ['approved', 'delayed', 'questioned', 'expanded', 'reviewed', 'cut', 'doubled', 'defended', 'audited', 'postponed'];
const BODIES = ['the city council', 'the regional assembly', 'the ministry', 'local residents', 'the auditors', 'the union', 'the planning board', 'aid agencies'];
const REASONS = ['after months of debate', 'despite rising costs', 'following heavy rains', 'ahead of the elections', 'under pressure from donors', 'to meet a court deadline'];

export interface CorpusSource {
  id: string;
  path: string;
  text: string;
}

export function syntheticCorpus(n: number, seed = 2026): CorpusSource[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const sentence = (topic: string, place: string) =>
    `In ${place}, ${pick(BODIES)} ${pick(VERBS)} the plan for ${topic} ${pick(REASONS)}, and ${int(2, 90)} projects were affected.`;
  const out: CorpusSource[] = [];
  for (let i = 0; i < n; i++) {
    const topic = pick(TOPICS);
    const place = pick(PLACES);
    const paragraphs = [`# ${place} ${pick(VERBS)} ${topic} plan (${i + 1})`];
    for (let p = int(1, 2); p > 0; p--) {
      const sentences = Array.from({ length: int(2, 3) }, () => sentence(pick(TOPICS), pick(PLACES)));
      if (rnd() < 0.5) sentences.push(`“We have ${pick(VERBS)} the ${topic} plan because ${pick(BODIES)} asked us to,” said ${pick(PEOPLE)}.`);
      paragraphs.push(sentences.join(' '));
    }
    const id = `docs/article-${String(i + 1).padStart(5, '0')}.txt`;
    out.push({ id, path: id, text: `${paragraphs.join('\n\n')}\n` });
  }
  return out;
}

/** Write the corpus as one .txt file per article under `dir`; returns the folder. */
export async function writeCorpus(dir: string, sources: CorpusSource[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const s of sources) await writeFile(path.join(dir, path.basename(s.path)), s.text);
  return dir;
}
