import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as messages from './messages/index.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';

/** Registers every listener; each folder's index.ts lists its own. */
export function registerListeners(app: App, deps: SlackDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  messages.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  shortcuts.register(app, deps);
}
