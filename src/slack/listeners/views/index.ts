import type { App } from '@slack/bolt';
import { TRACK_MODAL_CALLBACK_ID } from '../../../cases/trackModal.js';
import { CONTRACT_MODAL_CALLBACK_ID } from '../../blocks/contractModal.js';
import type { SlackDeps } from '../../deps.js';
import { contractSetup } from './contract-setup.js';
import { trackVendorCaseSubmit } from './track-vendor-case.js';

export function register(app: App, deps: SlackDeps): void {
  app.view(CONTRACT_MODAL_CALLBACK_ID, contractSetup(deps));
  app.view(TRACK_MODAL_CALLBACK_ID, trackVendorCaseSubmit(deps));
}
