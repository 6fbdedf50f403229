/** Runs the quality set through the answer engine (test/support/answers.ts `answer`) and says which answers are right (see types.ts for the labels). */
import type { Answer } from '../../../src/model/answer.js';
import type { Contract } from '../../../src/model/records.js';
import { answer, context, contract, search } from '../../support/answers.js';
import type { QualityQuestion } from './types.js';

export interface Verdict {
  q: QualityQuestion;
  answer: Answer;
  right: boolean;
  why: string;
}

function contractsOf(specs: string[] = []): Contract[] {
  return specs.map((spec) => {
    const [vendor = '', plans = ''] = spec.split(':');
    const [plan = '', ...addons] = plans.split('+');
    return contract({ vendor: vendor as Contract['vendor'], plan, addons });
  });
}

export function judge(q: QualityQuestion): Verdict {
  const a = answer(q.q, context({ search: search(), contracts: contractsOf(q.contracts) }));
  const basis = a.basis ?? [];
  if (q.expect === 'not-covered') {
    const right = a.kind === 'not-covered';
    return { q, answer: a, right, why: right ? '' : `expected not-covered, got ${a.kind} [${basis.slice(0, 3)}]` };
  }
  const missing = q.expect.filter((e) => !e.split('|').some((id) => basis.includes(id)));
  if (missing.length > 0)
    return { q, answer: a, right: false, why: `missing ${missing.join(', ')}; got ${a.kind} [${basis.slice(0, 4)}]` };
  const summary = a.summary.toLowerCase();
  const unsaid = (q.says ?? []).filter((w) => !w.split('|').some((x) => summary.includes(x.toLowerCase())));
  if (unsaid.length > 0)
    return { q, answer: a, right: false, why: `first line lacks ${unsaid.join(', ')}: ${a.summary.slice(0, 140)}` };
  return { q, answer: a, right: true, why: '' };
}

export function evaluate(set: QualityQuestion[]): { verdicts: Verdict[]; share: number } {
  const verdicts = set.map(judge);
  return { verdicts, share: verdicts.filter((v) => v.right).length / Math.max(1, set.length) };
}
