/**
 * The parts of the configuration every command needs before it knows whether it talks to Slack: the `.env` file
 * and the defaults. Kept apart from config.ts, which validates the Slack settings with zod, so that the console and
 * `entitlebot ask` start without loading zod.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const DEFAULT_DATABASE_PATH = 'data/entitlebot.db';

export const CONNECT_HINT =
  'To connect to Slack, set SLACK_APP_TOKEN + SLACK_BOT_TOKEN (Socket Mode) or SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (HTTP) in .env; see manifest.yml and README.md.';

/**
 * Reads `.env` (if any) into process.env without overriding what is already set. dotenv (and `node:os`, which it
 * loads) is loaded only when there is a file to read: most one-shot commands run without one.
 */
export function loadDotenvFile(path = '.env'): void {
  if (!existsSync(path)) return;
  const { config } = createRequire(import.meta.url)('dotenv') as typeof import('dotenv');
  config({ quiet: true, path });
}
