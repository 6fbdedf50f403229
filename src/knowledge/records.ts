/**
 * Every statement of the knowledge base that can answer a question on its own, as one flat list: facts,
 * targets, quotas, prices, cancellation-fee steps and the flex cap. The search indexes them beside the
 * glossary terms and the clauses (src/search/records.ts), so that a question lands on the one record that
 * answers it; the answer engine then states the record with its verbatim quote.
 *
 * Ids: facts, targets and quotas keep theirs (unique across the knowledge base); a price is
 * `price.<vendor>.<plan>.<customer type>`, the cancellation schedule `fee.<vendor>.cancellation`, one step
 * of it `fee.<vendor>.cancellation.<i>`, the flex cap `fee.<vendor>.flex-cap`.
 */
import type { Knowledge } from './load.js';
import type { Bilingual, Fact, PlanFile, Price, QuotaRule, SourceRef, Target } from './schema.js';
import { knowledgeWords } from './words.js';

export type RecordKind = 'fact' | 'target' | 'quota' | 'price' | 'fee-schedule' | 'fee-step' | 'flex-cap';

export interface AnswerRecord {
  id: string;
  kind: RecordKind;
  vendor: string;
  /** plan and add-on ids the record applies to */
  plans: string[];
  /** the statement in a line */
  text: Bilingual;
  source: SourceRef;
  certainty: 'stated' | 'inferred';
  reason?: string;
  /** the reason in Chinese */
  reasonZh?: string;
  /** words a person may use for it: keywords, the quota's or plan's names and aliases */
  names: string[];
  /** whose it is: the vendor's names and those of the plans it applies to (a fact rarely repeats them) */
  owner: string[];
  /** the number it states, when it states one (a limit, a price, a percentage, a span in minutes) */
  number?: number;
  /** the record as the knowledge file has it */
  fact?: Fact;
  target?: Target;
  quota?: QuotaRule;
  price?: Price;
}

function planNames(file: PlanFile, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const plan = file.plans.find((p) => p.id === id);
    if (plan) out.push(plan.name.en, plan.name.zh, ...plan.aliases);
  }
  return out;
}

function severityNames(file: PlanFile, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const s = file.severities.find((x) => x.id === id);
    if (s) out.push(s.name.en, s.name.zh, ...s.aliases.slice(0, 4));
  }
  return out;
}

const TARGET_WORDS: Record<Target['kind'], string[]> = {
  response: ['response time', 'first response', '回應時間', '首次回應'],
  update: ['update', 'updates', '更新'],
  coverage: ['coverage', 'hours', '24x7', '服務時段'],
  customer: ['our obligation', '義務'],
};

function spanMinutes(t: Target): number | undefined {
  if (!t.span) return undefined;
  return 'minutes' in t.span ? t.span.minutes : t.span.businessDays;
}

/** How a quota's window is said, so that "per year" or 「每季」 finds the quota. */
const WINDOW_WORDS: Record<QuotaRule['window'], string[]> = {
  'calendar-quarter': ['per quarter', 'calendar quarter', '每季', '日曆季度'],
  'calendar-year': ['per year', 'calendar year', 'a year', '每年', '一年'],
  'rolling-12-months': ['per year', 'twelve months', '12 months', '十二個月', '每年'],
  'contract-term': ['contract term', 'per contract', '合約期間'],
  'per-event': ['per event', 'each event', '每次事件'],
};

/** Whether unused allowance carries over, in words a question uses. */
function carryWords(quota: QuotaRule): string[] {
  return quota.carryOver
    ? ['carry over', 'roll over', '可延至下一期']
    : ['carry over', 'roll over', 'unused', 'expire', 'lapse', '延至', '失效', '未使用', '留到'];
}

const PERCENT_TEXT = (n: number) => ({ en: `${n} %`, zh: `${n}%` });

const RECORDS = new WeakMap<object, readonly AnswerRecord[]>();

/**
 * Every record of every plan file, in file order: listed once per set of plans (the answers and the search index
 * both ask for them; a workspace with imported plans has its own set).
 */
export function recordsOf(knowledge: Pick<Knowledge, 'plans'>): readonly AnswerRecord[] {
  let records = RECORDS.get(knowledge.plans);
  if (!records) {
    records = buildRecords(knowledge.plans);
    RECORDS.set(knowledge.plans, records);
  }
  return records;
}

function buildRecords(plans: Knowledge['plans']): AnswerRecord[] {
  const out: AnswerRecord[] = [];
  const owned = (file: PlanFile, r: Omit<AnswerRecord, 'owner'>) => out.push({ ...r, owner: ownerOf(file, r.plans) });
  for (const file of plans) {
    const vendor = file.vendor;
    const cited = (r: {
      source: SourceRef;
      certainty: 'stated' | 'inferred';
      reason?: string | undefined;
      reasonZh?: string | undefined;
    }) => ({
      source: r.source,
      certainty: r.certainty,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.reasonZh ? { reasonZh: r.reasonZh } : {}),
    });
    for (const fact of file.facts) {
      owned(file, {
        id: fact.id,
        kind: 'fact',
        vendor,
        plans: fact.plans,
        text: fact.text,
        ...cited(fact),
        names: [...fact.keywords],
        ...(typeof fact.value === 'number' ? { number: fact.value } : {}),
        fact,
      });
    }
    for (const target of file.targets) {
      const number = spanMinutes(target);
      owned(file, {
        id: target.id,
        kind: 'target',
        vendor,
        plans: target.plans,
        text: target.text,
        ...cited(target),
        names: [
          ...TARGET_WORDS[target.kind],
          ...severityNames(file, target.severities),
          ...planNames(file, target.plans).slice(0, 4),
        ],
        ...(number !== undefined ? { number } : {}),
        target,
      });
    }
    for (const quota of file.quotas) {
      owned(file, {
        id: quota.id,
        kind: 'quota',
        vendor,
        plans: quota.plans,
        text: quota.text ?? {
          en: `${quota.name.en}: ${quota.limit} ${quota.unit}`,
          zh: `${quota.name.zh}：${quota.limit}`,
        },
        ...cited(quota),
        names: [quota.name.en, quota.name.zh, ...quota.aliases, ...WINDOW_WORDS[quota.window], ...carryWords(quota)],
        number: quota.limit,
        quota,
      });
    }
    for (const price of file.prices) {
      const plan = file.plans.find((p) => p.id === price.plan);
      const amount = price.amount.toLocaleString('en-US');
      owned(file, {
        id: `price.${vendor}.${price.plan}.${price.customerType}`,
        kind: 'price',
        vendor,
        plans: [price.plan],
        text: {
          en: `${plan?.name.en ?? price.plan}, ${price.customerType} customers: ${price.currency} ${amount}.`,
          zh: `${plan?.name.zh ?? price.plan}（${price.customerType === 'education' ? '教育用戶' : '商業用戶'}）：${price.currency} ${amount}。`,
        },
        ...cited(price),
        names: ['price', 'cost', '價格', price.customerType, ...planNames(file, [price.plan])],
        number: price.amount,
        price,
      });
    }
    const cancellation = file.fees.cancellation;
    if (cancellation) {
      const names = [
        'cancel',
        'cancellation',
        'cancellation fee',
        'late cancellation',
        '取消',
        '取消費用',
        'refund',
        '退款',
      ];
      owned(file, {
        id: `fee.${vendor}.cancellation`,
        kind: 'fee-schedule',
        vendor,
        plans: cancellation.plans,
        text: {
          en: `Cancelling a scheduled service: ${cancellation.steps.map(stepText('en')).join('; ')}.`,
          zh: `取消已排定的服務：${cancellation.steps.map(stepText('zh')).join('；')}。`,
        },
        ...cited(cancellation),
        names,
      });
      cancellation.steps.forEach((step, i) => {
        owned(file, {
          id: `fee.${vendor}.cancellation.${i}`,
          kind: 'fee-step',
          vendor,
          plans: cancellation.plans,
          text: { en: `${stepText('en')(step)}.`, zh: `${stepText('zh')(step)}。` },
          ...cited(cancellation),
          names,
          number: step.chargePercent,
        });
      });
    }
    const flex = file.fees.flexCap;
    if (flex) {
      const p = PERCENT_TEXT(flex.percent);
      owned(file, {
        id: `fee.${vendor}.flex-cap`,
        kind: 'flex-cap',
        vendor,
        plans: flex.plans,
        text: {
          en: `At most ${p.en} of the flex allowance or ${flex.currency} ${flex.floor.toLocaleString('en-US')}, whichever is greater, may buy proactive credits or custom proactive services.`,
          zh: `最多可用彈性額度的 ${p.zh} 或 ${flex.currency} ${flex.floor.toLocaleString('en-US')}（以較高者為準）購買主動折讓或自訂主動式服務。`,
        },
        ...cited(flex),
        names: ['flex cap', 'flex allowance', 'proactive credits', '彈性額度', '主動折讓'],
        number: flex.percent,
      });
    }
  }
  return out;
}

/** The vendor's and the plans' names, for `owner`. */
function ownerOf(file: PlanFile, plans: readonly string[]): string[] {
  return [file.vendorName.en, ...file.vendorAliases, ...planNames(file, plans)];
}

type Step = NonNullable<PlanFile['fees']['cancellation']>['steps'][number];

function stepText(lang: 'en' | 'zh') {
  const w = knowledgeWords(lang);
  return (step: Step): string => {
    const days =
      step.maxDays === null
        ? w.stepOrMore(step.minDays)
        : step.minDays === 0
          ? w.stepWithin(step.maxDays)
          : w.stepBetween(step.minDays, step.maxDays);
    return w.stepCharge(days, step.chargePercent);
  };
}
