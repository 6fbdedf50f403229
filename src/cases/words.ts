/** Words for a case's clocks, English and Chinese (pure). */
import type { Severity } from '../knowledge/schema.js';
import type { Language } from '../model/language.js';
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
