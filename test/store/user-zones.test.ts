/** The users.info cache: zone and Slack locale, and the upgrade of a database cached before locales. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isStoreError, openStore } from '../../src/store/index.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { engines } from '../support/engines.js';
import { tempDir } from '../support/store.js';

let temp = tempDir();
afterEach(() => {
  temp.cleanup();
  temp = tempDir();
});

describe.each(engines)('users.info cache with the locale on $name', (engine) => {
  it('keeps zone and locale per workspace and user, for as long as asked', async () => {
    const store = await engine.open();
    await store.cacheUser('T1', 'U1', { zone: 'Asia/Taipei', locale: 'zh-TW' }, 1000);
    expect(await store.getCachedUser('T1', 'U1', 2000, 5000)).toEqual({ zone: 'Asia/Taipei', locale: 'zh-TW' });
    expect(await store.getCachedUser('T1', 'U1', 9000, 5000)).toBeNull();
    expect(await store.getCachedUser('T2', 'U1', 2000, 5000)).toBeNull();
    expect(await store.getCachedUserZone('T1', 'U1', 2000, 5000)).toBe('Asia/Taipei');
    // Slack gave no locale: remembered as none, not asked again
    await store.cacheUser('T1', 'U2', { zone: 'UTC', locale: '' }, 1000);
    expect(await store.getCachedUser('T1', 'U2', 2000, 5000)).toEqual({ zone: 'UTC', locale: '' });
    await store.close();
  });

  it('refuses a locale that is not a language tag, and keeps what was there', async () => {
    const store = await engine.open();
    await store.cacheUser('T1', 'U1', { zone: 'Asia/Taipei', locale: 'zh-TW' }, 1000);
    let error: unknown;
    try {
      await store.cacheUser('T1', 'U1', { zone: 'Asia/Taipei', locale: "zh'; DROP TABLE user_zones" }, 2000);
    } catch (e) {
      error = e;
    }
    expect(isStoreError(error)).toBe(true);
    expect(await store.getCachedUser('T1', 'U1', 2000, 5000)).toEqual({ zone: 'Asia/Taipei', locale: 'zh-TW' });
    await store.close();
  });

  it('a zone cached alone keeps the locale cached before, and both stay in their workspace', async () => {
    const store = await engine.open();
    await store.cacheUser('T1', 'U1', { zone: 'Asia/Taipei', locale: 'zh-TW' }, 1000);
    await store.cacheUserZone('T1', 'U1', 'Europe/Berlin', 2000);
    await store.cacheUserZone('T2', 'U1', 'America/New_York', 2000);
    expect(await store.getCachedUser('T1', 'U1', 3000, 5000)).toEqual({ zone: 'Europe/Berlin', locale: 'zh-TW' });
    expect(await store.getCachedUser('T2', 'U1', 3000, 5000)).toBeNull();
    expect(await store.getCachedUserZone('T2', 'U1', 3000, 5000)).toBe('America/New_York');
    await store.close();
  });
});

// the upgrade of a SQLite file written before locales (no PostgreSQL database predates them)
describe('users.info cache in a file from before locales', () => {
  it('upgrades a database whose zones were cached before locales: zones kept, locale to be asked for', async () => {
    const path = temp.file('v1.db');
    const raw = new Database(path);
    migrate(raw, path, MIGRATIONS.slice(0, 1));
    raw
      .prepare('INSERT INTO user_zones (workspace_id, user_id, zone, fetched_at) VALUES (?, ?, ?, ?)')
      .run('T1', 'U1', 'Europe/Berlin', 1000);
    raw.close();
    const store = await openStore(path);
    expect(await store.getCachedUserZone('T1', 'U1', 2000, 5000)).toBe('Europe/Berlin');
    expect(await store.getCachedUser('T1', 'U1', 2000, 5000)).toBeNull();
    await store.cacheUser('T1', 'U1', { zone: 'Europe/Berlin', locale: 'de-DE' }, 3000);
    expect(await store.getCachedUser('T1', 'U1', 4000, 5000)).toEqual({ zone: 'Europe/Berlin', locale: 'de-DE' });
    await store.close();
  });
});
