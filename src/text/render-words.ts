/**
 * The words the renderers add around an answer (buttons, "more" lines, section titles), per language, in one
 * table so that a new language is one new entry. The answer's own words come from the answer engine (i18n.ts).
 */
import type { Language } from '../model/language.js';

export interface RenderWords {
  showWords: string;
  showMore: string;
  wordsTitle: (title: string) => string;
  moreRows: (n: number) => string;
  moreNotes: (n: number) => string;
  moreQuotes: (n: number) => string;
  moreTimes: (n: number) => string;
  try: string;
  stated: string;
  inferred: string;
  sourceFor: (labels: string) => string;
  why: string;
  leftOut: (n: number) => string;
  cannotReplay: string;
  notes: string;
  card: {
    title: (id: number) => string;
    contract: string;
    severity: string;
    reference: string;
    owner: string;
    status: string;
    statuses: Record<'open' | 'waiting' | 'closed', string>;
    clocks: Record<'response' | 'update' | 'obligation', string>;
    met: (when: string) => string;
    metLate: (when: string) => string;
    due: (when: string) => string;
    dueSoon: (when: string) => string;
    late: (when: string) => string;
    waiting: string;
    noDeadline: string;
    /** "no deadline in the contract (its target's words)" */
    noDeadlineFor: (noDeadline: string, target: string) => string;
    /** a label and what follows it: "First response: running…", "Vendor case #3: …" */
    labelled: (label: string, value: string) => string;
    paused: (until: string) => string;
    of: (used: string, total: string) => string;
    closed: string;
    responded: string;
    updated: string;
    close: string;
  };
  /** a reminder's button: remind again in 30 minutes */
  snooze: string;
  /** why the app could not post in a channel, and what to do about it, by Slack error code */
  cannotPost: (code: string) => string;
  /** `case open` at the top of a channel shared with another organisation: the case message would be theirs to read */
  sharedTopLevelCase: string;
}

const WORDS: Record<Language, RenderWords> = {
  en: {
    showWords: "Show the contract's words",
    showMore: 'More: examples and plans',
    wordsTitle: (title) => `${title}: the contract's words`,
    moreRows: (n) => `+${n} more row${n === 1 ? '' : 's'} behind the button below, or ask a narrower question`,
    moreNotes: (n) => `+${n} more note${n === 1 ? '' : 's'} with the contract's words`,
    moreQuotes: (n) => `+${n} more quote${n === 1 ? '' : 's'}`,
    moreTimes: (n) => `+${n} more`,
    try: 'Try',
    stated: 'stated',
    inferred: 'inferred',
    sourceFor: (labels) => `Source of: ${labels}`,
    why: 'Why',
    leftOut: (n) => `…and ${n} more part${n === 1 ? '' : 's'} left out; ask a narrower question to see them.`,
    cannotReplay:
      'I cannot show that answer again (it was about something that changed since, or the question was too long). Ask it again and press the button on the new answer.',
    notes: 'Notes',
    card: {
      title: (id) => `Vendor case #${id}`,
      contract: 'Contract',
      severity: 'Severity',
      reference: "Vendor's reference",
      owner: 'Owner',
      status: 'Status',
      statuses: { open: 'open', waiting: 'waiting on us', closed: 'closed' },
      clocks: { response: 'First response', update: 'Next update', obligation: 'Our response' },
      met: (when) => `met ✓ ${when}`,
      metLate: (when) => `met late ✗ ${when}`,
      due: (when) => `running, due ${when}`,
      dueSoon: (when) => `due soon ⚠ ${when}`,
      late: (when) => `late ✗ was due ${when}`,
      waiting: "starts with the vendor's first response",
      noDeadline: 'no deadline in the contract',
      noDeadlineFor: (noDeadline, target) => `${noDeadline} (${target})`,
      labelled: (label, value) => `${label}: ${value}`,
      paused: (until) => `business hours closed until ${until}`,
      of: (used, total) => `${used} of ${total}`,
      closed: 'Closed: every clock has stopped.',
      responded: 'Vendor responded',
      updated: 'Vendor updated',
      close: 'Close case',
    },
    snooze: 'Snooze 30 min',
    sharedTopLevelCase:
      "This channel is shared with another organisation, so a case message posted here would show them our tracking. Open the case on the vendor's own thread instead: the message's ⋯ menu → Track as vendor case, or mention me in that thread with `case open <severity>`. Nothing was created.",
    cannotPost: (code) =>
      ({
        not_in_channel:
          "I'm not in that channel, so I cannot post there. Invite me with `/invite @Entitlebot`, then try again.",
        channel_not_found:
          "I cannot see that channel (it is private and I'm not in it, or it is gone). Invite me there with `/invite @Entitlebot`, then try again.",
        is_archived: 'That channel is archived, so nothing can be posted there. Unarchive it, or use another channel.',
        restricted_action:
          "This workspace's settings do not let me post in that channel. Ask an admin to allow it, or use another channel.",
        ekm_access_denied:
          'Your workspace administrators have suspended posting there. Ask them, or use another channel.',
        not_allowed_token_type: 'I am not set up to post there. Reinstall Entitlebot, then try again.',
        missing_scope:
          'I lack a permission for that. Reinstall Entitlebot (it asks for what it needs), then try again.',
      })[code] ??
      `Slack refused my message (${code}). Try again in a moment; if it keeps happening, tell whoever installed Entitlebot.`,
  },
  zh: {
    showWords: '顯示合約原文',
    showMore: '更多：範例與方案',
    wordsTitle: (title) => `${title}：合約原文`,
    moreRows: (n) => `另有 ${n} 列，請按下方按鈕，或縮小問題範圍`,
    moreNotes: (n) => `另有 ${n} 則說明，與合約原文一併顯示`,
    moreQuotes: (n) => `另有 ${n} 段原文`,
    moreTimes: (n) => `另有 ${n} 個`,
    try: '試試',
    stated: '明訂',
    inferred: '推定',
    sourceFor: (labels) => `出處：${labels}`,
    why: '原因',
    leftOut: (n) => `……另有 ${n} 部分未顯示；請縮小問題範圍。`,
    cannotReplay: '無法再次顯示該回答（相關資料已變更，或問題太長）。請再問一次，並按新回答上的按鈕。',
    notes: '說明',
    card: {
      title: (id) => `廠商案件 #${id}`,
      contract: '合約',
      severity: '嚴重性',
      reference: '廠商案件編號',
      owner: '負責人',
      status: '狀態',
      statuses: { open: '處理中', waiting: '等待我方', closed: '已結案' },
      clocks: { response: '初次回應', update: '下次更新', obligation: '我方回應' },
      met: (when) => `已達成 ✓ ${when}`,
      metLate: (when) => `逾期達成 ✗ ${when}`,
      due: (when) => `計時中，期限 ${when}`,
      dueSoon: (when) => `即將到期 ⚠ ${when}`,
      late: (when) => `已逾期 ✗ 期限 ${when}`,
      waiting: '於廠商初次回應後開始計時',
      noDeadline: '合約未規定期限',
      noDeadlineFor: (noDeadline, target) => `${noDeadline}（${target}）`,
      labelled: (label, value) => `${label}：${value}`,
      paused: (until) => `營業時間外，${until} 恢復`,
      of: (used, total) => `${used}／${total}`,
      closed: '已結案：所有時鐘已停止。',
      responded: '廠商已回應',
      updated: '廠商已更新',
      close: '結案',
    },
    snooze: '延後 30 分鐘',
    sharedTopLevelCase:
      '此頻道與其他組織共用，在此張貼案件訊息會讓對方看到我們的追蹤。請改在廠商的討論串上開案：訊息的 ⋯ 選單 → Track as vendor case，或在該討論串中提及我並輸入 `case open <嚴重性>`。未建立任何案件。',
    cannotPost: (code) =>
      ({
        not_in_channel: '我不在該頻道，無法在那裡發文。請以 `/invite @Entitlebot` 邀請我，再試一次。',
        channel_not_found:
          '我看不到該頻道（私人頻道且我不在其中，或頻道已不存在）。請以 `/invite @Entitlebot` 邀請我，再試一次。',
        is_archived: '該頻道已封存，無法發文。請取消封存，或改用其他頻道。',
        restricted_action: '此工作區的設定不允許我在該頻道發文。請洽管理員，或改用其他頻道。',
        ekm_access_denied: '工作區管理員已暫停在該處發文。請洽管理員，或改用其他頻道。',
        not_allowed_token_type: '我的設定無法在該處發文。請重新安裝 Entitlebot 後再試。',
        missing_scope: '我缺少所需的權限。請重新安裝 Entitlebot 後再試。',
      })[code] ?? `Slack 拒絕了我的訊息（${code}）。請稍後再試；若持續發生，請告知安裝 Entitlebot 的人。`,
  },
};

export function renderWords(lang: Language): RenderWords {
  return WORDS[lang];
}
