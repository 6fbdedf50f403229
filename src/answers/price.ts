/**
 * `price [<plan>] [commercial|education]`: list prices per tier and customer type, as the document gives
 * them. Where it states no period the answer says so; a base plan without a listed price is named.
 */
import type { Price } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import { strings } from '../text/i18n.js';
import { planName } from '../text/names.js';
import type { Language } from '../text/normalize.js';
import { priceWords } from '../text/price-words.js';
import type { Command } from './command.js';
import { cite, note } from './common.js';
import type { AnswerContext } from './context.js';
import { formatAmount } from './parse/amount.js';

type PriceCommand = Extract<Command, { kind: 'price' }>;

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function priceAnswer(cmd: PriceCommand, ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  const answer = emptyAnswer('price', s.priceTitle, '');
  const named = cmd.plans.filter((p) => p.kind === 'base').map((p) => p.id);
  const vendors =
    cmd.vendors.length > 0 ? cmd.vendors : ctx.knowledge.plans.filter((f) => f.prices.length > 0).map((f) => f.vendor);
  const types: Price['customerType'][] = cmd.customerType ? [cmd.customerType] : ['commercial', 'education'];
  const rows: string[][] = [];
  const unpriced: string[] = [];
  let periodMissing = false;
  for (const vendor of vendors) {
    const file = ctx.knowledge.plans.find((f) => f.vendor === vendor);
    if (!file) continue;
    const plans = file.plans.filter((p) => p.kind === 'base' && (named.length === 0 || named.includes(p.id)));
    for (const plan of plans) {
      const prices = file.prices.filter((p) => p.plan === plan.id && types.includes(p.customerType));
      if (prices.length === 0) {
        if (file.prices.length > 0 || named.includes(plan.id)) unpriced.push(plan.name[lang]);
        continue;
      }
      const cells = types.map((type) => {
        const p = prices.find((x) => x.customerType === type);
        if (!p) return '–';
        cite(answer, p, lang);
        answer.basis = [...(answer.basis ?? []), `price.${vendor}.${p.plan}.${p.customerType}`];
        if (p.period === null) periodMissing = true;
        return `${formatAmount(p.amount, p.currency)}${p.period ? ` / ${p.period}` : ''}`;
      });
      rows.push([plan.name[lang], ...cells]);
    }
  }
  if (rows.length === 0) {
    answer.kind = 'not-covered';
    answer.title = s.notCoveredTitle;
    const which = named.map((id) => planName(ctx.knowledge, id, lang)).join(', ');
    answer.summary = priceWords(lang).noPrice(which);
    answer.suggestions.push('price gold', 'price education');
    return answer;
  }
  answer.tables.push({ columns: [s.tier, ...types.map((t) => capitalize(s[t]))], rows });
  answer.summary = rows.map((r) => `${r[0]}${s.colon}${r.slice(1).join(' / ')}`).join(s.semicolon);
  if (periodMissing) {
    note(answer, priceWords(lang).noPeriod);
  }
  for (const name of unpriced) {
    note(answer, priceWords(lang).unpriced(name));
  }
  return answer;
}
