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
import { checkFile, flattenIssue, formatPath, type Knowledge } from '../knowledge/load.js';
import { applyOverride } from '../knowledge/override.js';
import { PlanFile, PlanOverride } from '../knowledge/schema.js';
import { referenceHint, schemaHint, sectionHint, unknownKeyHint } from './check-hints.js';
import { checkQuotes, checkTimes, type Report } from './check-values.js';
import {
  MAX_DOCUMENT_BYTES,
  MAX_PLAN_BYTES,
  type PlanProblem,
  type PlanYaml,
  parsePlanYaml,
  readText,
} from './input.js';
import { locate, parsePath } from './locate.js';

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

/** In file order, so that a person can work down the file (problems without a place first). */
function byPlace(problems: PlanProblem[]): PlanProblem[] {
  // while a scaffold's TODOs remain, the clashes between them ("todo中文" names two plans) are noise
  const todoLeft = problems.some((p) => p.message.startsWith('still a TODO'));
  return problems
    .filter((p) => !todoLeft || p.message.startsWith('still a TODO') || !/todo/iu.test(p.message))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** One problem as a line: `file:line:column: path: message` and an indented hint. */
export function formatProblem(p: PlanProblem): string {
  const place = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  const head = `${place}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
  return p.hint ? `${head}\n    hint: ${p.hint}` : head;
}
