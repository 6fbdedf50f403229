/**
 * `quota [<entitlement>]`: used, left and when the window ends, for each of the workspace's contracts,
 * from the recorded uses; and the helpers the glue uses for `quota use <entitlement> [<n>]`.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { PlanFile, QuotaRule } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Contract } from '../model/records.js';
import { type QuotaStatus, quotaStatus } from '../rules/index.js';
import { parserProblem, strings } from '../text/i18n.js';
import { planName, withVendor } from '../text/names.js';
import type { Language } from '../text/normalize.js';
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
  return lang === 'zh'
    ? `${windowName(rule, lang)} ${limit} ${unitOf(rule, lang)}`
    : `${limit} ${unitOf(rule, lang)} ${windowName(rule, lang)}`;
}

function windowName(rule: QuotaRule, lang: Language): string {
  const en: Record<QuotaRule['window'], string> = {
    'calendar-quarter': 'per calendar quarter',
    'calendar-year': 'per calendar year',
    'rolling-12-months': 'per rolling 12 months',
    'contract-term': 'per contract term',
    'per-event': 'per event',
  };
  const zh: Record<QuotaRule['window'], string> = {
    'calendar-quarter': '每個日曆季度',
    'calendar-year': '每個日曆年',
    'rolling-12-months': '每滾動 12 個月',
    'contract-term': '合約期間',
    'per-event': '每次活動',
  };
  return (lang === 'zh' ? zh : en)[rule.window];
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
  const ends = st.windowEnd ?? (lang === 'zh' ? '—' : '—');
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
      lines.push(
        lang === 'zh'
          ? `${rule.name.zh}：已用 ${st.used}，剩 ${st.remaining}（至 ${st.windowEnd}）`
          : `${rule.name.en}: ${st.used} used, ${st.remaining} left (until ${st.windowEnd})`,
      );
      if (st.expiresAt) {
        answer.times.push(
          answerTime(`${rule.name[lang]} · ${s.windowEnds}`, st.expiresAt, contract.zone, ctx.userZone, {
            cite: cite(answer, rule, lang),
          }),
        );
      }
      if (!rule.carryOver && st.remaining > 0) {
        note(
          answer,
          lang === 'zh'
            ? `${rule.name.zh}：未用完的次數不會延續。`
            : `${rule.name.en}: what is left does not carry over.`,
        );
      }
    }
  }
  if (rows.length > 0) {
    answer.tables.push({ columns: [s.contract, s.quotaTitle, s.used, s.left, s.limit, s.windowEnds], rows });
    answer.summary = lines.join(lang === 'zh' ? '；' : '; ') || (lang === 'zh' ? '見下表。' : 'See the table.');
    answer.suggestions.push(`quota use ${cmd.quotaIds[0] ?? 'coaching'} 1`);
    return answer;
  }
  // no contract (or none with quotas): list the rules themselves
  const rules = ctx.knowledge.plans.flatMap((f) => f.quotas.filter(wanted).map((q) => ({ f, q })));
  if (rules.length === 0) {
    answer.kind = 'not-covered';
    answer.title = s.notCoveredTitle;
    answer.summary = lang === 'zh' ? '這些合約中沒有此配額。' : 'These contracts have no such quota.';
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
  answer.summary =
    ctx.contracts.length === 0
      ? lang === 'zh'
        ? '本工作區尚無合約；以下是各方案的配額規定。新增合約後即可追蹤使用量。'
        : 'No contract on file, so here are the quota rules; add a contract to track what is used and left.'
      : lang === 'zh'
        ? '本工作區的合約沒有這些配額；以下是各方案的規定。'
        : "This workspace's contracts have none of these quotas; here are the rules per plan.";
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
    return fail(cmd.problems.map((p) => parserProblem(p, lang)).join(' '), ['quota use coaching 1']);
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
      lang === 'zh'
        ? `找不到「${cmd.query || '（未指定）'}」這項配額${contracts.length === 0 ? '：本工作區尚無合約' : ''}。`
        : `No quota "${cmd.query || '(none named)'}" on this workspace's contracts${contracts.length === 0 ? ' (there are none yet)' : ''}.`,
      all.length > 0 ? all.map((a) => `quota use ${a} 1`) : ['contract add autodesk enterprise region=emea'],
    );
  }
  return fail(
    lang === 'zh' ? '有多項配額符合，請指定一項：' : 'Several quotas match; name one:',
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
  const answer = emptyAnswer('quota', s.quotaTitle, '');
  const c = cite(answer, rule, lang);
  const name = `${planName(knowledge, contract.plan, lang)} #${contract.id}`;
  if (rule.window === 'per-event') {
    answer.summary =
      lang === 'zh'
        ? `已記錄 ${count} 次 ${rule.name.zh}（${name}）。上限：每次活動 ${rule.limit} ${unitOf(rule, lang)}。`
        : `Recorded ${count} × ${rule.name.en} on ${name}. Limit: ${rule.limit} ${unitOf(rule, lang)} per event.`;
    return answer;
  }
  const st = statusOf(rule, contract, uses, now);
  answer.summary =
    lang === 'zh'
      ? `已記錄 ${count} 次 ${rule.name.zh}（${name}）：已用 ${st.used}／${st.limit}，剩 ${st.remaining}，期限至 ${st.windowEnd}。`
      : `Recorded ${count} × ${rule.name.en} on ${name}: ${st.used} of ${st.limit} used, ${st.remaining} left until ${st.windowEnd}.`;
  answer.facts.push(
    { label: s.used, value: String(st.used), cite: c },
    { label: s.left, value: String(st.remaining), cite: c },
    { label: s.limit, value: limitText(rule, lang, st.limit), cite: c },
  );
  if (st.expiresAt) answer.times.push(answerTime(s.windowEnds, st.expiresAt, contract.zone, userZone, { cite: c }));
  if (st.overBy > 0) {
    note(
      answer,
      lang === 'zh'
        ? `已超出上限 ${st.overBy}。`
        : `This is ${st.overBy} over the limit: check with the vendor before booking more.`,
    );
  }
  return answer;
}
