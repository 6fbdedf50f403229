/**
 * The store's engines under test: SQLite always; PostgreSQL when a server answers at DATABASE_URL_TEST (default:
 * the local server on the standard port, database `test`, trust authentication). Each PostgreSQL store gets a
 * schema of its own, dropped when the store closes, so test files run in parallel without seeing each other.
 * With ENTITLEBOT_REQUIRE_POSTGRES=1 (set by .ci/run when it found a server) an unreachable server fails the run
 * instead of skipping the PostgreSQL suite.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';

export const POSTGRES_TEST_URL = process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable = await reachable(POSTGRES_TEST_URL);
if (!postgresAvailable) {
  if (process.env.ENTITLEBOT_REQUIRE_POSTGRES === '1') {
    throw new Error(`PostgreSQL is required for this run but does not answer at ${POSTGRES_TEST_URL}`);
  }
  console.warn(`[engines] PostgreSQL suite skipped: no server at ${POSTGRES_TEST_URL} (set DATABASE_URL_TEST)`);
}

/** a fresh, empty schema name for one store */
export function freshSchema(): string {
  return `t_${process.pid}_${randomBytes(6).toString('hex')}`;
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** drops a test schema and everything in it (`url`: another server than the test one, for the benches) */
export function dropSchema(schema: string, url = POSTGRES_TEST_URL): Promise<void> {
  return onServer(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/**
 * Creates an empty schema and returns the URL whose connections use it (libpq's `options`, which pg passes on to
 * the server): what a spawned app process gets as DATABASE_URL, so that its tables live in that schema only.
 */
export async function schemaDatabaseUrl(schema: string, url = POSTGRES_TEST_URL): Promise<string> {
  await onServer(url, `CREATE SCHEMA ${schema}`);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return withSchema.toString();
}

export interface EngineUnderTest {
  name: 'sqlite' | 'postgres';
  /** a new, empty store on this engine; closing it deletes it */
  open(options?: StoreOptions): Promise<Store>;
}

export const sqliteEngine: EngineUnderTest = { name: 'sqlite', open: (options) => openStore(':memory:', options) };

export const postgresEngine: EngineUnderTest = {
  name: 'postgres',
  async open(options = {}) {
    const schema = freshSchema();
    const store = await openStore(POSTGRES_TEST_URL, {
      ...options,
      postgres: { poolSize: 4, ...options.postgres, schema },
    });
    const close = store.close;
    let closed = false;
    store.close = async () => {
      if (closed) return;
      closed = true;
      await close();
      await dropSchema(schema);
    };
    return store;
  },
};

/** every engine this machine can test: for `describe.each(engines)('on $name', …)` */
export const engines: EngineUnderTest[] = postgresAvailable ? [sqliteEngine, postgresEngine] : [sqliteEngine];
