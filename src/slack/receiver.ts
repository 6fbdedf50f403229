/**
 * Bolt's HTTPReceiver with replay refusal.
 *
 * Bolt checks the signature and refuses a timestamp older than five minutes. It does not remember what it has
 * seen, so a captured request could be sent again within those five minutes. This wrapper verifies the request
 * itself first and refuses, with 401, a signature it has already accepted, or a timestamp more than five minutes
 * in the future (which would otherwise stay replayable for longer than the window). Only requests with a valid
 * signature are remembered, so a forged request cannot make a genuine one look like a replay.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HTTPModuleFunctions,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type Logger,
  verifySlackRequest,
} from '@slack/bolt';

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** Signatures accepted within the window; memory is bounded by the request rate × five minutes. */
export class SeenSignatures {
  private readonly expiries = new Map<string, number>();

  /** true the first time a signature is offered within its window, false for a replay */
  accept(signature: string, timestampSeconds: number, nowMs: number): boolean {
    this.prune(nowMs);
    const expiry = this.expiries.get(signature);
    if (expiry !== undefined && expiry > nowMs) return false;
    this.expiries.set(signature, (timestampSeconds + SIGNATURE_WINDOW_SECONDS) * 1000);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private prune(nowMs: number): void {
    // insertion order is nearly time order: drop expired entries from the front until a live one
    for (const [signature, expiry] of this.expiries) {
      if (expiry > nowMs) break;
      this.expiries.delete(signature);
    }
  }
}

export interface GuardedReceiverOptions extends HTTPReceiverOptions {
  /** for tests of the window; defaults to Date.now */
  nowMs?: () => number;
}

export function createGuardedReceiver(options: GuardedReceiverOptions): HTTPReceiver {
  const { nowMs = Date.now, ...receiverOptions } = options;
  const receiver = new HTTPReceiver(receiverOptions);
  const endpoints = new Set(
    Array.isArray(options.endpoints) ? options.endpoints : [options.endpoints ?? '/slack/events'],
  );
  const seen = new SeenSignatures();
  const logger = options.logger;
  const boltListener = receiver.requestListener;

  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || !endpoints.has(path) || options.signatureVerification === false) {
      boltListener(req, res);
      return;
    }
    guard(req, options.signingSecret, seen, nowMs(), logger)
      .then((verdict) => {
        if (verdict === 'pass') {
          boltListener(req, res);
        } else {
          res.writeHead(401);
          res.end();
        }
      })
      .catch(() => {
        res.writeHead(400);
        res.end();
      });
  };
  return receiver;
}

async function guard(
  req: IncomingMessage,
  signingSecret: string,
  seen: SeenSignatures,
  nowMs: number,
  logger: Logger | undefined,
): Promise<'pass' | 'refuse'> {
  // buffers the body on the request, where Bolt's own parser finds it again
  const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req);
  const signature = req.headers['x-slack-signature'];
  const timestampHeader = req.headers['x-slack-request-timestamp'];
  // anything unsigned or malformed: Bolt refuses it (or answers ssl_check) with its own logging
  if (typeof signature !== 'string' || typeof timestampHeader !== 'string') return 'pass';
  const timestamp = Number(timestampHeader);
  try {
    verifySlackRequest({
      signingSecret,
      body: buffered.rawBody.toString(),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: nowMs,
    });
  } catch {
    return 'pass';
  }
  if (timestamp * 1000 > nowMs + SIGNATURE_WINDOW_SECONDS * 1000) {
    logger?.warn('Refused a Slack request whose timestamp is more than five minutes in the future');
    return 'refuse';
  }
  if (!seen.accept(signature, timestamp, nowMs)) {
    logger?.warn('Refused a replayed Slack request (signature already seen within five minutes)');
    return 'refuse';
  }
  return 'pass';
}
