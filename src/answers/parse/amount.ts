/**
 * Money and counts as typed: 250000, 250,000, $250,000, USD 250k, 1.5m, 25萬, 2,500 美元. Decimal, positive
 * and finite only: a number written with a sign, an exponent or a base prefix (-5, 1e309, 0x10) is refused
 * as a whole, never read as the digits after the sign, the e or the x (which made flex=1e309 an allowance of 309).
 */
import type { ParseProblem } from '../../text/problem-words.js';

const AMOUNT =
  /(?:(?:usd|us\$|\$|美元)\s*)?(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|萬|万|千|百萬|百万)?(?![\d.a-z])(?:\s*(?:usd|美元|元))?/;

const MULTIPLIER: Record<string, number> = {
  k: 1_000,
  千: 1_000,
  m: 1_000_000,
  萬: 10_000,
  万: 10_000,
  百萬: 1_000_000,
  百万: 1_000_000,
};

/** A number in a form amounts are not written in: signed, with an exponent, in another base, or not finite. */
const NOT_DECIMAL =
  /(?<![\p{L}\p{N}_.])(?:[-−+]\s*\d[\d,.]*|\d+(?:\.\d+)?e[+-]?\d+|0[xob][\da-f]+|infinity|nan)(?![\p{L}\p{N}_])/iu;

/**
 * The first amount in normalised text, and the text without it. `refused` is set (and `amount` not) when the
 * text holds a number in a form that is not a positive decimal amount, to be reported as such.
 */
export function extractAmount(text: string): { amount?: number; rest: string; refused?: string } {
  const odd = NOT_DECIMAL.exec(text);
  if (odd) return { rest: text, refused: odd[0] };
  const m = AMOUNT.exec(text);
  if (!m?.[1]) return { rest: text };
  const base = Number(m[1].replace(/,/g, ''));
  const amount = base * (m[2] ? (MULTIPLIER[m[2]] ?? 1) : 1);
  if (!Number.isFinite(amount)) return { rest: text };
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  return { amount, rest };
}

/**
 * One formatter for every call: building one (what toLocaleString does each time) costs far more than using it.
 * Built on first use, not when the module loads: that cost every one-shot `entitlebot ask` about 18 ms here,
 * whether or not its answer shows an amount.
 */
let amountFormat: Intl.NumberFormat | undefined;

/** Format an amount (or any number) with thousands separators and at most two decimals: 250000 → "250,000". */
export function formatAmount(amount: number, currency?: string): string {
  amountFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const n = amountFormat.format(amount);
  return currency ? `${currency} ${n}` : n;
}

/** An amount that must be the whole of `text` (a `key=value` value): the amount, or why not, for a person. */
export function parseAmountValue(text: string): { amount: number } | { error: ParseProblem } {
  const m = AMOUNT.exec(text.trim());
  const whole = m !== null && m.index === 0 && m[0].length === text.trim().length;
  const { amount, refused } = whole ? extractAmount(text.trim()) : { amount: undefined, refused: undefined };
  if (amount !== undefined && amount > 0 && Number.isFinite(amount) && !refused) return { amount };
  return { error: { code: 'not-positive-amount', value: text } };
}
