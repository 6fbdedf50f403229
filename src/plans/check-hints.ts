/** The hints `plan check` gives with a problem: a near key, what the schema wanted, where the format explains it. */
import { aliasKey } from '../knowledge/load.js';
import { PLAN_FORMAT_VERSION } from '../knowledge/schema.js';

/** Keys a plan file may use anywhere, for "did you mean" on an unknown one. */
const KNOWN_KEYS = [
  'formatVersion',
  'vendor',
  'vendorName',
  'document',
  'title',
  'calendars',
  'severities',
  'severityFree',
  'plans',
  'targets',
  'facts',
  'fees',
  'prices',
  'quotas',
  'extends',
  'en',
  'zh',
  'doc',
  'quote',
  'gloss',
  'source',
  'certainty',
  'reason',
  'reasonZh',
  'unitZh',
  'id',
  'label',
  'kind',
  'hours',
  'defaultHours',
  'regions',
  'zone',
  'holidays',
  'country',
  'subdivision',
  'businessDay',
  'level',
  'name',
  'aliases',
  'definition',
  'addsTo',
  'defaults',
  'summary',
  'minutes',
  'businessDays',
  'severities',
  'scope',
  'span',
  'cadence',
  'calendar',
  'coversInbound',
  'supersedes',
  'milestone',
  'related',
  'text',
  'topic',
  'value',
  'unit',
  'keywords',
  'minDays',
  'maxDays',
  'chargePercent',
  'cancellation',
  'flexCap',
  'steps',
  'percent',
  'floor',
  'currency',
  'plan',
  'customerType',
  'amount',
  'period',
  'limit',
  'window',
  'carryOver',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
];

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

export function unknownKeyHint(key: string): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const known of KNOWN_KEYS) {
    const d = editDistance(aliasKey(key), aliasKey(known));
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(key.length / 4))
    ? `did you mean "${best}"?`
    : 'remove it; the keys are listed in docs/plan-format.md and schemas/plan.schema.json';
}

export function schemaHint(path: PropertyKey[], message: string): string | undefined {
  const last = String(path.at(-1) ?? '');
  if (/received undefined/u.test(message)) return `add ${last}: … here (see docs/plan-format.md)`;
  if (/expected number, received string/u.test(message)) return 'write the number without quotes';
  if (/expected string, received number/u.test(message)) return `quote it: ${last}: '…' (ids like '1' are text)`;
  if (last === 'formatVersion') return `this version of entitlebot reads format version ${PLAN_FORMAT_VERSION}`;
  if (/expected array/u.test(message)) return `write a list: ${last}: [a, b]`;
  if (/HH:MM/u.test(message)) return "write times as '09:00' in quotes, 24-hour clock";
  if (last === 'span' || path.includes('span')) return 'a span is { minutes: N } or { businessDays: N }';
  return undefined;
}

export function referenceHint(message: string): string | undefined {
  if (/unknown (plan|severity|calendar|target|fact)/u.test(message))
    return 'use an id defined in this file (the list is in the message)';
  if (/duplicate id/u.test(message)) return 'give each record its own id';
  if (/needs a cadence/u.test(message)) return 'cadence: every (with a span), daily, or on-change';
  if (/names the calendar/u.test(message)) return 'add calendar: <id of one of the calendars>';
  if (/inferred record needs/u.test(message)) return 'say in one line why this reading was chosen';
  return undefined;
}

/** The fallback hint: where the format explains the part of the file the problem is in. */
export function sectionHint(path: readonly PropertyKey[]): string {
  const top = String(path[0] ?? '');
  const known = ['calendars', 'severities', 'plans', 'targets', 'facts', 'fees', 'prices', 'quotas'];
  return known.includes(top)
    ? `see "${top}" in docs/plan-format.md, and the same part of docs/examples/larkspur.yml`
    : 'see docs/plan-format.md and the worked example docs/examples/larkspur.yml';
}
