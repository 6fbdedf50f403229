/**
 * Case clocks → the answer model (pure): the due time in the contract's zone and the asker's, business time
 * left or how late, one line of explanation from the rules core, and the contract's own words.
 */

import type { SourceRef } from '../knowledge/schema.js';
import { type Answer, type AnswerTime, CASE_ACTION, type Citation, emptyAnswer } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Case } from '../model/records.js';
import { formatLeft, formatMinutes, formatTime, isoIn } from '../text/time.js';
import { type CaseClock, type CaseClocks, type ClockKind, liveClocks } from './clocks.js';
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

const LABEL: Record<ClockKind, { en: string; zh: string }> = {
  response: { en: 'First response due', zh: '初次回應期限' },
  update: { en: 'Next update due', zh: '下次更新期限' },
  obligation: { en: 'Our own response due', zh: '我方回應期限' },
};

export function clockTime(view: CaseView, clock: CaseClock, cite?: number): AnswerTime | null {
  if (clock.dueAt === null) return null;
  const lang = view.lang;
  let label = LABEL[clock.kind][lang];
  if (clock.kind === 'response' && clock.startedBy === 'your message to the vendor') {
    label = lang === 'zh' ? '對我方訊息的回應期限' : 'Response to our message due';
  }
  if (clock.state === 'met') label = lang === 'zh' ? `${label}（已回應）` : `${label} (met)`;
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
  const zh = view.lang === 'zh';
  const title = clockTitle(clock, view.vendorName, view.clocks.severity, view.lang);
  const target = clock.target?.text[view.lang];
  switch (clock.state) {
    case 'running':
    case 'overdue': {
      const due = formatTime(clock.dueAt!, view.zone, view.lang);
      const left = formatLeft(clock.minutesLeft ?? 0, view.lang);
      let s = zh ? `${title}：期限 ${due}，${left}。` : `${title} is due ${due}, ${left}.`;
      if (clock.state === 'overdue') {
        s = zh ? `${title}已逾期：期限為 ${due}，${left}。` : `${title} is late: it was due ${due}, ${left}.`;
      }
      if (clock.pausedUntil !== null) {
        s += zh
          ? ` 營業時間時鐘目前暫停（${clock.pausedBecauseZh ?? clock.pausedBecause}），於 ${formatTime(clock.pausedUntil, view.zone, 'zh')} 恢復。`
          : ` The business-hours clock is paused for ${clock.pausedBecause} until ${formatTime(clock.pausedUntil, view.zone)}.`;
      }
      return s;
    }
    case 'met': {
      const metAt = clock.metAt!;
      const onTime = clock.dueAt === null || metAt <= clock.dueAt;
      const when = formatTime(metAt, view.zone, view.lang);
      if (zh) return `${title}已於 ${when} 達成${onTime ? '（準時）' : '（逾期）'}。`;
      return `${title} came ${when}${onTime ? ', in time' : `, after the deadline ${formatTime(clock.dueAt!, view.zone)}`}.`;
    }
    case 'on-change':
      return zh
        ? `${title}：合約只要求狀態變更時提供更新，沒有期限。`
        : `${title}: the contract asks for an update when the status changes, so there is no deadline${target ? ` (${target})` : ''}.`;
    case 'text-only':
      return zh
        ? `我方義務：${target ?? ''}（無期限）。`
        : `Our own duty: ${target ?? 'see the contract'} (no deadline).`;
    case 'not-started':
      if (clock.kind === 'update') {
        return zh
          ? `${title}：於廠商初次回應後開始計時。`
          : `${title}: the cadence starts with the vendor's first response.`;
      }
      return zh
        ? `${title}：於廠商下次訊息或 \`case wait\` 後開始計時。`
        : `${title}: starts with the vendor's next message or \`case wait\`.`;
    case 'no-target':
      return zh ? `合約未規定${LABEL[clock.kind].zh.replace('期限', '')}的期限。` : noTargetSentence(clock.kind, view);
    case 'closed':
      return zh ? '案件已結案，所有時鐘已停止。' : 'The case is closed; every clock has stopped.';
  }
}

function noTargetSentence(kind: ClockKind, view: CaseView): string {
  if (kind === 'update') return `${view.planName} states no update cadence for this case.`;
  if (kind === 'obligation') return `${view.planName} gives us no timed duty for this case.`;
  return `${view.planName} states no response target for this case.`;
}

/** The status of a case: every clock. */
export function statusAnswer(view: CaseView, headline?: string): Answer {
  const zh = view.lang === 'zh';
  const sev = view.clocks.severity ? (zh ? view.clocks.severity.name.zh : view.clocks.severity.name.en) : null;
  const ref = view.kase.vendorRef ? ` ${view.kase.vendorRef}` : '';
  const title = zh
    ? `案件 #${view.kase.id}${ref}：${view.planName}${sev ? `，${sev}` : ''}`
    : `Case #${view.kase.id}${ref}: ${view.planName}${sev ? `, ${sev}` : ''}`;
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
      answer.notes.push(`${clock.target.text[view.lang]}${view.lang === 'zh' ? '：' : ': '}${reason}`);
    }
  }
  // a closed case says so once, not once per clock
  answer.summary = [...new Set([headline, ...sentences].filter(Boolean))].join(' ');
  addWaitingNote(view, answer, cites);
  answer.citations = cites.list;
  answer.facts.push({ label: zh ? '狀態' : 'Status', value: statusWord(view) });
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
  const zh = view.lang === 'zh';
  if (view.clocks.status === 'closed') return zh ? '已結案' : 'closed';
  if (view.clocks.status === 'waiting') {
    const since = view.clocks.waitingSince;
    const when = since ? formatTime(since, view.zone, view.lang) : '';
    return zh ? `等待我方（自 ${when}）` : `waiting on us since ${when}`;
  }
  return zh ? '處理中' : 'open';
}

function addWaitingNote(view: CaseView, answer: Answer, cites: Citations): void {
  if (view.clocks.status !== 'waiting') return;
  const zh = view.lang === 'zh';
  let note = zh
    ? '合約並未允許廠商在等待我方期間暫停時鐘，因此廠商的期限照常計算。'
    : "The contract does not let the vendor's clocks pause while it waits on us, so its deadlines stand.";
  const w = view.clocks.waitingNote;
  if (w) {
    const cite = cites.add(w.source);
    note += zh
      ? ` 合約另說明：${w.text.zh} [${(cite ?? 0) + 1}]`
      : ` What it does say: ${w.text.en} [${(cite ?? 0) + 1}]`;
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
  const zh = view.lang === 'zh';
  return [
    { id: CASE_ACTION.responded, text: zh ? '廠商已回應' : 'Vendor responded', value, style: 'primary' },
    { id: CASE_ACTION.updated, text: zh ? '廠商已更新' : 'Vendor updated', value },
    { id: CASE_ACTION.close, text: zh ? '結案' : 'Close case', value, style: 'danger' },
  ];
}

/** The answer to a thread question: the clock asked about (or the next one due), in one paragraph. */
export function questionAnswer(view: CaseView, which: QuestionClock | null, ask: 'when' | 'late'): Answer {
  const zh = view.lang === 'zh';
  const live = liveClocks(view.clocks);
  let clock: CaseClock | undefined;
  if (which) clock = view.clocks.clocks.find((c) => c.kind === which);
  else if (ask === 'late') clock = live.find((c) => c.state === 'overdue') ?? live[0];
  else clock = live[0];
  if (!clock) return statusAnswer(view, zh ? '目前沒有計時中的期限。' : 'No deadline is running right now.');
  const cites = new Citations();
  const cite = clock.target
    ? cites.add(clock.target.source, clock.target.certainty, reasonOf(clock.target, view.lang))
    : undefined;
  const title = zh ? `案件 #${view.kase.id}` : `Case #${view.kase.id}`;
  let summary = clockSentence(view, clock);
  if (ask === 'late' && !which) {
    const overdue = live.filter((c) => c.state === 'overdue');
    if (overdue.length === 0) {
      summary = `${zh ? '沒有逾期。' : 'Nothing is late.'} ${summary}`;
    } else if (clock.minutesLeft !== null) {
      summary = `${zh ? `是，逾期 ${formatMinutes(clock.minutesLeft, 'zh')}。` : `Yes, by ${formatMinutes(clock.minutesLeft)} of business time.`} ${summary}`;
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
