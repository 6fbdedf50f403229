import { DateTime } from 'luxon';
/**
 * `parseCommand`: one line of text → a Command (see ../command.ts for the grammar).
 *
 * Order of work: strip a mention, `/support` and a trailing `public`; find the command word (English or
 * Chinese, longest first); take dates, times and amounts out of the arguments before looking for
 * severities and plans (so that "16:00" never reads as severity 1); then match the knowledge vocabulary.
 * Text without a command word is routed by its cue words (see routeQuestion).
 */
import type { Knowledge } from '../../knowledge/load.js';
import type { Level } from '../../knowledge/schema.js';
import { editDistance, escapeRegExp, hasCjk, languageOf, normalize } from '../../text/normalize.js';
import type { ParseProblem } from '../../text/problem-words.js';
import type { Command, PlanRef, Selection, SeverityRef } from '../command.js';
import { extractAmount } from './amount.js';
import { buildVocabulary, findPhrases, type Match, type Vocabulary } from './vocabulary.js';
import { extractWhen, parseDate } from './when.js';
import { COMMAND_EXAMPLES, COMMAND_WORDS, type CommandWord, CUES, CUSTOMER_TYPES, SUB } from './words.js';

const vocabularies = new WeakMap<object, Vocabulary>();

/** The vocabulary of a knowledge base, built once per knowledge object. */
export function vocabularyOf(knowledge: Pick<Knowledge, 'plans'> | undefined): Vocabulary {
  if (!knowledge) return buildVocabulary([]);
  let v = vocabularies.get(knowledge);
  if (!v) {
    v = buildVocabulary(knowledge.plans);
    vocabularies.set(knowledge, v);
  }
  return v;
}

const ORDERED_COMMAND_WORDS: { kind: CommandWord; word: string }[] = Object.entries(COMMAND_WORDS)
  .flatMap(([kind, words]) => words.map((word) => ({ kind: kind as CommandWord, word: normalize(word) })))
  .sort((a, b) => b.word.length - a.word.length);

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const next = text[word.length];
  // Latin command words need a boundary ("slab" is not "sla"); Chinese runs on without spaces
  return next === undefined || !/[a-z0-9]$/.test(word) || !/[a-z0-9]/.test(next);
}

function takeWord(text: string, words: string[]): string | null {
  for (const w of [...words].map(normalize).sort((a, b) => b.length - a.length)) {
    if (startsWithWord(text, w)) return text.slice(w.length).trim();
  }
  return null;
}

/** A search query without the closing punctuation of a question. */
function cleanQuery(text: string): string {
  return text.replace(/[\s?？!！。.]+$/u, '').trim();
}

/** Remove a Slack mention, `/support`, and a trailing `public`. */
function preprocess(text: string): { body: string; isPublic: boolean } {
  let body = text.normalize('NFKC').trim();
  body = body.replace(/^(<@[A-Z0-9]+(\|[^>]*)?>\s*)+/i, '').replace(/^@entitlebot\b\s*/i, '');
  body = body.replace(/^\/support\b\s*/i, '');
  let isPublic = false;
  const m = /(?:^|\s)(public|公開|公开)[\s.!。!]*$/i.exec(body);
  if (m) {
    isPublic = true;
    body = body.slice(0, m.index).trim();
  }
  return { body, isPublic };
}

/** The original (case-preserved) text after the first `count` command words, for args that keep case. */
function afterWords(body: string, words: string[][]): string {
  let rest = body.trim();
  for (const group of words) {
    const sorted = [...group].sort((a, b) => b.length - a.length);
    for (const w of sorted) {
      const re = new RegExp(`^${escapeRegExp(w).replace(/\s+/g, '\\s+')}(?![a-z0-9])\\s*`, 'i');
      if (re.test(rest)) {
        rest = rest.replace(re, '');
        break;
      }
    }
  }
  return rest.trim();
}

function severityFrom(matches: Match[]): SeverityRef | undefined {
  for (const m of matches) {
    const ref = m.phrase.ref;
    if (ref.type === 'severity') {
      const levels = new Set<Level>(ref.entries.map((e) => e.level));
      const [only] = levels;
      return { text: m.text, matches: ref.entries, ...(levels.size === 1 && only ? { level: only } : {}) };
    }
    if (ref.type === 'level') return { text: m.text, matches: [], level: ref.level };
  }
  return undefined;
}

function selectionFrom(matches: Match[]): Selection {
  const vendors: string[] = [];
  const plans: PlanRef[] = [];
  let scope: string | undefined;
  for (const m of matches) {
    const ref = m.phrase.ref;
    if (ref.type === 'vendor' && !vendors.includes(ref.vendor)) vendors.push(ref.vendor);
    if (ref.type === 'scope' && !scope) scope = ref.scope;
  }
  for (const m of matches) {
    const ref = m.phrase.ref;
    if (ref.type !== 'plan') continue;
    const e = ref.entry;
    if (plans.some((p) => p.vendor === e.vendor && p.id === e.id)) continue;
    plans.push({ vendor: e.vendor, id: e.id, kind: e.kind, addsTo: e.addsTo, text: m.text });
  }
  // a plan word shared by vendors ("standard") is narrowed by a vendor named beside it
  const narrowed = vendors.length > 0 ? plans.filter((p) => vendors.includes(p.vendor)) : plans;
  const chosen = narrowed.length > 0 ? narrowed : plans;
  for (const p of chosen) if (!vendors.includes(p.vendor)) vendors.push(p.vendor);
  const severity = severityFrom(matches);
  return { ...(severity ? { severity } : {}), plans: chosen, vendors, ...(scope ? { scope } : {}) };
}

function quotaIdsFrom(matches: Match[], vocab?: Vocabulary, rest?: string): string[] {
  const ids: string[] = [];
  for (const m of matches) {
    if (m.phrase.ref.type === 'quota' && !ids.includes(m.phrase.ref.entry.id)) ids.push(m.phrase.ref.entry.id);
  }
  if (ids.length > 0 || !vocab || !rest) return ids;
  // a word of a quota's name ("coaching", "輔導") is enough when no whole alias was typed
  const words = rest.split(' ').filter((w) => w.length >= 4 || (hasCjk(w) && w.length >= 2));
  if (words.length === 0) return ids;
  for (const p of vocab.phrases) {
    if (p.ref.type !== 'quota' || ids.includes(p.ref.entry.id)) continue;
    const phrase = p.phrase;
    if (words.some((w) => (hasCjk(w) ? phrase.includes(w) : phrase.split(' ').includes(w)))) ids.push(p.ref.entry.id);
  }
  return ids;
}

/** Arguments of sla/due: dates out first, then the vocabulary (bare ids allowed). */
function parseSelection(vocab: Vocabulary, args: string, opts: { args: boolean }) {
  const { when, rest, problems } = extractWhen(args);
  const cleaned = rest.replace(/(?<![a-z])(at|on|opened|opened at|from|since)(?![a-z])|在|於|于|開單|开单/g, ' ');
  const { matches, rest: unmatched } = findPhrases(vocab, cleaned, opts);
  const selection = selectionFrom(matches);
  const looksLikeSeverity =
    /(?<![a-z0-9])(?:p|sev|severity|priority|prio|嚴重性|严重性|優先權)\s*-?\s*[0-9a-z](?![a-z0-9])/.exec(unmatched);
  if (!selection.severity && looksLikeSeverity) selection.unknownSeverity = looksLikeSeverity[0];
  return { selection, when, problems };
}

function parseFeeCancel(args: string): {
  serviceDate?: string;
  noticeDate?: string;
  noticeDays?: number;
  amount?: number;
  problems: ParseProblem[];
} {
  const problems: ParseProblem[] = [];
  const out: { serviceDate?: string; noticeDate?: string; noticeDays?: number; amount?: number } = {};
  let text = ` ${args} `;
  // amount first: "amount 5000" / "金額 5000" / "$5000"
  const amountWords = SUB.amount.map(escapeRegExp).join('|');
  const am = new RegExp(`(?:${amountWords})\\s*[:=]?\\s*(\\S+)`).exec(text);
  if (am?.[1]) {
    const { amount } = extractAmount(am[1]);
    if (amount === undefined) problems.push({ code: 'not-amount', value: am[1], example: 'amount 12000' });
    else out.amount = amount;
    text = text.replace(am[0], ' ');
  } else {
    // a number run is tried from its start only (a lookbehind), so a long run of digits is scanned once
    const dollars = /(?:usd|\$|美元)\s*[\d,.]+[km]?|(?<![\d,.])[\d,.]+\s*(?:usd|美元)/.exec(text);
    if (dollars) {
      const { amount } = extractAmount(dollars[0]);
      if (amount !== undefined) out.amount = amount;
      text = text.replace(dollars[0], ' ');
    }
  }
  const dateRe = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{4}-\d{2}-\d{2}/g;
  const noticeWords = SUB.notice.map(escapeRegExp).join('|');
  const noticeDate = new RegExp(`(?:${noticeWords})\\s*[:=]?\\s*(${dateRe.source})`).exec(text);
  if (noticeDate?.[1]) {
    const d = parseDate(noticeDate[1]);
    if ('error' in d) problems.push(d.error);
    else out.noticeDate = d.date;
    text = text.replace(noticeDate[0], ' ');
  } else {
    const noticeDays = new RegExp(`(?:${noticeWords})\\s*[:=]?\\s*(\\d+)\\s*(?:days?|d|天|日)?(?![\\d-])`).exec(text);
    const daysBefore = /(?<!\d)(\d+)\s*(?:days?|天|日)\s*(?:notice|before|ahead|in advance|前|提前)?/.exec(text);
    const days = noticeDays ?? daysBefore;
    if (days?.[1]) {
      out.noticeDays = Number(days[1]);
      text = text.replace(days[0], ' ');
    }
  }
  const dates = [...text.matchAll(dateRe)].map((m) => m[0]);
  for (const raw of dates) {
    const d = parseDate(raw);
    if ('error' in d) {
      problems.push(d.error);
      continue;
    }
    if (!out.serviceDate) out.serviceDate = d.date;
    else if (!out.noticeDate && out.noticeDays === undefined) out.noticeDate = d.date;
  }
  if (/\d{1,2}[-/]\d{1,2}(?![-/\d])/.test(text) && dates.length === 0 && !out.serviceDate) {
    problems.push({ code: 'date-needs-year' });
  }
  return { ...out, problems };
}

function parseContractRemove(args: string): { id?: number; problems: ParseProblem[] } {
  const m = /#?(\d+)/.exec(args);
  if (!m?.[1]) {
    return {
      problems: [args ? { code: 'not-contract-id', value: args } : { code: 'which-contract' }],
    };
  }
  return { id: Number(m[1]), problems: [] };
}

/** The closest command words to a mistyped first word, as ready-to-type suggestions. */
export function closestCommands(word: string, restOfText: string): string[] {
  const allowed = (c: { word: string }) => Math.max(1, Math.floor(c.word.length / 2));
  // the distance is at least the difference in length: a long word need not be compared at all
  const scored = COMMAND_EXAMPLES.filter((c) => Math.abs(word.length - c.word.length) <= allowed(c))
    .map((c) => ({ ...c, d: editDistance(word, c.word) }))
    .filter((c) => c.d <= allowed(c))
    .sort((a, b) => a.d - b.d);
  return scored.map((c) => (restOfText ? `${c.word} ${restOfText}` : c.example));
}

/**
 * Route a question typed without a command word: a named severity or plan with response/update cues is
 * an SLA question; with due cues, a deadline; with price cues, a price; a quota with usage cues, a quota;
 * cancellation or flex cues with numbers, a fee; everything else is a term search.
 */
function routeQuestion(
  vocab: Vocabulary,
  text: string,
  common: { public: boolean; language: 'en' | 'zh'; text: string },
  /** the question as typed (case kept: the search treats capitalised unknown names as other products) */
  original: string = common.text,
): Command {
  const { when, rest } = extractWhen(text);
  const { matches, rest: unmatched } = findPhrases(vocab, rest, { args: false });
  const selection = selectionFrom(matches);
  const named = selection.severity !== undefined || selection.plans.length > 0;
  const quotaIds = quotaIdsFrom(matches, vocab, unmatched);

  // a mistyped command word ("sal p1 gold") gets suggestions when the rest reads as that command's arguments
  const [first = '', ...others] = text.split(' ');
  if (/^[a-z]{2,}$/.test(first) && !matches.some((m) => m.start === 0)) {
    const fits = (word: string) =>
      word === 'help'
        ? others.length === 0
        : word === 'sla' || word === 'due'
          ? named
          : word === 'price'
            ? selection.plans.length > 0 || selection.vendors.length > 0
            : word === 'quota'
              ? quotaIds.length > 0 || others.length === 0
              : word === 'fee'
                ? /\d{4}-\d{1,2}-\d{1,2}|\d{3,}/.test(text)
                : word === 'contract'
                  ? /^(add|remove|delete|list)$/.test(others[0] ?? '') || others.length === 0
                  : false;
    const suggestions = closestCommands(first, others.join(' ')).filter((s) => fits(s.split(' ')[0] ?? ''));
    if (suggestions.length > 0) return { ...common, kind: 'not-understood', word: first, suggestions };
  }

  if (named && CUES.due.test(text)) {
    return { ...common, kind: 'due', ...selection, ...(when ? { at: when } : {}), problems: [] };
  }
  if (
    CUES.price.test(text) &&
    !CUES.cancel.test(text) &&
    (selection.plans.length > 0 || selection.vendors.length > 0)
  ) {
    return { ...common, kind: 'price', plans: selection.plans, vendors: selection.vendors, ...customerType(text) };
  }
  if (named && (CUES.response.test(text) || selection.severity !== undefined)) {
    return { ...common, kind: 'sla', ...selection };
  }
  if (quotaIds.length > 0 && CUES.quota.test(text)) {
    return { ...common, kind: 'quota', quotaIds, vendors: selection.vendors, query: text };
  }
  // "can I cancel a workshop 3 days before?" is a fee question too, with the notice as a number of days
  if (CUES.cancel.test(text) && /\d{4}-\d{1,2}-\d{1,2}|\d+\s*(?:days?|天|日)/.test(text)) {
    return { ...common, kind: 'fee-cancel', ...parseFeeCancel(text) };
  }
  if (CUES.flex.test(text)) {
    const { amount } = extractAmount(text);
    if (amount !== undefined) return { ...common, kind: 'fee-flex', allowance: amount, problems: [] };
  }
  return { ...common, kind: 'term', query: cleanQuery(original), implicit: true };
}

function customerType(text: string): { customerType?: 'commercial' | 'education' } {
  if (CUSTOMER_TYPES.education.test(text)) return { customerType: 'education' };
  if (CUSTOMER_TYPES.commercial.test(text)) return { customerType: 'commercial' };
  return {};
}

/**
 * Parse one line of text into a Command. `knowledge` supplies the vocabulary (severity, plan, vendor and
 * quota names and aliases); without it only the command structure is recognised. Never throws.
 */
export function parseCommand(text: string, knowledge?: Pick<Knowledge, 'plans'>): Command {
  const vocab = vocabularyOf(knowledge);
  const { body, isPublic } = preprocess(text ?? '');
  const common = { public: isPublic, language: languageOf(body), text: body };
  const norm = normalize(body);
  if (norm === '' || norm === '?' || norm === 'h') return { ...common, kind: 'help' };

  const found = ORDERED_COMMAND_WORDS.find((c) => startsWithWord(norm, c.word));
  if (!found) return routeQuestion(vocab, norm, common);
  const args = norm.slice(found.word.length).trim();

  switch (found.kind) {
    case 'help':
      return { ...common, kind: 'help' };
    case 'sla': {
      const { selection } = parseSelection(vocab, args, { args: true });
      return { ...common, kind: 'sla', ...selection };
    }
    case 'due': {
      const { selection, when, problems } = parseSelection(vocab, args, { args: true });
      return { ...common, kind: 'due', ...selection, ...(when ? { at: when } : {}), problems };
    }
    case 'term': {
      // "what is the sla for p1 gold?" is still an SLA question
      if (!['term', 'terms', 'define', 'definition', 'glossary'].includes(found.word)) {
        const routed = routeQuestion(vocab, args, common, afterWords(body, [COMMAND_WORDS.term]));
        if (routed.kind !== 'term' && routed.kind !== 'not-understood') return routed;
      }
      if (!args) return { ...common, kind: 'help' };
      return { ...common, kind: 'term', query: cleanQuery(afterWords(body, [COMMAND_WORDS.term])), implicit: false };
    }
    case 'fee':
    case 'fee-cancel':
    case 'fee-flex': {
      let kind: 'fee-cancel' | 'fee-flex' | null = found.kind === 'fee' ? null : found.kind;
      let rest = args;
      if (!kind) {
        const afterCancel = takeWord(args, SUB.cancel);
        const afterFlex = afterCancel === null ? takeWord(args, SUB.flex) : null;
        if (afterCancel !== null) [kind, rest] = ['fee-cancel', afterCancel];
        else if (afterFlex !== null) [kind, rest] = ['fee-flex', afterFlex];
        else if (/\d{4}-\d{1,2}-\d{1,2}/.test(args)) kind = 'fee-cancel';
        else if (extractAmount(args).amount !== undefined) kind = 'fee-flex';
      }
      if (kind === 'fee-cancel') return { ...common, kind, ...parseFeeCancel(rest.replace(/^(fee|費用|费用)\s*/, '')) };
      if (kind === 'fee-flex') {
        const cleaned = rest.replace(/^(allowance|額度|额度|cap|fee)\s*/, '');
        const { amount, refused } = extractAmount(cleaned);
        // "flex allowance?" / "彈性額度是什麼" without an amount asks what it is
        if (amount === undefined && !refused && found.kind === 'fee-flex')
          return { ...common, kind: 'term', query: cleanQuery(body), implicit: true };
        const problems = refused
          ? [{ code: 'not-positive-amount' as const, value: refused }]
          : amount === undefined && cleaned
            ? [{ code: 'not-amount' as const, value: cleaned }]
            : [];
        return { ...common, kind, ...(amount !== undefined ? { allowance: amount } : {}), problems };
      }
      return {
        ...common,
        kind: 'not-understood',
        word: found.word,
        suggestions: ['fee cancel 2026-12-20 notice 2026-12-07', 'fee flex 250000'],
      };
    }
    case 'price': {
      const { matches } = findPhrases(vocab, args, { args: true });
      const selection = selectionFrom(matches);
      return { ...common, kind: 'price', plans: selection.plans, vendors: selection.vendors, ...customerType(args) };
    }
    case 'quota': {
      const afterUse = takeWord(args, SUB.use);
      if (afterUse !== null) {
        // a date names the day used or booked (a booked service in the future plans its fee-step reminders)
        const dated = /(?:^|\s)(?:on\s+|for\s+|於\s*|在\s*)?(\d{4}-\d{2}-\d{2})(?=\s|$)/iu.exec(afterUse);
        const on = dated?.[1];
        const withoutDate = dated
          ? `${afterUse.slice(0, dated.index)} ${afterUse.slice(dated.index + dated[0].length)}`
          : afterUse;
        const { amount, rest, refused } = extractAmount(withoutDate.trim());
        const { matches, rest: unmatched } = findPhrases(vocab, rest, { args: true });
        const problems: ParseProblem[] = [];
        if (refused) problems.push({ code: 'not-uses', value: refused });
        if (amount !== undefined && (!Number.isInteger(amount) || amount <= 0))
          problems.push({ code: 'not-whole-uses', value: String(amount) });
        if (on && !DateTime.fromISO(on).isValid) problems.push({ code: 'not-date', value: on });
        return {
          ...common,
          kind: 'quota-use',
          quotaIds: quotaIdsFrom(matches, vocab, unmatched),
          count: amount ?? 1,
          ...(on ? { on } : {}),
          query: rest,
          problems,
        };
      }
      const { matches, rest: unmatched } = findPhrases(vocab, args, { args: true });
      return {
        ...common,
        kind: 'quota',
        quotaIds: quotaIdsFrom(matches, vocab, unmatched),
        vendors: selectionFrom(matches).vendors,
        query: args,
      };
    }
    case 'contract': {
      const raw = afterWords(body, [COMMAND_WORDS.contract]);
      if (takeWord(args, SUB.add) !== null) {
        return { ...common, kind: 'contract-add', args: afterWords(raw, [SUB.add]) };
      }
      const afterRemove = takeWord(args, SUB.remove);
      if (afterRemove !== null) return { ...common, kind: 'contract-remove', ...parseContractRemove(afterRemove) };
      return { ...common, kind: 'contract' };
    }
    case 'case':
      return { ...common, kind: 'case', rest: afterWords(body, [COMMAND_WORDS.case]) };
  }
}
