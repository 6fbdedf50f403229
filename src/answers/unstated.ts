/**
 * A question asking for a value of one kind (a price, a count, a length of time) about a thing the contracts
 * name (a plan, an add-on, a quota) which none of that thing's records states: "how much does Unified cost a
 * year?" The contracts describe Unified at length, so the glossary card or a record about it would score
 * well, yet none of them answers the question. Decided from what the knowledge base holds, not from a list
 * of questions: the answer says the contracts do not state it and offers the closest things they do say.
 */

import type { Knowledge } from '../knowledge/load.js';
import { type AnswerRecord, recordsOf } from '../knowledge/records.js';
import type { Question } from './parse/question.js';

export type ValueKind = 'price' | 'count' | 'time';

/** "how long", 「多久」: a length of time is asked for (not "by when", which a deadline record answers). */
const HOW_LONG =
  /\bhow long\b|\bhow many (hours|days|weeks|minutes|months)\b|多久|多長時間|多长时间|幾天|几天|幾小時|几小时/u;
const TIME_UNIT = /\b(minutes?|hours?|days?|weeks?|months?|years?)\b/;

/** The kind of value the question asks for, if it asks for one. */
export function askedValue(q: Question): ValueKind | undefined {
  // "are the prices per year?" asks about the prices; a comparison has its own builder
  if (q.kind === 'yes-no' || q.kind === 'comparison' || q.kind === 'definition') return undefined;
  if (q.price) return 'price';
  if (HOW_LONG.test(q.norm)) return 'time';
  if (q.kind === 'count') return 'count';
  return undefined;
}

/** Whether a record states a value of the kind (or says the contract leaves it unstated, which answers too). */
export function statesValue(record: AnswerRecord, kind: ValueKind): boolean {
  const fact = record.fact;
  switch (kind) {
    case 'price':
      // the price of the thing itself: a cancellation fee or the flex cap is no price of a plan
      return (
        record.kind === 'price' || fact?.topic === 'price' || (fact?.topic === 'fees' && record.number !== undefined)
      );
    case 'count':
      return record.number !== undefined || record.quota !== undefined;
    case 'time':
      return (
        record.target?.span !== undefined ||
        fact?.span !== undefined ||
        fact?.topic === 'deadline' ||
        (fact?.unit !== undefined && TIME_UNIT.test(fact.unit)) ||
        record.quota !== undefined
      );
  }
}

/** Records near the value asked for, though they state none (the AED fee's basis for "how much is AED?"). */
export function nearValue(record: AnswerRecord, kind: ValueKind): boolean {
  const topic = record.fact?.topic ?? '';
  if (kind === 'price') return ['fees', 'price', 'ordering', 'orderable'].includes(topic);
  if (kind === 'time') return ['hours', 'onboarding', 'deadline', 'expiry'].includes(topic);
  return record.kind === 'quota';
}

export interface Unstated {
  kind: ValueKind;
  /** the plans (and add-ons) the question names, as `vendor:id` */
  plans: { vendor: string; id: string }[];
  quotas: string[];
}

/**
 * The value asked for, when no record of the thing the question names states one of its kind; undefined when
 * some record does (the usual candidates answer) or the question names no plan or quota to look at.
 */
export function unstatedValue(q: Question, knowledge: Knowledge): Unstated | undefined {
  const kind = askedValue(q);
  if (!kind) return undefined;
  if (q.plans.length === 0 && q.quotas.length === 0) return undefined;
  const records = recordsOf(knowledge);
  const own = (r: AnswerRecord) =>
    q.quotas.length > 0
      ? r.quota !== undefined && q.quotas.includes(r.quota.id)
      : q.plans.some((p) => p.vendor === r.vendor && r.plans.includes(p.id));
  if (records.some((r) => own(r) && statesValue(r, kind))) return undefined;
  return { kind, plans: q.plans.map((p) => ({ vendor: p.vendor, id: p.id })), quotas: q.quotas };
}
