/**
 * One labelled question of the answer quality set.
 *
 * - `expect`: the record ids the answer must rest on (Answer.basis), all of them; an entry `a|b` accepts
 *   either. Ids: fact, target and quota ids as in knowledge/plans; `price.<vendor>.<plan>.<customer>`;
 *   `fee.<vendor>.cancellation` (the cancellation schedule), `fee.<vendor>.flex-cap`; glossary term ids
 *   (`microsoft.rede`). `'not-covered'`: the answer must say the contracts do not cover it.
 * - `says`: words the first line (the summary) must contain, case-insensitive; `a|b` accepts either.
 * - `contracts`: the workspace's contracts, as `vendor:plan[+addon…]` (default: none).
 */
export interface QualityQuestion {
  q: string;
  expect: string[] | 'not-covered';
  says?: string[];
  contracts?: string[];
}
