import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseCard } from '../../../src/cases/card.js';
import type { CaseState } from '../../../src/cases/service.js';
import type { Case, Contract } from '../../../src/model/records.js';
import { caseCardMessage, progressBar } from '../../../src/slack/blocks/case-card.js';
import { MESSAGE_BUDGET, messageSize } from '../../../src/slack/blocks/limits.js';
import { blockLimitViolations } from '../../support/block-limits.js';
import { at, clocksOf, contract, ev, knowledge } from '../../support/cases.js';
import { HOSTILE, markupProblems, mrkdwnTexts } from '../../support/mrkdwn.js';

const input = contract({ vendor: 'jamf', plan: 'gold' });
const openedAt = at('2026-03-02 10:00');

function state(now: number, events = [] as ReturnType<typeof ev>[], vendorRef: string | null = 'JAMF-7'): CaseState {
  const clocks = clocksOf(input, { severity: 'P1', openedAt, now, events });
  const kase = {
    id: 4,
    vendorRef,
    openedAt,
    openedBy: 'U0OPENER',
    ownerId: 'U0OWNER',
    threadTs: '1.1',
    channelId: 'C1',
  } as Case;
  return {
    kase,
    contract: { ...input, id: 1, workspaceId: 'T1', createdAt: '' } as Contract,
    file: knowledge.vendor('jamf'),
    events: [],
    clocks,
  };
}

const text = (now: number, s: CaseState) => JSON.stringify(caseCardMessage(caseCard(s, now), now).blocks);

describe('the case card', () => {
  it('shows who and what, each clock with its state, the business time used as a bar, and fitting buttons', () => {
    const now = at('2026-03-02 10:20');
    const t = text(now, state(now));
    expect(t).toContain('*Vendor case #4*');
    expect(t).toContain('Jamf Premium Support Gold');
    expect(t).toContain('JAMF-7');
    expect(t).toContain('<@U0OWNER>');
    expect(t).toMatch(
      /\*First response\*: running, due <!date\^\d+\^\{date_short_pretty\} \{time\}\|Mon 2 Mar 2026 11:00 \(Europe\/Berlin\)>/,
    );
    expect(t).toContain('`▰▰▰▱▱▱▱▱` 20 min of 1 h');
    expect(t).toContain('case_vendor_responded');
    expect(t).not.toContain('case_vendor_updated');
  });

  it('turns due soon, then late, as time passes', () => {
    expect(text(at('2026-03-02 10:45'), state(at('2026-03-02 10:45')))).toContain('due soon ⚠');
    const late = text(at('2026-03-02 11:30'), state(at('2026-03-02 11:30')));
    expect(late).toContain('late ✗');
    expect(late).toContain('`▰▰▰▰▰▰▰▰`');
  });

  it('marks a met clock ✓ and offers "Vendor updated" once the vendor responded', () => {
    const now = at('2026-03-02 10:40');
    const t = text(now, state(now, [ev('responded', at('2026-03-02 10:30'))]));
    expect(t).toContain('*First response*: met ✓');
    expect(t).toContain('*Next update*: running');
    expect(t).toContain('case_vendor_updated');
    expect(t).not.toContain('case_vendor_responded');
  });

  it('has no buttons and no clocks once closed', () => {
    const now = at('2026-03-02 10:40');
    const t = text(now, state(now, [ev('closed', at('2026-03-02 10:35'))]));
    expect(t).toContain('every clock has stopped');
    expect(t).not.toContain('"actions"');
  });

  it('escapes a typed reference and stays within the budget', () => {
    const now = at('2026-03-02 10:20');
    const message = caseCardMessage(caseCard(state(now, [], HOSTILE), now), now);
    expect(markupProblems([...mrkdwnTexts(message.blocks), message.text])).toEqual([]);
    expect(messageSize(message.blocks).chars).toBeLessThanOrEqual(MESSAGE_BUDGET.chars);
    expect(blockLimitViolations(message.blocks, 50)).toEqual([]);
  });
});

describe('progressBar', () => {
  it('fills with the share used, never beyond the width (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (used, total) => {
        const bar = progressBar(used, total);
        expect(bar).toHaveLength(8);
        const filled = bar.split('▰').length - 1;
        if (total > 0 && used <= total) expect(Math.abs(filled - (used / total) * 8)).toBeLessThanOrEqual(0.5);
        if (used >= total) expect(filled).toBe(8);
      }),
    );
  });
});
