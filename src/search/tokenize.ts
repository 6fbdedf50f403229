/**
 * The search tokenizer, shared by the index and the queries so that both sides fold text the same way.
 *
 * - NFKC, then lowercase.
 * - Simplified Chinese folded to Traditional character by character, with OpenCC's character table
 *   (STCharacters, then the Taiwan variants). OpenCC's phrase converter would be more exact, but
 *   building it takes ~400 ms (a 1 MB phrase dictionary); for matching, a consistent character fold on
 *   both sides is what counts, and each character is looked up when first seen.
 * - Chinese text is cut into runs at every non-Han character (so a run never crosses a sentence),
 *   and each run gives its character bigrams plus the longer words `Intl.Segmenter` finds in it.
 *   A one-character run (高, 中, 低) is kept as it is.
 * - Latin words: letters and digits; English stop words dropped, except where they carry meaning
 *   (IT, US written in capitals; the A of "severity A").
 */
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';

/**
 * One entry's target in an OpenCC table (`from to|from to|…`: one character to one, in code point order, no key
 * twice; a test holds the tables to that), or undefined when the table does not change `ch`. A binary search
 * over the text itself: a miss costs a dozen steps, not a scan of the 17 KB table.
 */
function entryOf(table: string, ch: string): string | undefined {
  const code = ch.codePointAt(0);
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // the entry around `mid`: `lo` is always an entry's start, so this one starts at or after it
    const start = table.lastIndexOf('|', mid - 1) + 1;
    const bar = table.indexOf('|', start);
    const stop = bar < 0 ? table.length : bar;
    const key = table.codePointAt(start) ?? 0;
    if (key === code) {
      const to = table.slice(start, stop).split(' ')[1];
      return to && to !== ch ? to : undefined;
    }
    if (key < (code ?? 0)) lo = stop + 1;
    else hi = start;
  }
  return undefined;
}

/**
 * Each Han character's fold, looked up in the two tables the first time it is seen and remembered (at most one
 * entry per Han character in Unicode). Building the whole table up front cost every process ~10 ms at start
 * (the parser folds its command words when it loads), for the few hundred characters a process ever sees.
 */
const folds = new Map<string, string>();

function foldChar(ch: string): string {
  let to = folds.get(ch);
  if (to === undefined) {
    const simplified = entryOf(STCharacters, ch);
    to = simplified === undefined ? (entryOf(TWVariants, ch) ?? ch) : (entryOf(TWVariants, simplified) ?? simplified);
    folds.set(ch, to);
  }
  return to;
}

/** Every character the fold changes is a Han character (OpenCC's tables hold nothing else). */
const HAN = /\p{Script=Han}/gu;

/** NFKC, lowercase, Simplified folded to Traditional. */
export function foldText(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  return lower.replace(HAN, foldChar);
}

const STOP_WORDS = new Set(
  (
    'a an the of for to in on at by with from about as and or if then than so not no any some all there here ' +
    'what whats how who whom whose which when where why is are was were be been being am ' +
    'do does did done doing have has had get gets got getting can could would should will shall may might must ' +
    'i im me my mine we us our ours you your yours it its they them their this that these those ' +
    'please tell explain define definition mean means meaning stand stands ' +
    'fast quickly soon long often much many s ' +
    // light verbs of a question, which never name a contract term
    'send sends give gives provide provides offer offers offered happen happens happened need needs want wants ' +
    'use used using make take know let see find ask asked'
  ).split(' '),
);

/**
 * The stop words of the record index: the verbs a statement turns on (need, use, give, provide, offer,
 * send) say what a fact is about ("what do we need before AED" is about its prerequisites).
 */
export const RECORD_STOP_WORDS: ReadonlySet<string> = new Set(
  [...STOP_WORDS].filter(
    (w) =>
      !'need needs use used using send sends give gives provide provides offer offers offered'.split(' ').includes(w),
  ),
);

/** Stop words that name something when written in capitals: IT (coaching), US (Eastern), A (severity). */
const MEANINGFUL_IN_CAPITALS = new Set(['it', 'us', 'a']);
const SEVERITY_WORDS = new Set(['severity', 'sev', '嚴重性']);

/**
 * ICU's word segmenter for Chinese, made on first use (making one costs several milliseconds) and shared by the
 * tokenizer and the answers' unknown-word check.
 */
let segmenter: Intl.Segmenter | undefined;

export function chineseSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/**
 * Han runs are segmented into words in pieces of at most MAX_RUN characters (the knowledge's longest run is
 * under 50), MAX_BATCH characters to a call of the segmenter, which keeps tokenizing linear in the text.
 */
const MAX_RUN = 200;
const MAX_BATCH = 1_000;

/** A Han run, or a run of other letters and digits. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** Tokens of folded text; `cased` is the same text with the original capitals, to see IT or US. */
function tokensOf(folded: string, cased: string, stop: ReadonlySet<string> = STOP_WORDS): string[] {
  const tokens: string[] = [];
  const longRuns: string[] = [];
  let previous = '';
  for (const m of folded.matchAll(RUN)) {
    const [whole, han, other] = m;
    if (han) {
      if (han.length === 1) tokens.push(han);
      for (let i = 0; i + 2 <= han.length; i++) tokens.push(han.slice(i, i + 2));
      if (han.length > 2) for (let i = 0; i < han.length; i += MAX_RUN) longRuns.push(han.slice(i, i + MAX_RUN));
      previous = han.endsWith('嚴重性') ? '嚴重性' : han;
    } else if (other) {
      const writtenInCapitals = () => {
        const written = cased.slice(m.index, m.index + whole.length);
        return written === written.toUpperCase() && written !== 'I';
      };
      const keep =
        !stop.has(other) ||
        (MEANINGFUL_IN_CAPITALS.has(other) && writtenInCapitals()) ||
        (other === 'a' && SEVERITY_WORDS.has(previous));
      if (keep) tokens.push(other);
      previous = other;
    }
  }
  // The runs of one text are segmented a batch at a time, kept apart by a comma that no word spans: one
  // call per run costs more, and the segmenter's time grows with the square of the text given in one call
  // (a whole document, or 40,000 characters of Chinese, takes seconds).
  let batch: string[] = [];
  let size = 0;
  const segment = () => {
    for (const { segment, isWordLike } of chineseSegmenter().segment(batch.join('，'))) {
      if (isWordLike && segment.length > 2) tokens.push(segment);
    }
    batch = [];
    size = 0;
  };
  for (const run of longRuns) {
    if (size + run.length > MAX_BATCH && batch.length) segment();
    batch.push(run);
    size += run.length + 1;
  }
  if (batch.length) segment();
  return tokens;
}

/** Folds text and cuts it into index tokens. */
export function tokenize(text: string, stop: ReadonlySet<string> = STOP_WORDS): string[] {
  const nfkc = text.normalize('NFKC');
  const folded = foldText(nfkc);
  return tokensOf(folded, alignCase(nfkc, folded), stop);
}

/** True for a token of Latin letters only: the only kind that gets fuzzy and prefix matching. */
export function isLatinWord(token: string): boolean {
  return /^[a-z]+$/u.test(token);
}

/** Question wording that says nothing about the subject (matched on folded text). */
const QUESTION_FILLER: RegExp[] = [
  /什麼是|是什麼|什麼|甚麼|請問|是否|有沒有|是誰|哪些|哪個|如何|怎麼樣|怎麼|怎樣|多久|多快|多少|幾次|幾位|幾個|幾天|幾|的定義|定義|意思|解釋|介紹|一下|我們的|我的|我們|嗎|呢|吧|的/gu,
  /[?？!！。，,、：:；;]/gu,
];

/**
 * The tokens of a question: folded, its filler removed ("what is", "how fast do I get", "什麼是",
 * "是什麼", "?"), duplicates dropped, in order.
 */
export function queryTokens(question: string, stop: ReadonlySet<string> = STOP_WORDS): string[] {
  const nfkc = question.normalize('NFKC');
  let folded = foldText(nfkc);
  // Blank the filler out (same length) so that the text stays aligned with the original's capitals.
  for (const re of QUESTION_FILLER) folded = folded.replace(re, (s) => ' '.repeat(s.length));
  return [...new Set(tokensOf(folded, alignCase(nfkc, folded), stop))];
}

/** The folded text with the capitals of the original where the original has them (same length). */
function alignCase(original: string, folded: string): string {
  if (original.length !== folded.length) return folded;
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const o = original[i] ?? '';
    const f = folded[i] ?? '';
    out += f !== ' ' && o !== f && o.toLowerCase() === f ? o : f;
  }
  return out;
}
