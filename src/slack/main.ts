/**
 * The Slack entry point: opens the store and knowledge, starts the Bolt app in the configured mode and the
 * reminder scheduler, and shuts both down cleanly on SIGINT/SIGTERM.
 */

import type { Config } from '../config.js';
import { openRuntime } from '../conversation/runtime.js';
import { createScheduler, sweepDateReminders } from '../reminders/index.js';
import { preloadHolidayLibrary } from '../rules/index.js';
import { slackApi } from './api.js';
import { createApp } from './app.js';
import { syncCaseCard } from './case-card.js';
import { slackPoster } from './poster.js';
import { installProcessGuard } from './process-guard.js';

export async function startSlack(config: Config): Promise<void> {
  const mode = config.mode;
  if (mode.kind === 'console') throw new Error('startSlack needs Slack credentials');
  let warnPlain: (message: string) => void = (m) => process.emitWarning(m);
  const deps = await openRuntime({
    databasePath: config.databasePath,
    search: 'eager',
    secrets: { ...config.secrets, warn: (m) => warnPlain(m) },
  });
  // the holiday library too: otherwise the first deadline question after start-up waits for it to load
  preloadHolidayLibrary();
  const slack = createApp({ ...deps, config });
  const logger = slack.deps.logger;
  warnPlain = (m) => logger.warn(m);
  if (mode.kind === 'oauth' && !config.secrets?.key) {
    logger.warn(
      `ENTITLEBOT_ENCRYPTION_KEY is not set: Slack tokens are stored unencrypted in ${config.databasePath}. Set it (e.g. \`openssl rand -base64 32\`) and run \`entitlebot reencrypt\`.`,
    );
  }
  installProcessGuard(logger);
  const { port } = await slack.start();
  const where = mode.kind === 'socket' ? 'over Socket Mode' : `on http://localhost:${port}/slack/events`;
  logger.info(
    `Entitlebot is running ${where} (${mode.kind} mode, ready ${Math.round(performance.now())} ms after the process started)`,
  );

  const scheduler = createScheduler({
    store: deps.store,
    poster: slackPoster({
      store: deps.store,
      botToken: mode.kind === 'oauth' ? undefined : mode.botToken,
      slackApiUrl: config.slackApiUrl,
      afterCaseReminder: (message, token) =>
        syncCaseCard(
          slack.deps,
          slackApi(slack.deps.web, { botToken: token, isEnterpriseInstall: false }),
          message.workspaceId,
          message.caseId,
        ),
    }),
    log: { info: (m) => logger.info(m), error: (m) => logger.error(m) },
    options: { leaseMs: config.reminderLeaseMs },
  });
  scheduler.start();

  // date reminders (coaching sessions left in a quarter, request cut-offs …) are planned for every workspace
  // hourly, the first time a minute after start-up (so start-up stays quick); the scheduler posts them
  const planDates = () => {
    sweepDateReminders(deps, deps.clock.now().getTime(), logger).then(
      (planned) => planned > 0 && logger.info(`planned ${planned} date reminder(s)`),
      (error: unknown) => logger.error(`date reminder sweep failed: ${(error as Error).message}`),
    );
  };
  const first = setTimeout(planDates, 60_000);
  first.unref();
  const hourly = setInterval(planDates, 3_600_000);
  hourly.unref();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping`);
    clearTimeout(first);
    clearInterval(hourly);
    await scheduler.stop().catch(() => undefined);
    await slack.stop().catch(() => undefined);
    await deps.store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
