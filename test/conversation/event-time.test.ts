/** A case event recorded at a local time the clocks skipped or showed twice (src/conversation/event-time.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleText } from '../../src/conversation/handle.js';
import type { ConversationDeps } from '../../src/conversation/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { at, contract, knowledge } from '../support/cases.js';

describe('recording an event at a local time the clocks skipped or repeated', () => {
  let clockNow = at('2026-03-29 00:30');
  let s: Store;
  let d: ConversationDeps;
  beforeEach(async () => {
    s = await openStore(':memory:', { now: () => clockNow });
    d = { store: s, knowledge, search: undefined, clock: { now: () => new Date(clockNow) } };
    await s.addContract('T1', contract({ vendor: 'jamf', plan: 'gold' }));
  });
  afterEach(async () => await s.close());
  const tell = (text: string) =>
    handleText(
      d,
      { workspaceId: 'T1', channelId: 'C1', threadTs: '5.5', userId: 'U1', now: new Date(clockNow), via: 'mention' },
      text,
    );

  it('02:30 on the night the clocks jump forward: says it does not exist and records 03:30', async () => {
    clockNow = at('2026-03-29 00:30');
    await tell('case open p1');
    clockNow = at('2026-03-29 05:00');
    const r = await tell('case responded at 02:30');
    expect(r.answer.summary).toContain('2026-03-29 02:30 does not exist in Europe/Berlin');
    expect(r.answer.summary).toContain('2026-03-29T03:30+02:00');
    const events = (await s.listCaseEvents('T1', 1)).filter((e) => e.kind === 'responded');
    expect(new Date(events[0]!.at).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('02:30 on the night the clocks go back: takes the first and says how to name the second', async () => {
    clockNow = at('2026-10-25 00:30');
    await tell('case open p1');
    clockNow = at('2026-10-25 05:00');
    const r = await tell('案件 已回應 at 02:30');
    expect(r.answer.summary).toContain('2026-10-25 02:30 出現兩次');
    const events = (await s.listCaseEvents('T1', 1)).filter((e) => e.kind === 'responded');
    expect(new Date(events[0]!.at).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
