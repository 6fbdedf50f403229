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

const SEVERITY_PREFIX = /^(severity|sev|s|priority|prio|p|嚴重性|严重性|優先權|优先权|優先|优先)\s*/u;
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
 * The plan's severity for the words a person typed: its id with or without a prefix ("b", "sev b",
 * "severity b", "p1", "priority 1"), an alias, its name, or a cross-vendor level word (critical, 緊急).
 */
export function resolveSeverity(file: PlanFile, words: string): Severity | null {
  const typed = fold(words);
  if (!typed) return null;
  const bare = typed.replace(SEVERITY_PREFIX, '');
  for (const s of file.severities) {
    const id = s.id.toLowerCase();
    const idBare = id.replace(SEVERITY_PREFIX, '');
    const names = [id, idBare, fold(s.name.en), fold(s.name.zh), ...s.aliases.map(fold)];
    if (names.includes(typed) || names.includes(bare) || bare === idBare) return s;
  }
  const level = LEVEL_WORDS[typed] ?? LEVEL_WORDS[bare];
  if (level) return file.severities.find((s) => s.level === level) ?? null;
  return null;
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
