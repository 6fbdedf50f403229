import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/reminders/message.js';
import { reminderBlocks } from '../../../src/slack/blocks/reminder.js';
import { blockLimitViolations } from '../../support/block-limits.js';

const base: OutgoingMessage = {
  reminderId: 7,
  workspaceId: 'T1',
  caseId: 3,
  channel: 'C1',
  threadTs: '5.5',
  kind: 'update-breach',
  text: 'Breach',
  broadcast: false,
  late: false,
  instants: [],
};

const actionIds = (message: OutgoingMessage) =>
  reminderBlocks(message)
    .flatMap((b) => (b.type === 'actions' ? b.elements : []))
    .map((e) => ('action_id' in e ? e.action_id : undefined));

describe('reminderBlocks', () => {
  it('gives a case reminder the case buttons, each carrying the reminder and case', () => {
    expect(actionIds(base)).toEqual([
      'case_vendor_responded',
      'case_vendor_updated',
      'reminder_snooze_30',
      'case_close',
    ]);
    const actions = reminderBlocks(base).find((b) => b.type === 'actions');
    const values = actions?.type === 'actions' ? actions.elements.map((e) => ('value' in e ? e.value : '')) : [];
    for (const v of values) expect(JSON.parse(v ?? '')).toEqual({ reminderId: 7, caseId: 3 });
  });

  it('gives a date reminder only the snooze button', () => {
    expect(actionIds({ ...base, caseId: null })).toEqual(['reminder_snooze_30']);
  });

  it('keeps a long text within the section limit', () => {
    expect(blockLimitViolations(reminderBlocks({ ...base, text: 'x'.repeat(10_000) }), 50)).toEqual([]);
  });

  it('labels the buttons in Chinese for a case reminded in Chinese, with the same actions', () => {
    const zh = { ...base, language: 'zh' as const };
    expect(actionIds(zh)).toEqual(actionIds(base));
    const labels = reminderBlocks(zh)
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .map((e) => ('text' in e && e.text && 'text' in e.text ? e.text.text : ''));
    expect(labels).toEqual(['廠商已回應', '廠商已更新', '延後 30 分鐘', '結案']);
  });

  it('shows the instants its text names as date tokens each reader sees in their own zone', () => {
    const deadline = Date.parse('2026-03-03T13:00:00Z');
    const message: OutgoingMessage = {
      ...base,
      text: "Breach: Jamf's first response was due Tue 3 Mar 2026 14:00 (Europe/Berlin) and has not come.",
      instants: [{ at: deadline, zone: 'Europe/Berlin' }],
    };
    const text = JSON.stringify(reminderBlocks(message));
    expect(text).toContain(
      `was due <!date^${deadline / 1000}^{date_short_pretty} {time}|Tue 3 Mar 2026 14:00 (Europe/Berlin)> and`,
    );
  });
});
