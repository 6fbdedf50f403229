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
import { strings } from '../text/i18n.js';
import { planName } from '../text/names.js';
import { type Language, languageOf, normalize } from '../text/normalize.js';
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
  const answer = emptyAnswer(
    'error',
    lang === 'zh' ? '無法新增合約' : 'The contract was not added',
    problems.join(' '),
  );
  answer.title = answer.title || s.errorTitle;
  const plans = knowledge.plans.map(
    (f) =>
      `${f.vendor} ${f.plans
        .filter((p) => p.kind === 'base')
        .map((p) => p.id)
        .join('|')}`,
  );
  answer.notes.push(
    lang === 'zh' ? `方案：${plans.join('；')}` : `Plans: ${plans.join('; ')}`,
    lang === 'zh'
      ? '可用的鍵：`zone`（時區）、`holidays`（國家代碼 CC、CC-SUB 或 `none`）、`hours`（HH:MM-HH:MM，週一至週五）、`region`（`apac`、`americas`、`emea`）、`customer`（`commercial`、`education`）、`start`、`end`（日期）、`addons`（附加服務）、`name`（名稱）、`flex`（彈性額度）'
      : 'Keys: zone, holidays (CC, CC-SUB or none), hours (HH:MM-HH:MM, Monday to Friday), region (apac, americas, emea), customer (commercial, education), start, end, addons, name, flex',
  );
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
  const zh = lang === 'zh';
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
    return errorAnswer(
      lang,
      [
        lang === 'zh'
          ? `請指定廠商與方案（可用：${knowledge.vendors.join('、')}）。`
          : `Name the vendor and plan (known vendors: ${knowledge.vendors.join(', ')}).`,
      ],
      knowledge,
    );
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
          lang === 'zh'
            ? `請指定 ${file.vendorName.zh} 的方案：${bases.map((p) => p.id).join('、')}。`
            : `Which ${file.vendorName.en} plan? One of: ${bases.map((p) => p.id).join(', ')}.`,
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
      problems.push(
        zh
          ? `「${key}」不是合約的鍵（可用：${KEYS.join('、')}）。`
          : `"${key}" is not a contract key (keys: ${KEYS.join(', ')}).`,
      );
      continue;
    }
    switch (k) {
      case 'zone': {
        const zone = canonicalZone(value.toLowerCase()) ?? canonicalZone(value);
        if (!zone)
          problems.push(
            zh
              ? `zone：「${value}」不是 IANA 時區（例如 Asia/Taipei、Europe/Berlin）。`
              : `zone: "${value}" is not an IANA time zone (e.g. Europe/Berlin, Asia/Taipei).`,
          );
        else input.zone = zone;
        break;
      }
      case 'holidays': {
        const h = checkHolidays(value);
        if ('error' in h)
          problems.push(
            zh ? `holidays：「${value}」不是可用的國家代碼（請用 CC 或 CC-SUB，例如 TW 或 DE-BY，或 none）。` : h.error,
          );
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
          problems.push(
            zh
              ? `hours：「${value}」不是像 09:00-17:30 這樣的時段（週一至週五，開始早於結束）。`
              : `hours: "${value}" is not a range like 09:00-17:30 (Monday to Friday, start before end).`,
          );
        } else input.hours = { start, end };
        break;
      }
      case 'region': {
        const r = REGIONS[value.toLowerCase()];
        if (!r)
          problems.push(
            zh
              ? `region：「${value}」不是 apac、americas 或 emea。`
              : `region: "${value}" is not apac, americas or emea.`,
          );
        else input.region = r;
        break;
      }
      case 'customer': {
        const v = value.toLowerCase();
        if (/^(commercial|business|商業)/.test(v)) input.customerType = 'commercial' as CustomerType;
        else if (/^(education|edu|教育)/.test(v)) input.customerType = 'education' as CustomerType;
        else
          problems.push(
            zh
              ? `customer：「${value}」不是 commercial（商業）或 education（教育）。`
              : `customer: "${value}" is not commercial or education.`,
          );
        break;
      }
      case 'start':
      case 'end': {
        const d = parseDate(value);
        const far = 'date' in d && opts.now ? horizonProblem(d.date, opts.now, zh ? 'zh' : 'en') : null;
        if ('error' in d)
          problems.push(
            zh ? `${k}：「${value}」不是日期（格式為 YYYY-MM-DD，例如 2026-12-20）。` : `${k}: ${d.error}.`,
          );
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
            problems.push(
              zh
                ? `addons：「${word}」不是 ${file.vendorName.zh} 的附加服務（${known.join('、') || '此廠商沒有附加服務'}）。`
                : `addons: "${word}" is not an add-on of ${file.vendorName.en} (${known.join(', ') || 'this vendor has none'}).`,
            );
          } else addons.push(id);
        }
        break;
      }
      case 'name':
        // bounded so that the Home tab Slack echoes back in every button press stays well under the body limit
        if (value.trim().length > MAX_NAME_CHARS)
          problems.push(`name: at most ${MAX_NAME_CHARS} characters (this one has ${value.trim().length}).`);
        else input.name = value.trim() || null;
        break;
      case 'flex': {
        const parsed = parseAmountValue(normalize(value));
        if ('error' in parsed)
          problems.push(
            zh
              ? `flex：「${value}」不是金額：請寫正的十進位數字，例如 flex=250000、flex=250,000 或 flex=250k。`
              : `flex: ${parsed.error}, e.g. flex=250000, flex=250,000 or flex=250k.`,
          );
        else input.amounts.flexAllowance = parsed.amount;
        break;
      }
    }
  }
  for (const id of new Set(addons)) {
    const addon = file.plans.find((p) => p.id === id);
    if (addon?.kind !== 'addon') continue;
    if (!(addon.addsTo ?? []).includes(plan)) {
      problems.push(
        zh
          ? `addons：${addon.name.zh} 只能加在 ${(addon.addsTo ?? []).join('、')}，不能加在 ${plan}。`
          : `addons: ${addon.name.en} adds to ${(addon.addsTo ?? []).join(', ')}, not to ${plan}.`,
      );
    } else input.addons.push(id);
  }
  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    problems.push(
      zh
        ? `end：結束日 ${input.endDate} 早於開始日 ${input.startDate}。`
        : `end: ${input.endDate} is before start ${input.startDate}.`,
    );
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
      ? lang === 'zh'
        ? `${describeWeekHours(customerCal.defaultHours as never, lang)}（預設）`
        : `${describeWeekHours(customerCal.defaultHours as never)} (default)`
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
  const answer = emptyAnswer('contract', s.contractsTitle, '');
  if (contracts.length === 0) {
    answer.summary =
      lang === 'zh'
        ? '本工作區尚無合約。新增一份，答案就會依您的合約計算。'
        : 'No contracts yet. Add one and answers will use your own terms.';
    answer.suggestions.push(
      'contract add jamf gold zone=Europe/Berlin holidays=DE',
      'contract add microsoft unified zone=Asia/Taipei holidays=TW',
      'contract add autodesk enterprise region=apac',
    );
    return answer;
  }
  answer.summary =
    lang === 'zh'
      ? `本工作區有 ${contracts.length} 份合約。`
      : `${contracts.length} contract${contracts.length === 1 ? '' : 's'} on file.`;
  answer.tables.push({ columns: columns(lang), rows: contracts.map((c) => contractRow(knowledge, c, lang)) });
  for (const c of contracts) {
    if (c.amounts.flexAllowance !== undefined) {
      const amount = formatAmount(c.amounts.flexAllowance);
      note(answer, lang === 'zh' ? `#${c.id}：彈性額度 ${amount}` : `#${c.id}: flex allowance ${amount}`);
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
  const row = contractRow(knowledge, contract, lang);
  const answer = emptyAnswer(
    'contract',
    lang === 'zh' ? `已新增合約 #${contract.id}` : `Contract #${contract.id} added`,
    `${row[1]} · ${contract.zone}`,
  );
  const cols = columns(lang);
  row.forEach((v, i) => {
    if (i > 0) answer.facts.push({ label: cols[i] ?? '', value: v });
  });
  if (contract.customerType) answer.facts.push({ label: s.customerType, value: s[contract.customerType] });
  for (const a of assumed) note(answer, lang === 'zh' ? `假設：${a}` : `Assumed: ${a}.`);
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
  if (!removed) {
    const answer = emptyAnswer(
      'error',
      lang === 'zh' ? '找不到合約' : 'No such contract',
      lang === 'zh' ? `本工作區沒有合約 #${id}。` : `There is no contract #${id} in this workspace.`,
    );
    answer.suggestions.push('contract');
    return answer;
  }
  const answer = emptyAnswer(
    'contract',
    lang === 'zh' ? `已移除合約 #${id}` : `Contract #${id} removed`,
    `${planName(knowledge, removed.plan, lang)} · ${removed.zone}`,
  );
  answer.suggestions.push('contract');
  return answer;
}
