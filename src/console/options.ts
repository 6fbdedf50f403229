/**
 * Command-line flags for the console commands, with errors a person can act on. A bad flag is a UsageError:
 * the CLI prints it with the command's usage and exits 2.
 */
import { parseArgs } from 'node:util';
import { DateTime, IANAZone } from 'luxon';
import { nowProblem } from '../answers/index.js';
import type { Locale } from '../model/answer.js';
import { localeFromSlack } from '../text/script.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type FlagSpec = Record<string, { type: 'string' | 'boolean' }>;

export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseFlags(argv: string[], spec: FlagSpec): ParsedFlags {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    for (const [name, value] of Object.entries(values)) {
      if (spec[name]?.type === 'string' && (value === '' || value === undefined)) {
        throw new UsageError(`--${name} needs a value`);
      }
    }
    return { values: values as ParsedFlags['values'], positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node's messages name the flag ("Unknown option '--x'", "Option '--db <value>' argument missing")
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** --now: an ISO 8601 time with an offset or Z (a bare local time would depend on the machine's zone). */
export function parseNow(text: string): Date {
  const dt = DateTime.fromISO(text, { setZone: true });
  const hasZone = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text.trim());
  if (!dt.isValid || !hasZone) {
    throw new UsageError(
      `--now ${JSON.stringify(text)} is not an ISO 8601 time with an offset, e.g. 2026-03-02T09:00:00+01:00`,
    );
  }
  const now = dt.toJSDate();
  const problem = nowProblem(now);
  if (problem) throw new UsageError(`--now ${JSON.stringify(text)}: ${problem}`);
  return now;
}

export function parseZone(text: string, flag: string): string {
  if (!IANAZone.isValidZone(text)) {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not an IANA time zone, e.g. Europe/Berlin`);
  }
  return text;
}

/** The machine's own zone, the console user's zone unless told otherwise. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** --locale: a language tag (en, zh-TW, zh-CN, zh-Hant, zh-Hans), as Slack's user locale would be. */
export function parseLocale(text: string): Locale {
  const locale = /^zh-hans$/i.test(text) ? 'zh-Hans' : /^zh-hant$/i.test(text) ? 'zh-Hant' : localeFromSlack(text);
  if (!locale) {
    throw new UsageError(
      `--locale ${JSON.stringify(text)} is not one of en, zh-TW (Traditional) or zh-CN (Simplified)`,
    );
  }
  return locale;
}

/** The console user's locale from the environment (LC_ALL, LC_MESSAGES, LANG: zh_TW.UTF-8 → zh-Hant). */
export function environmentLocale(env: NodeJS.ProcessEnv): Locale | undefined {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return tag ? localeFromSlack(tag.split('.')[0]) : undefined;
}
