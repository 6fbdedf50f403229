/**
 * The knowledge base's lookups over validated plan files: plans, severities, targets and facts by id or alias.
 * Pure and free of zod and YAML, so that a start from the saved knowledge (saved.ts) needs neither; load.ts does
 * the validation when the files are read.
 */
import type { HolidayOverrides } from '../rules/index.js';
import type { CalendarDef, Fact, Level, Plan, PlanFile, QuotaRule, Severity, Target } from './schema.js';

export interface PlanEntry {
  file: PlanFile;
  plan: Plan;
}
export interface SeverityEntry {
  file: PlanFile;
  severity: Severity;
}

export interface Knowledge {
  /** one entry per vendor document, in file-name order */
  plans: PlanFile[];
  vendors: string[];
  /** the plan file of a vendor ('microsoft' | 'jamf' | 'autodesk'); throws a helpful error for an unknown one */
  vendor(v: string): PlanFile;
  /** the full text of a source document, by file name (e.g. 'jamf-support.zh-TW.txt') */
  sourceText(doc: string): string;
  sourceDocs: string[];
  /** a plan or add-on by id, across vendors (plan ids are unique across the knowledge base) */
  plan(id: string): PlanEntry | undefined;
  severity(vendor: string, id: string): Severity | undefined;
  /** severities of every vendor at a cross-vendor level (Microsoft 1 and Jamf P1 are 'critical') */
  severitiesAtLevel(level: Level): SeverityEntry[];
  calendar(vendor: string, id: string): CalendarDef | undefined;
  /** records by id (ids are unique across the knowledge base) */
  target(id: string): { file: PlanFile; target: Target } | undefined;
  fact(id: string): { file: PlanFile; fact: Fact } | undefined;
  quota(id: string): { file: PlanFile; quota: QuotaRule } | undefined;
  /** plans whose id, English/Chinese name or alias equals `word` (see aliasKey) */
  findPlans(word: string): PlanEntry[];
  /** severities whose id, name or alias equals `word`, optionally for one vendor */
  findSeverities(word: string, vendor?: string): SeverityEntry[];
  /**
   * The targets that apply to a contract on `planIds` (base plan plus add-ons) for one severity id
   * (omit it for all severities): targets of any of those plans for that severity or '*', less those
   * superseded by another applicable target.
   */
  targetsFor(vendor: string, planIds: readonly string[], severityId?: string): Target[];
  /** corrections to date-holidays from knowledge/holidays (undefined when that folder is absent) */
  holidayOverrides?: HolidayOverrides;
}

/**
 * The key aliases are compared on: NFKC, lower case, without whitespace, hyphens, underscores, dots and
 * middle dots. 'Sev-1', 'sev 1' and 'SEV1' are the same key; so are '嚴重性 1' and '嚴重性1'.
 */
export function aliasKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.·・]/gu, '');
}

export function buildKnowledge(plans: PlanFile[], sources: Map<string, string>): Knowledge {
  const byVendor = new Map(plans.map((f) => [f.vendor, f]));
  const planIndex = new Map<string, PlanEntry>();
  const targetIndex = new Map<string, { file: PlanFile; target: Target }>();
  const factIndex = new Map<string, { file: PlanFile; fact: Fact }>();
  const quotaIndex = new Map<string, { file: PlanFile; quota: QuotaRule }>();
  const planWords = new Map<string, PlanEntry[]>();
  const severityWords = new Map<string, SeverityEntry[]>();
  const addWord = <T>(index: Map<string, T[]>, word: string, ref: T) => {
    const key = aliasKey(word);
    if (!key) return;
    const refs = index.get(key) ?? [];
    if (!refs.includes(ref)) refs.push(ref);
    index.set(key, refs);
  };
  for (const file of plans) {
    for (const plan of file.plans) {
      const ref = { file, plan };
      planIndex.set(plan.id, ref);
      for (const w of [plan.id, plan.name.en, plan.name.zh, ...plan.aliases]) addWord(planWords, w, ref);
    }
    for (const severity of file.severities) {
      const ref = { file, severity };
      for (const w of [severity.id, severity.name.en, severity.name.zh, ...severity.aliases]) {
        addWord(severityWords, w, ref);
      }
    }
    for (const target of file.targets) targetIndex.set(target.id, { file, target });
    for (const fact of file.facts) factIndex.set(fact.id, { file, fact });
    for (const quota of file.quotas) quotaIndex.set(quota.id, { file, quota });
  }

  const vendor = (v: string): PlanFile => {
    const file = byVendor.get(v.trim().toLowerCase());
    if (!file) throw new Error(`Unknown vendor "${v}". Known vendors: ${[...byVendor.keys()].join(', ')}.`);
    return file;
  };

  return {
    plans,
    vendors: [...byVendor.keys()],
    vendor,
    sourceDocs: [...sources.keys()],
    sourceText(doc) {
      const text = sources.get(doc);
      if (text === undefined) {
        throw new Error(`Unknown source document "${doc}". Known: ${[...sources.keys()].join(', ')}.`);
      }
      return text;
    },
    plan: (id) => planIndex.get(id),
    severity: (v, id) => byVendor.get(v)?.severities.find((s) => s.id === id),
    severitiesAtLevel: (level) =>
      plans.flatMap((file) => file.severities.filter((s) => s.level === level).map((severity) => ({ file, severity }))),
    calendar: (v, id) => byVendor.get(v)?.calendars.find((c) => c.id === id),
    target: (id) => targetIndex.get(id),
    fact: (id) => factIndex.get(id),
    quota: (id) => quotaIndex.get(id),
    findPlans: (word) => planWords.get(aliasKey(word)) ?? [],
    findSeverities: (word, v) =>
      (severityWords.get(aliasKey(word)) ?? []).filter((ref) => v === undefined || ref.file.vendor === v),
    targetsFor(v, planIds, severityId) {
      const file = vendor(v);
      const applicable = file.targets.filter(
        (t) =>
          t.plans.some((p) => planIds.includes(p)) &&
          (severityId === undefined || t.severities.includes('*') || t.severities.includes(severityId)),
      );
      const superseded = new Set(applicable.flatMap((t) => t.supersedes ?? []));
      return applicable.filter((t) => !superseded.has(t.id));
    },
  };
}
