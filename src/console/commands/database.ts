import { DEFAULT_DATABASE_PATH } from '../../env.js';

/**
 * --db (a SQLite file or a postgres:// URL), else DATABASE_URL (PostgreSQL), else DATABASE_PATH, else
 * data/entitlebot.db (relative to the working directory).
 */
export function databasePathFrom(flag: string | boolean | undefined, env: NodeJS.ProcessEnv): string {
  if (typeof flag === 'string') return flag;
  const fromEnv = env.DATABASE_URL?.trim() || env.DATABASE_PATH?.trim();
  return fromEnv ? fromEnv : DEFAULT_DATABASE_PATH;
}
