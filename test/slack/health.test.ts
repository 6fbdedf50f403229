import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLogger } from '../../src/slack/logger.js';
import { createGuardedReceiver, type Readiness } from '../../src/slack/receiver.js';
import { noteWorkspace, withRequest } from '../../src/slack/request-context.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(readiness?: () => Promise<Readiness>): Promise<string> {
  const receiver = createGuardedReceiver({ signingSecret: 'secret', endpoints: '/slack/events', readiness });
  server = (await receiver.start(0)) as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('health routes for a load balancer', () => {
  it('/healthz answers while the process runs; /readyz follows the readiness check', async () => {
    let state: Readiness | Error = { ready: true, detail: 'database at schema 6' };
    const base = await listen(async () => {
      if (state instanceof Error) throw state;
      return state;
    });
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', detail: 'database at schema 6' });

    state = { ready: false, detail: 'stopping' };
    const draining = await fetch(`${base}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: 'not ready', detail: 'stopping' });

    state = new Error('PostgreSQL at postgres://db/entitlebot failed (ECONNREFUSED)');
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { detail: string }).detail).toContain('ECONNREFUSED');
  });

  it('gives every Slack request an id, returned as X-Request-Id, different each time', async () => {
    const base = await listen();
    const post = () =>
      fetch(`${base}/slack/events`, { method: 'POST', body: 'x=1', headers: { 'content-type': 'text/plain' } });
    const [a, b] = [await post(), await post()];
    expect(a.status).toBe(401);
    expect(a.headers.get('x-request-id')).toMatch(/^r-[0-9a-f]{10}$/);
    expect(b.headers.get('x-request-id')).not.toBe(a.headers.get('x-request-id'));
  });
});

describe('JSON logs', () => {
  it('one JSON object a line, with the request id and workspace while a request is handled', async () => {
    const lines: string[] = [];
    const logger = jsonLogger('info', { write: (line: string) => lines.push(line) });
    logger.info('outside any request');
    await withRequest(async () => {
      logger.warn('before the workspace is known', 42);
      noteWorkspace('T0123');
      await new Promise((r) => setTimeout(r, 1));
      logger.error('after an await');
    }, 'req-1');
    logger.debug('below the level');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toMatchObject({ level: 'info', msg: 'outside any request', service: 'entitlebot' });
    expect(parsed[0]).not.toHaveProperty('requestId');
    expect(parsed[1]).toMatchObject({ level: 'warn', msg: 'before the workspace is known 42', requestId: 'req-1' });
    expect(parsed[1]).not.toHaveProperty('workspace');
    expect(parsed[2]).toMatchObject({ level: 'error', requestId: 'req-1', workspace: 'T0123' });
    expect(Date.parse(parsed[2].time)).not.toBeNaN();
  });
});
