import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import {
  ACTION_CLOSE_CASE,
  ACTION_SNOOZE_30,
  ACTION_UNDO_AUTO,
  ACTION_VENDOR_RESPONDED,
  ACTION_VENDOR_UPDATED,
} from '../../../cases/message.js';
import { CONTRACT_VENDOR_ACTION_ID } from '../../blocks/contractModal.js';
import { OPEN_CONTRACT_MODAL_ACTION_ID, REMOVE_CONTRACT_ACTION_ID } from '../../blocks/home.js';
import type { SlackDeps } from '../../deps.js';
import { caseEventButton, snoozeButton, undoAutoButton } from './case-buttons.js';
import { contractModalVendor } from './contract-modal-vendor.js';
import { openContractModal } from './open-contract-modal.js';
import { removeContract } from './remove-contract.js';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(OPEN_CONTRACT_MODAL_ACTION_ID, openContractModal(deps));
  app.action<BlockButtonAction>(REMOVE_CONTRACT_ACTION_ID, removeContract(deps));
  app.action<BlockStaticSelectAction>(CONTRACT_VENDOR_ACTION_ID, contractModalVendor(deps));
  app.action<BlockButtonAction>(ACTION_VENDOR_RESPONDED, caseEventButton(deps, 'responded'));
  app.action<BlockButtonAction>(ACTION_VENDOR_UPDATED, caseEventButton(deps, 'updated'));
  app.action<BlockButtonAction>(ACTION_CLOSE_CASE, caseEventButton(deps, 'closed'));
  app.action<BlockButtonAction>(ACTION_SNOOZE_30, snoozeButton(deps));
  app.action<BlockButtonAction>(ACTION_UNDO_AUTO, undoAutoButton(deps));
}
