/**
 * `entitlebot plan scaffold DOC.txt`: a plan skeleton proposed from a document, for a person to complete. Every
 * record is a candidate with a comment quoting the passage it came from (the passage is also its
 * `source.quote`, so it occurs in the document); what cannot be decided from the text is a `TODO` (which
 * `plan check` refuses until replaced), and passages with figures the patterns could not place are listed as
 * TODO comments at the end. Detection is src/knowledge/plan-candidates.ts (shared with `npm run extract`).
 */
import { basename } from 'node:path';
import { splitClauses, vendorOfDoc } from '../knowledge/clauses.js';
import { type PlanCandidates, proposePlanCandidates, type TargetCandidate } from '../knowledge/plan-candidates.js';
import { MAX_DOCUMENT_BYTES, type Read, readText } from './input.js';

const q = (s: string) => JSON.stringify(s);
const oneLine = (s: string) => s.replace(/\s+/gu, ' ').trim();
const comment = (s: string, max = 200) => {
  const t = oneLine(s);
  return q(t.length > max ? `${t.slice(0, max)}…` : t);
};
const isCjk = (s: string) => /\p{Script=Han}/u.test(s);

/** An id from a name: lower-case ASCII words joined by '-', or `fallback` for a name with none (Chinese). */
function slug(name: string, fallback: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
  return s || fallback;
}

function bilingual(text: string): string {
  return isCjk(text) ? `{ en: "TODO: in English", zh: ${q(text)} }` : `{ en: ${q(text)}, zh: "TODO: 中文" }`;
}

const LEVEL_WORDS: [RegExp, string][] = [
  [/critical|urgent|emergency|緊急|紧急|嚴重|严重|重大/iu, 'critical'],
  [/high|major|高/iu, 'high'],
  [/medium|normal|moderate|中/iu, 'medium'],
  [/low|minor|info|低/iu, 'low'],
];
const ORDER = ['critical', 'high', 'medium', 'low'];

function levelOf(label: string | undefined, index: number): string {
  for (const [re, level] of LEVEL_WORDS) if (label && re.test(label)) return level;
  return ORDER[Math.min(index, ORDER.length - 1)] as string;
}

function spanText(span: TargetCandidate['span']): string {
  return 'minutes' in span ? `{ minutes: ${span.minutes} }` : `{ businessDays: ${span.businessDays} }`;
}

/** The skeleton's YAML text for a document's candidates. */
export function renderScaffold(docName: string, c: PlanCandidates): string {
  const vendor = slug(vendorOfDoc(docName), 'todo-vendor');
  const src = (quote: string) => `{ doc: ${q(docName)}, quote: ${q(oneLine(quote))} }`;
  const lines: string[] = [
    `# Plan skeleton proposed by \`entitlebot plan scaffold\` from ${docName}.`,
    '# Every record is a CANDIDATE found in the text: check it against its quote, fix what is wrong, delete what',
    '# does not apply, and replace every TODO (plan check refuses a file that still has one). The format:',
    '# docs/plan-format.md; a complete example: docs/examples/larkspur.yml. Then:',
    `#   entitlebot plan check THIS.yml --source ${docName}`,
    'formatVersion: 1',
    `vendor: ${vendor}  # the vendor's id, kebab-case`,
    'vendorName: { en: "TODO: the vendor\'s name", zh: "TODO: 廠商名稱" }',
    `document: ${q(docName)}`,
    'title: { en: "TODO: the document\'s title", zh: "TODO: 文件標題" }',
    '',
  ];

  // calendars: around-the-clock when the text says so; business hours, with the hours it gives
  const around = c.coverage.find((k) => k.words.some((w) => /24|全天候|七天|無休|无休|clock/iu.test(w)));
  const aroundTarget = c.targets.find((t) => t.around);
  const office = c.coverage.find((k) => k.hours) ?? c.coverage.find((k) => !k.words.every((w) => /24|全天候/u.test(w)));
  lines.push('calendars:');
  const aroundQuote = around?.quote ?? aroundTarget?.quote;
  if (aroundQuote) {
    lines.push(`  # candidate: ${comment(aroundQuote)}`);
    lines.push(
      `  - id: ${vendor}-24x7`,
      '    label: { en: 24x7, zh: 24x7 全天候 }',
      '    kind: fixed',
      '    hours: 24x7',
    );
    lines.push('    businessDay: 24-open-hours', `    source: ${src(aroundQuote)}`);
  }
  const hours = office?.hours ?? ['09:00', '17:00'];
  if (office) lines.push(`  # candidate: ${comment(office.quote)}`);
  else lines.push('  # TODO: the text names no business hours; 09:00–17:00 Monday–Friday is a placeholder');
  lines.push(`  - id: ${vendor}-business-hours`);
  lines.push(
    `    label: { en: "Business hours (${hours[0]}–${hours[1]})", zh: "上班時間（${hours[0]}–${hours[1]}）" }`,
  );
  lines.push('    kind: customer', '    defaultHours:');
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri']) lines.push(`      ${day}: [['${hours[0]}', '${hours[1]}']]`);
  lines.push('    businessDay: same-time-next-working-day');
  lines.push(
    `    source: ${office ? src(office.quote) : `{ doc: ${q(docName)}, quote: "TODO: the passage on hours" }`}`,
  );
  if (!office?.hours || !office.weekdays) {
    lines.push('    certainty: inferred');
    lines.push('    reason: "TODO: say which hours or days the text leaves open and what was assumed"');
    lines.push('    reasonZh: "TODO: 同上，以中文說明"');
  }
  lines.push('');

  lines.push('severities:');
  if (c.levels.length === 0)
    lines.push(
      '  # TODO: no severity or priority levels found; if targets do not depend on one, set severityFree: true',
    );
  c.levels.forEach((l, i) => {
    lines.push(`  # candidate: ${comment(l.quote)}`);
    lines.push(`  - id: ${q(l.id)}`);
    lines.push(`    level: ${levelOf(l.label, i)}  # critical, high, medium or low: what "sev1" means across vendors`);
    lines.push(`    name: ${bilingual(l.label ? `${l.name} (${l.label})` : l.name)}`);
    lines.push(`    definition: { en: "TODO: what makes a case ${l.name}", zh: "TODO: 定義" }`);
    lines.push(`    source: ${src(l.quote)}`);
  });
  lines.push('');

  const planIds = new Map<string, string>();
  lines.push('plans:');
  if (c.plans.length === 0) lines.push('  # TODO: no plan names found; a file needs at least one plan');
  c.plans.forEach((p, i) => {
    const id = `${vendor}-${slug(p.name.replace(/\b(support|plan|tier)\b/giu, ''), `plan-${i + 1}`)}`;
    planIds.set(p.name, id);
    lines.push(`  # candidate: ${comment(p.quote)}`);
    lines.push(`  - id: ${id}`, '    kind: base  # or addon, with addsTo: [base plan ids]');
    lines.push(`    name: ${bilingual(p.name)}`, `    source: ${src(p.quote)}`);
  });
  lines.push('');

  lines.push('targets:');
  if (c.targets.length === 0) lines.push('  # TODO: no response or update figures found');
  const ids = new Set<string>();
  const seen = new Set<string>();
  for (const t of c.targets) {
    const plan = t.plan ? planIds.get(t.plan) : undefined;
    const key = `${plan}|${t.levels.join(',')}|${t.kind}|${spanText(t.span)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let id = `${plan ?? vendor}-${t.levels.length ? `sev-${t.levels.map((l) => slug(l, 'x')).join('-')}` : 'any'}-${t.kind}`;
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/u, '')}-${n}`;
    ids.add(id);
    lines.push(`  # candidate: ${t.figure}${t.plan ? ` (${t.plan})` : ''} — ${comment(t.quote)}`);
    lines.push(`  - id: ${id}`);
    lines.push(`    plans: [${plan ?? '"TODO: plan id"'}]`);
    lines.push(`    severities: [${t.levels.length ? t.levels.map(q).join(', ') : '"TODO: level ids, or \'*\'"'}]`);
    lines.push(`    kind: ${t.kind}`);
    if (t.kind === 'update') {
      const daily = 'businessDays' in t.span && t.span.businessDays === 1 && /every|each|每|daily/iu.test(t.figure);
      lines.push(`    cadence: ${daily ? 'daily' : 'every'}`);
    }
    lines.push(`    span: ${spanText(t.span)}`);
    lines.push(`    calendar: ${t.around ? `${vendor}-24x7` : `${vendor}-business-hours`}`);
    lines.push(`    text: ${bilingual(oneLine(t.quote))}`);
    lines.push(`    source: ${src(t.quote)}`);
  }
  lines.push('');

  lines.push('quotas:');
  c.quotas.forEach((k, i) => {
    lines.push(`  # candidate: ${k.limit} ${k.unit} (${k.window}) — ${comment(k.quote)}`);
    lines.push(`  - id: ${vendor}-${slug(k.unit, `quota-${i + 1}`)}`);
    lines.push(`    plans: ["TODO: plan id"]`);
    lines.push(`    name: ${bilingual(k.unit)}`);
    lines.push(`    limit: ${k.limit}`, `    unit: ${q(k.unit || 'TODO')}`);
    lines.push(`    unitZh: ${isCjk(k.unit) ? q(k.unit) : '"TODO: 單位（含量詞，如 次課程）"'}`);
    lines.push(`    window: ${k.window}`);
    lines.push('    carryOver: false  # TODO: does the text say whether unused ones carry over?');
    lines.push(`    source: ${src(k.quote)}`);
  });
  if (c.quotas.length === 0) lines.push('  []');
  lines.push('');

  lines.push('prices:');
  for (const p of c.prices) {
    lines.push(`  # candidate: ${p.currency} ${p.amount} — ${comment(p.quote)}`);
    lines.push('  - plan: "TODO: plan id"');
    lines.push(`    customerType: ${p.customerType ?? '"TODO: commercial or education"'}`);
    lines.push(`    amount: ${p.amount}`, `    currency: ${q(p.currency)}`);
    lines.push(`    period: ${p.period ? q(p.period) : 'null  # the text does not say per what'}`);
    lines.push(`    source: ${src(p.quote)}`);
  }
  if (c.prices.length === 0) lines.push('  []');
  lines.push('');

  lines.push('fees:');
  if (c.cancellation.length > 0) {
    const quotes = [...new Set(c.cancellation.map((s) => oneLine(s.quote)))];
    lines.push('  cancellation:', '    plans: ["TODO: plan ids"]', '    steps:');
    for (const s of c.cancellation) {
      lines.push(
        `      - { minDays: ${s.minDays}, maxDays: ${s.maxDays ?? 'null'}, chargePercent: ${s.chargePercent} }  # ${comment(s.quote, 80)}`,
      );
    }
    lines.push(`    source: ${src(quotes.join(' '))}`);
    if (quotes.length > 1)
      lines.push('    # TODO: the steps come from several sentences: quote one passage that holds them all');
  } else {
    lines.push('  {}');
  }
  lines.push('');

  if (c.unplaced.length > 0) {
    lines.push(
      '# TODO: passages with figures this skeleton does not place; add a fact, quota or target where one applies:',
    );
    for (const u of c.unplaced) lines.push(`#   ${comment(u, 300)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads the document (UTF-8 text, at most 2 MB) and renders its skeleton. */
export function scaffoldPlan(docFile: string, docBytes: Uint8Array): Read<string> {
  const text = readText(docFile, docBytes, MAX_DOCUMENT_BYTES, 'document');
  if (!text.ok) return text;
  const docName = basename(docFile);
  const candidates = proposePlanCandidates(docName, text.value, splitClauses(docName, text.value));
  return { ok: true, value: renderScaffold(docName, candidates) };
}
