/** Words for a case's clocks, English and Chinese (pure). */
import type { Severity } from '../knowledge/schema.js';
import type { Language } from '../model/language.js';
import type { RecordableEventKind } from '../model/records.js';
import type { CaseClock } from './clocks.js';

export function severityLabel(severity: Severity | null, lang: Language = 'en'): string {
  if (!severity) return '';
  return lang === 'zh' ? severity.name.zh : severity.name.en;
}

/** "Jamf's first response (Priority 1)", "our own response to Microsoft (Severity B)" */
export function clockTitle(
  clock: CaseClock,
  vendorName: string,
  severity: Severity | null,
  lang: Language = 'en',
): string {
  const sev = severityLabel(severity, lang);
  if (lang === 'zh') {
    const what =
      clock.kind === 'response'
        ? clock.startedBy === 'your message to the vendor'
          ? `${vendorName} 對我方訊息的回應`
          : `${vendorName} 的初次回應`
        : clock.kind === 'update'
          ? `${vendorName} 的下次更新`
          : `我方對 ${vendorName} 的回應`;
    return sev ? `${what}（${sev}）` : what;
  }
  const what =
    clock.kind === 'response'
      ? clock.startedBy === 'your message to the vendor'
        ? `${vendorName}'s response to our message`
        : `${vendorName}'s first response`
      : clock.kind === 'update'
        ? `${vendorName}'s next update`
        : `Our own response to ${vendorName}`;
  return sev ? `${what} (${sev})` : what;
}

const RECORDED: Record<RecordableEventKind, { en: string; zh: string }> = {
  responded: { en: 'the vendor responded', zh: '廠商已回應' },
  updated: { en: 'the vendor sent an update', zh: '廠商已更新' },
  customer: { en: 'we wrote to the vendor', zh: '我方已回覆廠商' },
  severity: { en: 'the severity changed', zh: '嚴重性已變更' },
  waiting: { en: 'the vendor is waiting on us', zh: '廠商正在等我方' },
  resumed: { en: 'the wait on us is over', zh: '等待我方已結束' },
  closed: { en: 'the case is closed', zh: '案件已結案' },
  reopened: { en: 'the case is open again', zh: '案件已重新開啟' },
};

/** What recording an event means, as a clause: "the vendor responded" / 「廠商已回應」. */
export function recordedWords(kind: RecordableEventKind, lang: Language = 'en'): string {
  return RECORDED[kind][lang];
}
