/**
 * `entitlebot reencrypt [--db FILE]`: seals every stored Slack installation (its bot and user tokens) with
 * ENTITLEBOT_ENCRYPTION_KEY: plain rows from before encryption was set up, and rows sealed with a key now listed
 * in ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS. Run it after setting or rotating the key (docs/store.md).
 */
import { keyId, openStore } from '../../store/index.js';
import { EXIT } from '../io.js';
import { parseFlags, UsageError } from '../options.js';
import { databasePathFrom } from './database.js';
import type { ConsoleCommand } from './types.js';

const USAGE = `usage: entitlebot reencrypt [--db FILE]

  Encrypts every stored Slack installation with ENTITLEBOT_ENCRYPTION_KEY (plain rows, and rows
  encrypted with a key in ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS). After a rotation, run it, then
  remove ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS.
  --db FILE|URL   SQLite file or postgres:// URL (default: DATABASE_URL, DATABASE_PATH or data/entitlebot.db)`;

export const reencrypt: ConsoleCommand = {
  name: 'reencrypt',
  summary: 'encrypt the stored Slack tokens with ENTITLEBOT_ENCRYPTION_KEY (after setting or rotating it)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, { db: { type: 'string' } } as const);
    if (positionals.length > 0) throw new UsageError(`unexpected ${JSON.stringify(positionals[0])}`);
    // zod (config.ts) is loaded only by the commands that read the settings
    const { loadConfig } = await import('../../config.js');
    const secrets = loadConfig(io.env).secrets;
    if (!secrets?.key) {
      io.err(
        'entitlebot reencrypt: ENTITLEBOT_ENCRYPTION_KEY is not set. Set it to 32 random bytes (e.g. `openssl rand -base64 32`), then run this again.\n',
      );
      return EXIT.failure;
    }
    const path = databasePathFrom(values.db, io.env);
    const store = await openStore(path, { secrets });
    try {
      const { total, resealed } = await store.reencryptInstallations();
      io.out(
        `${resealed} of ${total} installation(s) in ${store.path} encrypted with key ${keyId(secrets.key)}; the others already were.\n`,
      );
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
