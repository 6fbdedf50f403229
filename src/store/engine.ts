import { Kysely, type LogEvent, PostgresDialect, sql } from 'kysely';
import type { EngineKind } from './context.js';
import { openDatabase } from './database.js';
import { StoreError } from './errors.js';
import { LATEST_SCHEMA_VERSION, migrate, refuseNewer, schemaVersion } from './migrations.js';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.js';
import type { DB } from './schema.js';
import { StoreSqliteDialect } from './sqlite-dialect.js';

/** One database, either engine: what openStore builds the store on. */
export interface Engine {
  readonly kind: EngineKind;
  readonly db: Kysely<DB>;
  /** where the data is, for messages: the SQLite file, or the PostgreSQL URL without its password */
  readonly location: string;
  /** the schema version the database is at (readiness: it must be the code's) */
  schemaVersion(): Promise<number>;
  /** SQLite: copies the write-ahead log into the file (PASSIVE), returns pages left; PostgreSQL: 0 */
  checkpoint(): Promise<number>;
  close(): Promise<void>;
  /** SQLite only: the raw connection, for the seeding helper and the store's own tests */
  readonly sqlite?: ReturnType<typeof openDatabase>;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** the URL as messages and logs may show it: no password, no query string */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return 'postgres://(an invalid URL)';
  }
}

export async function openSqliteEngine(path: string, busyTimeoutMs?: number, log?: QueryLog): Promise<Engine> {
  const raw = openDatabase(path, busyTimeoutMs);
  try {
    migrate(raw, path);
  } catch (error) {
    raw.close();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new StoreSqliteDialect(raw), ...logging(log) });
  return {
    kind: 'sqlite',
    db,
    location: path,
    sqlite: raw,
    schemaVersion: async () => schemaVersion(raw),
    checkpoint: async () => {
      const [result] = raw.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      return result ? Math.max(0, result.log - result.checkpointed) : 0;
    },
    close: () => db.destroy(),
  };
}

export interface PostgresOptions {
  /** the schema (namespace) the tables live in; default the server's (public). Tests give each store its own. */
  schema?: string;
  /** connections in the pool (default 10) */
  poolSize?: number;
  log?: QueryLog;
}

/** sees the text of every statement the store runs (tests check that each is scoped by workspace) */
export type QueryLog = (sql: string) => void;

function logging(log: QueryLog | undefined) {
  return log ? { log: (event: LogEvent) => log(event.query.sql) } : {};
}

const INT8 = 20;

/**
 * A pool on the PostgreSQL server at `url`, its schema brought up to date. BIGINT (times in epoch milliseconds,
 * ids) is read back as a JavaScript number: every value the store keeps is below 2^53.
 */
export async function openPostgresEngine(url: string, options: PostgresOptions = {}): Promise<Engine> {
  const location = redactUrl(url);
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError('invalid', `The PostgreSQL schema name ${JSON.stringify(schema)} is not a plain identifier.`);
  }
  // the driver is loaded here, not with this module: a SQLite process (the default, and every one-shot `entitlebot
  // ask`) would otherwise load it and, through it, Node's fetch (about 100 ms of a CLI start)
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
    },
  });
  // an idle client that loses its connection (a server restart) must not crash the process: the pool replaces it
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...logging(options.log) });
  try {
    await migratePostgres(db, location, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    kind: 'postgres',
    db,
    location,
    schemaVersion: () => postgresVersion(db),
    checkpoint: async () => 0,
    close: () => db.destroy(),
  };
}

async function postgresVersion(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{
    version: number | null;
  }>`SELECT max(version) AS version FROM entitlebot_migrations`.execute(db);
  return Number(rows[0]?.version ?? 0);
}

/** every instance's migrations take turns on this (transaction-scoped) advisory lock */
const lockMigrations = (trx: Kysely<DB>) =>
  sql`SELECT pg_advisory_xact_lock(hashtext('entitlebot migrations'))`.execute(trx);

/**
 * Each migration in its own transaction, under a transaction-scoped advisory lock, so that instances starting
 * together apply it once; refuses a database written by a newer Entitlebot. The schema and the migrations table
 * are created under the lock too: PostgreSQL's IF NOT EXISTS is not safe against a concurrent CREATE (the second
 * fails on a unique index of the catalog), and a fresh database is exactly where instances start together.
 */
async function migratePostgres(db: Kysely<DB>, location: string, schema: string | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockMigrations(trx);
    if (schema) await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`).execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS entitlebot_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`.execute(trx);
  });
  const latest = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
  if (latest !== LATEST_SCHEMA_VERSION) throw new Error('the PostgreSQL and SQLite migrations must end together');
  refuseNewer(await postgresVersion(db), latest, location, 'DATABASE_URL');
  for (const migration of POSTGRES_MIGRATIONS) {
    await db.transaction().execute(async (trx) => {
      await lockMigrations(trx);
      const current = await postgresVersion(trx);
      refuseNewer(current, latest, location, 'DATABASE_URL');
      if (current >= migration.version) return;
      await sql.raw(migration.sql).execute(trx);
      await sql`INSERT INTO entitlebot_migrations (version, name, applied_at)
        VALUES (${migration.version}, ${migration.name}, ${Date.now()})`.execute(trx);
    });
  }
}
