import type { App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { byId, exactly, type Handler } from '../route.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { appUninstalled } from './app-uninstalled.js';
import { tokensRevoked } from './tokens-revoked.js';

export function register(app: App, deps: SlackDeps): void {
  const handlers: Record<string, Handler> = {
    app_mention: appMention(deps),
    app_home_opened: appHomeOpened(deps),
    app_uninstalled: appUninstalled(deps),
    tokens_revoked: tokensRevoked(deps),
  };
  app.event(
    exactly(Object.keys(handlers)),
    byId((args: SlackEventMiddlewareArgs) => args.event.type, handlers),
  );
}
