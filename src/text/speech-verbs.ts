/**
 * Verbs that report speech in English news copy. One list for the sentence
 * splitter (src/ingest/segment.ts: “…?” Correspondent Scott Pelley asked.
 * stays one sentence) and the attribution grammar (src/quotes/cues.ts).
 */

/** Verbs whose direct object is the addressee ("told the Council"). */
export const TELL_VERBS: readonly string[] = ['told', 'tell', 'tells', 'telling', 'informed', 'informs', 'assured', 'assures', 'reminded', 'reminds', 'urged', 'urges', 'urging', 'warned', 'warns', 'warning', 'asked', 'asks', 'asking', 'briefed', 'briefs', 'briefing', 'addressed', 'addresses', 'addressing', 'promised', 'promises'];
/** Verbs that report speech ("said", "stressed"); an addressee follows "to". */
export const SAY_VERBS: readonly string[] = [
  'said', 'says', 'say', 'saying', 'stressed', 'stresses', 'stressing', 'stress', 'added', 'adds', 'adding', 'noted', 'notes', 'noting',
  'explained', 'explains', 'explaining', 'insisted', 'insists', 'declared', 'declares', 'announced', 'announces', 'stated', 'argued',
  'argues', 'emphasized', 'emphasised', 'emphasizes', 'emphasises', 're-emphasized', 're-emphasised', 'underlined', 'underlines',
  'underscored', 'underscores', 'replied', 'replies', 'responded', 'responds', 'remarked', 'observed', 'observes', 'continued',
  'continues', 'concluded', 'concludes', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'recalled', 'recalls', 'claimed',
  'claims', 'suggested', 'suggests', 'proposed', 'proposes', 'demanded', 'demands', 'affirmed', 'affirms', 'reiterated', 'reiterates',
  'wrote', 'writes', 'tweeted', 'cautioned', 'cautions', 'predicted', 'predicts', 'vowed', 'vows', 'pledged', 'pledges', 'described',
  'describes', 'describing', 'exclaimed', 'commented', 'comments', 'highlighted', 'highlights', 'agreed', 'agrees', 'complained',
  'complains', 'conceded', 'concedes', 'countered', 'counters', 'maintained', 'maintains', 'mused', 'recounted', 'recounts', 'quipped',
  'shouted', 'whispered', 'asserted', 'asserts', 'contended', 'contends', 'welcomed', 'welcomes', 'lamented', 'laments', 'appealed',
  'announced', 'reported', 'reports', 'confirmed', 'confirms', 'denied', 'denies', 'disclosed', 'revealed', 'reveals',
  'answered', 'answers', 'posted', 'posts', 'posting', 'writing', 'tweeting', 'texted', 'cried', 'cries', 'chanted', 'yelled',
  'screamed', 'sobbed', 'wailed', 'sang', 'sings', 'recited', 'reads', 'joked', 'jokes', 'boasted', 'bragged', 'testified',
  'testifies', 'states', 'denounced', 'denounces', 'condemned', 'condemns', 'criticized', 'criticised', 'praised', 'recalling', 'repeated', 'repeats', 'ruled', 'pleaded', 'pleads', 'begged', 'retorted', 'protested', 'echoed', 'muttered', 'murmured', 'sighed', 'snapped', 'wondered', 'interjected', 'gushed', 'raved', 'bellowed', 'stammered', 'whispers', 'shouts',
  // dialogue in fiction and stories: "“Gee!” panted Andy", "“No,” he confessed", "questioned Andy"
  'confessed', 'groaned', 'questioned', 'queried', 'inquired', 'enquired', 'panted', 'gasped', 'laughed', 'chuckled', 'giggled',
  'grumbled', 'growled', 'snarled', 'sneered', 'roared', 'shrieked', 'moaned', 'whimpered', 'hissed', 'rejoined', 'interrupted',
  'objected', 'assented', 'ventured', 'drawled', 'faltered', 'stuttered', 'mumbled', 'persisted', 'thundered', 'scoffed', 'teased',
  'scolded', 'wept', 'disagreed', 'exclaims', 'sighs', 'laughs', 'screams', 'yells', 'whimpers', 'ejaculated', 'chorused', 'volunteered',
  // present tense after a plural subject: "the authorities claim", "critics argue"
  'claim', 'insist', 'argue', 'admit', 'deny', 'explain', 'predict', 'suggest', 'declare', 'testify', 'complain', 'acknowledge', 'concede', 'tweets', 'tweet',
  // "USADA accused Armstrong of running “the most sophisticated … doping program”"
  'accused', 'accuses',
  // "the Council voiced “grave concern …”"
  'voiced', 'voices', 'expressed', 'expresses', 'expressing',
];

/**
 * Verbs that report speech only right after the quotation they report (“I don't think so,” returned Dave; “Oh,” he
 * began): elsewhere they are ordinary verbs ("Dave returned to the house").
 */
export const POST_ONLY_VERBS: readonly string[] = ['returned', 'began', 'called', 'ordered', 'commanded', 'thought', 'thinks', 'resumed'];

/** Every speech verb, for membership tests. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([...SAY_VERBS, ...TELL_VERBS]);
