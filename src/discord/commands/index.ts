/**
 * Every slash command, by name, and their registration JSON.
 *
 * @example
 * const body = commandsJSON(); // PUT to applications/{app}/commands
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../context.js';
import type { MessageCommand } from '../message-commands.js';
import { checkQuote } from './check-quote.js';
import { about } from './about.js';
import { docs } from './docs.js';
import { ask } from './ask.js';
import { forget } from './forget.js';
import { help } from './help.js';
import { quote } from './quote.js';
import { summary } from './summary.js';
import { verify } from './verify.js';

export const commandList: Command[] = [ask, summary, quote, verify, about, help, forget, docs];

export const commands: ReadonlyMap<string, Command> = new Map(commandList.map((c) => [c.data.name, c]));

export function commandsJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commandList.map((c) => c.data.toJSON());
}

/** Message context-menu commands (right-click a message → Apps), by name. */
export const messageCommandList: MessageCommand[] = [checkQuote];

export const messageCommands: ReadonlyMap<string, MessageCommand> = new Map(messageCommandList.map((c) => [c.data.name, c]));

export function messageCommandsJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody[] {
  return messageCommandList.map((c) => c.data.toJSON());
}
