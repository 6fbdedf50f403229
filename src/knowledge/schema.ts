/**
 * The shape of `knowledge/plans/*.yml`: one file per vendor document.
 *
 * Every statement the app makes about a contract is one of the cited records below, and every
 * cited record carries `source: { doc, quote }` where `quote` occurs verbatim (whitespace-insensitive)
 * in `knowledge/sources/<doc>`. Where the document lost or leaves out information, the record says
 * `certainty: inferred` and gives a one-line `reason` (and `reasonZh`, the same in Chinese), and the answers
 * repeat that caveat in the language of the question.
 *
 * Objects are strict: an unknown key (usually a typo such as `certanty:`) is an error, not silently dropped.
 * `src/knowledge/load.ts` adds the checks zod cannot express: ids unique, references resolve (plans,
 * severities, calendars, superseded targets), quotes occur in their document. docs/knowledge.md explains
 * the layout and every reading chosen where the text is open.
 */
import { z } from 'zod';

export const Bilingual = z
  .strictObject({ en: z.string().min(1), zh: z.string().min(1) })
  .meta({ id: 'Bilingual', description: 'The same text in English (en) and Chinese (zh).' });
export type Bilingual = z.infer<typeof Bilingual>;

export const SourceRef = z
  .strictObject({
    /** file name in knowledge/sources, e.g. jamf-support.zh-TW.txt */
    doc: z.string().min(1),
    /** verbatim Chinese text from that document (whitespace may differ) */
    quote: z.string().min(2),
    /** short English gloss of the quote, shown beside it */
    gloss: z.string().optional(),
  })
  .meta({
    id: 'SourceRef',
    description:
      'Where a statement comes from: a verbatim quote of its document (whitespace and full/half width may differ).',
  });
export type SourceRef = z.infer<typeof SourceRef> & {
  /**
   * Set by the loader, never by a file (the schema refuses the key): the quote comes from the workspace's own
   * document, imported with `entitlebot plan import`, so answers say "per your contract".
   */
  workspace?: true;
};

const citedFields = {
  source: SourceRef,
  certainty: z.enum(['stated', 'inferred']).default('stated'),
  /** required when certainty is inferred: why this reading was chosen */
  reason: z.string().optional(),
  /** the same reason in Chinese (Traditional), shown when the question is Chinese; required with `reason` */
  reasonZh: z.string().optional(),
};

function requireReason<T extends { certainty: string; reason?: string; reasonZh?: string }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if (v.certainty === 'inferred' && !v.reason) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an inferred record needs a one-line reason' });
  }
  if (v.certainty === 'inferred' && !/[\u3400-\u9fff]/u.test(v.reasonZh ?? '')) {
    ctx.addIssue({
      code: 'custom',
      path: ['reasonZh'],
      message: 'an inferred record needs its reason in Chinese too (reasonZh), for answers to Chinese questions',
    });
  }
}

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (24:00 allowed as an end)');
export const Interval = z.tuple([HHMM, HHMM]);
export const WeekHours = z
  .union([
    z.literal('24x7'),
    z.strictObject({
      mon: z.array(Interval).optional(),
      tue: z.array(Interval).optional(),
      wed: z.array(Interval).optional(),
      thu: z.array(Interval).optional(),
      fri: z.array(Interval).optional(),
      sat: z.array(Interval).optional(),
      sun: z.array(Interval).optional(),
    }),
  ])
  .meta({
    id: 'WeekHours',
    description: "'24x7', or open intervals per weekday as [HH:MM, HH:MM] pairs (24:00 allowed as an end).",
  });
export type WeekHours = z.infer<typeof WeekHours>;

export const HolidayRef = z.strictObject({ country: z.string().length(2), subdivision: z.string().optional() }).meta({
  id: 'HolidayRef',
  description: 'Public holidays: an ISO 3166 country code (date-holidays), optionally a subdivision.',
});

/**
 * A calendar a target runs on.
 * - `fixed`: the same everywhere (24x7); the contract's zone is used only to show times.
 * - `customer`: the customer's business hours: zone and holidays from the workspace's contract,
 *   hours from the contract or else `defaultHours`.
 * - `vendor-region`: the vendor's regional support week; the contract's `region` picks one.
 */
export const CalendarDef = z
  .strictObject({
    id: z.string().min(1),
    label: Bilingual,
    kind: z.enum(['fixed', 'customer', 'vendor-region']),
    hours: WeekHours.optional(),
    defaultHours: WeekHours.optional(),
    regions: z
      .record(
        z.string(),
        z.strictObject({
          label: Bilingual,
          zone: z.string(),
          holidays: HolidayRef.nullable(),
          hours: WeekHours.optional(),
        }),
      )
      .optional(),
    /** how a "business day" is counted on this calendar (see docs/knowledge.md) */
    businessDay: z.enum(['24-open-hours', 'same-time-next-working-day']).default('same-time-next-working-day'),
    ...citedFields,
  })
  .superRefine(requireReason)
  .meta({
    id: 'CalendarDef',
    description: 'A calendar targets run on: fixed (24x7), customer (business hours), vendor-region (a regional week).',
  });
export type CalendarDef = z.infer<typeof CalendarDef>;

/** Cross-vendor level, so that "sev1" without a vendor maps to Microsoft 1 and Jamf P1. */
export const Level = z.enum(['critical', 'high', 'medium', 'low']);
export type Level = z.infer<typeof Level>;

export const Severity = z
  .strictObject({
    id: z.string().min(1), // '1', 'A', 'B', 'C' ; 'P1'..'P4'
    level: Level,
    name: Bilingual, // e.g. { en: 'Severity 1', zh: '嚴重性 1' }
    /** words a person may type for it, besides the id */
    aliases: z.array(z.string()).default([]),
    definition: Bilingual,
    ...citedFields,
  })
  .superRefine(requireReason)
  .meta({ id: 'Severity', description: "A vendor's severity or priority level." });
export type Severity = z.infer<typeof Severity>;

export const Plan = z
  .strictObject({
    id: z.string().min(1), // 'unified', 'uer', 'gold', 'enterprise'
    kind: z.enum(['base', 'addon']),
    name: Bilingual,
    aliases: z.array(z.string()).default([]),
    /** for add-ons: the base plans they attach to */
    addsTo: z.array(z.string()).optional(),
    /** default values for a contract on this plan (e.g. region for Autodesk) */
    defaults: z.record(z.string(), z.string()).optional(),
    summary: z.string().optional(),
    source: SourceRef,
  })
  .meta({ id: 'Plan', description: 'A base plan or an add-on (kind: addon, addsTo).' });
export type Plan = z.infer<typeof Plan>;

/** A time span: minutes of open time, or business days (see CalendarDef.businessDay). */
export const Span = z
  .union([z.strictObject({ minutes: z.number().positive() }), z.strictObject({ businessDays: z.number().positive() })])
  .meta({ id: 'Span', description: 'Open time on a calendar: { minutes } or { businessDays }.' });
export type Span = z.infer<typeof Span>;

/**
 * One service-level statement for a plan and severity.
 * - response: the vendor's first response (and, when `coversInbound`, its reply to every customer message)
 * - update: the vendor's update cadence (`cadence: every` with a span, `daily`, or `on-change` with no deadline)
 * - coverage: the hours the work continues (`calendar` only)
 * - customer: the customer's own obligation (a span when the text gives one, else text only)
 *
 * A contract's targets for a severity are those of its base plan and add-ons; a target listed in another
 * target's `supersedes` is replaced by it when both apply (e.g. Unified Enhanced Response replaces the base
 * Sev 1 first response). `milestone` names what falls due when it is not the first response / the update
 * itself (e.g. 'critical-situation-resource'); answers treat such targets as secondary.
 */
export const Target = z
  .strictObject({
    id: z.string().min(1),
    vendor: z.string().optional(),
    plans: z.array(z.string()).min(1), // plan or add-on ids this applies to
    severities: z.array(z.string()).min(1), // severity ids, or ['*'] for any
    kind: z.enum(['response', 'update', 'coverage', 'customer']),
    /** product scope where the target differs by product, e.g. 'azure' | 'other' */
    scope: z.string().optional(),
    span: Span.optional(),
    cadence: z.enum(['every', 'daily', 'on-change']).optional(),
    calendar: z.string().optional(), // CalendarDef id
    coversInbound: z.boolean().optional(),
    /** ids of targets (same vendor) this one replaces when both apply to a contract */
    supersedes: z.array(z.string()).optional(),
    /** what falls due, when not the plain first response/update, e.g. 'critical-situation-resource' */
    milestone: z.string().optional(),
    /** ids of facts that qualify this target (exclusions, languages, conditions) */
    related: z.array(z.string()).optional(),
    text: Bilingual, // the statement in a line
    ...citedFields,
  })
  .superRefine(requireReason)
  .meta({ id: 'Target', description: 'A service level: response, update, coverage, or a customer obligation.' });
export type Target = z.infer<typeof Target>;

/**
 * The items a statement lists, so that a yes/no about one item is checked against them ("does Rapid
 * Response support Chinese?" is no: English and Japanese only). Languages by their English name (English,
 * Chinese, Japanese …); products and regions as the document names them, `{ en, zh }` where the Chinese
 * text names one otherwise. `only`: nothing outside the list is offered ("English and Japanese only");
 * false where others may be on request (`onRequest` names those it mentions). `excluded`: the list names what is not covered.
 */
export const FactList = z
  .strictObject({
    of: z.enum(['language', 'product', 'region', 'channel']),
    items: z.array(z.union([z.string().min(1), Bilingual])).min(1),
    only: z.boolean(),
    /** items the statement names as possible only on request or subject to availability */
    onRequest: z.array(z.union([z.string().min(1), Bilingual])).optional(),
    excluded: z.boolean().optional(),
  })
  .meta({ id: 'FactList', description: 'The items a statement lists (languages, products, regions, channels).' });
export type FactList = z.infer<typeof FactList>;

/**
 * Any other entitlement, limit, condition or exclusion the document states. A fact that is itself a
 * deadline (e.g. an RCA within 10 business days) may carry `span` and `calendar` so it can be computed.
 */
export const Fact = z
  .strictObject({
    id: z.string().min(1),
    plans: z.array(z.string()).min(1),
    topic: z.string().min(1), // e.g. 'languages', 'exclusions', 'eligibility', 'feature'
    text: Bilingual,
    value: z.union([z.number(), z.string(), z.boolean()]).optional(),
    unit: z.string().optional(),
    /** the unit in Chinese, with its measure word ('次課程', '位聯絡人'); required with `unit` */
    unitZh: z.string().optional(),
    span: Span.optional(),
    calendar: z.string().optional(), // CalendarDef id
    keywords: z.array(z.string()).default([]),
    list: FactList.optional(),
    ...citedFields,
  })
  .superRefine(requireReason)
  .superRefine((v, ctx) => {
    if (v.unit && !v.unitZh) {
      ctx.addIssue({ code: 'custom', path: ['unitZh'], message: 'a unit needs its Chinese form too (unitZh)' });
    }
  })
  .meta({ id: 'Fact', description: 'Any other entitlement, limit, condition or exclusion the document states.' });
export type Fact = z.infer<typeof Fact>;

export const CancellationStep = z
  .strictObject({
    /** inclusive bounds on whole calendar days of notice before the service date */
    minDays: z.number().int().nonnegative(),
    maxDays: z.number().int().nonnegative().nullable(), // null: no upper bound
    chargePercent: z.number().min(0).max(100),
  })
  .meta({
    id: 'CancellationStep',
    description: 'Whole calendar days of notice [minDays, maxDays] and the charge in percent.',
  });

export const Fees = z
  .strictObject({
    cancellation: z
      .strictObject({ plans: z.array(z.string()), steps: z.array(CancellationStep).min(1), ...citedFields })
      .superRefine(requireReason)
      .optional(),
    flexCap: z
      .strictObject({
        plans: z.array(z.string()),
        percent: z.number().positive(),
        floor: z.number().positive(),
        currency: z.string(),
        ...citedFields,
      })
      .superRefine(requireReason)
      .optional(),
  })
  .meta({ id: 'Fees', description: 'Cancellation schedule and flexible-allowance cap.' });

export const Price = z
  .strictObject({
    plan: z.string(),
    customerType: z.enum(['commercial', 'education']),
    amount: z.number().positive(),
    currency: z.string(),
    /** the period the price is for, when the text says; else null (and the answer says it is not stated) */
    period: z.string().nullable(),
    ...citedFields,
  })
  .superRefine(requireReason)
  .meta({ id: 'Price', description: 'A list price for a plan and customer type.' });
export type Price = z.infer<typeof Price>;

export const QuotaWindow = z.enum([
  'calendar-quarter',
  'calendar-year',
  'rolling-12-months',
  'contract-term',
  'per-event',
]);
export type QuotaWindow = z.infer<typeof QuotaWindow>;

export const QuotaRule = z
  .strictObject({
    id: z.string().min(1), // 'product-coaching'
    plans: z.array(z.string()).min(1),
    name: Bilingual,
    aliases: z.array(z.string()).default([]),
    limit: z.number().positive(),
    unit: z.string(), // 'sessions', 'meetings', 'calendar days'
    /** the unit in Chinese with its measure word: '次課程', '次會議' */
    unitZh: z.string().min(1),
    window: QuotaWindow,
    carryOver: z.boolean().default(false),
    /** the rule in a line, e.g. "3 product coaching sessions per calendar quarter per enterprise" */
    text: Bilingual.optional(),
    ...citedFields,
  })
  .superRefine(requireReason)
  .meta({ id: 'QuotaRule', description: 'A countable entitlement: limit per window.' });
export type QuotaRule = z.infer<typeof QuotaRule>;

/** The version of the plan format this code reads (docs/plan-format.md); a file may state it as `formatVersion`. */
export const PLAN_FORMAT_VERSION = 1;
const FormatVersion = z.literal(PLAN_FORMAT_VERSION).optional();

export const PlanFile = z
  .strictObject({
    formatVersion: FormatVersion,
    vendor: z.string().min(1), // 'microsoft' | 'jamf' | 'autodesk'
    vendorName: Bilingual,
    /** other names people use for the vendor: short forms, Chinese names (微軟, MS, msft) */
    vendorAliases: z.array(z.string()).default([]),
    document: z.string().min(1),
    title: Bilingual,
    /** the calendars this vendor's targets and facts run on (24x7, customer business hours, regional weeks) */
    calendars: z.array(CalendarDef).min(1),
    severities: z.array(Severity).default([]),
    /** true when targets do not depend on severity (Autodesk) */
    severityFree: z.boolean().default(false),
    plans: z.array(Plan).min(1),
    targets: z.array(Target).default([]),
    facts: z.array(Fact).default([]),
    fees: Fees.default({}),
    prices: z.array(Price).default([]),
    quotas: z.array(QuotaRule).default([]),
  })
  .meta({ id: 'PlanFile', description: "A vendor's support terms from one document." });
export type PlanFile = z.infer<typeof PlanFile>;

/**
 * A workspace's changes to a shipped vendor's file ("our Severity A first response is 30 minutes"), citing the
 * workspace's own document. A record whose id (a price: plan and customer type) equals a shipped one replaces
 * it; any other record is added. Severities cannot change: the levels are the vendor's.
 */
export const PlanOverride = z
  .strictObject({
    formatVersion: FormatVersion,
    /** the shipped vendor this file changes, e.g. microsoft */
    extends: z.string().min(1),
    document: z.string().min(1),
    title: Bilingual.optional(),
    calendars: z.array(CalendarDef).default([]),
    plans: z.array(Plan).default([]),
    targets: z.array(Target).default([]),
    facts: z.array(Fact).default([]),
    fees: Fees.default({}),
    prices: z.array(Price).default([]),
    quotas: z.array(QuotaRule).default([]),
  })
  .meta({
    id: 'PlanOverride',
    description: "A workspace's changes to a shipped vendor's terms, citing its own contract.",
  });
export type PlanOverride = z.infer<typeof PlanOverride>;

/** What `entitlebot plan check` and `plan import` read: a vendor's plan file, or an override of a shipped one. */
export const PlanDocument = z.union([PlanFile, PlanOverride]);
export type PlanDocument = z.infer<typeof PlanDocument>;
