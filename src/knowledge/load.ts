/**
 * Loads and checks the knowledge base: `knowledge/plans/*.yml` (one file per vendor document) against
 * `knowledge/sources/*.txt`.
 *
 * Every problem is reported with the file and the path inside it (`knowledge/plans/jamf.yml:
 * targets[3].span.minutes: expected number`), all problems at once, so a person editing the YAML can fix
 * them in one pass. Beyond the zod schema it checks that ids are unique, that references resolve (plans,
 * severities, calendars, superseded or related records) and that every quote occurs in its document.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { z } from 'zod';
import { aliasKey, buildKnowledge, type Knowledge } from './build.js';
import { loadHolidayOverrides } from './holidays.js';
import { quoteOccursIn } from './quotes.js';
import { PlanFile } from './schema.js';
import { parseYamlText, YamlSyntaxError } from './yaml.js';

export { aliasKey, buildKnowledge, type Knowledge, type PlanEntry, type SeverityEntry } from './build.js';

export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid knowledge base: ${problems[0]}`
        : `Invalid knowledge base (${problems.length} problems):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'KnowledgeError';
  }
}

const KNOWLEDGE_DIR = new URL('../../knowledge/', import.meta.url);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function toPath(p: string | URL): string {
  return resolve(typeof p === 'string' ? p : fileURLToPath(p));
}

/** How a file is named in messages: relative to the repository when inside it. */
function displayPath(file: string): string {
  const rel = relative(REPO_ROOT, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split('\\').join('/');
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

type Issue = z.core.$ZodIssue;

/** zod reports a failed union once with every branch's issues; show the branch that came closest. */
export function flattenIssue(issue: Issue, prefix: readonly PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const missing = (i: Issue) =>
      (i.code === 'invalid_type' && /received undefined/.test(i.message)) || i.code === 'unrecognized_keys';
    const ranked = [...issue.errors]
      .filter((branch) => branch.length > 0)
      .sort((a, b) => a.filter(missing).length - b.filter(missing).length || a.length - b.length);
    const best = ranked[0];
    if (best) return best.flatMap((i) => flattenIssue(i, path));
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  return [{ path, message }];
}

function readSources(dir: string, problems: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.txt'));
  } catch {
    problems.push(`${displayPath(dir)}: cannot read the source documents folder`);
  }
  for (const name of names.sort()) texts.set(name, readFileSync(join(dir, name), 'utf8'));
  return texts;
}

/** Every `source: { doc, quote }` in a parsed file, wherever it sits, with its path. */
export function* sourceRefs(
  value: unknown,
  path: PropertyKey[] = [],
): Generator<{ path: PropertyKey[]; doc: string; quote: string }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* sourceRefs(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'source' && v && typeof v === 'object' && 'doc' in v && 'quote' in v) {
        yield { path: [...path, 'source'], doc: String(v.doc), quote: String(v.quote) };
      } else {
        yield* sourceRefs(v, [...path, key]);
      }
    }
  }
}

/**
 * The checks beyond the schema for one parsed file (ids unique, references resolve, quotes occur), reported as
 * `report(path, message)` with paths like `targets[3].calendar`. `quotes: false` leaves the quotes to the caller
 * (`entitlebot plan check` shows the nearest passage for a quote it cannot find).
 */
export function checkFile(
  file: PlanFile,
  sources: Map<string, string>,
  report: (path: string, msg: string) => void,
  options: { quotes: boolean } = { quotes: true },
): void {
  const planIds = new Set(file.plans.map((p) => p.id));
  const severityIds = new Set(file.severities.map((s) => s.id));
  const calendarIds = new Set(file.calendars.map((c) => c.id));
  const targetIds = new Set(file.targets.map((t) => t.id));
  const factIds = new Set(file.facts.map((f) => f.id));
  const list = (ids: Set<string>) => [...ids].join(', ') || 'none';

  const unique = (kind: string, items: { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) report(`${kind}[${i}].id`, `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  };
  unique('calendars', file.calendars);
  unique('severities', file.severities);
  unique('plans', file.plans);
  unique('targets', file.targets);
  unique('facts', file.facts);
  unique('quotas', file.quotas);

  if (!sources.has(file.document)) {
    report('document', `no such source document "${file.document}" (have: ${[...sources.keys()].join(', ')})`);
  }
  if (file.severityFree && file.severities.length > 0) {
    report('severities', 'a severity-free file (severityFree: true) lists no severities');
  }

  const checkPlans = (path: string, ids: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!planIds.has(id)) report(`${path}[${i}]`, `unknown plan "${id}" (plans in this file: ${list(planIds)})`);
    });
  const checkCalendar = (path: string, id: string | undefined) => {
    if (id !== undefined && !calendarIds.has(id)) {
      report(path, `unknown calendar "${id}" (calendars in this file: ${list(calendarIds)})`);
    }
  };

  file.calendars.forEach((c, i) => {
    const at = `calendars[${i}]`;
    if (c.kind === 'fixed' && !c.hours) report(at, 'a fixed calendar needs hours');
    if (c.kind === 'customer' && !c.defaultHours) report(at, 'a customer calendar needs defaultHours');
    if (c.kind === 'vendor-region' && (!c.regions || Object.keys(c.regions).length === 0)) {
      report(at, 'a vendor-region calendar needs regions');
    }
    if (c.kind === 'vendor-region') {
      for (const [region, r] of Object.entries(c.regions ?? {})) {
        if (!r.hours && !c.hours) report(`${at}.regions.${region}.hours`, 'needs hours (or the calendar needs hours)');
      }
    }
  });

  file.plans.forEach((p, i) => {
    if (p.addsTo) checkPlans(`plans[${i}].addsTo`, p.addsTo);
    if (p.kind === 'addon' && !p.addsTo?.length) report(`plans[${i}].addsTo`, 'an add-on names the plans it adds to');
  });

  file.targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    checkPlans(`${at}.plans`, t.plans);
    t.severities.forEach((s, k) => {
      if (s === '*') return;
      if (file.severityFree) report(`${at}.severities[${k}]`, `"${s}": this vendor has no severities; use ['*']`);
      else if (!severityIds.has(s)) {
        report(`${at}.severities[${k}]`, `unknown severity "${s}" (severities in this file: ${list(severityIds)})`);
      }
    });
    checkCalendar(`${at}.calendar`, t.calendar);
    if (t.span && !t.calendar) report(`${at}.calendar`, 'a target with a span names the calendar it runs on');
    if (t.kind === 'coverage' && !t.calendar) report(`${at}.calendar`, 'a coverage target names its calendar');
    if (t.kind === 'update' && !t.cadence) report(`${at}.cadence`, 'an update target needs a cadence');
    if (t.cadence === 'every' && !t.span) report(`${at}.span`, "cadence 'every' needs a span");
    t.supersedes?.forEach((id, k) => {
      if (!targetIds.has(id)) report(`${at}.supersedes[${k}]`, `unknown target "${id}"`);
      if (id === t.id) report(`${at}.supersedes[${k}]`, 'a target cannot supersede itself');
    });
    t.related?.forEach((id, k) => {
      if (!factIds.has(id)) report(`${at}.related[${k}]`, `unknown fact "${id}"`);
    });
  });

  file.facts.forEach((f, i) => {
    checkPlans(`facts[${i}].plans`, f.plans);
    checkCalendar(`facts[${i}].calendar`, f.calendar);
    if (f.span && !f.calendar) report(`facts[${i}].calendar`, 'a fact with a span names the calendar it runs on');
  });
  if (file.fees.cancellation) checkPlans('fees.cancellation.plans', file.fees.cancellation.plans);
  if (file.fees.flexCap) checkPlans('fees.flexCap.plans', file.fees.flexCap.plans);
  file.prices.forEach((p, i) => {
    if (!planIds.has(p.plan))
      report(`prices[${i}].plan`, `unknown plan "${p.plan}" (plans in this file: ${list(planIds)})`);
  });
  file.quotas.forEach((q, i) => {
    checkPlans(`quotas[${i}].plans`, q.plans);
  });

  const steps = file.fees.cancellation?.steps ?? [];
  steps.forEach((s, i) => {
    if (s.maxDays !== null && s.maxDays < s.minDays) {
      report(`fees.cancellation.steps[${i}]`, `maxDays ${s.maxDays} is below minDays ${s.minDays}`);
    }
  });

  // Aliases must not point at two plans (or two severities) of the same vendor.
  const aliasOwners = (kind: string, items: { id: string; name: { en: string; zh: string }; aliases: string[] }[]) => {
    const owner = new Map<string, string>();
    items.forEach((item, i) => {
      for (const word of new Set([item.id, item.name.en, item.name.zh, ...item.aliases].map(aliasKey))) {
        const prev = owner.get(word);
        if (prev !== undefined && prev !== item.id) {
          report(`${kind}[${i}].aliases`, `"${word}" already names ${kind.slice(0, -1)} "${prev}"`);
        }
        owner.set(word, item.id);
      }
    });
  };
  aliasOwners('plans', file.plans);
  aliasOwners('severities', file.severities);

  if (!options.quotes) return;
  for (const ref of sourceRefs(file)) {
    const at = formatPath(ref.path);
    const text = sources.get(ref.doc);
    if (text === undefined) {
      report(`${at}.doc`, `no such source document "${ref.doc}" (have: ${[...sources.keys()].join(', ')})`);
    } else if (!quoteOccursIn(ref.quote, text)) {
      report(`${at}.quote`, `not found in ${ref.doc} (compared without whitespace): "${ref.quote}"`);
    }
  }
}

/**
 * Reads, validates and cross-checks every `*.yml` in `plansDir` against the documents in `sourcesDir`
 * (default: the `sources` folder beside `plansDir`). Throws a KnowledgeError listing every problem.
 */
export function loadPlans(
  plansDir: string | URL = new URL('plans/', KNOWLEDGE_DIR),
  sourcesDir?: string | URL,
): PlanFile[] {
  return loadFrom(toPath(plansDir), sourcesDir === undefined ? undefined : toPath(sourcesDir)).plans;
}

function loadFrom(plansDir: string, sourcesDir = join(plansDir, '..', 'sources')) {
  const problems: string[] = [];
  const sources = readSources(sourcesDir, problems);
  let names: string[] = [];
  try {
    names = readdirSync(plansDir)
      .filter((n) => n.endsWith('.yml') || n.endsWith('.yaml'))
      .sort();
  } catch {
    problems.push(`${displayPath(plansDir)}: cannot read the plans folder`);
  }
  if (names.length === 0 && problems.length === 0) problems.push(`${displayPath(plansDir)}: no plan files (*.yml)`);

  const plans: PlanFile[] = [];
  const owners = new Map<string, string>(); // record id → file, for ids unique across files
  for (const name of names) {
    const path = join(plansDir, name);
    const shown = displayPath(path);
    const report = (at: string, msg: string) => problems.push(`${shown}: ${at}: ${msg}`);
    let raw: unknown;
    try {
      raw = parseYamlText(readFileSync(path, 'utf8'));
    } catch (err) {
      if (err instanceof YamlSyntaxError) {
        problems.push(`${shown}: ${err.where}: ${err.message}`);
        continue;
      }
      throw err;
    }
    const parsed = PlanFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        for (const f of flattenIssue(issue, [])) report(formatPath(f.path), f.message);
      }
      continue;
    }
    const file = parsed.data;
    checkFile(file, sources, report);
    const claim = (kind: string, id: string) => {
      const key = `${kind}:${id}`;
      const prev = owners.get(key);
      if (prev !== undefined && prev !== shown) report(kind, `id "${id}" is also used in ${prev}`);
      owners.set(key, shown);
    };
    claim('vendor', file.vendor);
    for (const p of file.plans) claim('plans', p.id);
    for (const t of file.targets) claim('targets', t.id);
    for (const f of file.facts) claim('facts', f.id);
    for (const q of file.quotas) claim('quotas', q.id);
    plans.push(file);
  }
  if (problems.length > 0) throw new KnowledgeError(problems);
  return { plans, sources };
}

const cache = new Map<string, Knowledge>();

/**
 * The knowledge base, loaded and checked once per folder (default: the repository's `knowledge/`).
 * Throws a KnowledgeError naming every broken file and path.
 */
export function loadKnowledge(knowledgeDir: string | URL = KNOWLEDGE_DIR): Knowledge {
  const dir = toPath(knowledgeDir);
  let knowledge = cache.get(dir);
  if (!knowledge) {
    knowledge = validateKnowledge(dir);
    cache.set(dir, knowledge);
  }
  return knowledge;
}

/** Reads and checks a knowledge folder now, whatever was loaded before (loadKnowledge remembers it). */
export function validateKnowledge(knowledgeDir: string | URL): Knowledge {
  const dir = toPath(knowledgeDir);
  const { plans, sources } = loadFrom(join(dir, 'plans'), join(dir, 'sources'));
  const knowledge = buildKnowledge(plans, sources);
  const holidaysDir = join(dir, 'holidays');
  if (existsSync(holidaysDir)) knowledge.holidayOverrides = loadHolidayOverrides(holidaysDir);
  return knowledge;
}
