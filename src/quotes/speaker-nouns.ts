/**
 * Common nouns that can speak ("the minister", "officials", "a press
 * release"), their number and their gender.
 */
import { ROLE_HEADS, tagsOf, type Gender } from './names.js';

/** Heads of common-noun speakers ("the minister", "delegates", "a press release"). */
export const SPEAKER_NOUNS = new Set([
  'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'official', 'officials', 'delegate', 'delegates', 'delegation',
  'delegations', 'representative', 'representatives', 'envoy', 'ambassador', 'diplomat', 'diplomats', 'president', 'chair',
  'chairman', 'chairwoman', 'chairperson', 'head', 'heads', 'chief', 'director', 'leader', 'leaders', 'secretary-general',
  'secretary', 'body', 'council', 'committee', 'commission', 'government', 'ministry', 'agency', 'organization', 'organisation',
  'office', 'statement', 'report', 'release', 'communiqué', 'communique', 'letter', 'participants', 'members', 'experts', 'analysts',
  'observers', 'sources', 'source', 'residents', 'witnesses', 'police', 'authorities', 'officer', 'officers', 'group', 'groups',
  'states', 'countries', 'speakers', 'panel', 'panellists', 'panelists', 'organizers', 'organisers', 'activists', 'campaigners',
  'researchers', 'scientists', 'doctors', 'workers', 'farmers', 'people', 'woman', 'man', 'mother', 'father', 'student', 'students',
  'teacher', 'teachers', 'judge', 'court', 'survey', 'study', 'paper', 'document', 'resolution', 'communiqué', 'declaration',
  'mayor', 'governor', 'senator', 'lawmakers', 'legislators', 'union', 'company', 'firm', 'bank', 'commissioner', 'coordinator',
  'rapporteur', 'administrator', 'secretariat', 'board', 'author', 'authors', 'founder', 'expert', 'analyst', 'observer', 'aide',
  'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'staff', 'team', 'mission', 'forum', 'assembly', 'parliament', 'congress',
  // groups and unnamed people in news copy: "“Father!” mourners cried", "one mourner told …"
  'mourner', 'mourners', 'protester', 'protesters', 'protestor', 'protestors', 'demonstrators', 'supporters', 'fans', 'neighbor',
  'neighbors', 'neighbour', 'neighbours', 'villagers', 'survivor', 'survivors', 'relatives', 'parents', 'voters', 'critics',
  'investigators', 'prosecutors', 'rescuers', 'firefighters', 'soldiers', 'troops', 'rebels', 'witness', 'eyewitness', 'eyewitnesses',
  'resident', 'official', 'lawmaker', 'spokesperson', 'agent', 'agents', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'correspondent',
  // family and friends: "said Smith's husband, Carl"
  'husband', 'wife', 'son', 'daughter', 'brother', 'sister', 'uncle', 'aunt', 'cousin', 'friend', 'friends', 'girlfriend', 'boyfriend',
  'fiance', 'fiancé', 'fiancée', 'partner', 'colleague', 'colleagues', 'teammate', 'teammates', 'family', 'grandmother', 'grandfather',
  // documents that "read" or "state"
  // characters of stories for children and exam passages: "“I wish I could fly,” said the frog", "the old man asked"
  'boy', 'girl', 'boys', 'girls', 'kid', 'kids', 'child', 'children', 'baby', 'mom', 'mum', 'dad', 'king', 'queen', 'prince',
  'princess', 'stranger', 'shopkeeper', 'waiter', 'waitress', 'farmer', 'doctor', 'nurse', 'dog', 'cat', 'frog', 'bird', 'fox',
  'rabbit', 'bear', 'mouse', 'owl', 'duck', 'pig', 'lion', 'monkey', 'horse', 'cow', 'fish', 'turtle', 'squirrel', 'puppy', 'kitten',
  // couples and inquiries: "The couple who married in 2011 told …", "A 2012 probe into the jail branded it a '…'"
  // a crowd that shouts, men and women of a story: "“A fight!” came from the crowd", "questioned one of the men"
  'crowd', 'men', 'women', 'lads', 'seniors', 'juniors', 'sailors', 'guards', 'servants', 'maid',
  'couple', 'pair', 'probe', 'executive', 'boss', 'inquiry', 'investigation',
  'research', 'biography', 'database', 'brief', 'indictment', 'complaint', 'lawsuit', 'affidavit', 'website', 'post', 'memo', 'filing', 'ruling', 'tweet', 'sign',
]);
/**
 * What news copy calls the person a story is about, once named ("The actress said", "the mother-of-two told"): a
 * description of someone already introduced, not another person. Offices ("the minister", "the judge", "the
 * spokesman") are not here: they are usually someone else.
 */
const EPITHET_NOUNS = new Set([
  'actress', 'actor', 'star', 'singer', 'rapper', 'model', 'presenter', 'comedian', 'comedienne', 'musician', 'songwriter',
  'footballer', 'player', 'striker', 'midfielder', 'defender', 'goalkeeper', 'boxer', 'golfer', 'athlete', 'cricketer', 'batsman',
  'bowler', 'jockey', 'cyclist', 'swimmer', 'sprinter', 'runner', 'racer', 'driver', 'skier', 'champion', 'winger', 'forward',
  'businessman', 'businesswoman', 'entrepreneur', 'tycoon', 'billionaire', 'millionaire', 'socialite', 'heiress', 'celebrity',
  'blogger', 'chef', 'author', 'writer', 'novelist', 'director', 'filmmaker', 'designer', 'photographer', 'artist', 'dancer',
  'pensioner', 'grandmother', 'grandfather', 'grandmother-of-two', 'teenager', 'schoolgirl', 'schoolboy', 'youngster', 'mum', 'dad',
  'veteran', 'student', 'nurse', 'teacher', 'mother', 'father', 'widow', 'widower', 'brunette', 'blonde', 'beauty', 'hitmaker',
]);

/**
 * Is this the head of a description of someone already named ("the actress", "the former footballer",
 * "the mother-of-two")?
 *
 * @example
 * isEpithetNoun('actress'); // true
 * isEpithetNoun('minister'); // false
 */
export const isEpithetNoun = (head: string) => EPITHET_NOUNS.has(head.toLowerCase()) || /^(?:mother|father|mum|dad|grandmother|grandfather|grandmother|grandad|grandfather)-of-/u.test(head.toLowerCase());

/**
 * The medium words are said in, not who says them ("the statement said", "another message read", "their website slogan
 * reads"): news names the organisation or person behind it nearby, and that is the speaker.
 */
export const MEDIUM_NOUNS = new Set(['statement', 'statements', 'message', 'messages', 'post', 'posts', 'posting', 'tweet', 'tweets', 'email', 'e-mail', 'emails', 'slogan', 'website', 'blog', 'caption', 'text', 'texts', 'release', 'announcement', 'notice', 'sign', 'banner', 'placard']);
/** Written things that "read" (“The note read: ‘…’”): media and documents. */
export const WRITTEN_NOUNS = new Set([...MEDIUM_NOUNS, 'letter', 'letters', 'note', 'notes', 'report', 'document', 'memo', 'card', 'headline', 'inscription', 'plaque', 'poster', 'advert', 'advertisement', 'leaflet', 'label', 'page', 'entry', 'message']);

const PLURAL_SPEAKER = /(?:s|people|police|staff|team|authorities)$/;

const MALE_WORDS = new Set(['man', 'father', 'spokesman', 'chairman', 'king', 'prince', 'husband', 'son', 'brother', 'boy', 'actor', 'businessman', 'dad', 'grandfather', 'schoolboy', 'widower']);
const FEMALE_WORDS = new Set(['woman', 'mother', 'spokeswoman', 'chairwoman', 'queen', 'princess', 'wife', 'daughter', 'sister', 'girl', 'actress', 'businesswoman', 'mum', 'grandmother', 'schoolgirl', 'widow', 'heiress', 'comedienne', 'brunette', 'blonde']);


/**
 * Gender a common-noun speaker implies.
 *
 * @example
 * nounGender('the spokeswoman'); // 'female'
 */
export function nounGender(phrase: string): Gender {
  const head = (phrase.toLowerCase().split(/\s+/).pop() ?? '').replace(/-of-.*$/u, '');
  return MALE_WORDS.has(head) ? 'male' : FEMALE_WORDS.has(head) ? 'female' : null;
}

/**
 * Is this common-noun phrase a plural (a group that "they" can refer to)?
 *
 * @example
 * isPluralNoun('senior officials'); // true
 */
export const isPluralNoun = (phrase: string) => PLURAL_SPEAKER.test(phrase.toLowerCase().split(/\s+/).pop() ?? '');

/**
 * Can this common noun speak?
 *
 * @example
 * isSpeakerNoun('minister'); // true
 * isSpeakerNoun('meeting');  // false
 */
export function isSpeakerNoun(head: string): boolean {
  const h = head.toLowerCase();
  return SPEAKER_NOUNS.has(h) || ROLE_HEADS.has(h) || tagsOf(h).actor;
}
