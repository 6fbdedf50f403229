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
import { termWords } from '../text/term-words.js';
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
  const s = strings(lang);
  const w = termWords(lang);
  answer.title = w.title(term.zh, term.en, term.abbreviations);
  // a Chinese answer leads with the glossary's Chinese summary; the definition, the document's own words, is
  // its citation, shown as the source has it (a term without a Chinese summary leads with the quote)
  const summary = w.definition(term.summary, term.summaryZh, definitionText(term));
  answer.summary = w.summary(term.zh, summary);
  const file = fileOf(ctx.knowledge, term.vendor);
  // the citation shows the document's words below, as it does for the English summary
  answer.facts.push({ label: s.means, value: summary, cite: c });
  if (file) answer.facts.push({ label: s.contract, value: file.title[lang] });
  if (term.abbreviations.length > 0) {
    answer.facts.push({ label: w.abbreviations, value: term.abbreviations.join(', ') });
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
  const w = termWords(lang);
  // a Chinese answer names the document only when it is one of the knowledge files
  const title = lang === 'zh' ? (file?.title.zh ?? '') : (file?.title.en ?? clause.doc);
  answer.summary = w.closestPassage(title, heading, quote);
  answer.facts.push({ label: w.clause, value: w.clauseQuote(quote), cite: c });
  if (clause.heading.length > 0) answer.facts.push({ label: w.section, value: clause.heading.join(' › ') });
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
  const w = termWords(lang);
  if (!ctx.search) {
    const answer = emptyAnswer('error', s.errorTitle, w.unavailable);
    answer.suggestions.push('sla p1 gold', 'help');
    return answer;
  }
  const result = ctx.search.lookup(cmd.query);
  if (result.status === 'not-covered') {
    const answer = emptyAnswer('not-covered', s.notCoveredTitle, w.notInContracts(cmd.query));
    answer.notes.push(w.notCoveredReason(result.reason));
    answer.suggestions.push(...w.examples);
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
