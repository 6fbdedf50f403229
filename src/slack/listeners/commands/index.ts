import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { SUPPORT_COMMAND, supportCommand } from './support.js';

export function register(app: App, deps: SlackDeps): void {
  app.command(SUPPORT_COMMAND, supportCommand(deps));
}
