import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isStoreError, LATEST_SCHEMA_VERSION, openStore, type StoreError } from '../../src/store/index.js';
import { databaseOf } from '../../src/store/internal.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { caseInput, contractInput, tempDir } from '../support/store.js';

let temp = tempDir();
afterEach(() => {
  temp.cleanup();
  temp = tempDir();
});

describe('opening a database', () => {
  it('creates the schema from an empty file, in a directory it creates', async () => {
    const path = temp.file('nested/deeper/entitlebot.db');
    const store = await openStore(path);
    const db = databaseOf(store);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'case_events',
      'cases',
      'contracts',
      'installations',
      'leases',
      'quota_uses',
      'reminders',
      'seen_once',
      'user_zones',
      'workspace_plans',
      'workspaces',
    ]);
    await store.close();
  });

  it('runs with WAL, foreign keys, a busy timeout and synchronous NORMAL', async () => {
    const store = await openStore(temp.file('pragmas.db'));
    const db = databaseOf(store);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    await store.close();
  });

  it('works in memory for tests', async () => {
    const store = await openStore(':memory:');
    expect((await store.addContract('T1', contractInput())).id).toBeGreaterThan(0);
    await store.close();
  });

  it('keeps its data when reopened, and does not migrate twice', async () => {
    const path = temp.file('reopen.db');
    const first = await openStore(path);
    const contract = await first.addContract('T1', contractInput({ name: 'Unified 2025' }));
    const opened = await first.createCase('T1', caseInput({ contractId: contract.id }));
    await first.updateSettings('T1', { language: 'zh' });
    await first.close();

    const second = await openStore(path);
    expect(await second.getContract('T1', contract.id)).toEqual(contract);
    expect(await second.getCase('T1', opened.id)).toEqual(opened);
    expect((await second.getSettings('T1')).language).toBe('zh');
    await second.close();
  });

  it('refuses a database from a newer Entitlebot, naming both versions and what to do', async () => {
    const path = temp.file('newer.db');
    await (await openStore(path)).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    raw.close();

    let error: unknown;
    try {
      await openStore(path);
    } catch (caught) {
      error = caught;
    }
    expect(isStoreError(error, 'newer-schema')).toBe(true);
    const message = (error as StoreError).message;
    expect(message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 3}`);
    expect(message).toContain(`up to ${LATEST_SCHEMA_VERSION}`);
    expect(message).toMatch(/upgrade Entitlebot/);
    expect(message).toContain(path);
    // The refused file is untouched.
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 3);
    check.close();
  });

  it('lists migrations in strictly increasing order, ending at the latest version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('rolls back a migration that fails, leaving the version where it was', async () => {
    const { migrate } = await import('../../src/store/migrations.js');
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE x (a); SELECT nope FROM nowhere;' },
    ];
    expect(() => migrate(db, ':memory:', broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'x'").pluck().get()).toBe(0);
    db.close();
  });
});
