/** Words for clocks and times, English and Chinese (pure). */
import { DateTime } from 'luxon';
import type { CaseClock } from '../cases/clocks.js';
import type { Severity } from '../knowledge/schema.js';

export type Lang = 'en' | 'zh';

/** "Tue 3 Mar 2026 14:00 (Asia/Taipei)" */
export function formatDue(ms: number, zone: string, lang: Lang = 'en'): string {
  const dt = DateTime.fromMillis(ms, { zone });
  if (lang === 'zh') return `${dt.setLocale('zh-TW').toFormat('yyyy/MM/dd (ccc) HH:mm')}（${zone}）`;
  return `${dt.setLocale('en-GB').toFormat('ccc d LLL yyyy HH:mm')} (${zone})`;
}

/** ISO 8601 with the zone's offset. */
export function isoIn(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
}

/**
 * "2 h 30 min", "163 h" from minutes of business time: hours, never days, since a business day is not 24 hours
 * of business time; minutes are dropped past a day's worth of hours.
 */
export function formatMinutes(minutes: number, lang: Lang = 'en'): string {
  const total = Math.round(Math.abs(minutes));
  const hours = Math.floor(total / 60);
  const mins = hours >= 24 ? 0 : total % 60;
  const h = hours.toLocaleString('en-US');
  if (lang === 'zh')
    return [hours ? `${h} 小時` : '', mins || hours === 0 ? `${mins} 分鐘` : ''].filter(Boolean).join(' ');
  return [hours ? `${h} h` : '', mins || hours === 0 ? `${mins} min` : ''].filter(Boolean).join(' ');
}

/** "in 30 min of business time" / "late by 2 h of business time" */
export function formatLeft(minutes: number, lang: Lang = 'en'): string {
  if (lang === 'zh')
    return minutes >= 0
      ? `剩餘 ${formatMinutes(minutes, lang)} 營業時間`
      : `已逾期 ${formatMinutes(minutes, lang)} 營業時間`;
  return minutes >= 0
    ? `in ${formatMinutes(minutes)} of business time`
    : `late by ${formatMinutes(minutes)} of business time`;
}

export function severityLabel(severity: Severity | null, lang: Lang = 'en'): string {
  if (!severity) return '';
  return lang === 'zh' ? severity.name.zh : severity.name.en;
}

/** "Jamf's first response (Priority 1)", "our own response to Microsoft (Severity B)" */
export function clockTitle(clock: CaseClock, vendorName: string, severity: Severity | null, lang: Lang = 'en'): string {
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
