/**
 * The records a question in words may be answered from, ranked: the record index's hits (src/search/records.ts)
 * re-scored by how much of the question they cover, their relative relevance, and how well they agree with the
 * entities the question names (vendor, plan, severity, kind of target, scope).
 */
import type { AnswerRecord } from '../knowledge/records.js';
import type { RecordHit } from '../search/records.js';
import { fileOf } from './common.js';
import type { AnswerContext } from './context.js';
import type { Question } from './parse/question.js';

/** "by when must we …", 「截止期限」: the question asks for a time limit. */
export const ASKS_WHEN =
  /\b(by when|deadline|how long before|how far in advance|how soon|when must|how many days before)\b|期限|截止|多久前|多久之前|提前多久/u;

/** How well a record agrees with what the question names: 1 neutral, below 1 a mismatch. */
function agreement(record: AnswerRecord, q: Question, ctx: AnswerContext): number {
  let f = 1;
  if (q.vendors.length > 0 && !q.vendors.includes(record.vendor)) f *= 0.25;
  if (q.vendors.length === 0 && ctx.contracts.length > 0 && ctx.contracts.some((c) => c.vendor === record.vendor))
    f *= 1.1;
  const ownPlans = q.plans.filter((p) => p.vendor === record.vendor);
  if (ownPlans.length > 0) {
    const hit = ownPlans.some((p) => record.plans.includes(p.id));
    f *= hit ? 1.15 : 0.6;
    // the record of exactly the plan named ("Silver: 2 contacts") before one of every tier ("at least 2")
    if (hit && record.plans.every((id) => ownPlans.some((p) => p.id === id))) f *= 1.1;
  }
  const t = record.target;
  if (t) {
    if (q.severities.length > 0 && !t.severities.includes('*')) {
      const ok = q.severities.some((s) =>
        s.matches.some((m) => m.vendor === record.vendor && t.severities.includes(m.id)),
      );
      if (!ok) f *= 0.3;
    }
    if (q.targetKind && t.kind !== q.targetKind) f *= 0.6;
    if (q.scope && t.scope && t.scope !== q.scope.id) f *= 0.3;
    if (t.milestone) f *= 0.8;
    // a target is one severity's: a question naming none is rarely about it
    if (q.severities.length === 0 && !t.severities.includes('*')) f *= 0.75;
  }
  if (q.kind === 'count' && record.number !== undefined) f *= 1.1;
  // "by when must we …", 「截止期限」: a record that states a time limit
  if (
    ASKS_WHEN.test(q.norm) &&
    (record.fact?.value !== undefined || record.fact?.span || record.fact?.topic === 'deadline')
  )
    f *= 1.15;
  // a quota named by its own name ("success planning meeting") is the quota's record
  if (record.quota && q.quotas.includes(record.quota.id)) f *= 1.15;
  return f;
}

/**
 * Two records of one plan, or of a base plan and an add-on to it: an add-on's record does not make a
 * question about the base ambiguous ("is reactive support remote?" is the base's, whatever multi-country adds).
 */
export function samePlanFamily(a: AnswerRecord, b: AnswerRecord, ctx: AnswerContext): boolean {
  if (a.vendor !== b.vendor) return false;
  const file = fileOf(ctx.knowledge, a.vendor);
  const family = (ids: readonly string[]) =>
    new Set(ids.flatMap((id) => [id, ...(file?.plans.find((p) => p.id === id)?.addsTo ?? [])]));
  const fa = family(a.plans);
  return [...family(b.plans)].some((id) => fa.has(id));
}

export interface RankedRecord {
  record: AnswerRecord;
  score: number;
  /** share of the question's weight the record matched (RecordHit.coverage) */
  coverage: number;
}

/** The record hits for a question, re-ranked by coverage, relative relevance and agreement. */
export function rankRecords(q: Question, ctx: AnswerContext): RankedRecord[] {
  const hits: RecordHit[] = ctx.search?.records?.(q.text, { limit: 12 }) ?? [];
  const top = hits[0]?.score ?? 1;
  return hits
    .map((h) => ({
      record: h.record,
      coverage: h.coverage,
      // not capped: two records that both cover the question are told apart by relevance and agreement
      score:
        h.coverage * (0.55 + 0.45 * (h.score / top)) * (0.95 + 0.05 * h.precision) * agreement(h.record, q, ctx) +
        (h.named ? 0.05 : 0),
    }))
    .sort((a, b) => b.score - a.score);
}
