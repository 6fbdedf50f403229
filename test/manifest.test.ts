/**
 * manifest.yml declares exactly what the code uses: every command, event, shortcut the listeners register is
 * declared, everything declared is registered, interactivity and the Home tab are on because the code needs
 * them, and the bot scopes are those the registered events and the Web API methods called require.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadKnowledge } from '../src/knowledge/load.js';
import { BOT_SCOPES } from '../src/slack/app.js';
import { type SlackDeps, vendorChoices } from '../src/slack/deps.js';
import { registerListeners } from '../src/slack/listeners/index.js';
import { idsOf } from '../src/slack/listeners/route.js';
import { RecentKeys } from '../src/slack/recent.js';

interface Registered {
  commands: string[];
  events: string[];
  messageListeners: number;
  actions: unknown[];
  views: unknown[];
  shortcuts: string[];
}

function registered(): Registered {
  const r: Registered = { commands: [], events: [], messageListeners: 0, actions: [], views: [], shortcuts: [] };
  const idOf = (c: unknown): string =>
    typeof c === 'string' ? c : String((c as { callback_id?: string }).callback_id ?? JSON.stringify(c));
  const recorder = {
    command: (name: string) => r.commands.push(name),
    event: (name: string | RegExp) =>
      name instanceof RegExp
        ? r.events.push(...idsOf(name))
        : name === 'message'
          ? r.messageListeners++
          : r.events.push(name),
    message: () => r.messageListeners++,
    action: (id: unknown) => (id instanceof RegExp ? r.actions.push(...idsOf(id)) : r.actions.push(id)),
    view: (id: unknown) => (id instanceof RegExp ? r.views.push(...idsOf(id)) : r.views.push(id)),
    shortcut: (id: unknown) => r.shortcuts.push(idOf(id)),
    options: () => undefined,
    use: () => undefined,
    error: () => undefined,
  };
  const knowledge = loadKnowledge();
  const deps = {
    store: {},
    knowledge,
    search: undefined,
    clock: { now: () => new Date() },
    logger: console,
    handledMessages: new RecentKeys(),
    admins: [],
    adminGroups: new Map(),
    vendors: vendorChoices(knowledge),
  } as unknown as SlackDeps;
  registerListeners(recorder as unknown as App, deps);
  return r;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Scopes each Web API method the source calls needs. */
const METHOD_SCOPES: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'users.info': 'users:read',
  'usergroups.users.list': 'usergroups:read',
  // public channels, and private ones (a case thread may be in either)
  'conversations.info': 'channels:read groups:read',
  'files.info': 'files:read',
  'reactions.add': 'reactions:write',
  'chat.getPermalink': '',
  'views.publish': '',
  'views.open': '',
  'views.update': '',
  'views.push': '',
};

/** Scopes each event subscription needs. */
const EVENT_SCOPES: Record<string, string> = {
  app_mention: 'app_mentions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
  'message.mpim': 'mpim:history',
  app_home_opened: '',
  app_uninstalled: '',
  tokens_revoked: '',
};

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8'));
const declaredEvents: string[] = manifest.settings.event_subscriptions.bot_events;
const code = registered();

describe('manifest.yml matches the code', () => {
  it('declares exactly the slash commands the code registers', () => {
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect([...declared].sort()).toEqual([...code.commands].sort());
    for (const c of manifest.features.slash_commands) expect(c.usage_hint).toBeTruthy();
  });

  it('declares every event the code listens to, and listens to every event it declares', () => {
    const plain = declaredEvents.filter((e) => !e.startsWith('message.'));
    expect([...plain].sort()).toEqual([...new Set(code.events)].sort());
    const messageEvents = declaredEvents.filter((e) => e.startsWith('message.'));
    expect(messageEvents.length > 0).toBe(code.messageListeners > 0);
  });

  it('declares exactly the shortcuts the code registers', () => {
    const declared = (manifest.features.shortcuts ?? []).map((s: { callback_id: string }) => s.callback_id);
    expect([...declared].sort()).toEqual([...code.shortcuts].sort());
  });

  it('enables interactivity because actions, views or shortcuts are registered (and only then)', () => {
    const needed = code.actions.length + code.views.length + code.shortcuts.length > 0;
    expect(manifest.settings.interactivity?.is_enabled === true).toBe(needed);
  });

  it('enables the Home tab because app_home_opened is handled, and Socket Mode', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(code.events.includes('app_home_opened'));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for exactly the bot scopes the events and Web API calls need, as the OAuth installer does', () => {
    const needed = new Set<string>();
    if (code.commands.length > 0 || code.shortcuts.length > 0) needed.add('commands');
    for (const e of declaredEvents) {
      expect(EVENT_SCOPES, `scope for event ${e}`).toHaveProperty(e);
      if (EVENT_SCOPES[e]) needed.add(EVENT_SCOPES[e]!);
    }
    const source = sourceFiles(new URL('../src', import.meta.url).pathname)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const [, method] of source.matchAll(
      /\bclient\.((?:chat|users|views|conversations|reactions|files|usergroups\.users)\.\w+)\(/g,
    )) {
      expect(METHOD_SCOPES, `scope for ${method}`).toHaveProperty(method!);
      for (const scope of (METHOD_SCOPES[method!] ?? '').split(' ').filter(Boolean)) needed.add(scope);
    }
    const declared: string[] = manifest.oauth_config.scopes.bot;
    expect([...declared].sort()).toEqual([...needed].sort());
    expect([...BOT_SCOPES].sort()).toEqual([...declared].sort());
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });
});
