/**
 * A database a test can open, close and open again (what a restart, a second instance or a key rotation sees), on
 * either engine: a SQLite file in a temporary directory, or a PostgreSQL schema of its own. `rows` reads a table
 * as it is stored, past the store, to check what is at rest.
 */
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';
import { databaseOf } from '../../src/store/internal.js';
import { dropSchema, type EngineUnderTest, freshSchema, POSTGRES_TEST_URL } from './engines.js';
import { tempDir } from './store.js';

export interface Reopenable {
  open(options?: StoreOptions): Promise<Store>;
  /** runs one statement past the store (tampering, inspection) and returns its rows */
  raw<T = Record<string, unknown>>(statement: string): Promise<T[]>;
  remove(): Promise<void>;
}

export function reopenable(engine: EngineUnderTest['name']): Reopenable {
  if (engine === 'sqlite') {
    const temp = tempDir();
    const path = temp.file('entitlebot.db');
    return {
      open: (options) => openStore(path, options),
      async raw<T>(statement: string) {
        const store = await openStore(path);
        try {
          const prepared = databaseOf(store).prepare(statement);
          if (prepared.reader) return prepared.all() as T[];
          prepared.run();
          return [];
        } finally {
          await store.close();
        }
      },
      remove: async () => temp.cleanup(),
    };
  }
  const schema = freshSchema();
  return {
    open: (options = {}) =>
      openStore(POSTGRES_TEST_URL, { ...options, postgres: { poolSize: 4, ...options.postgres, schema } }),
    async raw<T>(statement: string) {
      const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, options: `-c search_path=${schema}` });
      client.on('error', () => undefined);
      await client.connect();
      try {
        return (await client.query(statement)).rows as T[];
      } finally {
        await client.end();
      }
    },
    remove: () => dropSchema(schema),
  };
}
