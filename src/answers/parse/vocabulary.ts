/**
 * The words a person may use for severities, plans, vendors and quotas, built from the knowledge files
 * (ids, names and aliases), so that adding an alias to a plan file teaches the parser a new word.
 *
 * Only the grammar of a severity ("sev" / "priority" + id) is generic; which ids exist, their levels and
 * their names come from the data.
 */
import type { Level, PlanFile } from '../../knowledge/schema.js';
import { hasCjk, normalize, phrasePattern } from '../../text/normalize.js';

export interface SeverityEntry {
  vendor: string;
  id: string;
  level: Level;
}

export interface PlanEntry {
  vendor: string;
  id: string;
  kind: 'base' | 'addon';
  addsTo: string[];
}

export interface QuotaEntry {
  vendor: string;
  id: string;
}

export type VocabRef =
  | { type: 'severity'; entries: SeverityEntry[] }
  | { type: 'level'; level: Level }
  | { type: 'plan'; entry: PlanEntry }
  | { type: 'vendor'; vendor: string }
  | { type: 'quota'; entry: QuotaEntry }
  | { type: 'scope'; scope: string };

export interface Phrase {
  phrase: string;
  /** made on the first text that contains the probe (a vocabulary has hundreds; a question tests a few) */
  pattern?: RegExp;
  /** the phrase's first word, which every match contains literally: a cheap test before the RegExp */
  probe: string;
  ref: VocabRef;
  /** bare ids ('1', 'a') are words only in a command's arguments, never in a free question */
  argOnly: boolean;
}

export interface Vocabulary {
  files: PlanFile[];
  /** longest first, so that "rapid response" wins over "response" */
  phrases: Phrase[];
}

/** Generic ways to write "severity N" / "priority N" (the ids after them come from the data). */
const SEVERITY_WORDS = ['sev', 'severity', 's', '嚴重性', '嚴重等級', '严重性', '严重等级', '嚴重度'];
const PRIORITY_WORDS = ['p', 'pri', 'prio', 'priority', '優先權', '優先級', '优先级', '优先权', '優先順序'];

/** Product scopes a target may be split by. */
const SCOPE_WORDS: Record<string, string[]> = {
  azure: ['azure', 'azure component', 'azure components', 'azure 元件'],
  other: [
    'non-azure',
    'non azure',
    'other products',
    'other product',
    'not azure',
    'rather than azure',
    'other than azure',
    'instead of azure',
    'except azure',
    'outside azure',
    'besides azure',
    'excluding azure',
    'azure 以外',
    'azure 之外',
    'azure 以外的產品',
    'azure 以外产品',
    '非 azure',
    '除了 azure',
    '不是 azure',
    '其他產品',
    '其他产品',
    '所有其他產品',
  ],
};

function push(list: Phrase[], phrase: string, ref: VocabRef, argOnly = false) {
  const p = normalize(phrase);
  if (p.length === 0) return;
  list.push({ phrase: p, probe: p.split(/\s/, 1)[0] ?? p, ref, argOnly });
}

/** "Severity 1" → ['severity', '1'] ; "Priority 1" → ['priority', '1'] ; "嚴重性 A" → ['嚴重性', 'a']. */
function splitName(name: string, id: string): { prefix: string; bare: string } | null {
  const n = normalize(name);
  const m = /^(.*?)\s*([0-9]+|[a-z])$/.exec(n);
  if (!m?.[1] || !m[2]) return null;
  const bare = m[2];
  if (!normalize(id).endsWith(bare)) return null;
  return { prefix: m[1], bare };
}

export function buildVocabulary(files: PlanFile[]): Vocabulary {
  const phrases: Phrase[] = [];
  for (const file of files) {
    const vendor = file.vendor;
    push(phrases, vendor, { type: 'vendor', vendor });
    push(phrases, file.vendorName.en, { type: 'vendor', vendor });
    push(phrases, file.vendorName.zh, { type: 'vendor', vendor });
    for (const alias of file.vendorAliases) push(phrases, alias, { type: 'vendor', vendor });

    for (const s of file.severities) {
      const ref: VocabRef = { type: 'severity', entries: [{ vendor, id: s.id, level: s.level }] };
      const id = normalize(s.id);
      // a bare one-character id ('1', 'A') is only a severity inside a command's arguments
      push(phrases, id, ref, id.length === 1);
      for (const alias of s.aliases) push(phrases, alias, ref);
      push(phrases, s.name.en, ref);
      push(phrases, s.name.zh, ref);
      const split = splitName(s.name.en, s.id) ?? splitName(s.name.zh, s.id);
      if (split) {
        const isPriority = /^(p|pri|prio|priority)$/.test(split.prefix) || /^p\d$/.test(id);
        const words = isPriority ? PRIORITY_WORDS : SEVERITY_WORDS;
        for (const w of new Set([...words, split.prefix])) {
          push(phrases, `${w}${split.bare}`, ref);
          push(phrases, `${w} ${split.bare}`, ref);
          push(phrases, `${w}-${split.bare}`, ref);
        }
      }
    }

    for (const p of file.plans) {
      const entry: PlanEntry = { vendor, id: p.id, kind: p.kind, addsTo: p.addsTo ?? [] };
      const ref: VocabRef = { type: 'plan', entry };
      push(phrases, p.id, ref);
      push(phrases, p.id.replace(/-/g, ' '), ref);
      push(phrases, p.name.en, ref);
      push(phrases, p.name.zh, ref);
      for (const alias of p.aliases) push(phrases, alias, ref);
    }

    for (const q of file.quotas) {
      const ref: VocabRef = { type: 'quota', entry: { vendor, id: q.id } };
      push(phrases, q.id, ref);
      push(phrases, q.id.replace(/-/g, ' '), ref);
      push(phrases, q.name.en, ref);
      push(phrases, q.name.zh, ref);
      for (const alias of q.aliases) push(phrases, alias, ref);
    }
  }
  for (const [scope, words] of Object.entries(SCOPE_WORDS)) {
    for (const w of words) push(phrases, w, { type: 'scope', scope });
  }
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  return { files, phrases: mergeSeverityPhrases(phrases) };
}

/** The same phrase naming severities of several vendors ("sev1" is not, but an alias might be) becomes one ref. */
function mergeSeverityPhrases(phrases: Phrase[]): Phrase[] {
  const out: Phrase[] = [];
  const bySeverityPhrase = new Map<string, Phrase>();
  const seen = new Set<string>();
  for (const p of phrases) {
    if (p.ref.type === 'severity') {
      const key = `${p.phrase}|${p.argOnly}`;
      const existing = bySeverityPhrase.get(key);
      if (existing && existing.ref.type === 'severity') {
        for (const e of p.ref.entries) {
          if (!existing.ref.entries.some((x) => x.vendor === e.vendor && x.id === e.id)) existing.ref.entries.push(e);
        }
        continue;
      }
      const copy: Phrase = { ...p, ref: { type: 'severity', entries: [...p.ref.entries] } };
      bySeverityPhrase.set(key, copy);
      out.push(copy);
      continue;
    }
    const key = `${p.phrase}|${JSON.stringify(p.ref)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

export interface Match {
  phrase: Phrase;
  /** the words as they appear in the text */
  text: string;
  start: number;
  end: number;
}

/** A single CJK character (高, 中, 低) is a word only when no other CJK character touches it. */
function standsAlone(text: string, start: number, end: number, phrase: string): boolean {
  if (!hasCjk(phrase) || [...phrase].length > 1) return true;
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  return !hasCjk(before) && !hasCjk(after);
}

/**
 * Find the vocabulary in normalised text, longest phrase first, without overlaps.
 * Returns the matches in text order and the text with the matched phrases blanked out.
 */
export function findPhrases(
  vocab: Vocabulary,
  text: string,
  opts: { args: boolean },
): { matches: Match[]; rest: string } {
  const taken: boolean[] = new Array(text.length).fill(false);
  const matches: Match[] = [];
  for (const phrase of vocab.phrases) {
    if (phrase.argOnly && !opts.args) continue;
    if (!text.includes(phrase.probe)) continue;
    phrase.pattern ??= phrasePattern(phrase.phrase);
    const pattern = phrase.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (!standsAlone(text, start, end, phrase.phrase)) continue;
      let free = true;
      for (let i = start; i < end; i++) if (taken[i]) free = false;
      if (!free) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      matches.push({ phrase, text: m[0], start, end });
    }
  }
  matches.sort((a, b) => a.start - b.start);
  let rest = '';
  for (let i = 0; i < text.length; i++) rest += taken[i] ? ' ' : text[i];
  return { matches, rest: rest.replace(/\s+/g, ' ').trim() };
}
