/** Helpers shared by the answer builders. */
import type { Knowledge } from '../knowledge/load.js';
import type { PlanFile, SourceRef } from '../knowledge/schema.js';
import type { Answer, AnswerTime } from '../model/answer.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';
import { isoIn } from '../text/time.js';

/** Anything cited in the knowledge files. */
export interface Cited {
  source: SourceRef;
  certainty: 'stated' | 'inferred';
  reason?: string;
  reasonZh?: string;
}

/** An inferred record's reason in `lang` (the English one where a Chinese one is missing). */
export function reasonIn(record: Pick<Cited, 'reason' | 'reasonZh'>, lang: Language): string | undefined {
  return lang === 'zh' ? (record.reasonZh ?? record.reason) : record.reason;
}

/**
 * Add a record's citation to the answer (once per doc and quote) and return its index. An inferred
 * reading also adds its reason to the notes, in `lang`, so that the answer says what the text leaves open.
 */
export function cite(answer: Answer, record: Cited, lang: Language = 'en'): number {
  const reason = reasonIn(record, lang);
  const { doc, quote, gloss } = record.source;
  // one citation per passage and certainty: a stated and an inferred use of the same quote stay apart
  // (each inferred reading's reason is in the notes)
  let index = answer.citations.findIndex((c) => c.doc === doc && c.quote === quote && c.certainty === record.certainty);
  if (index === -1) {
    index = answer.citations.length;
    answer.citations.push({
      doc,
      quote,
      ...(gloss ? { gloss } : {}),
      certainty: record.certainty,
      ...(reason ? { reason } : {}),
      ...(record.source.workspace ? { yours: true } : {}),
    });
  }
  if (record.certainty === 'inferred' && reason) note(answer, strings(lang).inferred(reason));
  return index;
}

export function note(answer: Answer, text: string): void {
  if (!answer.notes.includes(text)) answer.notes.push(text);
}

export function suggest(answer: Answer, text: string): void {
  if (!answer.suggestions.includes(text)) answer.suggestions.push(text);
}

/** An AnswerTime in the contract's zone, and in the asker's zone when it differs. */
export function answerTime(
  label: string,
  at: Date,
  zone: string,
  userZone: string | undefined,
  extra: Partial<AnswerTime> = {},
): AnswerTime {
  const t: AnswerTime = { label, at: isoIn(at, zone), zone, ...extra };
  if (userZone && userZone !== zone) {
    t.userAt = isoIn(at, userZone);
    t.userZone = userZone;
  }
  return t;
}

/** The file of a vendor, or undefined (never throws). */
export function fileOf(knowledge: Knowledge, vendor: string): PlanFile | undefined {
  return knowledge.plans.find((f) => f.vendor === vendor);
}

/** Turns `answer` into a "not understood" reply that says what to type, with examples to try. */
export function asUsage(answer: Answer, lang: Language, summary: string, examples: string[]): Answer {
  answer.kind = 'not-understood';
  answer.title = strings(lang).notUnderstoodTitle;
  answer.summary = summary;
  answer.suggestions.push(...examples);
  return answer;
}
