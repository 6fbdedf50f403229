/**
 * Answer → plain text for the console and `entitlebot ask`. Pure.
 * Same content as the Slack blocks, in the same order: title, summary, facts, times, tables, notes,
 * citations (Chinese quote, English gloss, document), suggestions, buttons.
 */
import type { Answer } from '../model/answer.js';
import { answerLanguage, citationLabel, displayWidth, tableLines, timeLines } from '../text/format.js';
import { strings } from '../text/i18n.js';
import { displayText, forDisplay } from '../text/script.js';

export function renderAnswer(model: Answer): string {
  // Simplified Chinese is converted here, for display; quotes stay as the source has them
  const answer = forDisplay(model);
  const lang = answerLanguage(answer);
  const show = displayText(answer);
  const words = strings(lang);
  const s = {
    ...words,
    note: show(words.note),
    try: show(words.try),
    why: show(words.why),
    buttons: show(words.buttons),
  };
  const out: string[] = [];
  out.push(answer.title);
  if (answer.summary) out.push(answer.summary);

  if (answer.facts.length > 0) {
    out.push('');
    // widths in display columns: a Chinese character takes two
    const labelWidth = Math.min(28, Math.max(...answer.facts.map((f) => displayWidth(f.label))));
    for (const f of answer.facts) {
      const cite = f.cite === undefined ? '' : ` [${f.cite + 1}]`;
      const [first = '', ...rest] = f.value.split('\n');
      const pad = ' '.repeat(Math.max(0, labelWidth - displayWidth(f.label)));
      out.push(`  ${f.label}${s.colon.trim()}${pad} ${first}${cite}`);
      for (const line of rest) out.push(`  ${' '.repeat(labelWidth + 1)} ${line}`);
    }
  }

  for (const time of answer.times) {
    const l = timeLines(time, lang, show);
    const cite = time.cite === undefined ? '' : ` [${time.cite + 1}]`;
    out.push('', `  ${time.label}${cite}`, `    ${l.contract}`);
    if (l.user) out.push(`    ${l.user}`);
    if (l.left) out.push(`    ${l.left}`);
    if (l.why) out.push(`    ${s.why}${s.colon}${l.why}`);
  }

  for (const table of answer.tables) {
    out.push('', ...tableLines(table.columns, table.rows).map((line) => `  ${line}`));
  }

  if (answer.notes.length > 0) {
    out.push('');
    for (const note of answer.notes) {
      const [first = '', ...rest] = note.split('\n');
      const head = `  ${s.note}${s.colon}`;
      out.push(`${head}${first}`, ...rest.map((line) => `${' '.repeat(displayWidth(head))}${line}`));
    }
  }

  if (answer.citations.length > 0) {
    out.push('');
    answer.citations.forEach((c, i) => {
      out.push(`  [${i + 1}] 「${c.quote.replace(/\s+/g, ' ').trim()}」`);
      // the gloss is the quote in English: a Chinese reader reads the quote itself
      if (c.gloss && lang === 'en') out.push(`      ${c.gloss}`);
      out.push(`      — ${citationLabel(c, lang, show)}`);
    });
  }

  if (answer.suggestions.length > 0) {
    out.push('', `${s.try}${s.colon}${answer.suggestions.join('  ·  ')}`);
  }
  if (answer.actions && answer.actions.length > 0) {
    out.push(`${s.buttons}${s.colon}${answer.actions.map((a) => `[${a.text}]`).join(' ')}`);
  }
  return out.join('\n');
}
