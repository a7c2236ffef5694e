import { describe, expect, it } from 'vitest';
import { parseQuoteIntent, type QuoteIntent } from '../../src/understand/said.js';

const TABLE: [string, QuoteIntent][] = [
  // said-to
  ['What did Annan tell the Council?', { kind: 'said-to', speaker: 'Annan', to: 'the Council' }],
  ['what did Kofi Annan say to the Security Council', { kind: 'said-to', speaker: 'Kofi Annan', to: 'the Security Council' }],
  ['What did the Secretary-General tell the heads of regional organizations about cooperation?', { kind: 'said-to', speaker: 'the Secretary-General', to: 'the heads of regional organizations' }],
  ["What was Annan's message to regional organizations?", { kind: 'said-to', speaker: 'Annan', to: 'regional organizations' }],
  ['Can you tell me what Annan told the Council?', { kind: 'said-to', speaker: 'Annan', to: 'the Council' }],
  ['And what did Mr. Annan tell the regional organizations?', { kind: 'said-to', speaker: 'Mr. Annan', to: 'the regional organizations' }],
  ['What did Annan warn the Council?', { kind: 'said-to', speaker: 'Annan', to: 'the Council' }],
  // said-about
  ['What did Mr. Annan say about prevention?', { kind: 'said-about', speaker: 'Mr. Annan', about: 'prevention' }],
  ['What did delegates say about coordination?', { kind: 'said-about', speaker: 'delegates', about: 'coordination' }],
  ['What does the press release say about the challenges?', { kind: 'said-about', speaker: 'the press release', about: 'the challenges' }],
  ['What did the head of the agency say about funding?', { kind: 'said-about', speaker: 'the head of the agency', about: 'funding' }],
  ['How did Annan describe the world?', { kind: 'said-about', speaker: 'Annan', about: 'the world' }],
  ['Did Annan say anything about mediation?', { kind: 'said-about', speaker: 'Annan', about: 'mediation' }],
  ['What did Annan have to say on multilateralism?', { kind: 'said-about', speaker: 'Annan', about: 'multilateralism' }],
  ['Quotes from Annan about prevention', { kind: 'said-about', speaker: 'Annan', about: 'prevention' }],
  // said
  ['What did Annan say?', { kind: 'said', speaker: 'Annan' }],
  ['What did Annan call for?', { kind: 'said', speaker: 'Annan' }],
  ['What did Annan ask for?', { kind: 'said', speaker: 'Annan' }],
  ['What did Annan stress?', { kind: 'said', speaker: 'Annan' }],
  ['What did Annan tell them?', { kind: 'said', speaker: 'Annan' }],
  // who-said
  ['Who said that we need multilateralism?', { kind: 'who-said', about: 'we need multilateralism' }],
  ['Who called for a new level of clarity, practicality and seriousness?', { kind: 'who-said', about: 'a new level of clarity, practicality and seriousness' }],
  ['Who said “division of labour”?', { kind: 'who-said', about: 'division of labour' }],
  ['Who stressed multilateralism and joint action?', { kind: 'who-said', about: 'multilateralism and joint action' }],
  ['Who warned about the fragility of post-conflict situations?', { kind: 'who-said', about: 'about the fragility of post-conflict situations' }],
  ['according to who is wayne headed straight to prison', { kind: 'who-said', about: 'is wayne headed straight to prison' }],
  ['Which source refused to say where Wayne would serve his time?', { kind: 'who-said', about: 'refused to say where Wayne would serve his time' }],
  ["which official wouldn't confirm the deal", { kind: 'who-said', about: "wouldn't confirm the deal" }],
  ['Who stressed again that we must cooperate?', { kind: 'who-said', about: 'we must cooperate' }],
  ["who told larry king he'd played madison on broadway first", { kind: 'who-said', about: "he'd played madison on broadway first" }],
  ['Who told viewers to appreciate their families?', { kind: 'who-said', about: 'viewers to appreciate their families' }],
  // Round 7: "which <person noun> …", views, "according to what", a greeting to the bot.
  ['Which congressman said he will keep apologizing for his vote?', { kind: 'who-said', about: 'he will keep apologizing for his vote' }],
  ['Which FBI agent said Saddam let the world believe he had WMD?', { kind: 'who-said', about: 'Saddam let the world believe he had WMD' }],
  ["Which student told CNN she'd been filling sandbags for a week?", { kind: 'who-said', about: "she'd been filling sandbags for a week" }],
  ['which senator told reporters that the plan failed', { kind: 'who-said', about: 'the plan failed' }],
  ["hey bot who reckoned there's more awareness now", { kind: 'who-said', about: "there's more awareness now" }],
  ['who wanted the dealings to become clearer', { kind: 'who-said', about: 'the dealings to become clearer' }],
  ['according to what are classes called off till sunday', { kind: 'who-said', about: 'are classes called off till sunday' }],
  ['Which paragraph says the meetings began in 1994?', null],
  // not about quotations
  ['What did he say?', null],
  ['Who said that?', null],
  ['What did they tell the Council?', null],
  ['When did the high-level meetings begin?', null],
  ['What did the Council discuss?', null],
  ['What is the seventh High-Level Meeting?', null],
  ['Who is Kofi Annan?', null],
  ['Who was at the meeting?', null],
  ['', null],
  ['?', null],
];

describe('parseQuoteIntent', () => {
  it.each(TABLE)('given %j, when parsed, then the intent is %j', (question, intent) => {
    expect(parseQuoteIntent(question)).toEqual(intent);
  });
});

describe('parseQuoteIntent on chat-style messages', () => {
  it.each([
    ['who said his dad was amazingly open lol', 'his dad was amazingly open'],
    ['yo who said klugman would be missed 😢', 'klugman would be missed'],
    ['hey who said we need joint action pls', 'we need joint action'],
    ['pls who said the gun wasnt his?? 🙏🙏', 'the gun wasnt his'],
    ['who said it was a deal haha :)', 'it was a deal'],
  ])('given "%s", when parsed, then the claim is "%s" without the chat around it', (q, about) => {
    expect(parseQuoteIntent(q)).toEqual({ kind: 'who-said', about });
  });

  it('given a claim that ends in a word like "thanks" inside it, when parsed, then only a trailing chat word goes', () => {
    expect(parseQuoteIntent('who said thanks were due to the delegates')).toEqual({ kind: 'who-said', about: 'thanks were due to the delegates' });
  });
});

describe('parseQuoteIntent: a claim put to a named speaker, or a refusal to say', () => {
  it.each([
    ['Did Annan say that the world is more complex than ten years ago?', { kind: 'who-said', about: 'the world is more complex than ten years ago', speaker: 'Annan' }],
    ['did chris hardwick say his dad was his favorite guest', { kind: 'who-said', about: 'his dad was his favorite guest', speaker: 'chris hardwick' }],
    ['Did Annan tell the Council that more must be done?', { kind: 'who-said', about: 'more must be done', speaker: 'Annan' }],
    ["Who wouldn't confirm where Wayne would serve his time?", { kind: 'who-said', about: "wouldn't confirm where Wayne would serve his time" }],
    ['Did Annan say anything about NATO?', { kind: 'said-about', speaker: 'Annan', about: 'NATO' }],
    ['who told the council that more must be done', { kind: 'who-said', about: 'more must be done' }],
    ['who tweeted that his dad was open', { kind: 'who-said', about: 'his dad was open' }],
    ['Which official said the gun was not his?', { kind: 'who-said', about: 'the gun was not his' }],
    ['what agency reported that the career took off', { kind: 'who-said', about: 'the career took off' }],
    ['According to whom did Wayne have a pistol on his bus?', { kind: 'who-said', about: 'did Wayne have a pistol on his bus' }],
    ['Who made the claim that more must be done?', { kind: 'who-said', about: 'more must be done' }],
  ])('given %j, when parsed, then the intent is %j', (question, intent) => {
    expect(parseQuoteIntent(question)).toEqual(intent);
  });

  it('given "did he say that?", when parsed, then it is no claim (a follow-up)', () => {
    expect(parseQuoteIntent('Did he say that?')).toBeNull();
  });
});

describe('parseQuoteIntent: other ways of putting a claim to a named speaker (round 8)', () => {
  it.each([
    ['was it piro who said saddam wanted to look strong', { kind: 'who-said', about: 'saddam wanted to look strong', speaker: 'piro' }],
    ['Is it true that the delegates told reporters that coordination was hopeless?', { kind: 'who-said', about: 'coordination was hopeless', speaker: 'the delegates' }],
    ["did the lawyer representing gadhafi's family say they'd file a complaint", { kind: 'who-said', about: "they'd file a complaint", speaker: "the lawyer representing gadhafi's family" }],
    // Asking which of two: whoever said it answers.
    ['did piro or pelley say saddam wanted to look strong', { kind: 'who-said', about: 'saddam wanted to look strong' }],
    ['Which country said it backs an independent investigation?', { kind: 'who-said', about: 'it backs an independent investigation' }],
  ])('given %j, when parsed, then the intent is %j', (question, intent) => {
    expect(parseQuoteIntent(question)).toEqual(intent);
  });

  it('given "which countries declared …" (an act, not a saying), when parsed, then it is no who-said question', () => {
    expect(parseQuoteIntent('which countries declared days of mourning')).toBeNull();
  });
});

describe('parseQuoteIntent: more ways of asking who said it (round 8)', () => {
  it.each([
    ["who's the one who said the gun wasn't his", "the gun wasn't his"],
    ["who was it that claimed the gun wasn't his", "the gun wasn't his"],
    ["who said, the gun wasn't his", "the gun wasn't his"],
    ["which source claims the gun wasn't his", "the gun wasn't his"],
    ["who commented that the gun wasn't his", "the gun wasn't his"],
    ["who told cnn the gun wasn't his", "the gun wasn't his"],
    ["who told reporters after the hearing the gun wasn't his", "the gun wasn't his"],
    ["the gun wasn't his - who said that", "the gun wasn't his"],
    ["whose claim was it that the gun wasn't his", "the gun wasn't his"],
    ['according to which official was the gun not his', 'the gun not his'],
    // Accusing is part of what was said: the verb stays in the claim.
    ['who accused western media of twisting the story', 'accused western media of twisting the story'],
  ])('given %j, when parsed, then the claim is %j', (q, about) => {
    expect(parseQuoteIntent(q)).toEqual({ kind: 'who-said', about });
  });
});

describe('parseQuoteIntent: "who\'s claiming X" (contracted "who is", round 8)', () => {
  it.each([
    ["who's claiming the gun wasn't his", "the gun wasn't his"],
    ["who’s claiming the gun wasn't his", "the gun wasn't his"],
    ["whos claiming the gun wasn't his", "the gun wasn't his"],
    ["who is claiming the gun wasn't his", "the gun wasn't his"],
    ["who's saying the gun wasn't his", "the gun wasn't his"],
    ["who's insisting that the gun wasn't his", "the gun wasn't his"],
    ["who's said the gun wasn't his", "the gun wasn't his"],
    ["who's been saying the gun wasn't his", "the gun wasn't his"],
    ["who has been claiming the gun wasn't his", "the gun wasn't his"],
  ])('given %j, when parsed, then it asks who said %j', (q, about) => {
    expect(parseQuoteIntent(q)).toEqual({ kind: 'who-said', about });
  });

  it.each(["who's the lawyer", "who's going to pay for the gun", "who's coming to the hearing"])('given %j, when parsed, then it is not a who-said question', (q) => {
    expect(parseQuoteIntent(q)).toBeNull();
  });
});

describe('parseQuoteIntent: more verbs of saying and roles (round 10)', () => {
  it('given "who complained/recalled/vowed that …" and "which sailor said …", when parsed, then they are who-said questions', () => {
    expect(parseQuoteIntent("who complained that ben ali's family got rich")).toEqual({ kind: 'who-said', about: "ben ali's family got rich" });
    expect(parseQuoteIntent('Who recalled that the room went dark?')).toEqual({ kind: 'who-said', about: 'the room went dark' });
    expect(parseQuoteIntent("which sailor said he'd have to get a job")).toEqual({ kind: 'who-said', about: "he'd have to get a job" });
    expect(parseQuoteIntent('which countries declared days of mourning')).toBeNull();
  });
});
