/**
 * Issue 12, finding 10: Slack tokens at rest are encrypted with AES-256-GCM under ENTITLEBOT_ENCRYPTION_KEY; a
 * rotation keeps every installation readable; without a key the app runs and warns once; plain rows still read.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { main } from '../../src/console/main.js';
import type { Installation } from '../../src/model/installation.js';
import { keyId, openStore, type SecretKeys } from '../../src/store/index.js';
import { databaseOf } from '../../src/store/internal.js';
import { engines } from '../support/engines.js';
import { type Reopenable, reopenable } from '../support/reopenable.js';
import { tempDir } from '../support/store.js';

const temp = tempDir();
afterEach(() => temp.cleanup());

const BOT = 'xoxb-secret-bot-token-4242';
const USER = 'xoxp-secret-user-token-4343';

function install(team: string): Installation {
  return {
    team: { id: team, name: team },
    enterprise: undefined,
    user: { id: 'U1', token: USER, scopes: ['chat:write'] },
    bot: { id: 'B1', userId: 'UBOT', token: `${BOT}-${team}`, scopes: ['commands'] },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });

async function rawRows(path: string): Promise<string[]> {
  const store = await openStore(path);
  const rows = databaseOf(store)
    .prepare('SELECT data FROM installations ORDER BY install_key')
    .pluck()
    .all() as string[];
  await store.close();
  return rows;
}

async function fileText(path: string): Promise<string> {
  const store = await openStore(path);
  databaseOf(store).pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  return readFileSync(path).toString('latin1');
}

describe.each(engines)('tokens at rest on $name', ({ name }) => {
  let place: Reopenable;
  beforeEach(() => {
    place = reopenable(name);
  });
  afterEach(async () => await place.remove());
  const stored = async () =>
    (await place.raw<{ data: string }>('SELECT data FROM installations ORDER BY install_key')).map((r) => r.data);

  it('with a key: the stored row holds neither token; both read back', async () => {
    const key = randomBytes(32);
    const store = await place.open({ secrets: { key } });
    await store.storeInstallation(install('T1'));
    expect((await store.fetchInstallation(query('T1'))).bot?.token).toBe(`${BOT}-T1`);
    expect((await store.fetchWorkspaceInstallation('T1'))?.user.token).toBe(USER);
    await store.close();
    const [row] = await stored();
    expect(row).toMatch(new RegExp(`^enc:v1:${keyId(key)}:`));
    expect(row).not.toContain('xoxb-secret');
    expect(row).not.toContain('xoxp-secret');
  });

  it('a sealed row moved onto another installation does not open', async () => {
    const key = randomBytes(32);
    const store = await place.open({ secrets: { key } });
    await store.storeInstallation(install('T1'));
    await store.storeInstallation(install('T2'));
    await place.raw(
      "UPDATE installations SET data = (SELECT data FROM installations WHERE install_key = 'T1') WHERE install_key = 'T2'",
    );
    await expect(async () => await store.fetchWorkspaceInstallation('T2')).rejects.toThrow(
      expect.objectContaining({ code: 'secret-key' }),
    );
    await store.close();
  });

  it('plain rows from before still read; reencrypt seals them; a rotation keeps every row readable', async () => {
    const warnings: string[] = [];
    const plain = await place.open({ secrets: { warn: (m) => warnings.push(m) } });
    await plain.storeInstallation(install('T1'));
    await plain.storeInstallation(install('T2'));
    await plain.close();
    // without a key: it runs, and says so once
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ENTITLEBOT_ENCRYPTION_KEY is not set.*unencrypted/);
    expect((await stored())[0]).toContain(BOT);

    const oldKey = randomBytes(32);
    const withOld = await place.open({ secrets: { key: oldKey } });
    expect((await withOld.fetchWorkspaceInstallation('T1'))?.bot?.token).toBe(`${BOT}-T1`);
    expect(await withOld.reencryptInstallations()).toEqual({ total: 2, resealed: 2 });
    expect(await withOld.reencryptInstallations()).toEqual({ total: 2, resealed: 0 });
    await withOld.close();
    expect((await stored()).every((r) => r.startsWith(`enc:v1:${keyId(oldKey)}:`))).toBe(true);

    // rotation: the new key seals, the old one only opens
    const newKey = randomBytes(32);
    const rotating: SecretKeys = { key: newKey, previous: [oldKey] };
    const during = await place.open({ secrets: rotating });
    expect((await during.fetchWorkspaceInstallation('T2'))?.bot?.token).toBe(`${BOT}-T2`);
    await during.storeInstallation(install('T3'));
    expect(await during.reencryptInstallations()).toEqual({ total: 3, resealed: 2 });
    await during.close();

    const after = await place.open({ secrets: { key: newKey } });
    for (const t of ['T1', 'T2', 'T3'])
      expect((await after.fetchWorkspaceInstallation(t))?.bot?.token).toBe(`${BOT}-${t}`);
    await after.close();
    // the old key alone no longer opens them, and the error says which key is needed
    const stale = await place.open({ secrets: { key: oldKey } });
    await expect(async () => await stale.fetchWorkspaceInstallation('T1')).rejects.toThrow(
      new RegExp(`encrypted with key ${keyId(newKey)}`),
    );
    await stale.close();
  });

  it('an install stored while reencrypt runs is kept, sealed with the current key', async () => {
    const plain = await place.open({ secrets: { warn: () => {} } });
    for (let i = 0; i < 20; i++) await plain.storeInstallation(install(`T${i}`));
    await plain.close();
    const key = randomBytes(32);
    const store = await place.open({ secrets: { key } });
    const renewed = { ...install('T7'), bot: { ...install('T7').bot!, token: 'xoxb-renewed' } };
    const [result] = await Promise.all([store.reencryptInstallations(), store.storeInstallation(renewed)]);
    expect(result.total).toBe(20);
    expect((await store.fetchWorkspaceInstallation('T7'))?.bot?.token).toBe('xoxb-renewed');
    expect((await stored()).every((r) => r.startsWith(`enc:v1:${keyId(key)}:`))).toBe(true);
    await store.close();
  });
});

// The file itself, the configuration and the command: SQLite only (they read the file's bytes, or take --db FILE)
describe('tokens at rest in the SQLite file', () => {
  it('with a key: neither token is anywhere in the file', async () => {
    const path = temp.file('sealed.db');
    const store = await openStore(path, { secrets: { key: randomBytes(32) } });
    await store.storeInstallation(install('T1'));
    await store.close();
    const text = await fileText(path);
    expect(text).not.toContain('xoxb-secret');
    expect(text).not.toContain('xoxp-secret');
  });

  it('reads the keys from the environment, refusing a malformed one without echoing it', () => {
    const key = randomBytes(32);
    const config = loadConfig({ ENTITLEBOT_ENCRYPTION_KEY: key.toString('base64') });
    expect(config.secrets?.key?.equals(key)).toBe(true);
    const hex = loadConfig({
      ENTITLEBOT_ENCRYPTION_KEY: key.toString('hex'),
      ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS: `${randomBytes(32).toString('base64')},${randomBytes(32).toString('hex')}`,
    });
    expect(hex.secrets?.previous).toHaveLength(2);
    let error: unknown;
    try {
      loadConfig({ ENTITLEBOT_ENCRYPTION_KEY: 'hunter2-too-short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toMatch(/ENTITLEBOT_ENCRYPTION_KEY must be 32 random bytes/);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });

  it('`entitlebot reencrypt` seals the stored installations, and says what it needs without a key', async () => {
    const path = temp.file('cli.db');
    const store = await openStore(path, { secrets: { warn: () => {} } });
    await store.storeInstallation(install('T1'));
    await store.close();
    const run = async (env: NodeJS.ProcessEnv) => {
      let out = '';
      let err = '';
      const code = await main(['reencrypt', '--db', path], {
        stdin: Readable.from([]),
        out: (t) => {
          out += t;
        },
        err: (t) => {
          err += t;
        },
        env,
        isTTY: false,
      });
      return { code, out, err };
    };
    const none = await run({});
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/ENTITLEBOT_ENCRYPTION_KEY is not set/);
    const key = randomBytes(32);
    const done = await run({ ENTITLEBOT_ENCRYPTION_KEY: key.toString('base64') });
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/1 of 1 installation/);
    expect((await rawRows(path))[0]).toMatch(/^enc:v1:/);
  });
});
