/**
 * `entitlebot ask [--db FILE] [--workspace ID] [--channel ID] [--thread TS] [--user ID] [--user-tz ZONE]
 *  [--locale TAG] [--now ISO] [--json] "TEXT"`: one message to the app, answered on stdout; the database keeps state between
 * calls. An answer (even "I don't understand") exits 0.
 */
import { openRuntime } from '../../conversation/runtime.js';
import { answerMessages } from '../../slack/blocks/answer.js';
import { EXIT } from '../io.js';
import { parseFlags, parseLocale, parseNow, parseZone, systemZone, UsageError } from '../options.js';
import { renderAnswer } from '../render.js';
import { CONSOLE_CHANNEL, CONSOLE_USER, CONSOLE_WORKSPACE, converse } from '../session.js';
import { databasePathFrom } from './database.js';
import type { ConsoleCommand } from './types.js';

const USAGE = `usage: entitlebot ask [--db FILE] [--workspace ID] [--channel ID] [--thread TS] [--user ID] [--user-tz ZONE] [--locale TAG] [--now ISO] [--json] "TEXT"

  TEXT is what you would type after /support, or with --thread, a message in that thread
  (every message is addressed to the app, as if it mentioned it).
  --db FILE|URL    SQLite file or postgres:// URL (default: DATABASE_URL, DATABASE_PATH or data/entitlebot.db)
  --workspace ID   workspace (default: local)
  --channel ID     channel (default: console)
  --thread TS      the thread the message is written in
  --user ID        who is asking (default: local-user)
  --user-tz ZONE   the asker's IANA zone (default: this machine's)
  --locale TAG     the asker's language for bare commands: en, zh-TW or zh-CN (default: English; a question
                   in words is answered in its own language)
  --now ISO        the time of the message, e.g. 2026-03-02T09:00:00+01:00 (default: now)
  --json           print {"text", "blocks", "data"}: data is the answer model`;

const FLAGS = {
  db: { type: 'string' },
  workspace: { type: 'string' },
  channel: { type: 'string' },
  thread: { type: 'string' },
  user: { type: 'string' },
  'user-tz': { type: 'string' },
  locale: { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const ask: ConsoleCommand = {
  name: 'ask',
  summary: 'ask the app one thing and print the answer',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS);
    const text = positionals.join(' ').trim();
    if (text === '') throw new UsageError('ask needs the TEXT to send, e.g. entitlebot ask "sla p1 gold"');
    const now = typeof values.now === 'string' ? parseNow(values.now) : undefined;
    const userZone = typeof values['user-tz'] === 'string' ? parseZone(values['user-tz'], '--user-tz') : systemZone();
    const userLocale = typeof values.locale === 'string' ? parseLocale(values.locale) : undefined;
    const deps = await openRuntime({ databasePath: databasePathFrom(values.db, io.env), now });
    try {
      const place = {
        workspaceId: typeof values.workspace === 'string' ? values.workspace : CONSOLE_WORKSPACE,
        channelId: typeof values.channel === 'string' ? values.channel : CONSOLE_CHANNEL,
        threadTs: typeof values.thread === 'string' ? values.thread : undefined,
        userId: typeof values.user === 'string' ? values.user : CONSOLE_USER,
        userZone,
        ...(userLocale ? { userLocale } : {}),
      };
      const exchange = await converse(deps, place, text);
      const shown = exchange.followUp ?? exchange.reply.answer;
      if (values.json) {
        const json = {
          text: renderAnswer(shown),
          blocks: answerMessages(shown, { maxMessages: 100 }).flatMap((m) => m.blocks),
          data: shown,
          ...(exchange.newThreadTs
            ? {
                thread: exchange.newThreadTs,
                posted: { text: renderAnswer(exchange.reply.answer), data: exchange.reply.answer },
              }
            : {}),
        };
        io.out(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        if (exchange.followUp) io.out(`${renderAnswer(exchange.reply.answer)}\n\n`);
        io.out(`${renderAnswer(shown)}\n`);
      }
      return EXIT.ok;
    } finally {
      await deps.store.close();
    }
  },
};
