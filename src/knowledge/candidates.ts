/**
 * Proposes glossary terms from a source document's own patterns, for a person to curate into
 * `knowledge/terms/<vendor>.yml`. Pure: clauses and source text in, proposals out.
 *
 * Patterns (each proposal says which ones it was seen in):
 * - `bullet`:       a list item that opens with a label: '• 名稱：定義', 'o 名稱 (ABC)：定義'
 * - `bold`:         a markdown list item with a bold label: '- **名稱。**定義', or any '**名稱**'
 * - `row`:          a table cell of the form '名稱 - 定義'
 * - `abbreviation`: a name with a bracketed Latin abbreviation or English name:
 *                   '非主動式增強指定工程 (REDE)', '客戶成功經理 (以下稱「CSM」)', '彈性津貼 (Flex Allowance)'
 * - `defined`:      a quoted defined term: '(以下稱「工作訂單」)', '稱為「一體適用要求」', '「日曆季度」係指'
 * - `defined-as`:   a clause that opens with 'X 定義為 / 係指 / 指的是'
 * - `heading`:      a short heading (a section that names a service)
 */
import type { Clause } from './clauses.js';

export type CandidatePattern = 'bullet' | 'bold' | 'row' | 'abbreviation' | 'defined' | 'defined-as' | 'heading';

export interface Candidate {
  /** the name as written (Chinese, or Latin where the document names it so) */
  name: string;
  /** a bracketed abbreviation or English name seen with it */
  abbreviation?: string;
  patterns: CandidatePattern[];
  doc: string;
  /** offset of the first sighting in the source */
  offset: number;
  /** the clause that defines or introduces it (first sighting) */
  clauseId: string;
  /** text after the label, or the clause, shortened: a starting point for the definition quote */
  snippet: string;
  /** how often the name occurs in the document */
  occurrences: number;
}

const HAN_OR_NAME = '[\\p{Script=Han}A-Za-z0-9/]';
const LABEL = /^([^：:。，,；;（(「」]{2,24}?)\s*(?:[（(][^)）]{1,30}[)）])?\s*[：:]\s*(\S.*)?$/u;
const BOLD_LABEL = /^\*\*([^*]{2,30}?)[。.]?\*\*\s*(.*)$/u;
const BOLD_ANYWHERE = /\*\*([^*「」]{2,20}?)\*\*/gu;
const ROW_CELL = /^(.{2,20}?)\s+-\s+(\S.*)$/u;
/** '名稱 (ABC)', '名稱 (以下稱「ABC」)', '名稱 (Flex Allowance)', '名稱 (RAP as a Service)' */
const BRACKETED = new RegExp(
  `(${HAN_OR_NAME}(?:${HAN_OR_NAME}| (?=[A-Za-z0-9\\p{Script=Han}]))*)\\s*[（(](?:以下稱|下稱)?「?([A-Z][A-Za-z0-9]*(?: (?:as a|[A-Za-z0-9]+))*?)」?[)）]`,
  'gu',
);
const QUOTED_DEFINED = [
  /(?:以下稱|下稱|稱為|合稱為|統稱為|定義為|均稱爲|均稱為)「\**([^」*]{2,20}?)\**」/gu,
  /「([^」]{2,20})」(?:係指|的定義為|定義為|是指)/gu,
];
const DEFINED_AS = /^\**\s*(?:\d\s+)?([\p{Script=Han}A-Za-z0-9 ]{2,16}?)\s*(?:一般)?(?:定義為|係指|是指|指的是)/u;

/** Words that introduce a name rather than belong to it: cut a bracketed name after the last of them. */
const LEAD_IN = /.*(?:的|與|和|為|將|向|由|之|其|從|在|是|對|以|提供|包括|利用|透過|稱為|運用|獲得|要求|或|註冊)/u;
const MEASURE = /^[項個次位名種](?=\p{Script=Han}{2})/u;

const MAX_SNIPPET = 90;

function shorten(s: string): string {
  const t = s.trim();
  return t.length > MAX_SNIPPET ? `${t.slice(0, MAX_SNIPPET)}…` : t;
}

/** The name part before a bracket: the Chinese run, cut after a lead-in word ("與客戶的客戶成功經理" -> "客戶成功經理"). */
function nameBefore(run: string): string {
  const trimmed = run.trim();
  const m = LEAD_IN.exec(trimmed);
  const rest = m ? trimmed.slice(m[0].length) : trimmed;
  const name = (rest.length >= 2 ? rest : trimmed).trim();
  return name.replace(MEASURE, '');
}

function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

function isPlausibleName(name: string, pattern: CandidatePattern): boolean {
  // a one-character name only with an abbreviation: 高 (Priority 2)
  if (name.length < (pattern === 'abbreviation' ? 1 : 2) || name.length > 24) return false;
  if (/^[\d\s.,/-]+$/u.test(name)) return false;
  // a sentence fragment, not a name
  return !/[。，、；]/u.test(name);
}

/**
 * Proposals for one document, merged by name (a name seen in several patterns is one proposal) and
 * sorted by first sighting.
 */
export function proposeCandidates(doc: string, source: string, clauses: readonly Clause[]): Candidate[] {
  const byName = new Map<string, Candidate>();
  const flat = source.replace(/\s+/gu, '');

  const add = (name: string, pattern: CandidatePattern, clause: Clause, snippet: string, abbreviation?: string) => {
    const clean = name.replace(/\*+/gu, '').trim();
    if (!isPlausibleName(clean, pattern)) return;
    const existing = byName.get(clean);
    if (existing) {
      if (!existing.patterns.includes(pattern)) existing.patterns.push(pattern);
      if (abbreviation && !existing.abbreviation) existing.abbreviation = abbreviation;
      return;
    }
    byName.set(clean, {
      name: clean,
      ...(abbreviation ? { abbreviation } : {}),
      patterns: [pattern],
      doc,
      offset: clause.offset,
      clauseId: clause.id,
      snippet: shorten(snippet),
      occurrences: Math.max(1, countOccurrences(flat, clean.replace(/\s+/gu, ''))),
    });
  };

  const headingSeen = new Set<string>();
  for (const clause of clauses) {
    const text = clause.text;

    for (const h of clause.heading) {
      const title = h.replace(/^(?:\d+(?:\.\d+)*\.?|附錄\s*[A-Z][：:]?|表\s*\d+\s*[–—-])\s*/u, '').trim();
      if (headingSeen.has(title)) continue;
      headingSeen.add(title);
      add(title, 'heading', clause, text);
    }

    if (clause.kind === 'bullet') {
      const bold = BOLD_LABEL.exec(text);
      const label = bold ? null : LABEL.exec(text);
      if (bold?.[1]) add(bold[1], 'bold', clause, bold[2] || text);
      else if (label?.[1]) add(label[1], 'bullet', clause, label[2] ?? text);
    }
    for (const m of text.matchAll(BOLD_ANYWHERE)) if (m[1]) add(m[1], 'bold', clause, text);

    if (clause.kind === 'row') {
      for (const cell of rowCells(source, clause)) {
        const m = ROW_CELL.exec(cell);
        if (m?.[1] && m[2]) add(m[1], 'row', clause, m[2]);
      }
    }

    for (const m of text.matchAll(BRACKETED)) {
      const [, run, abbr] = m;
      if (!run || !abbr) continue;
      add(nameBefore(run), 'abbreviation', clause, text.slice(m.index ?? 0), abbr);
    }
    for (const re of QUOTED_DEFINED) {
      // a quoted abbreviation (以下稱「CSM」) is proposed with its name by the bracket pattern
      for (const m of text.matchAll(re))
        if (m[1] && !/^[A-Z][A-Za-z0-9]*$/u.test(m[1])) add(m[1], 'defined', clause, text);
    }
    const defined = DEFINED_AS.exec(text.replace(/^\*+\s*/u, ''));
    if (defined?.[1]) add(defined[1], 'defined-as', clause, text);
  }
  return [...byName.values()].sort((a, b) => a.offset - b.offset);
}

/** The tab-separated cells of a table-row clause, from the source line it came from. */
function rowCells(source: string, clause: Clause): string[] {
  const lineStart = source.lastIndexOf('\n', clause.offset) + 1;
  const lineEnd = source.indexOf('\n', clause.offset);
  const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  return line
    .split('\t')
    .map((c) => c.trim())
    .filter(Boolean);
}
