/**
 * The names of a glossary term as token sets, and how much of a question they cover. A question
 * that contains one of a term's names in full is about that term.
 */
import type { Term } from '../knowledge/terms.js';
import { queryTokens } from './tokenize.js';

/** Vendor names say which contract, not which term: they are left out of name matching. */
export const VENDOR_WORDS = new Set(['microsoft', 'jamf', 'autodesk']);

/**
 * A name of a term as a token set, and whether it is specific enough to identify the term alone: an
 * official name or abbreviation is; an alias is when it has two Latin words or four Chinese characters
 * (an alias such as "workshop" or 管理員 also fits other questions).
 */
export interface Name {
  tokens: string[];
  specific: boolean;
}

export function namesOf(t: Term): Name[] {
  const names: Name[] = [];
  const add = (text: string, official: boolean) => {
    // tokenized as a question is, so that the words a question drops (的) do not stop a match
    const tokens = [...new Set(queryTokens(text))].filter((x) => !VENDOR_WORDS.has(x));
    const latinWords = text.match(/[A-Za-z0-9]+/gu)?.length ?? 0;
    const hanChars = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (tokens.length) names.push({ tokens, specific: official || latinWords >= 2 || hanChars >= 4 });
  };
  add(t.zh, true);
  add(t.en, true);
  for (const a of t.abbreviations) add(a, true);
  for (const a of t.aliases) add(a, false);
  return names;
}

export interface NameMatch {
  /** 0..1: how much of the best name the question contains, and how much of the question that name is */
  similarity: number;
  /** when the question contains a specific name in full: how many tokens that name has (else 0) */
  namedTokens: number;
}

/**
 * `has(token)`: whether the question has the token, itself or as what prefix or typo matching turned
 * one of its words into; `questionSize`: the number of the question's tokens that are not vendor names.
 */
export function matchNames(names: readonly Name[], has: (token: string) => boolean, questionSize: number): NameMatch {
  let similarity = 0;
  let namedTokens = 0;
  for (const name of names) {
    let shared = 0;
    for (const token of name.tokens) if (has(token)) shared++;
    const contained = shared / name.tokens.length;
    similarity = Math.max(similarity, contained * (0.5 + (0.5 * Math.min(shared, questionSize)) / questionSize));
    if (contained === 1 && name.specific) namedTokens = Math.max(namedTokens, shared);
  }
  return { similarity, namedTokens };
}
