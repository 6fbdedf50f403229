/**
 * Contract helpers for the glue: read `contract add <vendor> <plan> [key=value …]` into a ContractInput
 * (the plan's defaults where a key is left out, each listed in `assumed`), and the replies for listing,
 * adding and removing contracts.
 *
 * Keys: zone (IANA), holidays (CC, CC-SUB or none), hours (HH:MM-HH:MM, Monday to Friday), region
 * (apac|americas|emea: for Autodesk the vendor's regional zone and holidays), customer
 * (commercial|education), start, end (YYYY-MM-DD), addons (uer, rapid-response, aem, aed; comma-separated),
 * name, flex (the flex allowance amount).
 */
import { describeWeekHours, mondayToFriday } from '../knowledge/calendars.js';
import type { Knowledge } from '../knowledge/load.js';
import type { PlanFile } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Contract, ContractInput, CustomerType, Region, Vendor } from '../model/records.js';
import { compileCalendar } from '../rules/index.js';
import { contractWords } from '../text/contract-words.js';
import { strings } from '../text/i18n.js';
import { planName } from '../text/names.js';
import { type Language, languageOf, normalize } from '../text/normalize.js';
import { problemText } from '../text/problem-words.js';
import { note } from './common.js';
import { horizonProblem } from './horizon.js';
import { formatAmount, parseAmountValue } from './parse/amount.js';
import { vocabularyOf } from './parse/parse.js';
import { findPhrases } from './parse/vocabulary.js';
import { canonicalZone, parseDate } from './parse/when.js';

/** `assumed` in English and `assumedZh` the same in Chinese, one for one. */
export type ParsedContract =
  | { ok: true; input: ContractInput; assumed: string[]; assumedZh: string[] }
  | { ok: false; answer: Answer };

/** The longest contract name kept. */
export const MAX_NAME_CHARS = 100;

const KEYS = ['zone', 'holidays', 'hours', 'region', 'customer', 'start', 'end', 'addons', 'name', 'flex'] as const;
type Key = (typeof KEYS)[number];
const KEY_ALIASES: Record<string, Key> = {
  tz: 'zone',
  timezone: 'zone',
  時區: 'zone',
  holiday: 'holidays',
  country: 'holidays',
  假日: 'holidays',
  businesshours: 'hours',
  上班時間: 'hours',
  地區: 'region',
  customertype: 'customer',
  type: 'customer',
  客戶: 'customer',
  from: 'start',
  starts: 'start',
  to: 'end',
  until: 'end',
  ends: 'end',
  addon: 'addons',
  'add-ons': 'addons',
  label: 'name',
  名稱: 'name',
  flexallowance: 'flex',
  allowance: 'flex',
};
const REGIONS: Record<string, Region> = {
  apac: 'apac',
  asia: 'apac',
  亞太: 'apac',
  americas: 'americas',
  amer: 'americas',
  us: 'americas',
  美洲: 'americas',
  emea: 'emea',
  europe: 'emea',
  eu: 'emea',
  歐洲: 'emea',
};

interface Pair {
  key: string;
  value: string;
}

/** `key=value` pairs (values may be quoted; an unquoted name runs to the next key) and the other words. */
function splitArgs(text: string): { pairs: Pair[]; words: string } {
  const pairs: Pair[] = [];
  const keyRe = /([\p{L}][\p{L}\p{N}_-]*)\s*[=＝]\s*/gu;
  const found: { key: string; start: number; valueStart: number }[] = [];
  for (let m = keyRe.exec(text); m; m = keyRe.exec(text)) {
    found.push({ key: m[1] ?? '', start: m.index, valueStart: m.index + m[0].length });
  }
  let words = found.length > 0 ? text.slice(0, found[0]?.start) : text;
  found.forEach((f, i) => {
    const end = found[i + 1]?.start ?? text.length;
    let raw = text.slice(f.valueStart, end).trim();
    const quoted = /^["'“‘「](.*?)["'”’」]\s*(.*)$/su.exec(raw);
    if (quoted) {
      raw = quoted[1] ?? '';
      words += ` ${quoted[2] ?? ''}`;
    } else if (normalizeKey(f.key) !== 'name') {
      const [first = '', ...rest] = raw.split(/\s+/);
      raw = first;
      words += ` ${rest.join(' ')}`;
    }
    pairs.push({ key: f.key, value: raw });
  });
  return { pairs, words: words.trim() };
}

function normalizeKey(key: string): Key | null {
  const k = key.toLowerCase().replace(/[_\s]/g, '');
  if ((KEYS as readonly string[]).includes(k)) return k as Key;
  // Simplified keys (时区, 假日) fold to the Traditional aliases
  return KEY_ALIASES[k] ?? KEY_ALIASES[normalize(k)] ?? null;
}

function errorAnswer(lang: Language, problems: string[], knowledge: Knowledge): { ok: false; answer: Answer } {
  const s = strings(lang);
  const w = contractWords(lang);
  const answer = emptyAnswer('error', w.notAdded, problems.join(' '));
  answer.title = answer.title || s.errorTitle;
  const plans = knowledge.plans.map(
    (f) =>
      `${f.vendor} ${f.plans
        .filter((p) => p.kind === 'base')
        .map((p) => p.id)
        .join('|')}`,
  );
  answer.notes.push(w.plans(plans), w.keys);
  answer.suggestions.push(
    'contract add jamf gold zone=Europe/Berlin holidays=DE',
    'contract add microsoft unified zone=Asia/Taipei holidays=TW addons=uer flex=250000',
    'contract add autodesk enterprise region=apac',
  );
  return { ok: false, answer };
}

function regionOfZone(zone: string): Region | null {
  if (/^(Europe|Africa)\//.test(zone)) return 'emea';
  if (/^America\//.test(zone)) return 'americas';
  if (/^(Asia|Australia|Pacific)\//.test(zone)) return 'apac';
  return null;
}

function checkHolidays(value: string): { holidays: ContractInput['holidays'] } | { error: string } {
  const v = value.trim();
  if (/^(none|no|off|-|無)$/i.test(v)) return { holidays: null };
  const m = /^([A-Za-z]{2})(?:[-_]([A-Za-z0-9]{1,3}))?$/.exec(v);
  if (!m?.[1])
    return { error: `holidays: "${value}" is not a country code (use CC or CC-SUB, e.g. DE or DE-BY, or none)` };
  const holidays = { country: m[1].toUpperCase(), ...(m[2] ? { subdivision: m[2].toUpperCase() } : {}) };
  try {
    compileCalendar({ zone: 'UTC', hours: '24x7', holidays });
  } catch (err) {
    return { error: `holidays: ${(err as Error).message}` };
  }
  return { holidays };
}

function vendorRegionFile(file: PlanFile): boolean {
  return file.calendars.some((c) => c.kind === 'vendor-region');
}

/**
 * Read the arguments of `contract add` (with or without the words `contract add`). `defaultZone` is the
 * workspace's zone, used when neither the text nor the plan gives one.
 */
export function parseContractArgs(
  knowledge: Knowledge,
  text: string,
  opts: {
    defaultZone?: string;
    language?: Language;
    /** dates outside the horizon around it are refused */
    now?: Date;
  } = {},
): ParsedContract {
  const lang = opts.language ?? languageOf(text);
  const w = contractWords(lang);
  const body = text
    .normalize('NFKC')
    .trim()
    .replace(/^\/support\s+/i, '')
    .replace(/^(contracts?|合約|合约)\s+(add|new|create|新增|加入)\s*/i, '');
  const { pairs, words } = splitArgs(body);
  const problems: string[] = [];
  const assumed: string[] = [];

  const { matches } = findPhrases(vocabularyOf(knowledge), normalize(words), { args: true });
  const vendorWords = matches.flatMap((m) => (m.phrase.ref.type === 'vendor' ? [m.phrase.ref.vendor] : []));
  const planRefs = matches.flatMap((m) => (m.phrase.ref.type === 'plan' ? [m.phrase.ref.entry] : []));
  const vendor = vendorWords[0] ?? planRefs.find((p) => p.kind === 'base')?.vendor ?? planRefs[0]?.vendor ?? undefined;
  const file = vendor ? knowledge.plans.find((f) => f.vendor === vendor) : undefined;
  if (!file) {
    return errorAnswer(lang, [w.nameVendor(knowledge.vendors)], knowledge);
  }
  const bases = file.plans.filter((p) => p.kind === 'base');
  let plan = planRefs.find((p) => p.kind === 'base' && p.vendor === file.vendor)?.id;
  if (!plan) {
    if (bases.length === 1 && bases[0]) {
      plan = bases[0].id;
    } else {
      return errorAnswer(
        lang,
        [
          w.whichPlan(
            file.vendorName[lang],
            bases.map((p) => p.id),
          ),
        ],
        knowledge,
      );
    }
  }
  const addons = planRefs.filter((p) => p.kind === 'addon' && p.vendor === file.vendor).map((p) => p.id);

  const input: ContractInput = {
    vendor: file.vendor as Vendor,
    plan,
    addons: [],
    name: null,
    customerType: null,
    region: null,
    zone: '',
    holidays: null,
    hours: null,
    startDate: null,
    endDate: null,
    amounts: {},
  };
  let holidaysGiven = false;
  for (const { key, value } of pairs) {
    const k = normalizeKey(key);
    if (!k) {
      problems.push(w.notAKey(key, KEYS));
      continue;
    }
    switch (k) {
      case 'zone': {
        const zone = canonicalZone(value.toLowerCase()) ?? canonicalZone(value);
        if (!zone) problems.push(w.badZone(value));
        else input.zone = zone;
        break;
      }
      case 'holidays': {
        const h = checkHolidays(value);
        if ('error' in h) problems.push(w.badHolidays(value, h.error));
        else {
          input.holidays = h.holidays;
          holidaysGiven = true;
        }
        break;
      }
      case 'hours': {
        const m = /^(\d{1,2}):(\d{2})\s*[-–~至到]\s*(\d{1,2}):(\d{2})$/.exec(value);
        const start = m ? `${m[1]?.padStart(2, '0')}:${m[2]}` : '';
        const end = m ? `${m[3]?.padStart(2, '0')}:${m[4]}` : '';
        const valid = (t: string) => /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(t);
        if (!m || !valid(start) || !valid(end) || end <= start) {
          problems.push(w.badHours(value));
        } else input.hours = { start, end };
        break;
      }
      case 'region': {
        const r = REGIONS[value.toLowerCase()];
        if (!r) problems.push(w.badRegion(value));
        else input.region = r;
        break;
      }
      case 'customer': {
        const v = value.toLowerCase();
        if (/^(commercial|business|商業)/.test(v)) input.customerType = 'commercial' as CustomerType;
        else if (/^(education|edu|教育)/.test(v)) input.customerType = 'education' as CustomerType;
        else problems.push(w.badCustomer(value));
        break;
      }
      case 'start':
      case 'end': {
        const d = parseDate(value);
        const far = 'date' in d && opts.now ? horizonProblem(d.date, opts.now, lang) : null;
        if ('error' in d) problems.push(w.badDate(k, problemText(d.error, lang)));
        else if (far) problems.push(`${k}: ${far}`);
        else if (k === 'start') input.startDate = d.date;
        else input.endDate = d.date;
        break;
      }
      case 'addons': {
        for (const word of value.split(/[,+、，\s]+/).filter(Boolean)) {
          const { matches: am } = findPhrases(vocabularyOf(knowledge), normalize(word), { args: true });
          const ref = am.find(
            (m) =>
              m.phrase.ref.type === 'plan' &&
              m.phrase.ref.entry.kind === 'addon' &&
              m.phrase.ref.entry.vendor === file.vendor,
          );
          const id = ref && ref.phrase.ref.type === 'plan' ? ref.phrase.ref.entry.id : undefined;
          if (!id) {
            const known = file.plans.filter((p) => p.kind === 'addon').map((p) => p.id);
            problems.push(w.badAddon(word, file.vendorName[lang], known));
          } else addons.push(id);
        }
        break;
      }
      case 'name':
        // bounded so that the Home tab Slack echoes back in every button press stays well under the body limit
        if (value.trim().length > MAX_NAME_CHARS) problems.push(w.nameTooLong(MAX_NAME_CHARS, value.trim().length));
        else input.name = value.trim() || null;
        break;
      case 'flex': {
        const parsed = parseAmountValue(normalize(value));
        if ('error' in parsed) problems.push(w.badFlex(problemText(parsed.error, lang)));
        else input.amounts.flexAllowance = parsed.amount;
        break;
      }
    }
  }
  for (const id of new Set(addons)) {
    const addon = file.plans.find((p) => p.id === id);
    if (addon?.kind !== 'addon') continue;
    if (!(addon.addsTo ?? []).includes(plan)) {
      problems.push(w.addonNotFor(addon.name[lang], addon.addsTo ?? [], plan));
    } else input.addons.push(id);
  }
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    problems.push(w.endBeforeStart(input.endDate, input.startDate));
  }
  if (problems.length > 0) return errorAnswer(lang, problems, knowledge);

  // defaults, each said out loud (in English and Chinese): the zone (a region's zone, else the workspace's), then the region
  const assumedZh: string[] = [];
  const planDefaults = file.plans.find((p) => p.id === plan)?.defaults ?? {};
  const regionZone = (region: Region | null) =>
    region
      ? file.calendars.find((c) => c.kind === 'vendor-region' && c.regions?.[region])?.regions?.[region]?.zone
      : undefined;
  if (!input.zone) {
    const fromRegion = regionZone(input.region);
    input.zone = fromRegion ?? planDefaults.zone ?? opts.defaultZone ?? 'UTC';
    const why = fromRegion
      ? [`the ${input.region} region's`, `${input.region} 地區的時區`]
      : planDefaults.zone
        ? ["the plan's default", '方案預設']
        : opts.defaultZone
          ? ["the workspace's default", '工作區預設']
          : ['none given', '未指定'];
    assumed.push(`zone ${input.zone} (${why[0]})`);
    assumedZh.push(`時區 ${input.zone}（${why[1]}）`);
  }
  if (vendorRegionFile(file) && !input.region) {
    const fromZone = regionOfZone(input.zone);
    const region = fromZone ?? (planDefaults.region as Region | undefined) ?? null;
    if (region) {
      input.region = region;
      assumed.push(`region ${region} (${fromZone ? `from the zone ${input.zone}` : "the plan's default"})`);
      assumedZh.push(`地區 ${region}（${fromZone ? `依時區 ${input.zone}` : '方案預設'}）`);
    }
  }
  const customerCal = file.calendars.find((c) => c.kind === 'customer');
  if (customerCal && !input.hours && customerCal.defaultHours) {
    const hours = customerCal.defaultHours === '24x7' ? '24x7' : (customerCal.defaultHours as never);
    assumed.push(`business hours ${describeWeekHours(hours)} (${file.vendorName.en}'s default)`);
    assumedZh.push(`上班時間 ${describeWeekHours(hours, 'zh')}（${file.vendorName.zh} 的預設）`);
  }
  if (customerCal && !holidaysGiven) {
    assumed.push('no public holidays (add holidays=CC, e.g. holidays=DE)');
    assumedZh.push('不計國定假日（以 holidays=CC 加上，例如 holidays=TW）');
  }
  if (file.prices.length > 0 && !input.customerType) {
    assumed.push('customer type not set (prices show both)');
    assumedZh.push('未設定客戶類型（價格兩者皆列出）');
  }
  if (!input.startDate || !input.endDate) {
    assumed.push('no contract term dates (quotas count by calendar windows)');
    assumedZh.push('未設定合約期間（配額依日曆期間計算）');
  }
  return { ok: true, input, assumed, assumedZh };
}

function contractRow(knowledge: Knowledge, c: Contract, lang: Language): string[] {
  const s = strings(lang);
  const plan = planName(knowledge, c.plan, lang);
  const addons = c.addons.map((a) => planName(knowledge, a, lang)).join(', ');
  const file = knowledge.plans.find((f) => f.vendor === c.vendor);
  const customerCal = file?.calendars.find((cal) => cal.kind === 'customer');
  const hours = c.hours
    ? describeWeekHours(mondayToFriday(c.hours.start, c.hours.end), lang)
    : customerCal?.defaultHours
      ? contractWords(lang).defaultHours(describeWeekHours(customerCal.defaultHours as never, lang))
      : '–';
  const holidays = c.holidays
    ? `${c.holidays.country}${c.holidays.subdivision ? `-${c.holidays.subdivision}` : ''}`
    : s.none;
  const term = c.startDate || c.endDate ? `${c.startDate ?? '…'} – ${c.endDate ?? '…'}` : '–';
  return [
    `#${c.id}`,
    `${c.name ? `${c.name}: ` : ''}${plan}${addons ? ` + ${addons}` : ''}`,
    c.zone,
    holidays,
    hours,
    c.region ?? '–',
    term,
  ];
}

const columns = (lang: Language) => {
  const s = strings(lang);
  return ['#', s.plan, s.zone, s.holidays, s.hours, s.region, s.dates];
};

export function contractsAnswer(knowledge: Knowledge, contracts: Contract[], lang: Language = 'en'): Answer {
  const s = strings(lang);
  const w = contractWords(lang);
  const answer = emptyAnswer('contract', s.contractsTitle, '');
  if (contracts.length === 0) {
    answer.summary = w.none;
    answer.suggestions.push(
      'contract add jamf gold zone=Europe/Berlin holidays=DE',
      'contract add microsoft unified zone=Asia/Taipei holidays=TW',
      'contract add autodesk enterprise region=apac',
    );
    return answer;
  }
  answer.summary = w.onFile(contracts.length);
  answer.tables.push({ columns: columns(lang), rows: contracts.map((c) => contractRow(knowledge, c, lang)) });
  for (const c of contracts) {
    if (c.amounts.flexAllowance !== undefined) {
      const amount = formatAmount(c.amounts.flexAllowance);
      note(answer, w.flexOf(c.id, amount));
    }
  }
  answer.suggestions.push('sla p1', 'contract remove <id>');
  return answer;
}

export function contractAddedAnswer(
  knowledge: Knowledge,
  contract: Contract,
  assumed: string[],
  lang: Language = 'en',
): Answer {
  const s = strings(lang);
  const w = contractWords(lang);
  const row = contractRow(knowledge, contract, lang);
  const answer = emptyAnswer('contract', w.added(contract.id), `${row[1]} · ${contract.zone}`);
  const cols = columns(lang);
  row.forEach((v, i) => {
    if (i > 0) answer.facts.push({ label: cols[i] ?? '', value: v });
  });
  if (contract.customerType) answer.facts.push({ label: s.customerType, value: s[contract.customerType] });
  for (const a of assumed) note(answer, s.assumed(a));
  const file = knowledge.plans.find((f) => f.vendor === contract.vendor);
  const sev = file?.severities[0]?.id.toLowerCase();
  answer.suggestions.push(sev ? `sla ${sev}` : 'sla', sev ? `due ${sev}` : 'due', 'contract');
  return answer;
}

export function contractRemovedAnswer(
  knowledge: Knowledge,
  removed: Contract | null | undefined,
  id: number,
  lang: Language = 'en',
): Answer {
  const w = contractWords(lang);
  if (!removed) {
    const answer = emptyAnswer('error', w.noSuchTitle, w.noSuch(id));
    answer.suggestions.push('contract');
    return answer;
  }
  const answer = emptyAnswer('contract', w.removed(id), `${planName(knowledge, removed.plan, lang)} · ${removed.zone}`);
  answer.suggestions.push('contract');
  return answer;
}
