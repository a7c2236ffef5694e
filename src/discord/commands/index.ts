/**
 * Every slash command, by name, and their registration JSON.
 *
 * @example
 * const body = commandsJSON(); // PUT to applications/{app}/commands
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../context.js';
import { about } from './about.js';
import { docs } from './docs.js';
import { ask } from './ask.js';
import { forget } from './forget.js';
import { help } from './help.js';
import { quote } from './quote.js';
import { summary } from './summary.js';

export const commandList: Command[] = [ask, summary, quote, about, help, forget, docs];

export const commands: ReadonlyMap<string, Command> = new Map(commandList.map((c) => [c.data.name, c]));

export function commandsJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commandList.map((c) => c.data.toJSON());
}
