/**
 * Words of a tracked case's answers and clocks (src/cases: answer.ts, words.ts, reminder-plan.ts), in both
 * languages.
 */
import type { RecordableEventKind } from '../model/records.js';
import { wordTable } from './word-table.js';

type ClockKind = 'response' | 'update' | 'obligation';

export const caseWords = wordTable(
  {
    /** "Jamf's first response", "Jamf's response to our message", "Our own response to Microsoft" */
    clockWhat: (kind: ClockKind, toOurMessage: boolean, vendor: string) =>
      kind === 'response'
        ? toOurMessage
          ? `${vendor}'s response to our message`
          : `${vendor}'s first response`
        : kind === 'update'
          ? `${vendor}'s next update`
          : `Our own response to ${vendor}`,
    withSeverity: (what: string, severity: string) => `${what} (${severity})`,
    recorded: {
      responded: 'the vendor responded',
      updated: 'the vendor sent an update',
      customer: 'we wrote to the vendor',
      severity: 'the severity changed',
      waiting: 'the vendor is waiting on us',
      resumed: 'the wait on us is over',
      closed: 'the case is closed',
      reopened: 'the case is open again',
    } as Record<RecordableEventKind, string>,
    dueLabel: {
      response: 'First response due',
      update: 'Next update due',
      obligation: 'Our own response due',
    } as Record<ClockKind, string>,
    responseToOursDue: 'Response to our message due',
    metLabel: (label: string) => `${label} (met)`,
    due: (title: string, due: string, left: string) => `${title} is due ${due}, ${left}.`,
    late: (title: string, due: string, left: string) => `${title} is late: it was due ${due}, ${left}.`,
    paused: (because: string | null, until: string) =>
      ` The business-hours clock is paused for ${because} until ${until}.`,
    /** `deadline`: the due time, when the clock was met after it */
    met: (title: string, when: string, deadline: string | null) =>
      `${title} came ${when}${deadline === null ? ', in time' : `, after the deadline ${deadline}`}.`,
    onChange: (title: string, target: string | undefined) =>
      `${title}: the contract asks for an update when the status changes, so there is no deadline${target ? ` (${target})` : ''}.`,
    ownDuty: (target: string | undefined) => `Our own duty: ${target ?? 'see the contract'} (no deadline).`,
    cadenceStarts: (title: string) => `${title}: the cadence starts with the vendor's first response.`,
    startsWithVendor: (title: string) => `${title}: starts with the vendor's next message or \`case wait\`.`,
    noTarget: (kind: ClockKind, plan: string) =>
      kind === 'update'
        ? `${plan} states no update cadence for this case.`
        : kind === 'obligation'
          ? `${plan} gives us no timed duty for this case.`
          : `${plan} states no response target for this case.`,
    closed: 'The case is closed; every clock has stopped.',
    statusTitle: (id: number, ref: string, plan: string, severity: string | null) =>
      `Case #${id}${ref}: ${plan}${severity ? `, ${severity}` : ''}`,
    status: 'Status',
    statusClosed: 'closed',
    statusWaiting: (since: string) => `waiting on us since ${since}`,
    statusOpen: 'open',
    noPauseWhileWaiting:
      "The contract does not let the vendor's clocks pause while it waits on us, so its deadlines stand.",
    whatItSays: (text: string, n: number) => ` What it does say: ${text} [${n}]`,
    noneRunning: 'No deadline is running right now.',
    caseTitle: (id: number) => `Case #${id}`,
    nothingLate: 'Nothing is late.',
    lateBy: (by: string) => `Yes, by ${by} of business time.`,
  },
  {
    clockWhat: (kind, toOurMessage, vendor) =>
      kind === 'response'
        ? toOurMessage
          ? `${vendor} 對我方訊息的回應`
          : `${vendor} 的初次回應`
        : kind === 'update'
          ? `${vendor} 的下次更新`
          : `我方對 ${vendor} 的回應`,
    withSeverity: (what, severity) => `${what}（${severity}）`,
    recorded: {
      responded: '廠商已回應',
      updated: '廠商已更新',
      customer: '我方已回覆廠商',
      severity: '嚴重性已變更',
      waiting: '廠商正在等我方',
      resumed: '等待我方已結束',
      closed: '案件已結案',
      reopened: '案件已重新開啟',
    },
    dueLabel: { response: '初次回應期限', update: '下次更新期限', obligation: '我方回應期限' },
    responseToOursDue: '對我方訊息的回應期限',
    metLabel: (label) => `${label}（已回應）`,
    due: (title, due, left) => `${title}：期限 ${due}，${left}。`,
    late: (title, due, left) => `${title}已逾期：期限為 ${due}，${left}。`,
    paused: (because, until) => ` 營業時間時鐘目前暫停（${because}），於 ${until} 恢復。`,
    met: (title, when, deadline) => `${title}已於 ${when} 達成${deadline === null ? '（準時）' : '（逾期）'}。`,
    onChange: (title) => `${title}：合約只要求狀態變更時提供更新，沒有期限。`,
    ownDuty: (target) => `我方義務：${target ?? ''}（無期限）。`,
    cadenceStarts: (title) => `${title}：於廠商初次回應後開始計時。`,
    startsWithVendor: (title) => `${title}：於廠商下次訊息或 \`case wait\` 後開始計時。`,
    noTarget: (kind) =>
      `合約未規定${{ response: '初次回應', update: '下次更新', obligation: '我方回應' }[kind]}的期限。`,
    closed: '案件已結案，所有時鐘已停止。',
    statusTitle: (id, ref, plan, severity) => `案件 #${id}${ref}：${plan}${severity ? `，${severity}` : ''}`,
    status: '狀態',
    statusClosed: '已結案',
    statusWaiting: (since) => `等待我方（自 ${since}）`,
    statusOpen: '處理中',
    noPauseWhileWaiting: '合約並未允許廠商在等待我方期間暫停時鐘，因此廠商的期限照常計算。',
    whatItSays: (text, n) => ` 合約另說明：${text} [${n}]`,
    noneRunning: '目前沒有計時中的期限。',
    caseTitle: (id) => `案件 #${id}`,
    nothingLate: '沒有逾期。',
    lateBy: (by) => `是，逾期 ${by}。`,
  },
);
