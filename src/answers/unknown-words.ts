/**
 * What a question in words asks about that the contracts never speak of: words no record, term or clause
 * contains, and capitalised names they never mention. Both weigh against every candidate answer (choose.ts).
 */

import { paraphrased } from '../search/paraphrase.js';
import { chineseSegmenter, foldText, queryTokens } from '../search/tokenize.js';
import type { AnswerContext } from './context.js';
import { namesListItem } from './list.js';
import type { Question } from './parse/question.js';

/** Words of the question no record, term or clause contains: what the contracts do not speak of. */
export function unknownWords(q: Question, ctx: AnswerContext): string[] {
  const knows = ctx.search?.knows;
  if (!knows) return [];
  const near = ctx.search?.near ?? (() => false);
  const named = new Set(q.named.flatMap((n) => n.split(' ')));
  const latin = queryTokens(q.text).filter((t) => (/^[a-z][a-z-]{3,}$/.test(t) && !near(t)) || /^\d{2,}$/.test(t));
  // a figure the contracts never state (99.99 %) is asked about as much as a word
  // a language is asked about against a list of them ("does AEM support Korean?"), not a subject apart
  const unknownLatin = latin.filter((t) => !knows(t) && !named.has(t) && !paraphrased(t) && !namesListItem(t));
  // Chinese: whole words (a bigram across two words is no word), as the segmenter cuts them
  const han: string[] = [];
  for (const { segment, isWordLike } of chineseSegmenter().segment(q.text)) {
    if (!isWordLike || !/^\p{Script=Han}{2,}$/u.test(segment)) continue;
    // grammar words at a word's edges (要有, 才有, 會做) are no subject: strip them before judging
    const core = segment.replace(FUNCTION_CHARS_AT_EDGES, '');
    if ([...core].length < 2 || knows(foldText(core)) || paraphrased(core) || namesListItem(core)) continue;
    // question words (幾點, 什麼, 可以) are no subject; a word any of whose bigrams the contracts use is known
    const tokens = queryTokens(core).filter((t) => t.length >= 2);
    if (tokens.length > 0 && tokens.every((t) => !knows(t))) han.push(core);
  }
  return [...unknownLatin, ...han].slice(0, 3);
}

/** Chinese grammar characters (auxiliaries, particles, copulas), not subjects. */
const FUNCTION_CHARS_AT_EDGES =
  /^[要有才會会是的了嗎吗呢吧可以能得把被在和跟與与或還还就都也再多幾几怎麼么什甚哪誰谁該该請请]+|[要有才會会是的了嗎吗呢吧可以能得把被在和跟與与或還还就都也再多幾几怎麼么什甚哪誰谁該该請请]+$/gu;

/** A capitalised name (Salesforce, AutoCAD) the contracts never mention: the question is about something else. */
export function unknownNameOf(q: Question, ctx: AnswerContext): string | undefined {
  const knows = ctx.search?.knows;
  if (!knows) return undefined;
  const near = ctx.search?.near ?? (() => false);
  for (const m of q.text.matchAll(/(?<![A-Za-z])[A-Z][A-Za-z0-9]{2,}/g)) {
    const word = m[0];
    if (namesListItem(word)) continue;
    const tokens = queryTokens(word);
    if (tokens.length > 0 && tokens.every((t) => !knows(t) && !near(t))) return word;
  }
  return undefined;
}
