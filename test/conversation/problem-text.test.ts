/**
 * A problem's words for its reader: a case problem in their language; a store error's message stays English
 * (it names fields and values), led for a Chinese reader by a line saying what happened, in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { CaseProblem, caseProblem } from '../../src/cases/service.js';
import { errorAnswer, problemText } from '../../src/conversation/errors.js';
import { StoreError } from '../../src/store/index.js';
import { englishIn } from '../support/chinese.js';

describe('problemText', () => {
  const invalid = new StoreError('invalid', 'name is 300 characters long; at most 255 are kept.');

  it('gives an English reader the store’s message as it is', () => {
    expect(problemText(invalid, 'en')).toBe('name is 300 characters long; at most 255 are kept.');
    expect(errorAnswer(invalid, 'en').summary).toBe('name is 300 characters long; at most 255 are kept.');
  });

  it('leads a Chinese reader with what happened, then the original', () => {
    const zh = problemText(invalid, 'zh');
    expect(zh).toBe('輸入的內容不被接受（以下是系統的英文原文）：name is 300 characters long; at most 255 are kept.');
    expect(problemText(new StoreError('database', 'disk I/O error'), 'zh')).toMatch(/^資料庫目前無法使用/);
    expect(problemText(new StoreError('secret-key', 'no key'), 'zh')).toMatch(/^無法處理（/);
    expect(errorAnswer(invalid, 'zh').summary).toBe(zh);
  });

  it('says a case problem in the reader’s language; its message stays English', () => {
    const closed = caseProblem((w) => w.closed(7));
    expect(closed.message).toBe('Case #7 is closed. `case reopen` opens it again.');
    expect(problemText(closed, 'en')).toBe(closed.message);
    expect(problemText(closed, 'zh')).toBe('案件 #7 已結案。`case reopen` 可重新開啟。');
    expect(englishIn([problemText(closed, 'zh')])).toEqual([]);
    // a problem already worded in the reader's language is said as given
    expect(problemText(new CaseProblem('本討論串還沒有案件。'), 'zh')).toBe('本討論串還沒有案件。');
  });
});
