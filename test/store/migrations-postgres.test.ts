/**
 * Migrations on PostgreSQL: a fresh schema is brought to the latest version once, however many instances start
 * together; a database written by a newer Entitlebot is refused; and the PostgreSQL list builds the same tables,
 * columns and indexes as the SQLite one.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { isStoreError, LATEST_SCHEMA_VERSION, openStore, type Store } from '../../src/store/index.js';
import { databaseOf } from '../../src/store/internal.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/migrations-postgres.js';
import { dropSchema, freshSchema, POSTGRES_TEST_URL, postgresAvailable } from '../support/engines.js';

const schemas: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await Promise.all(schemas.splice(0).map((s) => dropSchema(s)));
});

function newSchema(): string {
  const schema = freshSchema();
  schemas.push(schema);
  return schema;
}

async function open(schema: string, url = POSTGRES_TEST_URL): Promise<Store> {
  const store = await openStore(url, { postgres: { schema, poolSize: 2 } });
  stores.push(store);
  return store;
}

/** one statement in `schema`, past the store */
async function query<T>(schema: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`SET search_path TO ${schema}`);
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const applied = (schema: string) =>
  query<{ version: number; name: string; applied_at: string }>(
    schema,
    'SELECT version, name, applied_at FROM entitlebot_migrations ORDER BY version',
  );

describe('the two migration lists', () => {
  it('have the same versions and names, in order', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
    expect(POSTGRES_MIGRATIONS.at(-1)?.version).toBe(LATEST_SCHEMA_VERSION);
  });
});

describe.skipIf(!postgresAvailable)('migrations on PostgreSQL', () => {
  it('create a fresh schema at the latest version, and reopening applies nothing again', async () => {
    const schema = newSchema();
    const first = await open(schema);
    const versions = await applied(schema);
    expect(versions.map((v) => v.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    const settings = await first.updateSettings('T1', { language: 'zh' });
    await first.close();

    const second = await open(schema);
    expect(await applied(schema)).toEqual(versions);
    expect(await second.getSettings('T1')).toEqual(settings);
  });

  it('are applied once when several stores open the same fresh schema at once', async () => {
    const schema = newSchema();
    const opened = await Promise.all([open(schema), open(schema), open(schema)]);
    expect((await applied(schema)).map((v) => v.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    // each works on the one schema
    await opened[0]!.updateSettings('T1', { zone: 'Asia/Taipei' });
    expect((await opened[2]!.getSettings('T1')).zone).toBe('Asia/Taipei');
  });

  it('refuse a database written by a newer Entitlebot, naming DATABASE_URL but not the password', async () => {
    const schema = newSchema();
    await (await open(schema)).close();
    await query(
      schema,
      "INSERT INTO entitlebot_migrations (version, name, applied_at) VALUES ($1, 'from the future', 0)",
      [LATEST_SCHEMA_VERSION + 3],
    );
    const url = new URL(POSTGRES_TEST_URL);
    url.password = 'hunter2-secret';
    let error: unknown;
    try {
      await open(schema, url.toString());
    } catch (caught) {
      error = caught;
    }
    expect(isStoreError(error, 'newer-schema')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 3}`);
    expect(message).toContain(`up to ${LATEST_SCHEMA_VERSION}`);
    expect(message).toMatch(/point DATABASE_URL at another database/);
    url.password = '';
    expect(message).toContain(url.toString());
    expect(message).not.toContain('hunter2');
    expect(JSON.stringify((error as { details?: unknown }).details)).not.toContain('hunter2');
    // the refused database is untouched
    expect((await applied(schema)).map((v) => v.version).at(-1)).toBe(LATEST_SCHEMA_VERSION + 3);
  });

  it('build the same tables, columns and indexes as the SQLite migrations', async () => {
    const schema = newSchema();
    await open(schema);
    const sqlite = await openStore(':memory:');
    stores.push(sqlite);
    const db = databaseOf(sqlite);

    type Column = { table: string; column: string; type: string; notNull: boolean; primaryKey: boolean };
    const family = (type: string) =>
      /int/i.test(type) ? 'integer' : /real|double/i.test(type) ? 'real' : /text/i.test(type) ? 'text' : type;

    const sqliteTables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const sqliteColumns: Column[] = sqliteTables.flatMap((table) =>
      (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map((c) => ({
        table,
        column: c.name,
        type: family(c.type),
        // a primary key column cannot hold NULL in either engine (SQLite: STRICT tables, rowid aliases)
        notNull: c.notnull === 1 || c.pk > 0,
        primaryKey: c.pk > 0,
      })),
    );

    const pgColumns = await query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      primary_key: boolean;
    }>(
      schema,
      `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable,
         EXISTS (SELECT 1 FROM information_schema.table_constraints t
           JOIN information_schema.key_column_usage k
             ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema AND k.table_name = t.table_name
           WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema
             AND t.table_name = c.table_name AND k.column_name = c.column_name) AS primary_key
       FROM information_schema.columns c
       WHERE c.table_schema = $1 AND c.table_name <> 'entitlebot_migrations'`,
      [schema],
    );
    const postgresColumns: Column[] = pgColumns.map((c) => ({
      table: c.table_name,
      column: c.column_name,
      type: family(c.data_type),
      notNull: c.is_nullable === 'NO',
      primaryKey: c.primary_key,
    }));
    const order = (a: Column, b: Column) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column);
    expect(postgresColumns.sort(order)).toEqual(sqliteColumns.sort(order));
    expect(new Set(postgresColumns.map((c) => c.table))).toEqual(new Set(sqliteTables));

    // the indexes the migrations create by name, on the same columns
    const sqliteIndexes = (
      db
        .prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .all() as { name: string; tbl_name: string }[]
    ).map((i) => ({
      name: i.name,
      table: i.tbl_name,
      columns: (db.pragma(`index_info(${i.name})`) as { name: string }[]).map((c) => c.name),
    }));
    const postgresIndexes = (
      await query<{ name: string; table: string; columns: string[] }>(
        schema,
        `SELECT i.relname AS name, t.relname AS table,
           array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
         WHERE s.nspname = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
         ORDER BY i.relname`,
        [schema],
      )
    ).map((i) => ({ name: i.name, table: i.table, columns: i.columns }));
    expect(postgresIndexes).toEqual(sqliteIndexes);
  });
});
