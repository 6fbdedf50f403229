import type { App, SlackViewMiddlewareArgs } from '@slack/bolt';
import { CONTRACT_MODAL_CALLBACK_ID } from '../../blocks/contract-modal.js';
import { TRACK_MODAL_CALLBACK_ID } from '../../blocks/track-modal.js';
import type { SlackDeps } from '../../deps.js';
import { byId, exactly, type Handler } from '../route.js';
import { contractSetup } from './contract-setup.js';
import { trackVendorCaseSubmit } from './track-vendor-case.js';

export function register(app: App, deps: SlackDeps): void {
  const handlers: Record<string, Handler> = {
    [CONTRACT_MODAL_CALLBACK_ID]: contractSetup(deps),
    [TRACK_MODAL_CALLBACK_ID]: trackVendorCaseSubmit(deps),
  };
  app.view(
    exactly(Object.keys(handlers)),
    byId((args: SlackViewMiddlewareArgs) => args.view.callback_id, handlers),
  );
}
