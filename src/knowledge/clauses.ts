/**
 * Splits a source document (a PDF or HTML text extraction) into clauses: the units that search
 * returns and that a person cites. Pure: text in, clauses out, so that clauses are reproducible
 * from `knowledge/sources/*.txt` alone.
 *
 * The extractions break lines in the middle of sentences, and the PDF one puts a blank line after
 * every printed line, so a clause ends at a sentence end, a bullet, a heading or a table row rather
 * than at a line break. Lines are rejoined without a space between two Chinese characters and with
 * one otherwise. Layout lines (page headers carried over a page break, table marks) are dropped and end
 * the clause, so only whitespace differs from the source: every clause, and any part of one, occurs
 * verbatim (whitespace-insensitively) in its document and can be quoted as it is.
 */

export type ClauseKind = 'prose' | 'bullet' | 'row';

export interface Clause {
  /** `<vendor>@<offset>`, stable while the source does not change */
  id: string;
  /** file name in knowledge/sources */
  doc: string;
  /** first word of the file name: microsoft, jamf, autodesk */
  vendor: string;
  /** UTF-16 index into the source text where the clause starts */
  offset: number;
  /** UTF-16 index just after the clause's last character */
  end: number;
  /** enclosing headings, outermost first (best effort: the extractions lost the heading levels) */
  heading: string[];
  kind: ClauseKind;
  text: string;
}

/** The part of a source file name before the first '-' or '.', e.g. `jamf-support.zh-TW.txt` -> `jamf`. */
export function vendorOfDoc(doc: string): string {
  return doc.split(/[-.]/)[0] ?? doc;
}

interface Line {
  /** trimmed; empty for a blank or layout line */
  text: string;
  raw: string;
  /** of the first non-space character */
  offset: number;
  index: number;
}

const SENTENCE_END = /[。！？!?]$/u;
const CLOSES_BLOCK = /[。！？!?：:]$/u;
const BULLET = /^(?:[•·▪●]\s*[\uFFFD]?\s*|o\s+|-\s+|\*\s+(?=\S)|\(?[a-z]\)\s+)/u;
const MARKER_ONLY = /^(?:[+✓✔\s]|\uFE0F|\+1)*$/u;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.{0,28})$/u;
const APPENDIX_HEADING = /^(附錄\s*[A-Z])[：:]?\s*(.{0,30})$/u;
const TABLE_CAPTION = /^表\s*\d+\s*[–—-]\s*\S.{0,30}$/u;
const HEADING_FORBIDDEN = /[。，,、；;：:！？!?（()）\d*]/u;
const HAN = /\p{Script=Han}/u;
/** a numbered heading never starts with a measure word: "3 級支援" is a feature, not section 3 */
const MEASURE_WORD = /^[級个個次天週周小分年月日位人名項]/u;

/** Joins two pieces of a sentence broken across lines: no space between Chinese characters. */
export function joinBroken(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  const a = left.at(-1) ?? '';
  const b = right[0] ?? '';
  const cjkJoin =
    (HAN.test(a) || /[\u3000-\u303F\uFF00-\uFFEF]/u.test(a)) &&
    (HAN.test(b) || /[\u3000-\u303F\uFF00-\uFFEF]/u.test(b));
  return cjkJoin ? left + right : `${left} ${right}`;
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    lines.push({ raw, text: raw.trim(), offset: offset + lead, index: lines.length });
    offset += raw.length + 1;
  }
  return lines;
}

/**
 * The PDF extraction puts a blank line after nearly every printed line, also in the middle of a
 * sentence, so blank lines say nothing there; in the HTML extraction a blank line ends a paragraph.
 */
function blankLinesAreLayout(lines: Line[]): boolean {
  let afterText = 0;
  let blankAfterText = 0;
  let fullBeforeBlank = 0;
  let brokenBeforeBlank = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]?.text ?? '';
    if (!prev) continue;
    afterText++;
    if (lines[i]?.text) continue;
    blankAfterText++;
    if (prev.length >= 20) {
      fullBeforeBlank++;
      if (!CLOSES_BLOCK.test(prev)) brokenBeforeBlank++;
    }
  }
  return blankAfterText / (afterText || 1) > 0.8 && brokenBeforeBlank / (fullBeforeBlank || 1) > 0.3;
}

/**
 * Layout lines, dropped from clause text: lines of table marks only (+, ✓); a table's column-header
 * line (the line after a "表 N –" caption) wherever it recurs; and any line that starts a PDF page
 * (one leading space) and also occurs elsewhere (a header carried over a page break).
 */
function layoutLines(lines: Line[]): Set<number> {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const headers = new Set<string>();
  lines.forEach((l, i) => {
    if (!TABLE_CAPTION.test(l.text)) return;
    const next = lines.slice(i + 1).find((n) => n.text);
    if (next && next.text.length <= 30 && !SENTENCE_END.test(next.text) && !BULLET.test(next.text))
      headers.add(next.text);
  });
  const drop = new Set<number>();
  lines.forEach((l, i) => {
    if (!l.text) return;
    const pageStart = /^ \S/u.test(l.raw) && !SENTENCE_END.test(l.text);
    if (MARKER_ONLY.test(l.text) || headers.has(l.text) || (pageStart && (counts.get(l.text) ?? 0) > 1)) drop.add(i);
  });
  return drop;
}

type Piece =
  | { type: 'heading'; level: number | null; text: string; offset: number }
  | { type: 'caption'; text: string; offset: number }
  | { type: 'text'; kind: ClauseKind; lines: Line[] };

/** The level of a numbered heading ("2.3 ..." is 2, "附錄 A：..." is 1), or null for other text. */
function numberedHeading(text: string): number | null {
  const m = NUMBERED_HEADING.exec(text);
  if (m?.[1] && m[2] && !MEASURE_WORD.test(m[2]) && !HEADING_FORBIDDEN.test(m[2].replace(/\d/gu, ''))) {
    return m[1].split('.').length;
  }
  return APPENDIX_HEADING.test(text) && !text.includes('。') ? 1 : null;
}

function looksLikeHeading(text: string): boolean {
  return text.length >= 2 && text.length <= 24 && !text.includes('\t') && !HEADING_FORBIDDEN.test(text);
}

/** Groups lines into pieces: headings, captions, and text runs that end where a clause ends. */
function toPieces(lines: Line[]): Piece[] {
  const layoutBlanks = blankLinesAreLayout(lines);
  const dropped = layoutLines(lines);
  const kept = lines.map((l, i) => (dropped.has(i) ? { ...l, text: '' } : l));
  // In paragraph documents a block is the lines between blank lines.
  // A dropped layout line also ends a block, and the clause in it: a clause never spans one, so that
  // every clause occurs verbatim (whitespace aside) in the source and can be quoted as it is.
  const blocks: Line[][] = [];
  const afterLayout = new Set<number>();
  let current: Line[] = [];
  for (const l of kept) {
    if (l.text) current.push(l);
    else if ((!layoutBlanks || dropped.has(l.index)) && current.length) {
      if (dropped.has(l.index)) afterLayout.add(blocks.length + 1);
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);

  const pieces: Piece[] = [];
  let run: Line[] = [];
  let runKind: ClauseKind = 'prose';
  const flush = () => {
    if (run.length) pieces.push({ type: 'text', kind: runKind, lines: run });
    run = [];
    runKind = 'prose';
  };
  const isHeadingBlock = (b: number): boolean => {
    // A heading introduces prose, a list, a table or another heading, never a short fragment.
    if (!isHeadingShaped(blocks[b])) return false;
    return introducesContent(b + 1) || (isHeadingShaped(blocks[b + 1]) && introducesContent(b + 2));
  };
  const isHeadingShaped = (block: Line[] | undefined): boolean =>
    block?.length === 1 && !!block[0] && looksLikeHeading(block[0].text) && !BULLET.test(block[0].text);
  const introducesContent = (b: number): boolean => {
    const next = blocks[b];
    const first = next?.[0]?.text ?? '';
    if (!next || first.startsWith('*')) return false;
    return isFragment(next) === false || BULLET.test(first) || first.includes('\t');
  };

  // Consecutive short fragments (cells of a table that lost its layout) form one clause.
  let runIsFragments = false;
  let openSentence = false;
  for (const [b, block] of blocks.entries()) {
    if (!layoutBlanks && isHeadingBlock(b) && block[0]) {
      flush();
      pieces.push({
        type: 'heading',
        level: numberedHeading(block[0].text),
        text: block[0].text,
        offset: block[0].offset,
      });
      continue;
    }
    const fragment = !layoutBlanks && isFragment(block);
    if (afterLayout.has(b) || (!openSentence && (!fragment || !runIsFragments))) flush();
    openSentence = false;
    for (const line of block) {
      const text = line.text;
      const level = numberedHeading(text);
      if (level !== null && (layoutBlanks || !run.length)) {
        flush();
        pieces.push({ type: 'heading', level, text, offset: line.offset });
        continue;
      }
      if (TABLE_CAPTION.test(text)) {
        flush();
        pieces.push({ type: 'caption', text, offset: line.offset });
        continue;
      }
      if (BULLET.test(text)) {
        flush();
        runKind = 'bullet';
      } else if (text.includes('\t')) {
        flush();
        pieces.push({ type: 'text', kind: 'row', lines: [line] });
        continue;
      } else if (layoutBlanks && !run.length && looksLikeHeading(text) && introducesContentAfter(kept, line.index)) {
        pieces.push({ type: 'heading', level: null, text, offset: line.offset });
        continue;
      }
      run.push(line);
      if (SENTENCE_END.test(text) && !fragment) flush();
    }
    runIsFragments = fragment && run.length > 0;
    // A full-width line that stops mid-sentence continues in the next block (a page or column break).
    const last = run.at(-1)?.text ?? '';
    openSentence = !layoutBlanks && !fragment && last.length >= 20 && !CLOSES_BLOCK.test(last);
    if (!fragment && !openSentence) flush();
  }
  flush();
  return pieces;
}

/** In the PDF extraction a heading is a short line whose next line starts a new sentence or list. */
function introducesContentAfter(lines: Line[], index: number): boolean {
  for (let j = index + 1; j < lines.length; j++) {
    const next = lines[j]?.text;
    if (!next) continue;
    return BULLET.test(next) || TABLE_CAPTION.test(next) || next.length >= 20 || numberedHeading(next) !== null;
  }
  return false;
}

/** A short block that is not a sentence: a table cell or a label. */
function isFragment(block: Line[]): boolean {
  const text = block.map((l) => l.text).join('');
  return text.length < 20 && !SENTENCE_END.test(text) && !BULLET.test(text) && !text.includes('\t');
}

/** Text with a source offset for each character, so a long clause can be cut at a sentence end. */
class TextWithOffsets {
  text = '';
  offsets: number[] = [];
  /** text positions where a new source line starts */
  lineStarts: number[] = [];
  append(piece: string, offset: number): void {
    const joined = joinBroken(this.text, piece);
    const gap = joined.length - this.text.length - piece.length;
    for (let k = 0; k < gap; k++) this.offsets.push(offset);
    if (this.text) this.lineStarts.push(joined.length - piece.length);
    for (let k = 0; k < piece.length; k++) this.offsets.push(offset + k);
    this.text = joined;
  }
}

const MAX_CLAUSE = 220;

/** Where a long clause may be cut: after a sentence, or at a line start inside a long stretch without one. */
function cutPoints(t: TextWithOffsets): number[] {
  const text = t.text;
  const ends = [...text.matchAll(/[。；！？]/gu)].map((m) => (m.index ?? 0) + 1).filter((e) => e < text.length);
  const points: number[] = [];
  let prev = 0;
  for (const e of [...ends, text.length]) {
    if (e - prev > MAX_CLAUSE * 1.5) points.push(...t.lineStarts.filter((l) => l > prev && l < e));
    if (e < text.length) points.push(e);
    prev = e;
  }
  return points;
}

/** Cuts text longer than MAX_CLAUSE into pieces of whole sentences (or whole lines of a table). */
function cutSentences(t: TextWithOffsets): { text: string; start: number; end: number }[] {
  const text = t.text;
  if (text.length <= MAX_CLAUSE) return [{ text, start: 0, end: text.length }];
  const out: { text: string; start: number; end: number }[] = [];
  let from = 0;
  let last = 0;
  for (const p of [...cutPoints(t), text.length]) {
    if (p - from > MAX_CLAUSE && last > from) {
      out.push({ text: text.slice(from, last), start: from, end: last });
      from = last;
    }
    last = p;
  }
  out.push({ text: text.slice(from), start: from, end: text.length });
  return out.filter((p) => p.text.trim().length > 0);
}

function stripBullet(text: string): string {
  return text.replace(BULLET, '');
}

/** Splits one source document into clauses, in document order. */
export function splitClauses(doc: string, source: string): Clause[] {
  const vendor = vendorOfDoc(doc);
  const lines = toLines(source);
  const pieces = toPieces(lines);
  const clauses: Clause[] = [];
  /** numbered headings enclosing the current clause, outermost first, with their numbers */
  let numbered: { number: string; text: string }[] = [];
  let sub: string[] = [];
  let caption: string | null = null;
  let lastWasHeading = false;
  const hasNumbered = pieces.some((p) => p.type === 'heading' && p.level !== null && !/^\d+\.\s/u.test(p.text));

  for (const p of pieces) {
    if (p.type === 'heading') {
      caption = null;
      if (p.level !== null && hasNumbered) {
        // "2.1" sits under "2", not under whatever came before it
        const number = /^\d+(?:\.\d+)*/u.exec(p.text)?.[0] ?? p.text;
        numbered = numbered.filter((h) => number.startsWith(`${h.number}.`));
        numbered.push({ number, text: p.text });
        sub = [];
      } else if (hasNumbered) {
        sub = [p.text];
      } else if (lastWasHeading) {
        sub.push(p.text);
      } else if (p.level !== null) {
        // "1. 一般" inside an unnumbered document: a subsection of the current section
        sub = [...sub.filter((h) => !/^\d+\.\s/u.test(h)), p.text];
      } else {
        sub = sub.length > 1 ? [sub[0] ?? p.text, p.text] : [p.text];
      }
      lastWasHeading = true;
      continue;
    }
    lastWasHeading = false;
    if (p.type === 'caption') {
      caption = p.text;
      continue;
    }
    const t = new TextWithOffsets();
    for (const [k, line] of p.lines.entries()) {
      const text = k === 0 && p.kind === 'bullet' ? stripBullet(line.text) : line.text;
      const lead = line.text.length - text.length;
      t.append(text.replace(/\t+/gu, ' ').trim(), line.offset + lead);
    }
    const heading = [...numbered.map((h) => h.text), ...sub, ...(caption ? [caption] : [])];
    for (const part of cutSentences(t)) {
      const lead = part.text.length - part.text.trimStart().length;
      const trail = part.text.length - part.text.trimEnd().length;
      const start = t.offsets[part.start + lead] ?? 0;
      const endOffset = (t.offsets[part.end - 1 - trail] ?? start) + 1;
      const text = part.text.trim();
      if (!text || MARKER_ONLY.test(text)) continue;
      clauses.push({
        id: `${vendor}@${start}`,
        doc,
        vendor,
        offset: start,
        end: endOffset,
        heading,
        kind: p.kind,
        text,
      });
    }
  }
  return clauses;
}
