import { describe, expect, it } from 'vitest';
import { answerCommand, isReadCommand } from '../../src/answers/index.js';
import { parseCommand } from '../../src/answers/parse/parse.js';
import { quoteOccursIn } from '../../src/knowledge/quotes.js';
import { answer, context, knowledge, search } from '../support/answers.js';

describe('term', () => {
  it.each([
    ['how fast do I get an RCA', /RCA/],
    ['what is a CSM', /CSM/],
    ['term REDE', /REDE/],
    ['什麼是彈性額度', /彈性額度/],
    ['什么是弹性额度', /彈性額度/],
  ])('%s → the glossary entry, its Chinese definition quoted', (text, title) => {
    const a = answer(text, context({ search: search() }));
    expect(a.kind).toBe('term');
    expect(a.title).toMatch(title);
    expect(a.citations).toHaveLength(1);
    const [c] = a.citations;
    expect(c && quoteOccursIn(c.quote, knowledge.sourceText(c.doc))).toBe(true);
  });

  it('answers in Chinese with the contract’s own words', () => {
    const a = answer('什麼是彈性額度', context({ search: search() }));
    expect(a.summary.startsWith('彈性額度')).toBe(true);
    expect(a.facts[0]?.label).toBe('定義');
  });

  it('answers 是否有中文支援 from the service-language entry, naming the term once', () => {
    const a = answer('是否有中文支援', context({ search: search() }));
    expect(a.kind).toBe('term');
    expect(a.title).toMatch(/服務語言/);
    // the document's definition starts "服務語言：…"; the summary does not say the name twice
    expect(a.summary.match(/服務語言/g)).toHaveLength(1);
    expect(a.summary).toMatch(/您的語言/);
  });

  it.each(["What's the weather in Paris?", 'how do I reset my AWS password', 'asdf qwer zxcv'])(
    '%s → not in these contracts, with suggestions, no hit',
    (text) => {
      const a = answer(text, context({ search: search() }));
      expect(a.kind).toBe('not-covered');
      expect(a.summary).toMatch(/not in these contracts/);
      expect(a.citations).toEqual([]);
      expect(a.suggestions.length).toBeGreaterThan(0);
    },
  );

  it('without a search index the answer says so', () => {
    expect(answer('what is a CSM', context()).summary).toMatch(/not available/);
  });
});

describe('help, not understood, errors', () => {
  it.each(['', 'help', '說明'])('%j → help with examples that themselves parse', (text) => {
    const a = answer(text, context());
    expect(a.kind).toBe('help');
    expect(a.tables[0]?.rows.length).toBeGreaterThan(5);
    for (const row of a.tables[0]?.rows ?? []) {
      const example = row[2] ?? '';
      const cmd = parseCommand(example, knowledge);
      expect(cmd.kind, example).not.toBe('not-understood');
      // the ones that change the store are the conversation's (tested there); the rest answer here
      if (isReadCommand(cmd)) {
        const reply = answerCommand(cmd, context({ search: search() }));
        expect(reply.kind, example).not.toBe('not-understood');
        expect(reply.kind, example).not.toBe('error');
      }
    }
  });

  it('help names every plan of the knowledge files', () => {
    const plans = answer('help', context()).notes.join(' ');
    for (const f of knowledge.plans) for (const p of f.plans) expect(plans).toContain(p.id);
  });

  it('help is in Chinese when asked in Chinese', () => {
    expect(answer('說明', context()).title).toMatch(/Entitlebot：/);
  });

  it('a mistyped command names the closest command', () => {
    const a = answer('sal p1 gold', context());
    expect(a.kind).toBe('not-understood');
    expect(a.summary).toBe('"sal" is not a command. Did you mean `sla p1 gold`?');
    expect(a.suggestions).toContain('help');
  });

  it('an exception inside a builder becomes an error answer, never a throw', () => {
    const broken = { ...context(), contracts: [{ vendor: 'jamf', plan: 'gold', zone: 'Not/AZone' } as never] };
    const a = answer('due p1 gold', broken);
    expect(a.kind).toBe('error');
    expect(a.summary).toMatch(/Not\/AZone/);
  });
});
