import { describe, expect, it } from 'vitest';
import { parseCaseCommand, parseThreadQuestion } from '../../src/cases/commands.js';

describe('parseCaseCommand', () => {
  it('reads case open with severity, product, ref and contract in any order', () => {
    expect(parseCaseCommand('open p1 ref=12345 contract=jamf')).toEqual({
      kind: 'open',
      severity: 'p1',
      product: null,
      ref: '12345',
      contract: 'jamf',
    });
    expect(parseCaseCommand('open product=azure sev 1')).toMatchObject({
      kind: 'open',
      severity: 'sev 1',
      product: 'azure',
    });
    expect(parseCaseCommand('open azure 1 #2501')).toMatchObject({ severity: '1', product: 'azure', ref: '2501' });
  });

  it('leaves the severity out when none is given (Autodesk)', () => {
    expect(parseCaseCommand('open')).toMatchObject({ kind: 'open', severity: null });
    expect(parseCaseCommand('開案')).toMatchObject({ kind: 'open', severity: null });
  });

  it('names an unknown option of case open', () => {
    const c = parseCaseCommand('open p1 colour=red');
    expect(c.kind).toBe('invalid');
    expect(c.kind === 'invalid' && c.message).toContain('colour=');
  });

  it('reads every event word, in English and Chinese, with an optional time', () => {
    expect(parseCaseCommand('responded')).toEqual({ kind: 'responded', at: null });
    expect(parseCaseCommand('updated at 14:05')).toEqual({ kind: 'updated', at: '14:05' });
    expect(parseCaseCommand('we replied')).toEqual({ kind: 'customer', at: null });
    expect(parseCaseCommand('customer')).toEqual({ kind: 'customer', at: null });
    expect(parseCaseCommand('wait')).toEqual({ kind: 'wait', at: null });
    expect(parseCaseCommand('resume')).toEqual({ kind: 'resume', at: null });
    expect(parseCaseCommand('Close')).toEqual({ kind: 'close', at: null });
    expect(parseCaseCommand('reopen')).toEqual({ kind: 'reopen', at: null });
    expect(parseCaseCommand('結案')).toEqual({ kind: 'close', at: null });
    expect(parseCaseCommand('已回應')).toEqual({ kind: 'responded', at: null });
  });

  it('reads a severity change and insists on the new severity', () => {
    expect(parseCaseCommand('severity a')).toEqual({ kind: 'severity', severity: 'a', at: null });
    expect(parseCaseCommand('sev p2 at 2026-03-02T10:00')).toEqual({
      kind: 'severity',
      severity: 'p2',
      at: '2026-03-02T10:00',
    });
    expect(parseCaseCommand('severity').kind).toBe('invalid');
  });

  it('treats an empty rest or "status" as the status request', () => {
    expect(parseCaseCommand('')).toEqual({ kind: 'status' });
    expect(parseCaseCommand('status')).toEqual({ kind: 'status' });
  });

  it('explains an unknown word instead of guessing', () => {
    const c = parseCaseCommand('explode');
    expect(c.kind).toBe('invalid');
    expect(parseCaseCommand('responded loudly').kind).toBe('invalid');
  });
});

describe('parseThreadQuestion', () => {
  const cases: [string, string | null, 'when' | 'late'][] = [
    ['when is my next update due?', 'update', 'when'],
    ['When is the response due?', 'response', 'when'],
    ['is it late?', null, 'late'],
    ['is the vendor late', null, 'late'],
    ['is the update overdue', 'update', 'late'],
    ['when do we have to respond?', 'obligation', 'when'],
    ['下次更新是什麼時候？', 'update', 'when'],
    ['下次更新是什么时候', 'update', 'when'],
    ['回應期限？', 'response', 'when'],
    ['逾期了嗎', null, 'late'],
    ['廠商遲了嗎？', null, 'late'],
  ];
  for (const [text, clock, ask] of cases) {
    it(`reads "${text}"`, () => {
      expect(parseThreadQuestion(text)).toMatchObject({ clock, ask });
    });
  }

  it('answers in the language of the question', () => {
    expect(parseThreadQuestion('回應期限？')?.language).toBe('zh');
    expect(parseThreadQuestion('when is the response due?')?.language).toBe('en');
  });

  it('leaves other thread messages alone', () => {
    expect(parseThreadQuestion('thanks, I restarted the server')).toBeNull();
    expect(parseThreadQuestion('what is a flex allowance')).toBeNull();
    expect(parseThreadQuestion('when is lunch?')).toBeNull();
    expect(parseThreadQuestion('')).toBeNull();
  });
});
