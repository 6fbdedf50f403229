/**
 * Configuration from the environment (a `.env` file is read first; real environment variables win).
 *
 * Which Slack credentials are present picks the mode:
 * - `oauth`: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_SIGNING_SECRET (many workspaces, HTTP)
 * - `socket`: SLACK_APP_TOKEN + SLACK_BOT_TOKEN (one workspace, Socket Mode)
 * - `http`: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (one workspace, HTTP on PORT at /slack/events)
 * - `console`: no Slack credentials at all
 * A half-configured mode is an error that names the variables to add, never a silent fall-back to the console.
 */
import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from './env.js';

// the console and `entitlebot ask` import these from ./env.js, which does not load zod
export { CONNECT_HINT, DEFAULT_DATABASE_PATH, loadDotenvFile } from './env.js';

import { parseKey } from './store/secrets.js';

export type SlackMode =
  | { kind: 'socket'; appToken: string; botToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string; port: number }
  | {
      kind: 'oauth';
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      signingSecret: string;
      port: number;
    }
  | { kind: 'console' };

export interface Config {
  mode: SlackMode;
  databasePath: string;
  /** Web API base URL, ending in '/'; undefined: Slack's own */
  slackApiUrl?: string;
  /** known bot ids skip the start-up auth.test call (single-workspace modes) */
  botId?: string;
  botUserId?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** how long a reminder claim holds without renewal (ENTITLEBOT_REMINDER_LEASE_MS; default the store's 60 s) */
  reminderLeaseMs?: number;
  /**
   * On SIGTERM, how long the HTTP server keeps answering after /readyz turned 503, so that the load balancer sees it
   * and sends new requests elsewhere before the port closes (ENTITLEBOT_SHUTDOWN_DRAIN_MS; default 5 s; SIGINT, a
   * person at a terminal, does not wait)
   */
  shutdownDrainMs?: number;
  /** Slack tokens at rest: ENTITLEBOT_ENCRYPTION_KEY seals, ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS (comma-separated) only opens */
  secrets?: { key?: Buffer; previous: Buffer[] };
  /** ENTITLEBOT_ADMINS: user (U…, W…) and user-group (S…) ids who alone may change contracts; empty: every member */
  admins?: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const KEY_FORMAT = 'must be 32 random bytes as 64 hex digits or base64 (e.g. the output of `openssl rand -base64 32`)';

const EnvSchema = z.object({
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .startsWith('xapp-', 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)')
      .optional(),
  ),
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb- (OAuth & Permissions)').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_BOT_ID: optionalText,
  SLACK_BOT_USER_ID: optionalText,
  SLACK_API_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .transform((u) => (u.endsWith('/') ? u : `${u}/`))
      .optional(),
  ),
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number between 1 and 65535')
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535'))
      .optional(),
  ),
  DATABASE_PATH: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, 'must be a PostgreSQL URL such as postgres://user@host:5432/entitlebot')
      .optional(),
  ),
  ENTITLEBOT_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .refine((v) => parseKey(v) !== null, KEY_FORMAT)
      .transform((v) => parseKey(v)!)
      .optional(),
  ),
  ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS: optionalText.pipe(
    z
      .string()
      .refine((v) => v.split(',').every((k) => parseKey(k) !== null), `each key (comma-separated) ${KEY_FORMAT}`)
      .transform((v) => v.split(',').map((k) => parseKey(k)!))
      .optional(),
  ),
  ENTITLEBOT_ADMINS: optionalText.pipe(
    z
      .string()
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .refine((ids) => ids.every((id) => /^[UWS][A-Z0-9]{2,}$/.test(id)), {
        message: 'must be Slack user ids (U…, W…) or user-group ids (S…), separated by commas',
      })
      .optional(),
  ),
  ENTITLEBOT_REMINDER_LEASE_MS: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of milliseconds, at least 1000')
      .transform(Number)
      .pipe(z.number().int().min(1000, 'must be at least 1000 (one second)').max(3_600_000, 'must be at most 3600000'))
      .optional(),
  ),
  ENTITLEBOT_SHUTDOWN_DRAIN_MS: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of milliseconds (0: close at once)')
      .transform(Number)
      .pipe(z.number().int().max(600_000, 'must be at most 600000 (ten minutes)'))
      .optional(),
  ),
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error']).optional()),
});
type Env = z.infer<typeof EnvSchema>;

const DEFAULT_PORT = 3000;

/** Validates the environment and picks the mode. Throws ConfigError naming every bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const value = env[name];
        const shown = value === undefined ? '' : ` (got ${describeValue(name, value)})`;
        return `${name} ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  const mode = pickMode(e);
  return {
    mode,
    // DATABASE_URL (PostgreSQL) wins over DATABASE_PATH (a SQLite file), which defaults to data/entitlebot.db
    databasePath: e.DATABASE_URL ?? e.DATABASE_PATH ?? DEFAULT_DATABASE_PATH,
    slackApiUrl: e.SLACK_API_URL,
    botId: e.SLACK_BOT_ID,
    botUserId: e.SLACK_BOT_USER_ID,
    logLevel: e.LOG_LEVEL ?? 'info',
    ...(e.ENTITLEBOT_SHUTDOWN_DRAIN_MS !== undefined ? { shutdownDrainMs: e.ENTITLEBOT_SHUTDOWN_DRAIN_MS } : {}),
    ...(e.ENTITLEBOT_REMINDER_LEASE_MS ? { reminderLeaseMs: e.ENTITLEBOT_REMINDER_LEASE_MS } : {}),
    secrets: { key: e.ENTITLEBOT_ENCRYPTION_KEY, previous: e.ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS ?? [] },
    admins: e.ENTITLEBOT_ADMINS ?? [],
  };
}

function pickMode(e: Env): SlackMode {
  const port = e.PORT ?? DEFAULT_PORT;
  const missing = (names: (keyof Env)[]) => names.filter((n) => e[n] === undefined);
  const oauthVars: (keyof Env)[] = [
    'SLACK_CLIENT_ID',
    'SLACK_CLIENT_SECRET',
    'SLACK_STATE_SECRET',
    'SLACK_SIGNING_SECRET',
  ];

  if (e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET || e.SLACK_STATE_SECRET) {
    const absent = missing(oauthVars);
    if (absent.length > 0) {
      throw new ConfigError([`OAuth mode (many workspaces) also needs ${absent.join(', ')}`]);
    }
    if (e.SLACK_BOT_TOKEN || e.SLACK_APP_TOKEN) {
      throw new ConfigError([
        "SLACK_BOT_TOKEN/SLACK_APP_TOKEN cannot be combined with SLACK_CLIENT_ID: OAuth mode takes each workspace's token from its installation; unset one or the other",
      ]);
    }
    return {
      kind: 'oauth',
      clientId: e.SLACK_CLIENT_ID!,
      clientSecret: e.SLACK_CLIENT_SECRET!,
      stateSecret: e.SLACK_STATE_SECRET!,
      signingSecret: e.SLACK_SIGNING_SECRET!,
      port,
    };
  }
  if (e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) throw new ConfigError(['Socket Mode (SLACK_APP_TOKEN is set) also needs SLACK_BOT_TOKEN']);
    return { kind: 'socket', appToken: e.SLACK_APP_TOKEN, botToken: e.SLACK_BOT_TOKEN };
  }
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_SIGNING_SECRET) {
      throw new ConfigError([
        'SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is',
      ]);
    }
    return { kind: 'http', botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, port };
  }
  if (e.SLACK_SIGNING_SECRET) {
    throw new ConfigError([
      'SLACK_SIGNING_SECRET is set but no token: add SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth)',
    ]);
  }
  return { kind: 'console' };
}

function describeValue(name: string, value: string): string {
  // never echo secrets back into logs
  // a database URL may carry a password
  if (/TOKEN|SECRET|KEY|DATABASE_URL/.test(name))
    return value.trim() === '' ? 'an empty value' : `a value of ${value.length} characters`;
  return JSON.stringify(value);
}

/** One line for people: how to connect the console to Slack. */
