/**
 * Fees. Every number (steps, percentages, floors, prices) comes in as an argument, from the knowledge files;
 * this module only applies the rules.
 */
import { RulesError, showValue } from './errors.js';
import { dayNumberOf, isIsoDate } from './zone.js';

/** One step of a cancellation schedule: whole days of notice from minDays to maxDays (both inclusive). */
export interface CancellationStep {
  minDays: number;
  /** null: no upper bound */
  maxDays: number | null;
  chargePercent: number;
}

export interface CancellationFeeInput {
  /** the date of the scheduled service, YYYY-MM-DD */
  serviceDate: string;
  /** the date the cancellation was given, YYYY-MM-DD */
  noticeDate: string;
  /** the service's price, when the fee itself is wanted */
  amount?: number;
  steps: readonly CancellationStep[];
}

export interface CancellationFee {
  /** whole calendar days from the notice date to the service date */
  daysOfNotice: number;
  /** the share of the service fee charged */
  percent: number;
  /** amount × percent, rounded to cents, when an amount was given */
  fee?: number;
  step: CancellationStep;
  stepIndex: number;
}

function checkDate(value: unknown, field: string): number {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new RulesError(`${field}: expected a date 'YYYY-MM-DD', got ${showValue(value)}`, field);
  }
  return dayNumberOf(value);
}

function checkNumber(value: unknown, field: string, min: number, max = Number.POSITIVE_INFINITY): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new RulesError(`${field}: expected a number ${range}, got ${showValue(value)}`, field);
  }
  return value;
}

const stepRange = (s: CancellationStep) => (s.maxDays === null ? `${s.minDays}+` : `${s.minDays}–${s.maxDays}`);

function checkSteps(steps: readonly CancellationStep[]): void {
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new RulesError(`steps: expected at least one cancellation step, got ${showValue(steps)}`, 'steps');
  }
  steps.forEach((s, i) => {
    const field = `steps[${i}]`;
    if (!Number.isInteger(s?.minDays) || s.minDays < 0) {
      throw new RulesError(`${field}.minDays: expected a whole number ≥ 0, got ${showValue(s?.minDays)}`, field);
    }
    if (s.maxDays !== null && (!Number.isInteger(s.maxDays) || s.maxDays < s.minDays)) {
      throw new RulesError(
        `${field}.maxDays: expected null or a whole number ≥ minDays (${s.minDays}), got ${showValue(s.maxDays)}`,
        field,
      );
    }
    checkNumber(s.chargePercent, `${field}.chargePercent`, 0, 100);
  });
  const sorted = [...steps].sort((a, b) => a.minDays - b.minDays);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as CancellationStep;
    const next = sorted[i] as CancellationStep;
    if (prev.maxDays === null || prev.maxDays >= next.minDays) {
      throw new RulesError(`steps: the steps ${stepRange(prev)} and ${stepRange(next)} days overlap`, 'steps');
    }
  }
}

/**
 * The cancellation charge for a scheduled service. Days of notice are whole calendar days from the notice
 * date to the service date (cancelling the day before is 1 day, on the day itself 0 days); the step whose
 * inclusive range holds that number applies. A notice date after the service date is an error, and so is
 * a number of days no step covers.
 */
export function cancellationFee(input: CancellationFeeInput): CancellationFee {
  const service = checkDate(input?.serviceDate, 'serviceDate');
  const notice = checkDate(input.noticeDate, 'noticeDate');
  checkSteps(input.steps);
  if (notice > service) {
    throw new RulesError(
      `noticeDate: ${input.noticeDate} is after the service date ${input.serviceDate}; a cancellation is given on or before the service date`,
      'noticeDate',
    );
  }
  const daysOfNotice = service - notice;
  const stepIndex = input.steps.findIndex(
    (s) => daysOfNotice >= s.minDays && (s.maxDays === null || daysOfNotice <= s.maxDays),
  );
  const step = input.steps[stepIndex];
  if (!step) {
    throw new RulesError(
      `steps: no step covers ${daysOfNotice} days of notice (the steps cover ${input.steps.map(stepRange).join(', ')} days)`,
      'steps',
    );
  }
  const result: CancellationFee = { daysOfNotice, percent: step.chargePercent, step, stepIndex };
  if (input.amount !== undefined) {
    const amount = checkNumber(input.amount, 'amount', 0);
    result.fee = Math.round(amount * step.chargePercent) / 100;
  }
  return result;
}

export interface FlexCreditCapInput {
  /** the flex allowance of the contract */
  allowance: number;
  /** share of the allowance that may go to proactive credits, e.g. 20 */
  percent: number;
  /** the fixed amount that may always be used when larger, e.g. 50000 */
  floor: number;
}

export interface FlexCreditCap {
  /** the most of the allowance usable for proactive credits */
  cap: number;
  /** what set the cap: the percentage, the floor, or the allowance itself (the floor exceeds it) */
  by: 'percent' | 'floor' | 'allowance';
  /** percent × allowance, for showing the working */
  percentAmount: number;
}

/**
 * The cap on proactive credits bought from the flex allowance: the greater of `percent` % of the allowance
 * or `floor` ("最多可用 20% 或 $50,000 美元的彈性額度…以價高者為準"). The credits are paid out of the allowance, so the
 * cap never exceeds the allowance itself: with an allowance below the floor, the whole allowance is usable.
 */
export function flexCreditCap(input: FlexCreditCapInput): FlexCreditCap {
  const allowance = checkNumber(input?.allowance, 'allowance', 0);
  const percent = checkNumber(input.percent, 'percent', 0, 100);
  const floor = checkNumber(input.floor, 'floor', 0);
  const percentAmount = Math.round(allowance * percent) / 100;
  const greater = Math.max(percentAmount, floor);
  if (greater > allowance) return { cap: allowance, by: 'allowance', percentAmount };
  return { cap: greater, by: percentAmount >= floor ? 'percent' : 'floor', percentAmount };
}

export interface ListPrice {
  plan: string;
  customerType: string;
  amount: number;
  currency: string;
  period: string | null;
}

/** The list price of a plan tier for a customer type, from the prices a knowledge file gives. */
export function listPrice<P extends ListPrice>(prices: readonly P[], plan: string, customerType: string): P {
  const match = prices.find((p) => p.plan === plan && p.customerType === customerType);
  if (match) return match;
  const known = prices.map((p) => `${p.plan}/${p.customerType}`).join(', ') || 'none';
  throw new RulesError(
    `no list price for plan ${showValue(plan)} and customer type ${showValue(customerType)}; known: ${known}`,
  );
}
