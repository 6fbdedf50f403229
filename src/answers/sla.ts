/**
 * `sla <severity> [<plan>]`: the vendor's response target, update cadence and coverage, and the
 * customer's own obligations, each cited. One plan and severity → a list of facts; several → a table.
 */
import type { PlanFile, Severity, Target } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import { milestoneLabel, strings } from '../text/i18n.js';
import { planName, withVendor } from '../text/names.js';
import type { Language } from '../text/normalize.js';
import { slaWords } from '../text/sla-words.js';
import { formatSpan } from '../text/time.js';
import { topicLabel } from '../text/topic-words.js';
import type { Command } from './command.js';
import { cite, note, suggest } from './common.js';
import type { AnswerContext } from './context.js';
import { type Combo, selectCombos, severityFor, supersededBy, targetsOf } from './select.js';

type SlaCommand = Extract<Command, { kind: 'sla' }>;

interface Row {
  combo: Combo;
  severity?: Severity;
  mapped: boolean;
  targets: Target[];
}

function calendarLabel(file: PlanFile, id: string | undefined, lang: Language): string {
  return (id && file.calendars.find((c) => c.id === id)?.label[lang]) || '';
}

function scopeLabel(scope: string | undefined, lang: Language): string {
  if (!scope) return '';
  const s = strings(lang);
  return scope === 'azure' ? s.azure : scope === 'other' ? s.other : scope;
}

/** The label of a target's fact: its kind, its product scope, and the add-on it comes from. */
function targetLabel(row: Row, t: Target, ctx: AnswerContext, lang: Language): string {
  const s = strings(lang);
  const kind = { response: s.firstResponse, update: s.update, coverage: s.coverage, customer: s.yourDuty }[t.kind];
  const parts = [kind];
  if (t.milestone) parts.push(milestoneLabel(t.milestone, lang));
  if (t.scope) parts.push(scopeLabel(t.scope, lang));
  const addon = t.plans.find((p) => row.combo.addons.includes(p) && !t.plans.includes(row.combo.plan));
  if (addon) parts.push(planName(ctx.knowledge, addon, lang));
  return parts.join(' · ');
}

/** A short cell: "15 min Azure / 1 h other products (24x7)". */
function shorten(text: string, max = 90): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function cell(row: Row, kind: Target['kind'], lang: Language): string {
  const s = strings(lang);
  const all = row.targets.filter((t) => t.kind === kind && !t.milestone);
  // an obligation with a deadline says more in a cell than the ones without
  const timed = kind === 'customer' ? all.filter((t) => t.span) : [];
  const targets = timed.length > 0 ? timed : all;
  if (targets.length === 0) return '–';
  const parts = targets.map((t) => {
    let value: string;
    if (t.kind === 'update') {
      value =
        t.cadence === 'on-change'
          ? s.onChange
          : t.cadence === 'daily'
            ? s.daily
            : t.span
              ? s.everySpan(formatSpan(t.span, lang))
              : t.text[lang];
    } else if (t.kind === 'coverage') {
      value = calendarLabel(row.combo.file, t.calendar, lang) || t.text[lang];
    } else if (t.span) {
      value = formatSpan(t.span, lang);
    } else {
      value = shorten(t.text[lang]);
    }
    return t.scope ? `${value} ${scopeLabel(t.scope, lang)}` : value;
  });
  const calendars = new Set(targets.filter((t) => t.kind !== 'coverage' && t.span).map((t) => t.calendar));
  const [only] = calendars;
  const suffix = calendars.size === 1 && only ? s.on(calendarLabel(row.combo.file, only, lang)) : '';
  return `${parts.join(' / ')}${suffix}`;
}

function rowsFor(cmd: SlaCommand, ctx: AnswerContext, combos: Combo[], answer: Answer, lang: Language): Row[] {
  const rows: Row[] = [];
  for (const combo of combos) {
    const { file } = combo;
    if (file.severityFree) {
      rows.push({ combo, mapped: false, targets: targetsOf(ctx.knowledge, combo, undefined, cmd.scope) });
      if (cmd.severity) {
        note(answer, slaWords(lang).severityFree(file.vendorName[lang]));
      }
      continue;
    }
    if (cmd.severity) {
      const choice = severityFor(file, cmd.severity);
      if (!choice) continue;
      rows.push({
        combo,
        severity: choice.severity,
        mapped: choice.mapped,
        targets: targetsOf(ctx.knowledge, combo, choice.severity.id, cmd.scope),
      });
      if (choice.mapped) {
        note(
          answer,
          strings(lang).mappedLevel(
            cmd.severity.text,
            choice.severity.name[lang],
            file.vendorName[lang],
            choice.severity.level,
          ),
        );
      }
      continue;
    }
    for (const severity of file.severities) {
      rows.push({ combo, severity, mapped: false, targets: targetsOf(ctx.knowledge, combo, severity.id, cmd.scope) });
    }
  }
  return rows.filter((r) => r.targets.length > 0);
}

function comboName(ctx: AnswerContext, combo: Combo, lang: Language): string {
  const base = planName(ctx.knowledge, combo.plan, lang);
  const addons = combo.addons.map((a) => planName(ctx.knowledge, a, lang));
  const name = addons.length > 0 ? `${base} + ${addons.join(' + ')}` : base;
  return combo.contract?.name ? `${name} (${combo.contract.name})` : name;
}

/** Notes saying which add-on's target applies, and what it replaces. */
export function appliedAddonNotes(
  ctx: AnswerContext,
  combo: Combo,
  sevId: string | undefined,
  answer: Answer,
  lang: Language,
) {
  for (const { replaced, by } of supersededBy(combo, sevId)) {
    const addon = by.plans.find((p) => combo.addons.includes(p));
    const name = addon ? planName(ctx.knowledge, addon, lang) : '';
    note(answer, slaWords(lang).addonApplies(name, by.text[lang], replaced.text[lang]));
  }
}

/** Notes on add-ons: which one applies (and what it replaces), and which could change the answer. */
function addonNotes(ctx: AnswerContext, row: Row, answer: Answer, lang: Language) {
  const { combo } = row;
  const sevId = row.severity?.id;
  appliedAddonNotes(ctx, combo, sevId, answer, lang);
  for (const addon of combo.file.plans) {
    if (addon.kind !== 'addon' || combo.addons.includes(addon.id) || !(addon.addsTo ?? []).includes(combo.plan))
      continue;
    const withAddon: Combo = { ...combo, addons: [...combo.addons, addon.id] };
    const changed = supersededBy(withAddon, sevId).filter((x) => x.by.plans.includes(addon.id));
    if (changed.length === 0) continue;
    const what = changed.map((x) => x.by.text[lang].replace(/[.。]$/u, '')).join(strings(lang).semicolon);
    note(answer, slaWords(lang).withAddon(addon.name[lang], what));
    suggest(
      answer,
      `sla ${row.severity ? (row.severity.aliases[0] ?? row.severity.id) : ''} ${addon.id}`.replace(/\s+/g, ' '),
    );
  }
}

function scopeNote(rows: Row[], cmd: SlaCommand, answer: Answer, lang: Language) {
  if (cmd.scope) return;
  const scopes = new Set(rows.flatMap((r) => r.targets.map((t) => t.scope).filter(Boolean)));
  if (scopes.size > 1) {
    note(answer, slaWords(lang).bothScopes);
  }
}

function detailed(ctx: AnswerContext, row: Row, answer: Answer, lang: Language) {
  const { file } = row.combo;
  const s = strings(lang);
  const related = new Set<string>();
  for (const t of row.targets) {
    answer.facts.push({ label: targetLabel(row, t, ctx, lang), value: t.text[lang], cite: cite(answer, t, lang) });
    for (const id of t.related ?? []) related.add(id);
  }
  if (row.severity) {
    answer.facts.push({
      label: slaWords(lang).severityMeans(s.means, row.severity.name[lang]),
      value: row.severity.definition[lang],
      cite: cite(answer, row.severity, lang),
    });
  }
  for (const id of related) {
    const fact = file.facts.find((f) => f.id === id);
    if (fact)
      answer.facts.push({
        label: topicLabel(fact.topic, lang),
        value: fact.text[lang],
        cite: cite(answer, fact, lang),
      });
  }
}

/**
 * `focus`: the kind of target the question asks about ("how often … updates"): its figure leads the
 * summary and its targets lead `basis`.
 */
export function slaAnswer(cmd: SlaCommand, ctx: AnswerContext, lang: Language, focus?: Target['kind']): Answer {
  const s = strings(lang);
  const w = slaWords(lang);
  const { combos, from } = selectCombos(ctx.knowledge, cmd, ctx.contracts);
  const answer = emptyAnswer('sla', s.slaAllTitle, '');
  const rows = rowsFor(cmd, ctx, combos, answer, lang);
  if (rows.length === 0) {
    answer.kind = 'not-understood';
    answer.title = s.notUnderstoodTitle;
    const what = [cmd.severity?.text, ...cmd.plans.map((p) => p.text)].filter(Boolean).join(' ');
    answer.summary = w.noMatch(what || cmd.text);
    answer.suggestions.push('sla p1 gold', 'sla sev1 unified', 'sla enterprise');
    return answer;
  }

  if (cmd.unknownSeverity) {
    const known = [...new Set(combos.flatMap((c) => c.file.severities.map((sv) => sv.id)))].join(', ');
    note(answer, w.unknownSeverity(cmd.unknownSeverity, known));
  }
  if (from === 'contracts') {
    const ids = [...new Set(rows.map((r) => r.combo.contract?.id).filter((id) => id !== undefined))];
    note(answer, w.fromContracts(ids as number[]));
  } else if (from === 'catalog') {
    note(answer, w.fromCatalog);
  }

  if (rows.length === 1) {
    const [row] = rows as [Row];
    const name = comboName(ctx, row.combo, lang);
    const sev = row.severity?.name[lang] ?? '';
    answer.title = sev ? s.slaTitle(name, sev) : name;
    detailed(ctx, row, answer, lang);
    const pieces = [
      `${s.firstResponse}${s.colon}${cell(row, 'response', lang)}`,
      `${s.update}${s.colon}${cell(row, 'update', lang)}`,
      `${s.coverage}${s.colon}${cell(row, 'coverage', lang)}`,
    ];
    if (row.targets.some((t) => t.kind === 'customer'))
      pieces.push(`${s.yourDuty}${s.colon}${cell(row, 'customer', lang)}`);
    if (focus && focus !== 'response') {
      const i = ['response', 'update', 'coverage', 'customer'].indexOf(focus);
      const [lead] = pieces.splice(i, 1);
      if (lead) pieces.unshift(lead);
    }
    answer.summary = pieces.filter((p) => !p.endsWith('–')).join(s.semicolon);
    addonNotes(ctx, row, answer, lang);
  } else {
    const sevNames = new Set(rows.map((r) => r.severity?.name[lang]).filter(Boolean));
    answer.title = cmd.severity && sevNames.size > 0 ? s.slaTableTitle(cmd.severity.text.toUpperCase()) : s.slaAllTitle;
    const table = {
      columns: [s.plan, s.severity, s.firstResponse, s.update, s.coverage, s.yourDuty],
      rows: rows.map((r) => [
        withVendor(r.combo.file, comboName(ctx, r.combo, lang), lang),
        r.severity?.name[lang] ?? '–',
        cell(r, 'response', lang),
        cell(r, 'update', lang),
        cell(r, 'coverage', lang),
        cell(r, 'customer', lang),
      ]),
    };
    answer.tables.push(table);
    for (const r of rows) for (const t of r.targets) cite(answer, t, lang);
    for (const r of rows) addonNotes(ctx, r, answer, lang);
    answer.summary = focus
      ? // a question in words gets its answer in the first line: the figure asked about, row by row
        rows
          .map(
            (r) =>
              `${comboName(ctx, r.combo, lang)}${r.severity ? ` ${r.severity.name[lang]}` : ''}${s.colon}${cell(r, focus, lang)}`,
          )
          .join(s.semicolon)
      : w.combinations(rows.length);
    if (!cmd.severity) suggest(answer, 'sla p1 gold');
  }
  scopeNote(rows, cmd, answer, lang);
  const order = focus
    ? [focus, 'response', 'update', 'coverage', 'customer']
    : ['response', 'update', 'coverage', 'customer'];
  answer.basis = rows
    .flatMap((r) => r.targets)
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map((t) => t.id);
  if (from !== 'named' && rows.length > 1) suggest(answer, 'sla sev1 unified');
  return answer;
}
