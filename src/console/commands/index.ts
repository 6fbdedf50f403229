/**
 * The subcommands of `entitlebot`, by name. Each lives in its own file in this folder; add one by listing it
 * here (the cases module adds `reminders`).
 */
import { ask } from './ask.js';
import { plan } from './plan.js';
import { reencrypt } from './reencrypt.js';
import { reminders } from './reminders.js';
import type { ConsoleCommand } from './types.js';

export type { ConsoleCommand } from './types.js';

export const COMMANDS: ConsoleCommand[] = [ask, plan, reminders, reencrypt];

export function findCommand(name: string): ConsoleCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}
