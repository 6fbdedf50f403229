/**
 * `entitlebot plan check`: a plan file (a new vendor, or an override of a shipped one) against the schema, its
 * own source document and the knowledge it would join. Every problem has the file, line and column, the path
 * inside the plan and a hint. Beyond the loader's checks (references resolve, ids unique) it checks that every
 * quote occurs in the document (showing the nearest passage when not), that zones are IANA zones, that holiday
 * codes are known to date-holidays, that hours run forward and that durations are plausible.
 *
 * Pure apart from reading nothing: bytes in, problems (and, when there are none, the checked plan) out.
 */
import { basename } from 'node:path';
import { aliasKey, checkFile, flattenIssue, formatPath, type Knowledge, sourceRefs } from '../knowledge/load.js';
import { applyOverride } from '../knowledge/override.js';
import { findQuote, quoteOccursIn } from '../knowledge/quotes.js';
import {
  type CalendarDef,
  PLAN_FORMAT_VERSION,
  PlanFile,
  PlanOverride,
  type Span,
  type WeekHours,
} from '../knowledge/schema.js';
import { checkHolidayRegion, isValidZoneName } from '../rules/index.js';
import {
  MAX_DOCUMENT_BYTES,
  MAX_PLAN_BYTES,
  type PlanProblem,
  type PlanYaml,
  parsePlanYaml,
  readText,
} from './input.js';
import { locate, parsePath } from './locate.js';
import { nearestPassage } from './nearest.js';

export interface CheckInput {
  /** the plan file's name as given (shown in problems) */
  planFile: string;
  planBytes: Uint8Array;
  /** the source document's path or name; its base name is the document's name */
  docFile: string;
  docBytes: Uint8Array;
  /** what the plan would join: the shipped knowledge, or a workspace's (without the plan being replaced) */
  knowledge: Knowledge;
}

export interface CheckedPlan {
  kind: 'vendor' | 'override';
  /** the vendor the plan describes or changes */
  vendor: string;
  document: string;
  documentText: string;
  planText: string;
  /** the parsed file as written */
  data: PlanFile | PlanOverride;
  /** the vendor file the workspace will use: the plan itself, or the shipped file with the override applied */
  merged: PlanFile;
}

export interface CheckResult {
  problems: PlanProblem[];
  /** present only when there are no problems */
  plan?: CheckedPlan;
}

/** The durations beyond which a figure is surely a typo (minutes for hours, a missing unit). */
const MAX_SPAN_MINUTES = 366 * 24 * 60;
const MAX_SPAN_BUSINESS_DAYS = 260;

export function checkPlan(input: CheckInput): CheckResult {
  const docName = basename(input.docFile);
  const planText = readText(input.planFile, input.planBytes, MAX_PLAN_BYTES, 'plan file');
  const docText = readText(input.docFile, input.docBytes, MAX_DOCUMENT_BYTES, 'document');
  const early = [...(planText.ok ? [] : planText.problems), ...(docText.ok ? [] : docText.problems)];
  if (!planText.ok || !docText.ok) return { problems: early };
  const yaml = parsePlanYaml(input.planFile, planText.value);
  if (!yaml.ok) return { problems: yaml.problems };
  return checkParsed(yaml.value, docName, docText.value, input.knowledge);
}

function checkParsed(yaml: PlanYaml, docName: string, docText: string, knowledge: Knowledge): CheckResult {
  const problems: PlanProblem[] = [];
  const report = (path: string | PropertyKey[], message: string, hint?: string, key?: string) => {
    const segments = typeof path === 'string' ? parsePath(path) : path;
    problems.push({
      file: yaml.file,
      ...locate(yaml, segments, key),
      path: formatPath(segments),
      message,
      hint: hint ?? sectionHint(segments),
    });
  };

  const raw = yaml.value as Record<string, unknown>;
  for (const { path, value } of todos(raw)) {
    report(
      path,
      `still a TODO: ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`,
      'replace it with what the document says (plan scaffold leaves TODOs where it cannot tell)',
    );
  }
  const isOverride = 'extends' in raw;
  const parsed = isOverride ? PlanOverride.safeParse(raw) : PlanFile.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const f of flattenIssue(issue, [])) {
        const unknown = /^Unrecognized keys?: (.*)$/u.exec(f.message);
        if (unknown?.[1]) {
          for (const key of unknown[1].split(', ').map((k) => k.replace(/^"|"$/gu, ''))) {
            report(f.path, `unknown key "${key}"`, unknownKeyHint(key), key);
          }
        } else {
          report(f.path, f.message, schemaHint(f.path, f.message));
        }
      }
    }
    checkQuotes(raw, docName, docText, report);
    return { problems: byPlace(problems) };
  }
  const data = parsed.data as PlanFile | PlanOverride;

  if (data.document !== docName) {
    report(
      'document',
      `names the document "${data.document}", but the document given is "${docName}"`,
      `write document: ${docName} (and cite it as doc: ${docName}), or give the document the plan was written from`,
    );
  }

  if (knowledge.sourceDocs.includes(docName)) {
    report(
      'document',
      `a document named "${docName}" is already known (shipped, or another of this workspace's plans)`,
      'give your document its own file name, e.g. with your company and the year, and use it in document: and doc:',
    );
  }

  let merged: PlanFile;
  let vendor: string;
  if ('extends' in data) {
    vendor = data.extends;
    const shipped = knowledge.plans.find((f) => f.vendor === vendor);
    if (!shipped) {
      report(
        'extends',
        `there is no vendor "${vendor}" to change`,
        `an override extends one of: ${knowledge.vendors.join(', ')}; for another vendor write a whole plan file (vendor: ...)`,
      );
      return { problems };
    }
    merged = applyOverride(shipped, data);
    checkMerged(merged, data, knowledge, docName, docText, report);
  } else {
    vendor = data.vendor;
    merged = data;
    if (knowledge.vendors.includes(vendor)) {
      report(
        'vendor',
        `"${vendor}" is already known`,
        `to change ${vendor}'s terms for your workspace, write an override: extends: ${vendor} with only the records that differ`,
      );
    }
    const sources = new Map([[docName, docText]]);
    checkFile(data, sources, (path, msg) => report(path, msg, referenceHint(msg)), { quotes: false });
    checkCollisions(data, knowledge, report);
  }

  checkTimes(data, report);
  checkQuotes(data, docName, docText, report);
  if (problems.length > 0) return { problems: byPlace(problems) };
  return {
    problems,
    plan: {
      kind: 'extends' in data ? 'override' : 'vendor',
      vendor,
      document: docName,
      documentText: docText,
      planText: yaml.text,
      data,
      merged,
    },
  };
}

/** String values a scaffold left for a person ("TODO: …"), with their paths. */
function todos(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; value: string }[] {
  if (typeof value === 'string') return /^\s*TODO\b/u.test(value) ? [{ path, value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => todos(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => todos(v, [...path, k]));
  return [];
}

type Report = (path: string | PropertyKey[], message: string, hint?: string) => void;

/**
 * The loader's checks on the shipped file with the override applied; a problem in a record of the override is
 * reported at that record (its index in the override), one in a shipped record at the shipped file.
 */
function checkMerged(
  merged: PlanFile,
  override: PlanOverride,
  knowledge: Knowledge,
  docName: string,
  docText: string,
  report: Report,
): void {
  const sources = new Map<string, string>(knowledge.sourceDocs.map((d) => [d, knowledge.sourceText(d)]));
  sources.set(docName, docText);
  const collections = ['calendars', 'plans', 'targets', 'facts', 'quotas', 'prices'] as const;
  checkFile(
    merged,
    sources,
    (path, msg) => {
      const segments = parsePath(path);
      const [kind, index] = segments;
      const collection = collections.find((c) => c === kind);
      if (collection && typeof index === 'number') {
        const record = (merged[collection] as unknown[])[index];
        const mine = (override[collection] as unknown[]).indexOf(record);
        if (mine === -1) return; // a shipped record's own problem is not this file's
        report([collection, mine, ...segments.slice(2)], msg, referenceHint(msg));
      } else if (kind === 'fees') {
        report(segments, msg, referenceHint(msg));
      }
    },
    { quotes: false },
  );
  const severities = new Set(merged.severities.map((s) => s.id));
  override.targets.forEach((t, i) => {
    t.severities.forEach((s, k) => {
      if (s !== '*' && !severities.has(s) && !merged.severityFree) {
        report(
          ['targets', i, 'severities', k],
          `unknown severity "${s}"`,
          `${merged.vendor} has: ${[...severities].join(', ')}`,
        );
      }
    });
  });
}

/** Ids are unique across the knowledge base (answers look plans and records up by id alone). */
function checkCollisions(file: PlanFile, knowledge: Knowledge, report: Report): void {
  const hint = (id: string) =>
    `ids are unique across all vendors; prefix it with the vendor, e.g. ${file.vendor}-${id}`;
  file.plans.forEach((p, i) => {
    const other = knowledge.plan(p.id);
    if (other) report(['plans', i, 'id'], `plan id "${p.id}" is already used by ${other.file.vendor}`, hint(p.id));
    for (const word of [p.id, ...p.aliases]) {
      const owner = knowledge.findPlans(word)[0];
      if (owner && word !== p.id) {
        report(
          ['plans', i, 'aliases'],
          `alias "${word}" already names ${owner.file.vendor} ${owner.plan.id}`,
          "a plan alias must not name another vendor's plan; use a longer one, e.g. with the vendor's name",
        );
      }
    }
  });
  file.targets.forEach((t, i) => {
    const other = knowledge.target(t.id);
    if (other) report(['targets', i, 'id'], `target id "${t.id}" is already used by ${other.file.vendor}`, hint(t.id));
  });
  file.facts.forEach((f, i) => {
    const other = knowledge.fact(f.id);
    if (other) report(['facts', i, 'id'], `fact id "${f.id}" is already used by ${other.file.vendor}`, hint(f.id));
  });
  file.quotas.forEach((q, i) => {
    const other = knowledge.quota(q.id);
    if (other) report(['quotas', i, 'id'], `quota id "${q.id}" is already used by ${other.file.vendor}`, hint(q.id));
  });
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function checkHours(hours: WeekHours | undefined, path: PropertyKey[], report: Report): void {
  if (!hours || hours === '24x7') return;
  for (const [day, intervals] of Object.entries(hours)) {
    let lastEnd = -1;
    (intervals ?? []).forEach(([from, to], k) => {
      const start = minutesOf(from);
      const end = minutesOf(to);
      if (end <= start) {
        report(
          [...path, day, k],
          `${from}–${to} does not run forward`,
          'write [start, end] with end after start; a span past midnight is two intervals, e.g. [22:00, 24:00] on one day and [00:00, 06:00] on the next',
        );
      } else if (start < lastEnd) {
        report(
          [...path, day, k],
          `${from}–${to} overlaps the interval before it`,
          'list the intervals of a day in order, without overlap',
        );
      }
      lastEnd = Math.max(lastEnd, end);
    });
  }
}

function checkSpan(span: Span | undefined, path: PropertyKey[], report: Report): void {
  if (!span) return;
  if ('minutes' in span) {
    if (!Number.isInteger(span.minutes)) {
      report(
        [...path, 'minutes'],
        `${span.minutes} is not a whole number of minutes`,
        'write minutes as a whole number: 90 for an hour and a half',
      );
    } else if (span.minutes > MAX_SPAN_MINUTES) {
      report(
        [...path, 'minutes'],
        `${span.minutes} minutes is more than a year`,
        'spans are in minutes: 4 hours is 240; or use { businessDays: N }',
      );
    }
  } else if (span.businessDays > MAX_SPAN_BUSINESS_DAYS) {
    report(
      [...path, 'businessDays'],
      `${span.businessDays} business days is more than a year`,
      'check the figure and its unit',
    );
  }
}

function checkCalendar(c: CalendarDef, i: number, report: Report): void {
  const at = ['calendars', i];
  checkHours(c.hours, [...at, 'hours'], report);
  checkHours(c.defaultHours, [...at, 'defaultHours'], report);
  for (const [region, r] of Object.entries(c.regions ?? {})) {
    const rAt = [...at, 'regions', region];
    if (!isValidZoneName(r.zone)) {
      report(
        [...rAt, 'zone'],
        `"${r.zone}" is not an IANA time zone`,
        'write a zone such as Asia/Singapore, America/New_York or Europe/Berlin (not an abbreviation like PST or an offset)',
      );
    }
    if (r.holidays) {
      try {
        checkHolidayRegion(r.holidays.country, r.holidays.subdivision);
      } catch (error) {
        report(
          [...rAt, 'holidays'],
          (error as Error).message,
          'use an ISO 3166 code in capitals as date-holidays knows it, e.g. { country: US, subdivision: CA }',
        );
      }
    }
    checkHours(r.hours, [...rAt, 'hours'], report);
  }
}

function checkTimes(data: PlanFile | PlanOverride, report: Report): void {
  data.calendars.forEach((c, i) => {
    checkCalendar(c, i, report);
  });
  data.targets.forEach((t, i) => {
    checkSpan(t.span, ['targets', i, 'span'], report);
  });
  data.facts.forEach((f, i) => {
    checkSpan(f.span, ['facts', i, 'span'], report);
  });
}

function checkQuotes(data: unknown, docName: string, docText: string, report: Report): void {
  for (const ref of sourceRefs(data)) {
    if (ref.doc !== docName) {
      report(
        [...ref.path, 'doc'],
        `cites "${ref.doc}", but the document given is "${docName}"`,
        `every quote in this plan comes from its own document: doc: ${docName}`,
      );
    } else if (!quoteOccursIn(ref.quote, docText)) {
      const near = nearestPassage(ref.quote, docText);
      report(
        [...ref.path, 'quote'],
        `not found in ${docName} (whitespace and full/half width aside): "${shorten(ref.quote)}"`,
        near && near.similarity >= 0.3
          ? `the nearest passage is: "${shorten(near.passage, 300)}" — copy it exactly (only whitespace may differ)`
          : 'copy the words from the document exactly (only whitespace may differ)',
      );
    } else if (findQuote(ref.quote, docText) === null) {
      report(
        [...ref.path, 'quote'],
        'found only across characters that normalise together',
        'copy the passage as printed',
      );
    }
  }
}

/** In file order, so that a person can work down the file (problems without a place first). */
function byPlace(problems: PlanProblem[]): PlanProblem[] {
  // while a scaffold's TODOs remain, the clashes between them ("todo中文" names two plans) are noise
  const todoLeft = problems.some((p) => p.message.startsWith('still a TODO'));
  return problems
    .filter((p) => !todoLeft || p.message.startsWith('still a TODO') || !/todo/iu.test(p.message))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function shorten(s: string, max = 160): string {
  const t = s.replace(/\s+/gu, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

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

function unknownKeyHint(key: string): string {
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

function schemaHint(path: PropertyKey[], message: string): string | undefined {
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

function referenceHint(message: string): string | undefined {
  if (/unknown (plan|severity|calendar|target|fact)/u.test(message))
    return 'use an id defined in this file (the list is in the message)';
  if (/duplicate id/u.test(message)) return 'give each record its own id';
  if (/needs a cadence/u.test(message)) return 'cadence: every (with a span), daily, or on-change';
  if (/names the calendar/u.test(message)) return 'add calendar: <id of one of the calendars>';
  if (/inferred record needs/u.test(message)) return 'say in one line why this reading was chosen';
  return undefined;
}

/** The fallback hint: where the format explains the part of the file the problem is in. */
function sectionHint(path: readonly PropertyKey[]): string {
  const top = String(path[0] ?? '');
  const known = ['calendars', 'severities', 'plans', 'targets', 'facts', 'fees', 'prices', 'quotas'];
  return known.includes(top)
    ? `see "${top}" in docs/plan-format.md, and the same part of docs/examples/larkspur.yml`
    : 'see docs/plan-format.md and the worked example docs/examples/larkspur.yml';
}

/** One problem as a line: `file:line:column: path: message` and an indented hint. */
export function formatProblem(p: PlanProblem): string {
  const place = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  const head = `${place}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
  return p.hint ? `${head}\n    hint: ${p.hint}` : head;
}
