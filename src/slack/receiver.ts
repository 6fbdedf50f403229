/**
 * Bolt's HTTPReceiver behind our own request verification.
 *
 * Every POST to the events endpoint is checked here, before Bolt sees it: Slack's v0 signature (HMAC-SHA256 of
 * `v0:<timestamp>:<body>` with the signing secret, compared in constant time), a timestamp within five minutes
 * either way, and a signature not accepted before within that window (Bolt alone would let a captured request be
 * replayed for five minutes). Anything else is refused with 401. Only requests with a valid signature are
 * remembered, so a forged request cannot make a genuine one look like a replay. The app keeps that memory in the
 * store (`storedSignatures`), so a captured request is refused after a restart and by every other process on the
 * database too; `SeenSignatures` is the in-memory version. Bolt's own check is switched off:
 * it would repeat the same HMAC (and `tsscmp`'s two more) on every request.
 *
 * Before any of that, the body is bounded: a POST to the endpoints whose Content-Length, or whose bytes counted
 * while they stream in, exceed MAX_BODY_BYTES is refused with 413 before it is read whole, signed or not (four
 * unsigned 500 MB posts once took the server to 2.46 GB). After the checks, a body Bolt could not treat as a
 * Slack payload (`payload=null`, a JSON `null` or number, unparsable JSON, an object without a `type` or
 * `command`) is refused with 400: Bolt would throw on some outside any handler and take the process down.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';
import { isStoreError, type Store } from '../store/index.js';
import { requestContext, withRequest } from './request-context.js';

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/**
 * The largest request body read. The largest payload Slack sends this app is a button press on the Home tab,
 * which carries the whole view: at its fullest (100 blocks; contract names of 100 characters, all Chinese,
 * which Slack sends as \uXXXX escapes, URL-encoded) about 490 KB (docs/benchmarks.md); a 40,000-character
 * message event is about 500 KB. 1 MiB leaves twice that.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Signatures accepted within the window; memory is bounded by the request rate × five minutes (at a sustained
 * 500 requests a second, 150,000 entries). So each entry is small: the first 128 bits of the signature (only
 * verified signatures get here, and a forger cannot choose an HMAC's prefix) and its expiry in whole seconds.
 */
export class SeenSignatures implements ReplayGuard {
  private readonly expiries = new Map<string, number>();

  /** true the first time a signature is offered within its window, false for a replay */
  async accept(signature: string, timestampSeconds: number, nowMs: number): Promise<boolean> {
    const nowSeconds = Math.floor(nowMs / 1000);
    this.prune(nowSeconds);
    const key = signatureKey(signature);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry >= nowSeconds) return false;
    this.expiries.set(key, timestampSeconds + SIGNATURE_WINDOW_SECONDS);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private prune(nowSeconds: number): void {
    // insertion order is nearly time order: drop expired entries from the front until a live one
    for (const [key, expiry] of this.expiries) {
      if (expiry >= nowSeconds) break;
      this.expiries.delete(key);
    }
  }
}

/** The replay memory the guard asks: true the first time a (verified) signature is offered within its window. */
export interface ReplayGuard {
  accept(signature: string, timestampSeconds: number, nowMs: number): Promise<boolean>;
}

/** the first 128 bits of the hex signature (after `v0=`): a forger cannot choose an HMAC's prefix */
const signatureKey = (signature: string) => signature.slice(3, 35);

/** The replay memory in the store: one indexed insert per request, expired keys pruned as it goes. */
export function storedSignatures(store: Pick<Store, 'firstSeen'>): ReplayGuard {
  return {
    accept: async (signature, timestampSeconds, nowMs) =>
      await store.firstSeen(
        'signature',
        signatureKey(signature),
        Math.max((timestampSeconds + SIGNATURE_WINDOW_SECONDS) * 1000, nowMs) + 1000,
        nowMs,
      ),
  };
}

export type SignatureVerdict = 'ok' | 'mismatch' | 'stale' | 'future';

/** Slack's documented request check, at `nowMs`. */
export function verifySlackSignature(
  signingSecret: string,
  rawBody: Buffer | string,
  signature: string,
  timestampSeconds: number,
  nowMs: number,
): SignatureVerdict {
  if (timestampSeconds * 1000 < nowMs - SIGNATURE_WINDOW_SECONDS * 1000) return 'stale';
  if (timestampSeconds * 1000 > nowMs + SIGNATURE_WINDOW_SECONDS * 1000) return 'future';
  const expected = Buffer.from(
    `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:`).update(rawBody).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}

export interface GuardedReceiverOptions extends HTTPReceiverOptions {
  /** for tests of the window; defaults to Date.now */
  nowMs?: () => number;
  /** where accepted signatures are remembered; default in memory (the app passes the store's) */
  replayGuard?: ReplayGuard;
  /** `GET /readyz`: whether this instance should get traffic (database reachable, schema current, not stopping) */
  readiness?: () => Promise<Readiness>;
}

export interface Readiness {
  ready: boolean;
  /** what was checked, or what is wrong (shown to the load balancer's operator, never a secret) */
  detail: string;
}

/** `GET /healthz`: the process answers (liveness); `GET /readyz`: it should get traffic (see GuardedReceiverOptions). */
function health(path: string, res: ServerResponse, readiness?: () => Promise<Readiness>): boolean {
  const send = (status: number, body: object) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (path === '/healthz') {
    send(200, { status: 'ok' });
    return true;
  }
  if (path !== '/readyz') return false;
  const check = readiness ?? (async () => ({ ready: true, detail: 'no checks configured' }));
  check().then(
    (r) => send(r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', detail: r.detail }),
    (error: unknown) => send(503, { status: 'not ready', detail: (error as Error).message }),
  );
  return true;
}

export function createGuardedReceiver(options: GuardedReceiverOptions): HTTPReceiver {
  const { nowMs = Date.now, replayGuard, readiness, ...receiverOptions } = options;
  const guarded = options.signatureVerification !== false;
  // our guard verifies every request to the endpoints (see above); Bolt need not do it again
  const receiver = new HTTPReceiver({ ...receiverOptions, signatureVerification: false });
  const endpoints = new Set(
    Array.isArray(options.endpoints) ? options.endpoints : [options.endpoints ?? '/slack/events'],
  );
  const seen = replayGuard ?? new SeenSignatures();
  const logger = options.logger;
  const boltListener = receiver.requestListener;

  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && health(path, res, readiness)) return;
    // every log line written while this request is handled carries its id (and, once known, its workspace)
    withRequest(() => {
      res.setHeader('X-Request-Id', requestContext()?.requestId ?? '');
      guardedListener(req, res, path);
    });
  };

  const guardedListener = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method !== 'POST' || !endpoints.has(path)) {
      boltListener(req, res);
      return;
    }
    const refuse = (status: number) => {
      if (res.headersSent) return;
      // the rest of an oversized body is not read: the connection is closed once the answer is out
      if (status === 413) res.setHeader('Connection', 'close');
      res.writeHead(status);
      res.end();
      if (status === 413) discardThenClose(req);
    };
    readBody(req, MAX_BODY_BYTES)
      .then(async (body) => {
        if (body === 'too-large') {
          logger?.warn(`Refused a request to the Slack endpoint: its body is over ${MAX_BODY_BYTES} bytes`);
          return refuse(413);
        }
        // where Bolt's own parser (bufferIncomingMessage) finds the body again
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        const verdict = guarded ? await guard(req, body, options.signingSecret, seen, nowMs(), logger) : 'pass';
        if (verdict !== 'pass') return refuse(401);
        if (!readableByBolt(req)) {
          logger?.warn('Refused a Slack request whose body is not a Slack payload (malformed, empty or untyped)');
          return refuse(400);
        }
        boltListener(req, res);
      })
      .catch((error: unknown) => {
        // a body that cannot be read is the client's fault; a replay memory that cannot be written is ours
        const ours = isStoreError(error);
        if (ours) logger?.error(`Could not check a Slack request for replay: ${(error as Error).message}`);
        refuse(ours ? 503 : 400);
      });
  };
  return receiver;
}

/**
 * The body, counted as it streams in: 'too-large' as soon as it (or its declared Content-Length) passes
 * `limit`, without reading the rest.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Buffer | 'too-large' | Error) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish('too-large');
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(Buffer.concat(chunks, size)));
    req.once('error', (error) => finish(error));
    req.once('close', () => finish(new Error('the client closed the request')));
  });
}

/**
 * After a 413: the rest of the body is read and dropped (memory stays flat) for a short grace, so that the
 * client, still sending, gets to read the answer (closing a socket with unread data resets the connection and
 * can lose the answer in flight); then the connection is closed whatever is left.
 */
function discardThenClose(req: IncomingMessage): void {
  let dropped = 0;
  const close = () => req.destroy();
  const timer = setTimeout(close, 2_000);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 4 * MAX_BODY_BYTES) close();
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/**
 * True when Bolt's body parser gives a JSON object for this request that says what it is, as everything Slack
 * sends does (a `type`, a slash command's `command`, or `ssl_check`). Anything else would throw inside Bolt, or
 * wait three seconds for a listener that will never come.
 */
function readableByBolt(req: IncomingMessage): boolean {
  try {
    const body: unknown = HTTPModuleFunctions.parseHTTPRequestBody(
      req as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0],
    );
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
    const fields = body as Record<string, unknown>;
    return typeof fields.type === 'string' || typeof fields.command === 'string' || fields.ssl_check === '1';
  } catch {
    return false;
  }
}

async function guard(
  req: IncomingMessage,
  body: Buffer,
  signingSecret: string,
  seen: ReplayGuard,
  nowMs: number,
  logger: Logger | undefined,
): Promise<'pass' | 'refuse'> {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isSafeInteger(timestamp)) {
    logger?.warn('Refused a request to the Slack endpoint without a signature and timestamp');
    return 'refuse';
  }
  const verdict = verifySlackSignature(signingSecret, body, signature, timestamp, nowMs);
  if (verdict !== 'ok') {
    logger?.warn(`Refused a Slack request: ${REFUSALS[verdict]}`);
    return 'refuse';
  }
  if (!(await seen.accept(signature, timestamp, nowMs))) {
    logger?.warn('Refused a replayed Slack request (signature already seen within five minutes)');
    return 'refuse';
  }
  return 'pass';
}

const REFUSALS: Record<Exclude<SignatureVerdict, 'ok'>, string> = {
  mismatch: 'the signature does not match the body (wrong signing secret, or a forged or altered request)',
  stale: 'its timestamp is more than five minutes old',
  future: 'its timestamp is more than five minutes in the future',
};
