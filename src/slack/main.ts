/**
 * The Slack entry point: opens the store and knowledge, starts the Bolt app in the configured mode and the
 * reminder scheduler, and shuts both down cleanly on SIGINT/SIGTERM.
 */

import type { Config } from '../config.js';
import { openRuntime } from '../conversation/runtime.js';
import { allHolidayRegions, holidayRegionsOf } from '../holidays/regions.js';
import { type HolidayRegion, holidayWarmer } from '../holidays/warm.js';
import { knowledgeOf } from '../knowledge/workspace.js';
import { createScheduler, sweepDateReminders } from '../reminders/index.js';
import { slackApi } from './api.js';
import { createApp, storeReadiness } from './app.js';
import { syncCaseCard } from './case-card.js';
import { jsonLogger } from './logger.js';
import { slackPoster } from './poster.js';
import { installProcessGuard } from './process-guard.js';

/** the hourly date-reminder sweep: one instance runs it, for at most this long before another may */
const SWEEP_LEASE = 'date-reminder-sweep';
const SWEEP_LEASE_MS = 50 * 60_000;
/** on SIGTERM, /readyz says 503 this long before the port closes: a load balancer probing every few seconds sees it */
const DEFAULT_SHUTDOWN_DRAIN_MS = 5_000;

export async function startSlack(config: Config): Promise<void> {
  const mode = config.mode;
  if (mode.kind === 'console') throw new Error('startSlack needs Slack credentials');
  let warnPlain: (message: string) => void = (m) => process.emitWarning(m);
  const deps = await openRuntime({
    databasePath: config.databasePath,
    search: 'eager',
    secrets: { ...config.secrets, warn: (m) => warnPlain(m) },
  });
  // date-holidays itself is not loaded here (about 150 ms of a start, one synchronous block): deadlines read their
  // years from the disk cache the worker below fills, and a region check reads the cache's list of known regions
  // first; only a region never seen before (`contract add … holidays=XX`) loads the library, once
  // public-holiday years are computed in a worker thread into the disk cache, never by a request: every
  // contract's years within the horizon at start-up and hourly, a new contract's as it is added
  const warmer = deps.holidayCache ? holidayWarmer(deps.holidayCache) : undefined;
  let log: { info(m: string): void; warn(m: string): void } = { info: () => undefined, warn: (m) => warnPlain(m) };
  const warm = (regions: HolidayRegion[]) =>
    warmer?.warm(regions, deps.clock.now()).then(
      (r) => {
        if (r.computed > 0) log.info(`computed ${r.computed} public-holiday year(s) ahead (${Math.round(r.cpuMs)} ms)`);
        for (const failure of r.failed) log.warn(`public holidays not computed ahead: ${failure}`);
      },
      (error: unknown) => log.warn(`public holidays not computed ahead: ${(error as Error).message}`),
    );
  const warmAll = () =>
    allHolidayRegions(deps).then(warm, (error: unknown) =>
      log.warn(`public holidays not computed ahead: ${(error as Error).message}`),
    );
  deps.warmHolidays = (workspaceId, contract) => {
    knowledgeOf(deps, workspaceId).then(
      (knowledge) => warm(holidayRegionsOf(knowledge, [contract])),
      (error: unknown) => log.warn(`public holidays not computed ahead: ${(error as Error).message}`),
    );
  };
  // stopping: /readyz says so at once, so that the load balancer sends new requests to the other instances
  let stopping = false;
  const ready = storeReadiness(deps.store);
  const slack = createApp({
    ...deps,
    config,
    logger: jsonLogger(config.logLevel),
    readiness: async () => (stopping ? { ready: false, detail: 'stopping' } : ready()),
  });
  const logger = slack.deps.logger;
  warnPlain = (m) => logger.warn(m);
  log = logger;
  if (mode.kind === 'oauth' && !config.secrets?.key) {
    logger.warn(
      `ENTITLEBOT_ENCRYPTION_KEY is not set: Slack tokens are stored unencrypted in ${deps.store.path}. Set it (e.g. \`openssl rand -base64 32\`) and run \`entitlebot reencrypt\`.`,
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
      permalinks: slack.deps.permalinks,
    }),
    log: { info: (m) => logger.info(m), error: (m) => logger.error(m) },
    options: { leaseMs: config.reminderLeaseMs },
  });
  scheduler.start();
  void warmAll();

  // date reminders (coaching sessions left in a quarter, request cut-offs …) are planned for every workspace
  // hourly, the first time a minute after start-up (so start-up stays quick); the scheduler posts them. With
  // several instances on one database, the one that takes the sweep's lease runs it; the others skip that hour.
  const planDates = async () => {
    const now = deps.clock.now().getTime();
    if (!(await deps.store.takeLease(SWEEP_LEASE, scheduler.owner, now, now + SWEEP_LEASE_MS))) return 0;
    return sweepDateReminders(deps, now, logger);
  };
  const sweep = () => {
    // every instance warms its own disk cache; the date-reminder sweep is the lease holder's
    void warmAll();
    planDates().then(
      (planned) => planned > 0 && logger.info(`planned ${planned} date reminder(s)`),
      (error: unknown) => logger.error(`date reminder sweep failed: ${(error as Error).message}`),
    );
  };
  const first = setTimeout(sweep, 60_000);
  first.unref();
  const hourly = setInterval(sweep, 3_600_000);
  hourly.unref();

  // Graceful: /readyz turns 503 at once and the scheduler takes no new reminders (it finishes posting those it
  // claimed: their leases would otherwise make them wait for another instance). On SIGTERM (what an orchestrator
  // sends) the server keeps answering for the drain time, so that the load balancer sees the 503 and sends new
  // requests to the other instances instead of meeting a closed port; then it stops taking connections and
  // finishes the requests it has. Then the database pool is closed.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping`);
    clearTimeout(first);
    clearInterval(hourly);
    const drainMs = signal === 'SIGTERM' ? (config.shutdownDrainMs ?? DEFAULT_SHUTDOWN_DRAIN_MS) : 0;
    const server = async () => {
      if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
      await slack.stop();
    };
    await Promise.all([
      scheduler.stop().catch(() => undefined),
      server().catch(() => undefined),
      warmer?.stop().catch(() => undefined),
    ]);
    await deps.store.close().catch(() => undefined);
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
