import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import { CONTRACT_VENDOR_ACTION_ID } from '../../blocks/contractModal.js';
import { OPEN_CONTRACT_MODAL_ACTION_ID, REMOVE_CONTRACT_ACTION_ID } from '../../blocks/home.js';
import type { SlackDeps } from '../../deps.js';
import { contractModalVendor } from './contract-modal-vendor.js';
import { openContractModal } from './open-contract-modal.js';
import { removeContract } from './remove-contract.js';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(OPEN_CONTRACT_MODAL_ACTION_ID, openContractModal(deps));
  app.action<BlockButtonAction>(REMOVE_CONTRACT_ACTION_ID, removeContract(deps));
  app.action<BlockStaticSelectAction>(CONTRACT_VENDOR_ACTION_ID, contractModalVendor(deps));
}
