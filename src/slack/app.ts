/**
 * The app factory: a Bolt App for the configured mode with every dependency passed in, listeners registered.
 *
 * - http: one workspace, the bot token from the config, HTTP on PORT at /slack/events
 * - oauth: many workspaces, tokens from the SQLite InstallationStore, install pages at /slack/install
 * - socket: one workspace over Socket Mode
 * HTTP receivers verify signatures and refuse replays (receiver.ts).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type HTTPReceiver, type Logger, LogLevel, type webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import type { ConversationDeps } from '../conversation/types.js';
import { storeWorkspaceKnowledge } from '../conversation/workspace-knowledge.js';
import { WORKSPACE_TOKEN } from './api.js';
import { type SlackDeps, vendorChoices } from './deps.js';
import { InstallationCache } from './installation-cache.js';
import { boltInstallationStore } from './installation-store.js';
import { registerListeners } from './listeners/index.js';
import { catchListenerErrors } from './middleware/catch-errors.js';
import { Permalinks } from './permalinks.js';
import { createGuardedReceiver, type Readiness, storedSignatures } from './receiver.js';
import { storedRecentKeys } from './recent.js';
import { noteWorkspace } from './request-context.js';
import { SharedChannels } from './shared.js';
import { UserZoneCache } from './user-zones.js';

/** Bot scopes the code uses (manifest.yml declares the same; a test checks both ways). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:read',
  'chat:write',
  'commands',
  'files:read',
  'groups:history',
  'groups:read',
  'im:history',
  'mpim:history',
  'users:read',
  // ENTITLEBOT_ADMINS may name user groups: their members are read to know who may change contracts
  'usergroups:read',
];

export const EVENTS_PATH = '/slack/events';

export interface CreateAppOptions extends ConversationDeps {
  config: Config;
  logger?: Logger;
  /**
   * Run listeners before the HTTP response is sent (tests: the response then reflects all the work). Off by
   * default: a long-lived server answers Slack at once and works on.
   */
  processBeforeResponse?: boolean;
  /** extra Web API client options, e.g. { retryConfig: { retries: 0 } } in tests */
  clientOptions?: webApi.WebClientOptions;
  /** HTTP modes' `GET /readyz`; default: the store answers and its schema is this code's */
  readiness?: () => Promise<Readiness>;
}

/** Ready when the database answers and is at the schema this code needs. */
export function storeReadiness(store: ConversationDeps['store']): () => Promise<Readiness> {
  return async () => {
    const { found, latest } = await store.schemaStatus();
    return found === latest
      ? { ready: true, detail: `database ${store.path} at schema ${found}` }
      : { ready: false, detail: `database ${store.path} is at schema ${found}; this code needs ${latest}` };
  };
}

export interface EntitlebotApp {
  app: App;
  deps: SlackDeps;
  receiver?: HTTPReceiver;
  /** starts listening (HTTP: on `port`, default the config's; 0 picks a free port) and reports the port */
  start(port?: number): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/**
 * Bolt builds and keeps a WebClient for every workspace whose context carries a `botToken`; the installer's
 * answer carries it as `workspaceToken` instead, and listeners call the Web API through `slackApi` (api.ts).
 */
function keepTokensOutOfBoltsClientPool(receiver: HTTPReceiver): void {
  const installer = receiver.installer;
  if (!installer) return;
  const authorize = installer.authorize.bind(installer);
  installer.authorize = async (source) => {
    const { botToken, ...rest } = await authorize(source);
    const result: typeof rest & { [WORKSPACE_TOKEN]?: string } = { ...rest, [WORKSPACE_TOKEN]: botToken };
    return result;
  };
}

function boltLogLevel(level: Config['logLevel']): LogLevel {
  return { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR }[level];
}

export function createApp(options: CreateAppOptions): EntitlebotApp {
  const { config } = options;
  const mode = config.mode;
  if (mode.kind === 'console') throw new Error('createApp needs Slack credentials; the console runs without the app');
  const logLevel = boltLogLevel(config.logLevel);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    ...options.clientOptions,
  };
  const common = {
    // no conversation state is kept between requests, so Bolt's per-conversation store would be pure overhead
    convoStore: false as const,
    logger: options.logger,
    logLevel: options.logger ? undefined : logLevel,
    clientOptions,
  };

  const installations = new InstallationCache(boltInstallationStore(options.store));
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (mode.kind === 'socket') {
    app = new App({
      ...common,
      socketMode: true,
      appToken: mode.appToken,
      // the Socket Mode client's own Web API calls (apps.connections.open) honour SLACK_API_URL too
      installerOptions: { clientOptions },
      token: mode.botToken,
      botId: config.botId,
      botUserId: config.botUserId,
    });
  } else {
    receiver = createGuardedReceiver({
      signingSecret: mode.signingSecret,
      endpoints: EVENTS_PATH,
      // in the store: a captured request is refused after a restart, and by every process on the database
      replayGuard: storedSignatures(options.store),
      readiness: options.readiness ?? storeReadiness(options.store),
      port: mode.port,
      logger: options.logger,
      logLevel: options.logger ? undefined : logLevel,
      processBeforeResponse: options.processBeforeResponse ?? false,
      ...(mode.kind === 'oauth'
        ? {
            clientId: mode.clientId,
            clientSecret: mode.clientSecret,
            stateSecret: mode.stateSecret,
            scopes: BOT_SCOPES,
            installationStore: installations.asInstallationStore(),
            installerOptions: { directInstall: true, clientOptions },
          }
        : {}),
    });
    if (mode.kind === 'oauth') keepTokensOutOfBoltsClientPool(receiver);
    app =
      mode.kind === 'oauth'
        ? new App({ ...common, receiver })
        : new App({ ...common, receiver, token: mode.botToken, botId: config.botId, botUserId: config.botUserId });
  }

  const workspaceKnowledge =
    options.workspaceKnowledge ??
    storeWorkspaceKnowledge(options.store, options.knowledge, (ws, problem) =>
      app.logger.warn(`workspace ${ws}: an imported plan was left out: ${problem}`),
    );
  const deps: SlackDeps = {
    store: options.store,
    knowledge: options.knowledge,
    workspaceKnowledge,
    search: options.search,
    clock: options.clock,
    logger: app.logger,
    web: app.client,
    handledMessages: storedRecentKeys(options.store),
    userZones: new UserZoneCache(),
    installations,
    admins: config.admins ?? [],
    adminGroups: new Map(),
    vendors: vendorChoices(options.knowledge),
    sharedChannels: new SharedChannels(),
    permalinks: new Permalinks(),
  };
  // the request's log lines name its workspace from here on
  app.use(async ({ context, next }) => {
    noteWorkspace(context.teamId ?? context.enterpriseId);
    await next();
  });
  // first, so that it wraps every listener (the cases module's too)
  app.use(catchListenerErrors(deps));
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.error(`Unhandled error in a listener: ${error.stack ?? error.message}`);
  });

  return {
    app,
    deps,
    receiver,
    async start(port) {
      const listenOn = port ?? (mode.kind === 'socket' ? undefined : mode.port);
      const started = (await app.start(listenOn as number)) as unknown;
      const address = (started as Server | undefined)?.address?.();
      return { port: address && typeof address === 'object' ? (address as AddressInfo).port : undefined };
    },
    async stop() {
      await app.stop();
    },
  };
}
