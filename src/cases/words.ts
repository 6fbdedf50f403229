/** A case's clocks in words (pure): the words themselves are in src/text/case-words.ts. */
import type { Severity } from '../knowledge/schema.js';
import type { Language } from '../model/language.js';
import type { RecordableEventKind } from '../model/records.js';
import { caseWords } from '../text/case-words.js';
import type { CaseClock } from './clocks.js';

export function severityLabel(severity: Severity | null, lang: Language = 'en'): string {
  if (!severity) return '';
  return severity.name[lang];
}

/** "Jamf's first response (Priority 1)", "our own response to Microsoft (Severity B)" */
export function clockTitle(
  clock: CaseClock,
  vendorName: string,
  severity: Severity | null,
  lang: Language = 'en',
): string {
  const w = caseWords(lang);
  const sev = severityLabel(severity, lang);
  const what = w.clockWhat(clock.kind, clock.startedBy === 'your message to the vendor', vendorName);
  return sev ? w.withSeverity(what, sev) : what;
}

/** What recording an event means, as a clause: "the vendor responded" / 「廠商已回應」. */
export function recordedWords(kind: RecordableEventKind, lang: Language = 'en'): string {
  return caseWords(lang).recorded[kind];
}
