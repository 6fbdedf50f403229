/**
 * `term <words>`, `what is <words>`, or a plain question: the glossary and clause search. A question the
 * contracts do not cover gets "not in these contracts" with suggestions, never a random hit.
 */
import type { Clause } from '../knowledge/clauses.js';
import type { SourceRef } from '../knowledge/schema.js';
import type { Term } from '../knowledge/terms.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { SearchHit } from '../search/index.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';
import type { Command } from './command.js';
import { cite, fileOf, suggest } from './common.js';
import type { AnswerContext } from './context.js';

type TermCommand = Extract<Command, { kind: 'term' }>;

/** A quote from a clause: its opening sentences, short enough to show (a prefix is still verbatim). */
function clauseQuote(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const sentence = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'));
  return (sentence > 40 ? cut.slice(0, sentence + 1) : cut).trim();
}

function termTitle(term: Term, lang: Language): string {
  if (lang === 'zh') {
    const abbr = term.abbreviations.length > 0 ? `（${term.abbreviations.join('、')}）` : '';
    return `${term.zh}${abbr}`;
  }
  const abbr = term.abbreviations.length > 0 ? ` (${term.abbreviations.join(', ')})` : '';
  return `${term.zh} · ${term.en}${abbr}`;
}

function hitName(hit: SearchHit): string {
  if (hit.term) return hit.term.abbreviations[0] ?? hit.term.en;
  return hit.clause?.heading.at(-1) ?? hit.id;
}

/** The definition's quote, without the term's own name where the document starts it with "name：". */
function definitionText(term: Term): string {
  const quote = clauseQuote(term.definition.quote, 300);
  for (const lead of [`${term.zh}：`, `${term.zh}:`]) if (quote.startsWith(lead)) return quote.slice(lead.length);
  return quote;
}

function termHit(answer: Answer, term: Term, ctx: AnswerContext, lang: Language) {
  const c = cite(answer, { source: term.definition, certainty: 'stated' });
  answer.title = termTitle(term, lang);
  // a Chinese answer leads with the glossary's Chinese summary; the definition, the document's own words, is
  // its citation, shown as the source has it (a term without a Chinese summary leads with the quote)
  answer.summary = lang === 'zh' ? `${term.zh}：${term.summaryZh ?? `「${definitionText(term)}」`}` : term.summary;
  const file = fileOf(ctx.knowledge, term.vendor);
  answer.facts.push({
    label: lang === 'zh' ? '定義' : 'Definition',
    // the citation shows the document's words below, as it does for the English summary
    value: lang === 'zh' ? (term.summaryZh ?? `「${definitionText(term)}」`) : term.summary,
    cite: c,
  });
  if (file) answer.facts.push({ label: lang === 'zh' ? '合約' : 'Contract', value: file.title[lang] });
  if (term.abbreviations.length > 0) {
    answer.facts.push({ label: lang === 'zh' ? '縮寫' : 'Abbreviations', value: term.abbreviations.join(', ') });
  }
  for (const id of term.related.slice(0, 3)) suggest(answer, `term ${id.split('.')[1]?.replace(/-/g, ' ') ?? id}`);
}

function clauseHit(answer: Answer, clause: Clause, ctx: AnswerContext, lang: Language) {
  const quote = clauseQuote(clause.text);
  const own = isWorkspaceDoc(ctx.knowledge, clause.doc);
  const c = cite(answer, {
    source: { doc: clause.doc, quote, ...(own ? { workspace: true } : {}) },
    certainty: 'stated',
  });
  const file = fileOf(ctx.knowledge, clause.vendor);
  const heading = clause.heading.at(-1);
  answer.title = heading ?? file?.title[lang] ?? clause.doc;
  answer.summary =
    lang === 'zh'
      ? `${file ? `${file.title.zh}：` : ''}「${quote}」`
      : `The closest passage is in ${file?.title.en ?? clause.doc}${heading ? `, under “${heading}”` : ''} (quoted below; no glossary entry matches exactly).`;
  answer.facts.push({
    label: lang === 'zh' ? '條款' : 'Clause',
    value: lang === 'zh' ? `「${quote}」` : quote,
    cite: c,
  });
  if (clause.heading.length > 0)
    answer.facts.push({ label: lang === 'zh' ? '章節' : 'Section', value: clause.heading.join(' › ') });
}

/** The search's reason for "not covered" (src/search/engine.ts) in Chinese. */
function notCoveredReasonZh(reason: string): string {
  const unknown = /^the contracts do not mention "(.*)"$/.exec(reason);
  if (unknown) return `合約中沒有提到「${unknown[1]}」。`;
  if (/^most words/.test(reason)) return '問題中大部分的詞語都不在合約中。';
  return '合約中沒有與這些詞語相符的內容。';
}

/** A document the workspace imported (its records' quotes are marked as the workspace's own). */
function isWorkspaceDoc(knowledge: AnswerContext['knowledge'], doc: string): boolean {
  return knowledge.plans.some((f) =>
    [...f.targets, ...f.facts, ...f.quotas, ...f.plans, ...f.calendars, ...f.severities, ...f.prices].some(
      (r) => r.source.doc === doc && (r.source as SourceRef).workspace === true,
    ),
  );
}

export function termAnswer(cmd: TermCommand, ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  if (!ctx.search) {
    const answer = emptyAnswer(
      'error',
      s.errorTitle,
      lang === 'zh' ? '名詞搜尋目前無法使用。' : 'The glossary search is not available right now.',
    );
    answer.suggestions.push('sla p1 gold', 'help');
    return answer;
  }
  const result = ctx.search.lookup(cmd.query);
  if (result.status === 'not-covered') {
    const answer = emptyAnswer(
      'not-covered',
      s.notCoveredTitle,
      lang === 'zh'
        ? `「${cmd.query}」不在這些合約（Microsoft Unified、Jamf、Autodesk）的內容中。`
        : `"${cmd.query}" is not in these contracts (Microsoft Unified, Jamf, Autodesk).`,
    );
    answer.notes.push(lang === 'zh' ? notCoveredReasonZh(result.reason) : result.reason);
    answer.suggestions.push(
      ...(lang === 'zh'
        ? ['什麼是彈性額度', 'sla p1 gold', '什麼是 CSM', 'help']
        : ['term flex allowance', 'sla p1 gold', 'what is a CSM', 'help']),
    );
    return answer;
  }
  const answer = emptyAnswer('term', s.termTitle(cmd.query), '');
  const { best, others } = result;
  answer.basis = [best.id];
  if (best.term) termHit(answer, best.term, ctx, lang);
  else if (best.clause) clauseHit(answer, best.clause, ctx, lang);
  for (const other of others.slice(0, 3)) {
    const name = hitName(other);
    if (name && name !== answer.title) suggest(answer, `term ${name}`);
  }
  return answer;
}
