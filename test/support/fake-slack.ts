/**
 * A small fake of the Slack Web API on 127.0.0.1 (free port), for end-to-end tests.
 *
 * Point the app at `fake.apiUrl` (SLACK_API_URL / clientOptions.slackApiUrl). It records every Web API call
 * (method, parsed params, token) and every post to a response_url made from `fake.responseUrl()`. It can answer
 * 429 with Retry-After (or any other status) on demand, for the next N calls of one method.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface RecordedCall {
  method: string;
  // biome-ignore lint/suspicious/noExplicitAny: recorded Slack params are whatever the app sent
  params: Record<string, any>;
  token: string | undefined;
  at: number;
  /** the HTTP status answered (200 also for { ok: false }); undefined while the call hangs */
  status?: number;
  /** false when the fake answered with an error (a failure set up by failNext) */
  ok?: boolean;
}

export interface RecordedResponsePost {
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: whatever the app posted
  body: Record<string, any>;
  at: number;
}

export interface FakeUser {
  tz?: string;
  /** users.info returns it when asked with include_locale, as Slack does */
  locale?: string;
  name?: string;
  teamId?: string;
  isBot?: boolean;
  isAdmin?: boolean;
}

/** A file shared in Slack: files.info describes it, and its url_private_download serves it to a bearer token. */
export interface FakeFile {
  name: string;
  content: Uint8Array | string;
  mimetype?: string;
  /** the only token the download accepts (default: any token) */
  token?: string;
}

export interface FakeChannel {
  /** shared with another organisation (Slack Connect) */
  isExtShared?: boolean;
  isArchived?: boolean;
  isMember?: boolean;
}

interface Failure {
  status: number;
  retryAfterSeconds?: number;
  slackError?: string;
  /** never answer (until the fake is closed) */
  hang?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: recorded Slack params
  match?: (params: Record<string, any>) => boolean;
  remaining: number;
}

export interface FakeSlack {
  apiUrl: string;
  baseUrl: string;
  calls: RecordedCall[];
  responsePosts: RecordedResponsePost[];
  /** calls of one method, in order */
  callsTo(method: string): RecordedCall[];
  /** a response_url that records what is posted to it */
  responseUrl(id?: string): string;
  setUser(userId: string, user: FakeUser): void;
  /** the members usergroups.users.list answers for a user group */
  setUserGroup(groupId: string, members: string[]): void;
  /** what conversations.info says of a channel (default: an ordinary channel the app is in) */
  setChannel(channelId: string, channel: FakeChannel): void;
  /** a file for files.info and its download URL; returns its id */
  addFile(id: string, file: FakeFile): string;
  /** the downloads made: file id and the token presented */
  downloads: { id: string; token: string | undefined }[];
  /**
   * The next `times` calls to `method` fail: HTTP `status` (429 sends Retry-After), or, with `slackError`,
   * HTTP 200 with { ok: false, error }.
   */
  failNext(
    method: string,
    failure: {
      status?: number;
      retryAfterSeconds?: number;
      slackError?: string;
      times?: number;
      /** never answer those calls */
      hang?: boolean;
      /** only calls whose params match fail (and count) */
      // biome-ignore lint/suspicious/noExplicitAny: recorded Slack params
      match?: (params: Record<string, any>) => boolean;
    },
  ): void;
  /** every Web API answer is delayed this long (a slow Slack) */
  setLatency(ms: number): void;
  /** resolves when `predicate` holds for the recorded calls (polls); rejects after `timeoutMs` */
  waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  /** every call to `method` is answered `ms` later (0: at once again), as a slow Slack would */
  slowDown(method: string, ms: number): void;
  reset(): void;
  close(): Promise<void>;
}

export interface FakeSlackOptions {
  teamId?: string;
  botUserId?: string;
  botId?: string;
  defaultTz?: string;
  /** what apps.connections.open hands a Socket Mode client (a WebSocket URL on loopback) */
  socketUrl?: string;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T0FAKE';
  const botUserId = options.botUserId ?? 'UBOT';
  const botId = options.botId ?? 'BBOT';
  const defaultTz = options.defaultTz ?? 'America/New_York';
  const calls: RecordedCall[] = [];
  const responsePosts: RecordedResponsePost[] = [];
  const users = new Map<string, FakeUser>();
  const userGroups = new Map<string, string[]>();
  const channels = new Map<string, FakeChannel>();
  const failures = new Map<string, Failure>();
  const delays = new Map<string, number>();
  const files = new Map<string, FakeFile>();
  const downloads: { id: string; token: string | undefined }[] = [];
  let fileBase = '';
  let tsCounter = 0;
  let viewCounter = 0;
  let latencyMs = 0;

  const nextTs = () => {
    tsCounter += 1;
    return `${1_700_000_000 + tsCounter}.${String(tsCounter).padStart(6, '0')}`;
  };

  // biome-ignore lint/suspicious/noExplicitAny: a fake answers loosely typed Slack payloads
  const answer = (method: string, params: Record<string, any>): Record<string, any> => {
    switch (method) {
      case 'apps.connections.open':
        return options.socketUrl ? { ok: true, url: options.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'auth.test':
        return { ok: true, user_id: botUserId, bot_id: botId, team_id: teamId, url: 'https://fake.slack.test/' };
      case 'chat.postMessage': {
        const ts = nextTs();
        return {
          ok: true,
          channel: params.channel,
          ts,
          message: { ts, text: params.text, thread_ts: params.thread_ts },
        };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: params.channel,
          permalink: `https://fake.slack.test/archives/${params.channel}/p${String(params.message_ts).replace('.', '')}`,
        };
      case 'conversations.info': {
        const channel = channels.get(String(params.channel));
        return {
          ok: true,
          channel: {
            id: params.channel,
            is_ext_shared: channel?.isExtShared ?? false,
            is_archived: channel?.isArchived ?? false,
            is_member: channel?.isMember ?? true,
          },
        };
      }
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      case 'views.publish':
      case 'views.open':
      case 'views.update':
      case 'views.push': {
        viewCounter += 1;
        const view = typeof params.view === 'object' && params.view !== null ? params.view : {};
        return { ok: true, view: { ...view, id: params.view_id ?? `V${viewCounter}`, hash: `h${viewCounter}` } };
      }
      case 'files.info': {
        const file = files.get(String(params.file));
        if (!file) return { ok: false, error: 'file_not_found' };
        const size = typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength;
        return {
          ok: true,
          file: {
            id: params.file,
            name: file.name,
            title: file.name,
            mimetype: file.mimetype ?? 'text/plain',
            size,
            url_private: `${fileBase}/files/${params.file}/${encodeURIComponent(file.name)}`,
            url_private_download: `${fileBase}/files/${params.file}/download/${encodeURIComponent(file.name)}`,
          },
        };
      }
      case 'users.info': {
        const user = users.get(String(params.user));
        if (params.user && !user && String(params.user).startsWith('UNKNOWN'))
          return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: params.user,
            team_id: user?.teamId ?? teamId,
            name: user?.name ?? String(params.user).toLowerCase(),
            tz: user?.tz ?? defaultTz,
            ...(params.include_locale && user?.locale ? { locale: user.locale } : {}),
            is_bot: user?.isBot ?? false,
            is_admin: user?.isAdmin ?? false,
          },
        };
      }
      case 'usergroups.users.list': {
        const members = userGroups.get(String(params.usergroup));
        return members ? { ok: true, users: members } : { ok: false, error: 'no_such_subteam' };
      }
      default:
        return { ok: true };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const params = parseParams(raw, String(req.headers['content-type'] ?? ''));
    if (url.pathname.startsWith('/response/')) {
      responsePosts.push({
        id: decodeURIComponent(url.pathname.slice('/response/'.length)),
        body: params,
        at: Date.now(),
      });
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname.startsWith('/files/')) {
      const id = decodeURIComponent(url.pathname.split('/')[2] ?? '');
      const file = files.get(id);
      const auth = String(req.headers.authorization ?? '');
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
      downloads.push({ id, token });
      if (!file) return sendJson(res, 404, { ok: false, error: 'file_not_found' });
      if (!token || (file.token !== undefined && token !== file.token)) {
        res.writeHead(403, { 'content-type': 'text/html' });
        return res.end('<html>login</html>');
      }
      const body = typeof file.content === 'string' ? Buffer.from(file.content) : Buffer.from(file.content);
      res.writeHead(200, { 'content-type': file.mimetype ?? 'text/plain', 'content-length': String(body.byteLength) });
      return res.end(body);
    }
    if (!url.pathname.startsWith('/api/')) return sendJson(res, 404, { ok: false, error: 'unknown_path' });
    const method = url.pathname.slice('/api/'.length);
    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ')
      ? auth.slice(7)
      : typeof params.token === 'string'
        ? params.token
        : undefined;
    const call: RecordedCall = { method, params, token, at: Date.now() };
    calls.push(call);
    const delay = delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const failure = failures.get(method);
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    if (failure && failure.remaining > 0 && (failure.match?.(params) ?? true)) {
      failure.remaining -= 1;
      call.ok = false;
      if (failure.hang) return; // the connection stays open: a Slack that never answers
      call.status = failure.slackError ? 200 : failure.status;
      if (failure.slackError) return sendJson(res, 200, { ok: false, error: failure.slackError });
      const headers: Record<string, string> = {};
      if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
      return sendJson(
        res,
        failure.status,
        { ok: false, error: failure.status === 429 ? 'ratelimited' : 'fatal_error' },
        headers,
      );
    }
    call.status = 200;
    call.ok = true;
    return sendJson(res, 200, answer(method, params));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendJson(res, 500, { ok: false, error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  fileBase = baseUrl;
  let responseCounter = 0;

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    calls,
    responsePosts,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl: (id) => {
      responseCounter += 1;
      return `${baseUrl}/response/${encodeURIComponent(id ?? `r${responseCounter}`)}`;
    },
    setUser: (userId, user) => {
      users.set(userId, user);
    },
    setUserGroup: (groupId, members) => {
      userGroups.set(groupId, members);
    },
    setChannel: (channelId, channel) => {
      channels.set(channelId, channel);
    },
    addFile: (id, file) => {
      files.set(id, file);
      return id;
    },
    downloads,
    failNext: (method, f) => {
      failures.set(method, {
        status: f.status ?? 429,
        retryAfterSeconds: f.retryAfterSeconds ?? ((f.status ?? 429) === 429 ? 1 : undefined),
        slackError: f.slackError,
        hang: f.hang,
        match: f.match,
        remaining: f.times ?? 1,
      });
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    waitFor: async (probe, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false) return value as never;
        if (Date.now() > deadline) throw new Error('fake Slack: the expected call did not arrive in time');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    slowDown: (method, ms) => {
      if (ms > 0) delays.set(method, ms);
      else delays.delete(method);
    },
    reset: () => {
      calls.length = 0;
      responsePosts.length = 0;
      failures.clear();
      delays.clear();
      latencyMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// biome-ignore lint/suspicious/noExplicitAny: parsed Slack params
function parseParams(raw: string, contentType: string): Record<string, any> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw);
  // the Web API client sends form fields, with objects (blocks, view) as JSON strings
  // biome-ignore lint/suspicious/noExplicitAny: parsed Slack params
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(parseQuery(raw))) {
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string' && /^[[{]/.test(text)) {
      try {
        out[key] = JSON.parse(text);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[key] = text;
  }
  return out;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
