/**
 * Discord's hard limits on what a message may carry, in one place. Every
 * payload the bot builds is checked against these (see `format.ts`), so a
 * long answer is split instead of rejected by Discord with a 400.
 *
 * Source: https://discord.com/developers/docs/resources/message and
 * https://discord.com/developers/docs/interactions/message-components.
 *
 * @example
 * if (content.length > LIMITS.content) splitIntoMessages(content);
 */
export const LIMITS = {
  /** Message `content`. */
  content: 2000,
  /** Embeds per message. */
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names/values, footer text and author name over all embeds of a message. */
  embedTotal: 6000,
  /** Action rows per message. */
  actionRows: 5,
  /** Buttons per action row. */
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  /** Autocomplete: choices per response, and the length of a choice name / string value. */
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Thread names. */
  threadName: 100,
} as const;

/** The longest question the bot accepts (slash option `max_length`, and chat). It must fit in an embed footer so buttons can recover it. */
export const QUESTION_MAX_LENGTH = 1000;

/** Typing indicators last ~10 s on Discord; refresh a little before that. */
export const TYPING_REFRESH_MS = 8000;

/** How long an answer waits for a typing request still in flight before it is posted (a Discord outage must not hold answers). */
export const TYPING_SETTLE_MS = 1500;

/** The streaming editor edits a deferred reply at most this often. */
export const PARTIAL_EDIT_INTERVAL_MS = 1000;
