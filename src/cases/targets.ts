/**
 * Which of a plan file's targets apply to a case (pure).
 *
 * A contract's targets for a severity are those of its base plan and its add-ons, for that severity (or '*'),
 * in the case's product scope; a target another applicable target `supersedes` drops out (Unified Enhanced
 * Response replaces the base Sev 1 response). Targets with a `milestone` (e.g. a critical-situation resource)
 * are not the case's own clocks and are left out here.
 */
import type { Fact, PlanFile, Severity, Target } from '../knowledge/schema.js';

export interface PlanChoice {
  plan: string;
  addons: readonly string[];
}

/** The scope a target without a matching scope falls back to ("all other products"). */
const OTHER_SCOPES = new Set(['other', 'others', 'non-azure', 'all-other']);

function inScope(target: Target, scope: string | null): boolean {
  if (!target.scope) return true;
  if (scope) return target.scope === scope;
  return OTHER_SCOPES.has(target.scope);
}

export function applicableTargets(
  file: PlanFile,
  choice: PlanChoice,
  severityId: string | null,
  scope: string | null,
  kind: Target['kind'],
): Target[] {
  const planIds = new Set([choice.plan, ...choice.addons]);
  const matches = file.targets.filter(
    (t) =>
      t.kind === kind &&
      !t.milestone &&
      t.plans.some((p) => planIds.has(p)) &&
      (t.severities.includes('*') || (severityId !== null && t.severities.includes(severityId))) &&
      inScope(t, scope),
  );
  const superseded = new Set(matches.flatMap((t) => t.supersedes ?? []));
  return matches.filter((t) => !superseded.has(t.id));
}

/** True when some target of the contract's plans depends on the severity. */
export function severityMatters(file: PlanFile, choice: PlanChoice): boolean {
  if (file.severityFree) return false;
  const planIds = new Set([choice.plan, ...choice.addons]);
  return file.targets.some((t) => t.plans.some((p) => planIds.has(p)) && !t.severities.includes('*'));
}

const SEVERITY_PREFIX = /^(severity|sev|s|嚴重性|严重性|嚴重等級|严重等级)[\s-]*/u;
const PRIORITY_PREFIX = /^(priority|prio|pri|p|優先權|优先权|優先級|优先级)[\s-]*/u;
const LEVEL_WORDS: Record<string, Severity['level']> = {
  critical: 'critical',
  urgent: 'critical',
  緊急: 'critical',
  紧急: 'critical',
  high: 'high',
  高: 'high',
  medium: 'medium',
  normal: 'medium',
  中: 'medium',
  low: 'low',
  低: 'low',
};

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The plan's severity for the words a person typed, and whether the words name it exactly (its id, an
 * alias or its name: "p1", "sev b") or only loosely ("1" or "sev 1" for Jamf's P1, a level word such as
 * "critical"). An exact match lets the case layer tell which contract a severity belongs to.
 */
export function matchSeverity(file: PlanFile, words: string): { severity: Severity; exact: boolean } | null {
  const typed = fold(words);
  if (!typed) return null;
  for (const s of file.severities) {
    const names = [s.id, s.name.en, s.name.zh, ...s.aliases].map(fold);
    if (names.includes(typed) || names.includes(typed.replace(/\s+/g, ''))) return { severity: s, exact: true };
  }
  const bare = typed.replace(SEVERITY_PREFIX, '').replace(PRIORITY_PREFIX, '');
  const loose = file.severities.find((s) => {
    const id = s.id.toLowerCase();
    return bare === id || bare === id.replace(PRIORITY_PREFIX, '');
  });
  if (loose) return { severity: loose, exact: bare === typed && bare === loose.id.toLowerCase() };
  const level = LEVEL_WORDS[typed];
  const byLevel = level ? file.severities.find((s) => s.level === level) : undefined;
  return byLevel ? { severity: byLevel, exact: false } : null;
}

export function resolveSeverity(file: PlanFile, words: string): Severity | null {
  return matchSeverity(file, words)?.severity ?? null;
}

/**
 * The fact that says what happens when the customer cannot keep up its own effort (Microsoft's footnote:
 * the severity may be lowered). Found by its keywords so that the data, not the code, names it.
 */
export function waitingFact(file: PlanFile, choice: PlanChoice): Fact | null {
  const planIds = new Set([choice.plan, ...choice.addons]);
  const hints = ['downgrade', 'lower the severity', 'severity downgrade', 'customer effort', '降級'];
  return (
    file.facts.find(
      (f) =>
        f.plans.some((p) => planIds.has(p)) &&
        (f.keywords.some((k) => hints.includes(k.toLowerCase())) ||
          f.source.quote.includes('降級嚴重等級') ||
          f.source.quote.includes('降級嚴')),
    ) ?? null
  );
}
