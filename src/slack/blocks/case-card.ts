/**
 * The live case card (pure): the message at the top of a case thread, updated in place on every event. Who
 * and what the case is, each clock with its state and a bar of the business time it has used, and the buttons
 * that fit the case as it stands.
 */
import type { types } from '@slack/bolt';
import type { CardClock, CaseCard } from '../../cases/card.js';
import { CASE_ACTION } from '../../model/answer.js';
import { renderWords } from '../../text/render-words.js';
import { displayText, inScript } from '../../text/script.js';
import { formatDueIn, formatMinutes } from '../../text/time.js';
import type { SlackMessage } from './answer.js';
import { escapeMrkdwn, trimText } from './limits.js';
import { slackDate } from './time.js';

const BAR = 8;

/** "▰▰▰▱▱▱▱▱" for the share of the target's business time used (full, never beyond, when late). */
export function progressBar(used: number, total: number, width = BAR): string {
  const share = total > 0 ? Math.min(1, Math.max(0, used / total)) : 1;
  const filled = Math.round(share * width);
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}

/** the card's words, in the case's script (Simplified converted for display) */
function cardWords(card: CaseCard) {
  return inScript(renderWords(card.lang), card.locale).card;
}

function clockLine(card: CaseCard, clock: CardClock, now: number): string {
  const w = cardWords(card);
  const name = `*${w.clocks[clock.kind]}*`;
  const when = (at: number | null) => (at === null ? '' : slackDate(at, card.zone, card.lang));
  let state: string;
  switch (clock.state) {
    case 'met':
      state = w.met(when(clock.metAt));
      break;
    case 'met-late':
      state = w.metLate(when(clock.metAt));
      break;
    case 'running':
      state = w.due(when(clock.dueAt));
      break;
    case 'due-soon':
      state = w.dueSoon(when(clock.dueAt));
      break;
    case 'late':
      state = w.late(when(clock.dueAt));
      break;
    case 'waiting':
      state = w.waiting;
      break;
    case 'no-deadline':
      state = clock.target ? w.noDeadlineFor(w.noDeadline, escapeMrkdwn(clock.target)) : w.noDeadline;
      break;
  }
  const lines = [w.labelled(name, state)];
  const live = clock.state === 'running' || clock.state === 'due-soon' || clock.state === 'late';
  if (live && clock.dueAt !== null) {
    lines.push(displayText(card)(formatDueIn(clock.dueAt, now, clock.minutesLeft ?? undefined, card.lang)));
  }
  if (clock.usedMinutes !== null && clock.totalMinutes !== null && clock.state !== 'waiting') {
    const of = displayText(card)(
      w.of(formatMinutes(clock.usedMinutes, card.lang), formatMinutes(clock.totalMinutes, card.lang)),
    );
    lines.push(`\`${progressBar(clock.usedMinutes, clock.totalMinutes)}\` ${of}`);
  }
  if (live && clock.pausedUntil !== null) lines.push(`_${w.paused(when(clock.pausedUntil))}_`);
  return lines.join('\n');
}

export function caseCardMessage(card: CaseCard, now: number): SlackMessage {
  const w = cardWords(card);
  const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${value}` });
  const fields = [
    field(w.contract, escapeMrkdwn(card.contractName)),
    ...(card.severity ? [field(w.severity, escapeMrkdwn(card.severity))] : []),
    ...(card.vendorRef ? [field(w.reference, trimText(escapeMrkdwn(card.vendorRef), 200))] : []),
    ...(card.ownerId && /^[UW][A-Z0-9]+$/.test(card.ownerId) ? [field(w.owner, `<@${card.ownerId}>`)] : []),
    field(w.status, w.statuses[card.status]),
  ];
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${w.title(card.caseId)}*` } },
    { type: 'section', fields },
  ];
  if (card.status === 'closed') blocks.push({ type: 'section', text: { type: 'mrkdwn', text: w.closed } });
  for (const clock of card.clocks) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clockLine(card, clock, now) } });
  }
  const value = JSON.stringify({ caseId: card.caseId, reminderId: null });
  const ids = { responded: CASE_ACTION.responded, updated: CASE_ACTION.updated, close: CASE_ACTION.close };
  const labels = { responded: w.responded, updated: w.updated, close: w.close };
  const buttons: types.Button[] = card.actions.map((a) => ({
    type: 'button',
    action_id: ids[a],
    text: { type: 'plain_text', text: labels[a] },
    value,
    ...(a === 'responded' ? { style: 'primary' as const } : a === 'close' ? { style: 'danger' as const } : {}),
  }));
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `case_card_${card.caseId}`, elements: buttons });
  const text = `${w.labelled(w.title(card.caseId), escapeMrkdwn(card.contractName))} · ${w.statuses[card.status]}`;
  return { text, blocks };
}
