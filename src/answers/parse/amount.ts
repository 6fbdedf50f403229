/**
 * Money and counts as typed: 250000, 250,000, $250,000, USD 250k, 1.5m, 25萬, 2,500 美元.
 */

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

/** The first amount in normalised text, and the text without it. */
export function extractAmount(text: string): { amount?: number; rest: string } {
  const m = AMOUNT.exec(text);
  if (!m?.[1]) return { rest: text };
  const base = Number(m[1].replace(/,/g, ''));
  const amount = base * (m[2] ? (MULTIPLIER[m[2]] ?? 1) : 1);
  if (!Number.isFinite(amount)) return { rest: text };
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  return { amount, rest };
}

/** One formatter for every call: building one (what toLocaleString does each time) costs far more than using it. */
const AMOUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Format an amount with thousands separators: 250000 → "250,000". */
export function formatAmount(amount: number, currency?: string): string {
  const n = AMOUNT_FORMAT.format(amount);
  return currency ? `${currency} ${n}` : n;
}
