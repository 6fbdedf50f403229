/**
 * A yes/no about membership of a list the contracts state: "does Rapid Response support Chinese?" is no
 * (English and Japanese only), "does UER cover GitHub AE?" is no (it is excluded). The record's `list`
 * (knowledge schema `FactList`) holds the items; the question's items are found by their names in both
 * languages (languages from src/text/list-words.ts, products and regions from every list of their kind in
 * the knowledge base, so that one a list leaves out is still recognised as asked about).
 */
import type { Knowledge } from '../knowledge/load.js';
import { type AnswerRecord, recordsOf } from '../knowledge/records.js';
import type { Bilingual, FactList } from '../knowledge/schema.js';
import { LANGUAGE_NAMES } from '../text/list-words.js';
import { normalize, phrasePattern } from '../text/normalize.js';

export type ListVerdict = 'yes' | 'no' | 'not-listed' | 'on-request' | 'excluded' | 'not-excluded';

export interface ListCheck {
  verdict: ListVerdict;
  /** the items the verdict is about (those missing for no / not listed, those excluded for excluded), named */
  items: Bilingual[];
}

interface Known {
  key: string;
  names: Bilingual;
  patterns: RegExp[];
}

function itemOf(item: string | Bilingual): Bilingual {
  return typeof item === 'string' ? { en: item, zh: item } : item;
}

/** Ways to write a product's name: as listed, and without "Azure"/"Microsoft" when the rest is distinctive. */
function productForms(name: string): string[] {
  const forms = [name];
  const rest = name.replace(/^(azure|microsoft)\s+/i, '');
  if (rest !== name && (rest.includes(' ') || rest.length >= 6)) forms.push(rest);
  return forms;
}

const KNOWN = new WeakMap<object, Map<FactList['of'], Known[]>>();

/** Every item of a kind a question may name. */
function knownItems(kind: FactList['of'], knowledge: Knowledge): Known[] {
  let byKind = KNOWN.get(knowledge.plans);
  if (!byKind) {
    byKind = new Map();
    KNOWN.set(knowledge.plans, byKind);
  }
  const cached = byKind.get(kind);
  if (cached) return cached;
  const out = new Map<string, Known>();
  const add = (key: string, names: Bilingual, forms: string[]) => {
    const patterns = [...new Set(forms.map((f) => normalize(f)).filter((f) => f.length > 0))].map(phrasePattern);
    const known = out.get(key);
    if (known) known.patterns.push(...patterns);
    else out.set(key, { key, names, patterns });
  };
  if (kind === 'language')
    for (const [key, n] of Object.entries(LANGUAGE_NAMES)) add(key, n, [n.en, n.zh, ...n.aliases]);
  for (const r of recordsOf(knowledge)) {
    const list = r.fact?.list;
    if (list?.of !== kind) continue;
    for (const raw of [...list.items, ...(list.onRequest ?? [])]) {
      const item = itemOf(raw);
      const key = item.en.toLowerCase();
      if (kind === 'language' && LANGUAGE_NAMES[item.en]) continue;
      add(key, item, [...productForms(item.en), ...productForms(item.zh)]);
    }
  }
  const items = [...out.values()];
  byKind.set(kind, items);
  return items;
}

function keyOf(kind: FactList['of'], item: string | Bilingual): string {
  const en = itemOf(item).en;
  return kind === 'language' ? en : en.toLowerCase();
}

/** The items of the list's kind the question names (the longest name wins where two overlap). */
function askedItems(norm: string, known: Known[]): Known[] {
  const spans: { start: number; end: number; item: Known }[] = [];
  for (const item of known) {
    for (const p of item.patterns) {
      for (const m of norm.matchAll(p)) spans.push({ start: m.index, end: m.index + m[0].length, item });
    }
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start));
  const taken: typeof spans = [];
  for (const s of spans) if (!taken.some((t) => s.start < t.end && s.end > t.start)) taken.push(s);
  return [...new Set(taken.sort((a, b) => a.start - b.start).map((t) => t.item))];
}

/** The verdict of a yes/no question against a record's list; undefined when it names none of the list's kind. */
export function checkList(record: AnswerRecord, norm: string, knowledge: Knowledge): ListCheck | undefined {
  const list = record.fact?.list;
  if (!list) return undefined;
  const asked = askedItems(norm, knownItems(list.of, knowledge));
  if (asked.length === 0) return undefined;
  const listed = new Set(list.items.map((i) => keyOf(list.of, i)));
  const inList = asked.filter((a) => listed.has(a.key));
  const outside = asked.filter((a) => !listed.has(a.key));
  if (list.excluded) {
    return inList.length > 0
      ? { verdict: 'excluded', items: inList.map((a) => a.names) }
      : { verdict: 'not-excluded', items: outside.map((a) => a.names) };
  }
  if (outside.length === 0) return { verdict: 'yes', items: inList.map((a) => a.names) };
  const possible = new Set((list.onRequest ?? []).map((i) => keyOf(list.of, i)));
  if (outside.every((a) => possible.has(a.key))) return { verdict: 'on-request', items: outside.map((a) => a.names) };
  return { verdict: list.only ? 'no' : 'not-listed', items: outside.map((a) => a.names) };
}

/** Whether a word names an item some list could hold (a language): such a word is no unknown subject. */
export function namesListItem(word: string): boolean {
  const w = normalize(word);
  return Object.values(LANGUAGE_NAMES).some(
    (n) => normalize(n.en) === w || normalize(n.zh) === w || n.aliases.some((a) => normalize(a) === w),
  );
}
