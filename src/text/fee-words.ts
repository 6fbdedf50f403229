/** Words of the fee answers, cancellation and flex allowance (src/answers/fee.ts), in both languages. */
import { wordTable } from './word-table.js';

export const feeWords = wordTable(
  {
    noSchedule: 'None of these contract documents has a cancellation schedule.',
    noServiceDate: (today: string, days: number, serviceDate: string) =>
      `No service date given: counted as notice today (${today}) for a service ${days} days later (${serviceDate}).`,
    giveDates:
      'Give the date of the booked service and the date you cancel (or the days of notice), e.g. `fee cancel 2026-12-20 notice 2026-12-07`.',
    noNoticeDate: (today: string, zone: string) => `No notice date given: counted from today (${today}, ${zone}).`,
    noticeAfterService: (notice: string, service: string) =>
      `The notice date ${notice} is after the service date ${service}: a cancellation is given on or before the service. Did you swap them? The service date comes first.`,
    cancelSummary: (days: number, notice: string, service: string, pct: string, fee: string | undefined) =>
      `${days} days of notice (cancelled ${notice} for a service on ${service}): ${pct} of the fee is charged${fee !== undefined ? `, i.e. ${fee}` : ''}.`,
    daysOfNotice: 'Days of notice',
    charge: 'Charge',
    fee: 'Fee',
    feeOf: (fee: string, pct: string, amount: string) => `${fee} (${pct} × ${amount})`,
    daysOrMore: (min: number) => `${min} days or more`,
    stepColumns: ['Days of notice', 'Charge', 'Notice given on or before', ''],
    applies: '← applies',
    howCounted:
      'Days of notice are whole calendar days from the notice date to the service date (the day before is 1 day, the day itself 0); both ends of each step are included.',
    cheaper: (by: string, days: number, pct: number) =>
      `Notice on or before ${by} (${days} days) would have cost ${pct} %.`,
    noFlexRule: 'None of these contract documents has a flex-allowance rule.',
    /** an amount typed that could not be read; `problems` as the parser wrote them */
    /** `problems`: what the amount parser could not read, as sentences in this language (problem-words.ts) */
    unreadableFlex: (problems: string) => `${problems} For example \`fee flex 250000\` or \`fee flex 250k\`.`,
    allowanceFrom: (id: number) => `Allowance from contract #${id}.`,
    giveAllowance: 'Give the flex allowance, e.g. `fee flex 250000` (or record it on the contract with `flex=250000`).',
    flexSummary: (allowance: string, cap: string, percent: number, floor: string) =>
      `With a flex allowance of ${allowance}, at most ${cap} may go to proactive credits (the greater of ${percent} % or ${floor}).`,
    allowance: 'Allowance',
    floor: 'Floor',
    cap: 'Cap',
    breakEven: (at: string, floor: string, percent: number) =>
      `The two are equal at an allowance of ${at}: below it the ${floor} floor applies, above it ${percent} %.`,
    belowFloor: (floor: string) =>
      `The allowance is below ${floor}: credits cannot exceed the allowance itself, so the whole allowance is the cap.`,
  },
  {
    noSchedule: '這些合約文件中沒有取消費用的規定。',
    noServiceDate: (today, days, serviceDate) =>
      `未提供服務日期：以今天（${today}）通知、${days} 天後（${serviceDate}）的服務計算。`,
    giveDates: '請提供預定服務的日期與取消通知日期（或提前天數），例如 `fee cancel 2026-12-20 notice 2026-12-07`。',
    noNoticeDate: (today, zone) => `未提供通知日期：以今天（${today}，${zone}）計算。`,
    noticeAfterService: (notice, service) =>
      `通知日期 ${notice} 晚於服務日期 ${service}：取消須在服務日當天或之前通知。是否把兩個日期對調了？服務日期在前。`,
    cancelSummary: (days, notice, service, pct, fee) =>
      `提前 ${days} 天取消（${notice} 通知，服務日 ${service}）：收取 ${pct} 的費用${fee !== undefined ? `，即 ${fee}` : ''}。`,
    daysOfNotice: '提前天數',
    charge: '收費比例',
    fee: '取消費用',
    feeOf: (fee, pct, amount) => `${fee}（${pct} × ${amount}）`,
    daysOrMore: (min) => `${min} 天以上`,
    stepColumns: ['提前天數', '收費', '最晚通知日', ''],
    applies: '← 適用',
    howCounted: '提前天數為通知日至服務日的日曆天數（前一天取消為 1 天，當天取消為 0 天）；每一級的上下限皆包含在內。',
    cheaper: (by, days, pct) => `若於 ${by} 或之前通知（提前 ${days} 天），收費為 ${pct} %。`,
    noFlexRule: '這些合約文件中沒有彈性額度的規定。',
    unreadableFlex: (problems) => `${problems}請提供正數金額，例如 \`fee flex 250000\`。`,
    allowanceFrom: (id) => `彈性額度取自合約 #${id}。`,
    giveAllowance: '請提供彈性額度金額，例如 `fee flex 250000`（或在合約上設定 `flex=250000`）。',
    flexSummary: (allowance, cap, percent, floor) =>
      `彈性額度 ${allowance} 時，最多可將 ${cap} 用於主動式服務抵用（${percent}% 或 ${floor}，以較高者為準）。`,
    allowance: '彈性額度',
    floor: '下限金額',
    cap: '上限',
    breakEven: (at, floor, percent) =>
      `兩者在彈性額度 ${at} 時相等：低於此額以 ${floor} 為準，高於此額以 ${percent}% 為準。`,
    belowFloor: (floor) => `額度低於 ${floor}：抵用不能超過額度本身，故上限為整個額度。`,
  },
);
