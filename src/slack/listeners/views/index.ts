import type { App } from '@slack/bolt';
import { CONTRACT_MODAL_CALLBACK_ID } from '../../blocks/contractModal.js';
import type { SlackDeps } from '../../deps.js';
import { contractSetup } from './contract-setup.js';

export function register(app: App, deps: SlackDeps): void {
  app.view(CONTRACT_MODAL_CALLBACK_ID, contractSetup(deps));
}
