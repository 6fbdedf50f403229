/**
 * `entitlebot reminders [--once] [--db FILE] [--now ISO] [--workspace ID] [--channel ID]`: the reminder
 * scheduler. With --once, one tick; else a tick every 15 seconds until stopped (SIGINT/SIGTERM). Without Slack
 * credentials each message is printed as `<channel> <thread_ts> <kind>: <text>` and recorded as sent exactly
 * as the Slack path records it; with them it is posted to Slack.
 */

import { openRuntime } from '../../conversation/runtime.js';
import { scheduleWorkspaceDateReminders } from '../../reminders/date-reminders.js';
import type { ReminderPoster } from '../../reminders/scheduler.js';
import { EXIT } from '../io.js';
import { parseFlags, parseNow, UsageError } from '../options.js';
import { consolePoster } from '../poster.js';
import { CONSOLE_CHANNEL, CONSOLE_WORKSPACE } from '../session.js';
import { databasePathFrom } from './database.js';
import type { ConsoleCommand } from './types.js';

const USAGE = `usage: entitlebot reminders [--once] [--db FILE] [--now ISO] [--workspace ID] [--channel ID]

  Posts the reminders that are due: without Slack credentials, prints each as
  "<channel> <thread_ts> <kind>: <text>" and records it as sent.
  --once           one scheduler tick, then exit (default: a tick every 15 s until stopped)
  --db FILE|URL    SQLite file or postgres:// URL (default: DATABASE_URL, DATABASE_PATH or data/entitlebot.db)
  --now ISO        the time of the tick, e.g. 2026-03-02T11:00:00+01:00 (with --once only)
  --workspace ID   whose date reminders to plan first (default: local)
  --channel ID     where that workspace's date reminders go (default: console, or its latest case's channel in Slack)`;

const FLAGS = {
  once: { type: 'boolean' },
  db: { type: 'string' },
  now: { type: 'string' },
  workspace: { type: 'string' },
  channel: { type: 'string' },
} as const;

export const reminders: ConsoleCommand = {
  name: 'reminders',
  summary: 'post the reminders that are due (--once: one tick)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, FLAGS);
    if (positionals.length > 0) throw new UsageError(`unexpected ${JSON.stringify(positionals[0])}`);
    const fixedNow = typeof values.now === 'string' ? parseNow(values.now) : undefined;
    if (fixedNow && !values.once) throw new UsageError('--now needs --once (a running loop follows the real clock)');
    // zod (config.ts) is loaded only by the commands that read the Slack settings
    const { loadConfig } = await import('../../config.js');
    const config = loadConfig(io.env);
    const deps = await openRuntime({
      databasePath: databasePathFrom(values.db, io.env),
      now: fixedNow,
      secrets: { ...config.secrets, warn: (m) => io.err(`warning: ${m}\n`) },
    });
    const now = () => deps.clock.now().getTime();
    const slack = config.mode.kind !== 'console';
    const poster: ReminderPoster =
      config.mode.kind === 'console'
        ? consolePoster((line) => io.out(`${line}\n`), now)
        : (await import('../../slack/poster.js')).slackPoster({
            store: deps.store,
            botToken: config.mode.kind === 'oauth' ? undefined : config.mode.botToken,
            slackApiUrl: config.slackApiUrl,
          });
    // imported here: `ask` and the console, listed beside this command, have no use for the scheduler
    const { createScheduler } = await import('../../reminders/scheduler.js');
    const scheduler = createScheduler({
      store: deps.store,
      poster,
      now,
      log: { info: (m) => io.err(`${m}\n`), error: (m) => io.err(`error: ${m}\n`) },
      // the console has no channel to flood: no pacing there
      options: { leaseMs: config.reminderLeaseMs, ...(slack ? {} : { channelGapMs: 0 }) },
    });
    const workspace = typeof values.workspace === 'string' ? values.workspace : CONSOLE_WORKSPACE;
    const channel = typeof values.channel === 'string' ? values.channel : slack ? undefined : CONSOLE_CHANNEL;
    // a contract that cannot be planned is logged and skipped; it never keeps the tick from posting what is due
    const planLog = { error: (m: string) => io.err(`warning: ${m}\n`) };
    const planDates = async () => {
      try {
        await scheduleWorkspaceDateReminders(deps, workspace, now(), channel, undefined, planLog);
      } catch (error) {
        planLog.error(`date reminders for workspace ${workspace}: ${(error as Error).message}`);
      }
    };
    try {
      if (values.once) {
        await planDates();
        const report = await scheduler.tick();
        io.err(
          report.claimed === 0
            ? `No reminders due at ${new Date(now()).toISOString()}.\n`
            : `reminders: ${report.sent} sent (${report.late} late), ${report.released} left for the next tick, ${report.failed} failed\n`,
        );
        return report.released > 0 || report.failed > 0 ? EXIT.failure : EXIT.ok;
      }
      await planDates();
      const hourly = setInterval(planDates, 3_600_000);
      scheduler.start();
      io.err(`Posting reminders every 15 s (${slack ? 'to Slack' : 'printed here'}); Ctrl-C stops.\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      clearInterval(hourly);
      await scheduler.stop();
      return EXIT.ok;
    } finally {
      await deps.store.close();
    }
  },
};
