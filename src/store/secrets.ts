/**
 * Slack tokens at rest: each installation's JSON (bot and user tokens inside) is sealed with AES-256-GCM under a
 * key from the environment, with the installation's key as associated data (a sealed row copied onto another
 * installation does not open). Stored as `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url; the key id is the
 * first 8 hex digits of the key's SHA-256, so the right key is found without trying each).
 *
 * - With ENTITLEBOT_ENCRYPTION_KEY: new and updated rows are sealed with it; rows sealed with it or with a key in
 *   ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS (read-only) open; plain rows (older files) still read.
 * - Without a key: rows are written as plain JSON, as before, and the app warns once; sealed rows cannot be read
 *   and say which key they need.
 * Rotation: set the new key, move the old one to ..._PREVIOUS, restart, run `entitlebot reencrypt`, then drop
 * ..._PREVIOUS (docs/store.md).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { StoreError } from './errors.js';

const PREFIX = 'enc:v1:';

export interface SecretKeys {
  /** 32 bytes: the key new rows are sealed with */
  key?: Buffer;
  /** older keys, for reading only */
  previous?: Buffer[];
  /** told once when a token is about to be stored without encryption */
  warn?: (message: string) => void;
}

export interface SecretBox {
  readonly encrypting: boolean;
  seal(plain: string, associated: string): string;
  open(stored: string, associated: string): string;
  /** true when the row is plain or sealed with another key than the current one */
  needsReseal(stored: string): boolean;
  /** warns (once per database file and process) that tokens are kept unencrypted, when there is no key */
  warnIfPlain(where: string): void;
}

/** database files already warned about in this process: the warning is given once per file, not per store */
const warnedAbout = new Set<string>();

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** A key as the environment gives it: 64 hex digits, or base64 / base64url of 32 bytes. Null when it is neither. */
export function parseKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

export function secretBox(keys: SecretKeys = {}): SecretBox {
  const current = keys.key;
  if (current && current.length !== 32) throw new Error('the encryption key must be 32 bytes');
  const byId = new Map<string, Buffer>();
  for (const k of [...(keys.previous ?? []), ...(current ? [current] : [])]) byId.set(keyId(k), k);
  const currentId = current ? keyId(current) : null;
  const warnIfPlain = (where: string) => {
    if (current || warnedAbout.has(where)) return;
    warnedAbout.add(where);
    (keys.warn ?? ((m: string) => process.emitWarning(m)))(
      `ENTITLEBOT_ENCRYPTION_KEY is not set: Slack tokens are stored unencrypted in ${where}. ` +
        'Set it (32 random bytes, e.g. `openssl rand -base64 32`) and run `entitlebot reencrypt`.',
    );
  };

  return {
    encrypting: current !== undefined,
    warnIfPlain,
    seal(plain, associated) {
      if (!current || !currentId) return plain;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(associated, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${PREFIX}${currentId}:${iv.toString('base64url')}:${tag.toString('base64url')}:${body.toString('base64url')}`;
    },
    open(stored, associated) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [id, iv, tag, body] = stored.slice(PREFIX.length).split(':');
      const key = id ? byId.get(id) : undefined;
      if (!key || !iv || !tag || body === undefined) {
        throw new StoreError(
          'secret-key',
          `The Slack installation ${associated} is encrypted with key ${id ?? '?'}, which is neither ENTITLEBOT_ENCRYPTION_KEY nor in ENTITLEBOT_ENCRYPTION_KEY_PREVIOUS${current ? '' : ' (no key is set)'}. Set the key it was stored with.`,
          { keyId: id },
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(associated, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new StoreError(
          'secret-key',
          `The Slack installation ${associated} does not decrypt with key ${id}: the row was altered or belongs to another installation. Reinstall the app in that workspace.`,
          { keyId: id },
        );
      }
    },
    needsReseal(stored) {
      if (!current) return false;
      return !stored.startsWith(`${PREFIX}${currentId}:`);
    },
  };
}
