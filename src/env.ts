/**
 * The parts of the configuration every command needs before it knows whether it talks to Slack: the `.env` file
 * and the defaults. Kept apart from config.ts, which validates the Slack settings with zod, so that the console and
 * `entitlebot ask` start without loading zod.
 */
import { config as loadDotenv } from 'dotenv';

export const DEFAULT_DATABASE_PATH = 'data/entitlebot.db';

export const CONNECT_HINT =
  'To connect to Slack, set SLACK_APP_TOKEN + SLACK_BOT_TOKEN (Socket Mode) or SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (HTTP) in .env; see manifest.yml and README.md.';

/** Reads `.env` (if any) into process.env without overriding what is already set. */
export function loadDotenvFile(path?: string): void {
  loadDotenv({ quiet: true, ...(path ? { path } : {}) });
}
