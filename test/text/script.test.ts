/** Which script a question is in, and an answer shown in Simplified with its quotes as the source has them. */
import { describe, expect, it } from 'vitest';
import { isCommandOnly } from '../../src/answers/parse/words.js';
import { renderAnswer } from '../../src/console/render.js';
import { emptyAnswer } from '../../src/model/answer.js';
import { answerBlocks } from '../../src/slack/blocks/answer.js';
import { chineseScriptOf, forDisplay, localeFromSlack, localeOf, toSimplified } from '../../src/text/script.js';

describe('the script of a question', () => {
  it.each([
    ['金級包含幾小時專業服務？', 'zh-Hant'],
    ['金级包含几小时专业服务？', 'zh-Hans'],
    ['白金级 P1 多快回应', 'zh-Hans'],
    ['微软 Sev A 多快', 'zh-Hans'],
    ['逾期了嗎', 'zh-Hant'],
    ['逾期了吗', 'zh-Hans'],
  ])('%s → %s', (text, script) => {
    expect(chineseScriptOf(text)).toBe(script);
    expect(localeOf(text)).toBe(script);
  });

  it('text written the same in both scripts follows the asker, else Traditional', () => {
    expect(localeOf('目前有哪些案件')).toBe('zh-Hant');
    expect(localeOf('目前有哪些案件', 'zh-Hans')).toBe('zh-Hans');
    expect(localeOf('目前有哪些案件', 'en')).toBe('zh-Hant');
  });

  it('English words stay English; a bare command follows the asker’s locale', () => {
    expect(
      localeOf('how fast does gold answer a p1?', 'zh-Hant', isCommandOnly('how fast does gold answer a p1?')),
    ).toBe('en');
    expect(localeOf('sla p1 gold', 'zh-Hant', isCommandOnly('sla p1 gold'))).toBe('zh-Hant');
    expect(localeOf('help', 'zh-Hans', isCommandOnly('help'))).toBe('zh-Hans');
    expect(localeOf('', 'zh-Hans', isCommandOnly(''))).toBe('zh-Hans');
    expect(localeOf('sla p1 gold')).toBe('en');
  });

  it.each([
    ['sla p1 gold', true],
    ['due sev1 unified at 2026-12-04 16:00', true],
    ['fee flex 250000', true],
    ['what is a CSM', false],
    ['sla for our gold contract please', false],
    ['gold p1', false],
  ])('isCommandOnly(%j) = %s', (text, expected) => {
    expect(isCommandOnly(text)).toBe(expected);
  });

  it('reads Slack locales', () => {
    expect(localeFromSlack('zh-TW')).toBe('zh-Hant');
    expect(localeFromSlack('zh-HK')).toBe('zh-Hant');
    expect(localeFromSlack('zh-CN')).toBe('zh-Hans');
    expect(localeFromSlack('en-US')).toBe('en');
    expect(localeFromSlack('ja-JP')).toBeUndefined();
    expect(localeFromSlack('')).toBeUndefined();
  });
});

describe('an answer shown in Simplified', () => {
  const answer = () => {
    const a = emptyAnswer('term', '客戶成功經理', '客戶成功經理：「您即符合資格獲得客戶成功經理服務。」');
    a.locale = 'zh-Hans';
    a.facts.push({ label: '定義', value: '貴用戶的軟體支援' });
    a.notes.push('推論：「當地上班時間 x 5」未寫明時段');
    a.citations.push({
      doc: 'x.zh-TW.txt',
      quote: '您即符合資格獲得客戶成功經理服務。當地上班時間 x 5',
      gloss: 'You qualify for a CSM.',
      certainty: 'inferred',
      reason: '「當地上班時間 x 5」未寫明時段',
    });
    a.times.push({ label: '首次回應期限', at: '2026-03-02T11:00:00+08:00', zone: 'Asia/Taipei', minutesLeft: -30 });
    a.suggestions.push('什麼是彈性額度');
    return a;
  };

  it('converts the answer’s own words and keeps every quote as the source has it', () => {
    const shown = forDisplay(answer());
    expect(shown.title).toBe('客户成功经理');
    expect(shown.summary).toBe('客户成功经理：「您即符合資格獲得客戶成功經理服務。」');
    expect(shown.facts[0]).toEqual({ label: '定义', value: '贵用户的软件支持' });
    expect(shown.notes[0]).toBe('推论：「當地上班時間 x 5」未写明时段');
    expect(shown.citations[0]!.quote).toBe(answer().citations[0]!.quote);
    expect(shown.suggestions).toEqual(['什么是弹性额度']);
  });

  it('leaves Traditional and English answers as they are', () => {
    const a = answer();
    a.locale = 'zh-Hant';
    expect(forDisplay(a)).toBe(a);
  });

  it('the console shows the renderer’s own words in Simplified too, and no English gloss', () => {
    const text = renderAnswer(answer());
    expect(text).toContain('已逾期 30 分钟 营业时间');
    expect(text).toContain('注：推论');
    expect(text).toContain('（推论：「當地上班時間 x 5」未写明时段）');
    expect(text).toContain('「您即符合資格獲得客戶成功經理服務。當地上班時間 x 5」');
    expect(text).not.toContain('You qualify');
    expect(text).toContain('2026/03/02（周一）11:00');
  });

  it('Slack blocks too', () => {
    const text = JSON.stringify(answerBlocks(answer()));
    expect(text).toContain('客户成功经理');
    expect(text).toContain('已逾期 30 分钟 营业时间');
    expect(text).toContain('您即符合資格獲得客戶成功經理服務。當地上班時間 x 5');
    expect(text).toContain('试试');
    expect(text).not.toContain('Try');
  });

  it('toSimplified uses mainland phrases, not only characters', () => {
    expect(toSimplified('軟體資訊')).toBe('软件信息');
  });
});
