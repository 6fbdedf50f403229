/**
 * `quota [<entitlement>]`: used, left and when the window ends, for each of the workspace's contracts,
 * from the recorded uses; and the helpers the glue uses for `quota use <entitlement> [<n>]`.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { PlanFile, QuotaRule } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Contract } from '../model/records.js';
import { type QuotaStatus, quotaStatus } from '../rules/index.js';
import { strings } from '../text/i18n.js';
import { planName, withVendor } from '../text/names.js';
import type { Language } from '../text/normalize.js';
import { problemsText } from '../text/problem-words.js';
import { quotaWords } from '../text/quota-words.js';
import type { Command } from './command.js';
import { answerTime, cite, fileOf, note } from './common.js';
import type { AnswerContext, QuotaUseRecord } from './context.js';

type QuotaCommand = Extract<Command, { kind: 'quota' }>;
type QuotaUseCommand = Extract<Command, { kind: 'quota-use' }>;

/** The quota rules that apply to a contract (its base plan or add-ons). */
export function quotasOf(file: PlanFile, contract: Pick<Contract, 'plan' | 'addons'>): QuotaRule[] {
  const ids = [contract.plan, ...contract.addons];
  return file.quotas.filter((q) => q.plans.some((p) => ids.includes(p)));
}

/** Status of one quota on one contract at `now`, from the recorded uses. */
export function statusOf(rule: QuotaRule, contract: Contract, uses: QuotaUseRecord[], now: Date): QuotaStatus {
  return quotaStatus({
    rule: { limit: rule.limit, window: rule.window, carryOver: rule.carryOver },
    uses: uses
      .filter((u) => u.contractId === contract.id && u.quotaId === rule.id)
      .map((u) => ({ date: u.usedOn, count: u.count })),
    now,
    zone: contract.zone,
    contractStart: contract.startDate,
    contractEnd: contract.endDate,
  });
}

/** "1 meeting", "3 sessions" (the data names English units in the plural); 「3 次課程」 in Chinese. */
function unitOf(rule: QuotaRule, lang: Language): string {
  if (lang === 'zh') return rule.unitZh;
  return rule.limit === 1 && rule.unit.endsWith('s') ? rule.unit.slice(0, -1) : rule.unit;
}

/** "3 sessions per calendar quarter" / 「每個日曆季度 3 次課程」 */
function limitText(rule: QuotaRule, lang: Language, limit = rule.limit): string {
  const w = quotaWords(lang);
  return w.limit(limit, unitOf(rule, lang), w.windows[rule.window]);
}

function addStatusRow(
  answer: Answer,
  rule: QuotaRule,
  contract: Contract,
  st: QuotaStatus,
  lang: Language,
  rows: string[][],
) {
  cite(answer, rule, lang);
  const ends = st.windowEnd ?? '—';
  rows.push([
    `#${contract.id}${contract.name ? ` ${contract.name}` : ''}`,
    rule.name[lang],
    String(st.used),
    String(st.remaining),
    limitText(rule, lang, st.limit),
    ends,
  ]);
}

export function quotaAnswer(cmd: QuotaCommand, ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  const w = quotaWords(lang);
  const answer = emptyAnswer('quota', s.quotaTitle, '');
  const uses = ctx.quotaUses ?? [];
  const wanted = (q: QuotaRule) => cmd.quotaIds.length === 0 || cmd.quotaIds.includes(q.id);
  const rows: string[][] = [];
  const lines: string[] = [];
  for (const contract of ctx.contracts) {
    const file = fileOf(ctx.knowledge, contract.vendor);
    if (!file) continue;
    for (const rule of quotasOf(file, contract).filter(wanted)) {
      if (rule.window === 'per-event') {
        cite(answer, rule, lang);
        rows.push([`#${contract.id}`, rule.name[lang], '–', '–', limitText(rule, lang), '–']);
        continue;
      }
      let st: QuotaStatus;
      try {
        st = statusOf(rule, contract, uses, ctx.now);
      } catch (err) {
        note(answer, `#${contract.id} ${rule.name[lang]}: ${(err as Error).message}`);
        continue;
      }
      addStatusRow(answer, rule, contract, st, lang, rows);
      if (!answer.basis?.includes(rule.id)) answer.basis = [...(answer.basis ?? []), rule.id];
      lines.push(w.status(rule.name[lang], st.used, st.remaining, st.windowEnd));
      if (st.expiresAt) {
        answer.times.push(
          answerTime(`${rule.name[lang]} · ${s.windowEnds}`, st.expiresAt, contract.zone, ctx.userZone, {
            cite: cite(answer, rule, lang),
          }),
        );
      }
      if (!rule.carryOver && st.remaining > 0) {
        note(answer, w.noCarryOver(rule.name[lang]));
      }
    }
  }
  if (rows.length > 0) {
    answer.tables.push({ columns: [s.contract, s.quotaTitle, s.used, s.left, s.limit, s.windowEnds], rows });
    answer.summary = lines.join(s.semicolon) || w.seeTable;
    answer.suggestions.push(`quota use ${cmd.quotaIds[0] ?? 'coaching'} 1`);
    return answer;
  }
  // no contract (or none with quotas): list the rules themselves
  const rules = ctx.knowledge.plans.flatMap((f) => f.quotas.filter(wanted).map((q) => ({ f, q })));
  if (rules.length === 0) {
    answer.kind = 'not-covered';
    answer.title = s.notCoveredTitle;
    answer.summary = w.noSuchQuota;
    answer.suggestions.push('quota');
    return answer;
  }
  answer.tables.push({
    columns: [s.plan, s.quotaTitle, s.limit],
    rows: rules.map(({ f, q }) => {
      cite(answer, q, lang);
      return [
        withVendor(f, q.plans.map((p) => planName(ctx.knowledge, p, lang)).join('/'), lang),
        q.name[lang],
        limitText(q, lang),
      ];
    }),
  });
  answer.summary = ctx.contracts.length === 0 ? w.rulesNoContract : w.rulesNoneOfThese;
  answer.suggestions.push('contract add autodesk enterprise region=emea');
  return answer;
}

export type QuotaTarget = { ok: true; contract: Contract; rule: QuotaRule } | { ok: false; answer: Answer };

/**
 * Which contract and quota a `quota use` command means. The glue records the use (store) and then calls
 * quotaUsedAnswer; when the command is ambiguous or wrong, it shows the answer instead.
 */
export function resolveQuotaUse(knowledge: Knowledge, contracts: Contract[], cmd: QuotaUseCommand): QuotaTarget {
  const lang = cmd.language;
  const s = strings(lang);
  const fail = (summary: string, suggestions: string[]): QuotaTarget => {
    const answer = emptyAnswer('not-understood', s.notUnderstoodTitle, summary);
    answer.suggestions.push(...suggestions);
    return { ok: false, answer };
  };
  if (cmd.problems.length > 0) {
    return fail(problemsText(cmd.problems, lang), ['quota use coaching 1']);
  }
  const candidates: { contract: Contract; rule: QuotaRule }[] = [];
  for (const contract of contracts) {
    const file = fileOf(knowledge, contract.vendor);
    if (!file) continue;
    for (const rule of quotasOf(file, contract)) {
      if (cmd.quotaIds.length === 0 || cmd.quotaIds.includes(rule.id)) candidates.push({ contract, rule });
    }
  }
  const all = contracts.flatMap((c) => {
    const file = fileOf(knowledge, c.vendor);
    return file ? quotasOf(file, c).map((r) => r.aliases[0] ?? r.id) : [];
  });
  if (candidates.length === 1) {
    const [only] = candidates as [{ contract: Contract; rule: QuotaRule }];
    return { ok: true, ...only };
  }
  if (candidates.length === 0) {
    return fail(
      quotaWords(lang).notFound(cmd.query, contracts.length === 0),
      all.length > 0 ? all.map((a) => `quota use ${a} 1`) : ['contract add autodesk enterprise region=emea'],
    );
  }
  return fail(
    quotaWords(lang).several,
    candidates.map((c) => `quota use ${c.rule.aliases[0] ?? c.rule.id} ${cmd.count}`),
  );
}

/** The reply after the glue recorded a use: the quota's status including it. */
export function quotaUsedAnswer(
  knowledge: Knowledge,
  contract: Contract,
  rule: QuotaRule,
  count: number,
  uses: QuotaUseRecord[],
  now: Date,
  lang: Language,
  userZone?: string,
): Answer {
  const s = strings(lang);
  const w = quotaWords(lang);
  const answer = emptyAnswer('quota', s.quotaTitle, '');
  const c = cite(answer, rule, lang);
  const name = `${planName(knowledge, contract.plan, lang)} #${contract.id}`;
  if (rule.window === 'per-event') {
    answer.summary = w.recordedPerEvent(count, rule.name[lang], name, rule.limit, unitOf(rule, lang));
    return answer;
  }
  const st = statusOf(rule, contract, uses, now);
  answer.summary = w.recorded(count, rule.name[lang], name, st.used, st.limit, st.remaining, st.windowEnd);
  answer.facts.push(
    { label: s.used, value: String(st.used), cite: c },
    { label: s.left, value: String(st.remaining), cite: c },
    { label: s.limit, value: limitText(rule, lang, st.limit), cite: c },
  );
  if (st.expiresAt) answer.times.push(answerTime(s.windowEnds, st.expiresAt, contract.zone, userZone, { cite: c }));
  if (st.overBy > 0) {
    note(answer, w.over(st.overBy));
  }
  return answer;
}
