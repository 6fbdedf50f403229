import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { allOf } from '../route.js';
import { addressedMessage } from './addressed-message.js';
import { caseThreadReply } from './case-thread-reply.js';
import { planImportDm } from './plan-import-dm.js';

export function register(app: App, deps: SlackDeps): void {
  app.message(allOf(planImportDm(deps), addressedMessage(deps), caseThreadReply(deps)));
}
