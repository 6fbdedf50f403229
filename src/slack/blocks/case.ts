/**
 * Case messages the Slack layer posts itself (pure): the acknowledgement of a vendor reply counted
 * automatically in a Slack Connect thread, with its Undo button.
 */
import type { types } from '@slack/bolt';
import { CASE_ACTION } from '../../model/answer.js';

export interface VendorReplyNote {
  /** mrkdwn, already escaped where it holds user text */
  text: string;
  eventId: number;
  caseId: number;
  /** the button's label, in the reader's language (default "Undo") */
  undo?: string;
}

export function vendorReplyBlocks(note: VendorReplyNote): types.KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: note.text } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: CASE_ACTION.undoAuto,
          text: { type: 'plain_text', text: note.undo ?? 'Undo' },
          value: JSON.stringify({ eventId: note.eventId, caseId: note.caseId }),
        },
      ],
    },
  ];
}
