/**
 * Case clocks → the answer model (pure): the due time in the contract's zone and the asker's, business time
 * left or how late, one line of explanation from the rules core, and the contract's own words.
 */

import type { SourceRef } from '../knowledge/schema.js';
import { type Answer, type AnswerTime, CASE_ACTION, type Citation, emptyAnswer } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Case } from '../model/records.js';
import { caseWords } from '../text/case-words.js';
import { strings } from '../text/i18n.js';
import { renderWords } from '../text/render-words.js';
import { formatLeft, formatMinutes, formatTime, isoIn } from '../text/time.js';
import { type CaseClock, type CaseClocks, liveClocks } from './clocks.js';
import type { QuestionClock } from './commands.js';
import { clockTitle } from './words.js';

export interface CaseView {
  kase: Pick<Case, 'id' | 'channelId' | 'threadTs' | 'vendorRef' | 'status' | 'openedAt'>;
  clocks: CaseClocks;
  vendorName: string;
  /** e.g. 'Jamf Premium Support Gold' */
  planName: string;
  /** the contract's zone */
  zone: string;
  userZone?: string;
  now: number;
  lang: Language;
}

class Citations {
  readonly list: Citation[] = [];
  add(source: SourceRef | null, certainty: 'stated' | 'inferred' = 'stated', reason?: string): number | undefined {
    if (!source) return undefined;
    const found = this.list.findIndex((c) => c.doc === source.doc && c.quote === source.quote);
    if (found >= 0) return found;
    this.list.push({
      doc: source.doc,
      quote: source.quote,
      gloss: source.gloss,
      certainty,
      reason,
      ...(source.workspace ? { yours: true } : {}),
    });
    return this.list.length - 1;
  }
}

/** An inferred target's reason in the answer's language. */
function reasonOf(target: { reason?: string; reasonZh?: string }, lang: Language): string | undefined {
  return lang === 'zh' ? (target.reasonZh ?? target.reason) : target.reason;
}

export function clockTime(view: CaseView, clock: CaseClock, cite?: number): AnswerTime | null {
  if (clock.dueAt === null) return null;
  const lang = view.lang;
  const w = caseWords(lang);
  let label = w.dueLabel[clock.kind];
  if (clock.kind === 'response' && clock.startedBy === 'your message to the vendor') label = w.responseToOursDue;
  if (clock.state === 'met') label = w.metLabel(label);
  const time: AnswerTime = {
    label,
    at: isoIn(clock.dueAt, view.zone),
    zone: view.zone,
    explanation: clock.explanation?.[lang],
    cite,
  };
  if (view.userZone && view.userZone !== view.zone) {
    time.userAt = isoIn(clock.dueAt, view.userZone);
    time.userZone = view.userZone;
  }
  if (clock.minutesLeft !== null && clock.state !== 'met') time.minutesLeft = clock.minutesLeft;
  return time;
}

/** One sentence about a clock: due when, time left or how late, paused or met. */
export function clockSentence(view: CaseView, clock: CaseClock): string {
  const w = caseWords(view.lang);
  const title = clockTitle(clock, view.vendorName, view.clocks.severity, view.lang);
  const target = clock.target?.text[view.lang];
  switch (clock.state) {
    case 'running':
    case 'overdue': {
      const due = formatTime(clock.dueAt!, view.zone, view.lang);
      const left = formatLeft(clock.minutesLeft ?? 0, view.lang);
      let s = clock.state === 'overdue' ? w.late(title, due, left) : w.due(title, due, left);
      if (clock.pausedUntil !== null) {
        // the reason for the pause is data (a holiday's name, the weekend) written in both languages
        const because = view.lang === 'zh' ? (clock.pausedBecauseZh ?? clock.pausedBecause) : clock.pausedBecause;
        s += w.paused(because, formatTime(clock.pausedUntil, view.zone, view.lang));
      }
      return s;
    }
    case 'met': {
      const metAt = clock.metAt!;
      const onTime = clock.dueAt === null || metAt <= clock.dueAt;
      const when = formatTime(metAt, view.zone, view.lang);
      return w.met(title, when, onTime ? null : formatTime(clock.dueAt!, view.zone, view.lang));
    }
    case 'on-change':
      return w.onChange(title, target);
    case 'text-only':
      return w.ownDuty(target);
    case 'not-started':
      return clock.kind === 'update' ? w.cadenceStarts(title) : w.startsWithVendor(title);
    case 'no-target':
      return w.noTarget(clock.kind, view.planName);
    case 'closed':
      return w.closed;
  }
}

/** The status of a case: every clock. */
export function statusAnswer(view: CaseView, headline?: string): Answer {
  const w = caseWords(view.lang);
  const sev = view.clocks.severity ? view.clocks.severity.name[view.lang] : null;
  const ref = view.kase.vendorRef ? ` ${view.kase.vendorRef}` : '';
  const title = w.statusTitle(view.kase.id, ref, view.planName, sev);
  const answer = emptyAnswer('case', title, '');
  const cites = new Citations();
  const sentences: string[] = [];
  for (const clock of view.clocks.clocks) {
    if (clock.state === 'no-target' && clock.kind === 'obligation') continue;
    sentences.push(clockSentence(view, clock));
    const cite = clock.target
      ? cites.add(clock.target.source, clock.target.certainty, reasonOf(clock.target, view.lang))
      : undefined;
    const time = clockTime(view, clock, cite);
    if (time && clock.state !== 'met') answer.times.push(time);
    const reason = clock.target?.certainty === 'inferred' ? reasonOf(clock.target, view.lang) : undefined;
    if (clock.target && reason) {
      answer.notes.push(`${clock.target.text[view.lang]}${strings(view.lang).colon}${reason}`);
    }
  }
  // a closed case says so once, not once per clock
  answer.summary = [...new Set([headline, ...sentences].filter(Boolean))].join(' ');
  addWaitingNote(view, answer, cites);
  answer.citations = cites.list;
  answer.facts.push({ label: w.status, value: statusWord(view) });
  answer.suggestions = suggestionsFor(view);
  answer.actions = actionsFor(view);
  answer.replay = replayOf(view);
  return answer;
}

/** The case's status can be built again for its full wording (the Slack card's button). */
function replayOf(view: CaseView): Answer['replay'] {
  return {
    kind: 'case',
    caseId: view.kase.id,
    at: view.now,
    lang: view.lang,
    ...(view.userZone ? { zone: view.userZone } : {}),
  };
}

function statusWord(view: CaseView): string {
  const w = caseWords(view.lang);
  if (view.clocks.status === 'closed') return w.statusClosed;
  if (view.clocks.status === 'waiting') {
    const since = view.clocks.waitingSince;
    return w.statusWaiting(since ? formatTime(since, view.zone, view.lang) : '');
  }
  return w.statusOpen;
}

function addWaitingNote(view: CaseView, answer: Answer, cites: Citations): void {
  if (view.clocks.status !== 'waiting') return;
  const words = caseWords(view.lang);
  let note = words.noPauseWhileWaiting;
  const w = view.clocks.waitingNote;
  if (w) {
    const cite = cites.add(w.source);
    note += words.whatItSays(w.text[view.lang], (cite ?? 0) + 1);
  }
  answer.notes.push(note);
}

function suggestionsFor(view: CaseView): string[] {
  if (view.clocks.status === 'closed') return ['case reopen'];
  const s: string[] = [];
  const response = view.clocks.clocks.find((c) => c.kind === 'response');
  if (response && response.state !== 'met') s.push('case responded');
  else s.push('case updated');
  s.push(view.clocks.status === 'waiting' ? 'case resume' : 'case wait', 'case close');
  return s;
}

function actionsFor(view: CaseView): Answer['actions'] {
  if (view.clocks.status === 'closed') return undefined;
  const value = JSON.stringify({ caseId: view.kase.id, reminderId: null });
  const buttons = renderWords(view.lang).card;
  return [
    { id: CASE_ACTION.responded, text: buttons.responded, value, style: 'primary' },
    { id: CASE_ACTION.updated, text: buttons.updated, value },
    { id: CASE_ACTION.close, text: buttons.close, value, style: 'danger' },
  ];
}

/** The answer to a thread question: the clock asked about (or the next one due), in one paragraph. */
export function questionAnswer(view: CaseView, which: QuestionClock | null, ask: 'when' | 'late'): Answer {
  const w = caseWords(view.lang);
  const live = liveClocks(view.clocks);
  let clock: CaseClock | undefined;
  if (which) clock = view.clocks.clocks.find((c) => c.kind === which);
  else if (ask === 'late') clock = live.find((c) => c.state === 'overdue') ?? live[0];
  else clock = live[0];
  if (!clock) return statusAnswer(view, w.noneRunning);
  const cites = new Citations();
  const cite = clock.target
    ? cites.add(clock.target.source, clock.target.certainty, reasonOf(clock.target, view.lang))
    : undefined;
  const title = w.caseTitle(view.kase.id);
  let summary = clockSentence(view, clock);
  if (ask === 'late' && !which) {
    const overdue = live.filter((c) => c.state === 'overdue');
    if (overdue.length === 0) {
      summary = `${w.nothingLate} ${summary}`;
    } else if (clock.minutesLeft !== null) {
      summary = `${w.lateBy(formatMinutes(clock.minutesLeft, view.lang))} ${summary}`;
    }
  }
  const answer = emptyAnswer('case', title, summary);
  const time = clockTime(view, clock, cite);
  if (time) answer.times.push(time);
  // "when is my next update?" before the first response: the response is what runs now
  const response = view.clocks.clocks.find((c) => c.kind === 'response');
  if (clock.kind === 'update' && clock.state === 'not-started' && response && response.dueAt !== null) {
    answer.summary += ` ${clockSentence(view, response)}`;
    const responseCite = response.target
      ? cites.add(response.target.source, response.target.certainty, reasonOf(response.target, view.lang))
      : undefined;
    const responseTime = clockTime(view, response, responseCite);
    if (responseTime) answer.times.push(responseTime);
  }
  const reason = clock.target?.certainty === 'inferred' ? reasonOf(clock.target, view.lang) : undefined;
  if (reason) answer.notes.push(reason);
  addWaitingNote(view, answer, cites);
  answer.citations = cites.list;
  answer.suggestions = suggestionsFor(view);
  answer.replay = replayOf(view);
  return answer;
}
