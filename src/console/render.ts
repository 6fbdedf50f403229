/**
 * Answer → plain text for the console and `entitlebot ask`. Pure.
 * Same content as the Slack blocks, in the same order: title, summary, facts, times, tables, notes,
 * citations (Chinese quote, English gloss, document), suggestions, buttons.
 */
import type { Answer } from '../model/answer.js';
import { citationLabel, tableLines, timeLines } from '../text/format.js';

export function renderAnswer(answer: Answer): string {
  const out: string[] = [];
  out.push(answer.title);
  if (answer.summary) out.push(answer.summary);

  if (answer.facts.length > 0) {
    out.push('');
    const labelWidth = Math.min(28, Math.max(...answer.facts.map((f) => f.label.length)));
    for (const f of answer.facts) {
      const cite = f.cite === undefined ? '' : ` [${f.cite + 1}]`;
      const [first = '', ...rest] = f.value.split('\n');
      out.push(`  ${`${f.label}:`.padEnd(labelWidth + 1)} ${first}${cite}`);
      for (const line of rest) out.push(`  ${' '.repeat(labelWidth + 1)} ${line}`);
    }
  }

  for (const time of answer.times) {
    const l = timeLines(time);
    const cite = time.cite === undefined ? '' : ` [${time.cite + 1}]`;
    out.push('', `  ${time.label}${cite}`, `    ${l.contract}`);
    if (l.user) out.push(`    ${l.user}`);
    if (l.left) out.push(`    ${l.left}`);
    if (l.why) out.push(`    Why: ${l.why}`);
  }

  for (const table of answer.tables) {
    out.push('', ...tableLines(table.columns, table.rows).map((line) => `  ${line}`));
  }

  if (answer.notes.length > 0) {
    out.push('');
    for (const note of answer.notes) {
      const [first = '', ...rest] = note.split('\n');
      out.push(`  Note: ${first}`, ...rest.map((line) => `        ${line}`));
    }
  }

  if (answer.citations.length > 0) {
    out.push('');
    answer.citations.forEach((c, i) => {
      out.push(`  [${i + 1}] 「${c.quote.replace(/\s+/g, ' ').trim()}」`);
      if (c.gloss) out.push(`      ${c.gloss}`);
      out.push(`      — ${citationLabel(c)}`);
    });
  }

  if (answer.suggestions.length > 0) {
    out.push('', `Try: ${answer.suggestions.join('  ·  ')}`);
  }
  if (answer.actions && answer.actions.length > 0) {
    out.push(`Buttons in Slack: ${answer.actions.map((a) => `[${a.text}]`).join(' ')}`);
  }
  return out.join('\n');
}
