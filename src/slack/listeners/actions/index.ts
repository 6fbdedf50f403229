import type { App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { CASE_ACTION } from '../../../model/answer.js';
import { CONTRACT_VENDOR_ACTION_ID } from '../../blocks/contract-modal.js';
import { OPEN_CONTRACT_MODAL_ACTION_ID, REMOVE_CONTRACT_ACTION_ID } from '../../blocks/home.js';
import {
  ACTION_CLOSE_CASE,
  ACTION_SNOOZE_30,
  ACTION_UNDO_AUTO,
  ACTION_VENDOR_RESPONDED,
  ACTION_VENDOR_UPDATED,
} from '../../blocks/reminder.js';
import type { SlackDeps } from '../../deps.js';
import { PLAN_IMPORT_CANCEL, PLAN_IMPORT_CONFIRM } from '../../plan-import.js';
import { byId, exactly, type Handler } from '../route.js';
import { caseEventButton, snoozeButton, undoAutoButton } from './case-buttons.js';
import { contractModalVendor } from './contract-modal-vendor.js';
import { openContractModal } from './open-contract-modal.js';
import { planImportCancel, planImportConfirm } from './plan-import-buttons.js';
import { removeContract } from './remove-contract.js';
import { showWords } from './show-words.js';

export function register(app: App, deps: SlackDeps): void {
  const handlers: Record<string, Handler> = {
    [OPEN_CONTRACT_MODAL_ACTION_ID]: openContractModal(deps),
    [REMOVE_CONTRACT_ACTION_ID]: removeContract(deps),
    [CONTRACT_VENDOR_ACTION_ID]: contractModalVendor(deps),
    [ACTION_VENDOR_RESPONDED]: caseEventButton(deps, 'responded'),
    [ACTION_VENDOR_UPDATED]: caseEventButton(deps, 'updated'),
    [ACTION_CLOSE_CASE]: caseEventButton(deps, 'closed'),
    [ACTION_SNOOZE_30]: snoozeButton(deps),
    [ACTION_UNDO_AUTO]: undoAutoButton(deps),
    [CASE_ACTION.showWords]: showWords(deps),
    [PLAN_IMPORT_CONFIRM]: planImportConfirm(deps),
    [PLAN_IMPORT_CANCEL]: planImportCancel(deps),
  };
  app.action<BlockAction>(
    exactly(Object.keys(handlers)),
    byId((args: SlackActionMiddlewareArgs<BlockAction>) => args.action.action_id, handlers),
  );
}
