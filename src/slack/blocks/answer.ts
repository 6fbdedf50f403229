/**
 * Answer → Block Kit. Pure: the same answer (and `now`) always gives the same blocks.
 *
 * A reply is a short card, within the message budget (limits.ts): the answer first (title and summary), a few
 * key fields, the times with a date token each reader sees in their own zone, tables laid out one row to a
 * few lines (a phone is narrow), up to two notes, and one context line with the main quote. Everything else
 * (every quote once, every note, every row, why each time falls when it does) is the answer's full wording,
 * which a button posts in the thread (`wordsMessages`, rebuilt from `answer.replay`).
 */
import type { types } from '@slack/bolt';
import { type Answer, type AnswerTable, type AnswerTime, CASE_ACTION, type Citation } from '../../model/answer.js';
import type { Language } from '../../model/language.js';
import { answerLanguage } from '../../text/format.js';
import { hasCjk, languageOf } from '../../text/language.js';
import { type RenderWords, renderWords } from '../../text/render-words.js';
import { displayText, forDisplay } from '../../text/script.js';
import { formatDueIn, formatLeft } from '../../text/time.js';
import { escapeMrkdwn, LIMITS, MESSAGE_BUDGET, messageSize, packMessages, splitText, trimText } from './limits.js';
import { type NamedInstant, slackDate, withDateTokens } from './time.js';

type KnownBlock = types.KnownBlock;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface AnswerRenderOptions {
  /** the full wording: at most this many messages (default 4); the last says what was left out */
  maxMessages?: number;
  /** show the answer's buttons (default true) */
  actions?: boolean;
  /** the time "in 2 d 4 h" counts from (default: when the answer was asked, from its replay) */
  now?: number;
  /** the answer's language (default: guessed from its title and summary) */
  lang?: Language;
}

/** How much of each part the card shows. */
const CARD = {
  summary: 900,
  summaryWithTimes: 300,
  facts: 6,
  factValue: 300,
  times: 6,
  tableRows: 12,
  notes: 2,
  note: 300,
  quote: 280,
  suggestions: 3,
  buttons: 5,
} as const;

export function mrkdwnSection(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: trimText(text, LIMITS.sectionText) } };
}

/** Sections for a long mrkdwn text: split at line breaks so that no section exceeds its limit. */
export function mrkdwnSections(text: string): types.SectionBlock[] {
  return splitText(text, LIMITS.sectionText).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: piece },
  }));
}

export function contextBlock(texts: string[]): types.ContextBlock {
  const elements = texts.slice(0, LIMITS.contextElements);
  if (texts.length > LIMITS.contextElements) {
    // fold the rest into the last element rather than drop them
    elements[LIMITS.contextElements - 1] = texts.slice(LIMITS.contextElements - 1).join(' · ');
  }
  return {
    type: 'context',
    elements: elements.map((t) => ({ type: 'mrkdwn', text: trimText(t, LIMITS.contextText) })),
  };
}

export function headerBlock(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: trimText(text.replace(/\s+/g, ' '), LIMITS.headerText) } };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const esc = (s: string) => escapeMrkdwn(oneLine(s));

function languageFor(answer: Answer, options: AnswerRenderOptions): Language {
  if (options.lang) return options.lang;
  if (answer.locale) return answerLanguage(answer);
  // the summary is in the answer's language; a title may hold a Chinese term in an English answer
  return languageOf(answer.summary || answer.title);
}

/** The render words in the answer's script: Simplified for a 'zh-Hans' answer (render-words.ts is Traditional). */
function wordsFor(answer: Answer, lang: Language): RenderWords {
  const show = displayText(answer);
  const w = renderWords(lang);
  if (answer.locale !== 'zh-Hans') return w;
  const conv = <T>(value: T): T => {
    if (typeof value === 'string') return show(value) as T;
    if (typeof value === 'function')
      return ((...args: unknown[]) => show((value as (...a: unknown[]) => string)(...args))) as T;
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, conv(v)])) as T;
    return value;
  };
  return conv(w);
}

/** Citations without repeats: the same words from the same document count once (stated wins over inferred). */
export function distinctCitations(citations: Citation[]): { list: Citation[]; indexOf: (i: number) => number } {
  const list: Citation[] = [];
  const map: number[] = [];
  const key = (c: Citation) => `${c.doc}\u0000${oneLine(c.quote)}`;
  const seen = new Map<string, number>();
  for (const c of citations) {
    const k = key(c);
    let at = seen.get(k);
    if (at === undefined) {
      at = list.length;
      seen.set(k, at);
      list.push(c);
    } else if (list[at]!.certainty === 'inferred' && c.certainty === 'stated') {
      list[at] = c;
    }
    map.push(at);
  }
  return { list, indexOf: (i) => map[i] ?? i };
}

/** A table row for a narrow screen: the first two cells on one line, the others labelled below. */
function rowLines(columns: string[], row: string[], brief = columns.length): string {
  const cell = (i: number) => esc(row[i] ?? '');
  const empty = (v: string) => v === '' || v === '–' || v === '-';
  const head = [cell(0), cell(1)].filter((v) => !empty(v));
  const lines = [head.length > 0 ? `*${head[0]}*${head[1] ? ` · ${head[1]}` : ''}` : ''];
  for (let i = 2; i < Math.min(brief, columns.length); i++) {
    const v = cell(i);
    // a Chinese label takes the full-width colon
    const label = esc(columns[i] ?? '');
    if (!empty(v)) lines.push(`${label}${hasCjk(label) ? '：' : ': '}${trimText(v, 400)}`);
  }
  return lines.filter(Boolean).join('\n');
}

/** Rows grouped into sections, whole rows only, each section within its limit. */
function tableSections(table: AnswerTable, rows: string[][], brief?: number): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let chunk = '';
  for (const row of rows) {
    const text = trimText(rowLines(table.columns, row, brief), 1500);
    if (chunk && chunk.length + text.length + 2 > LIMITS.sectionText) {
      blocks.push(mrkdwnSection(chunk));
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n\n${text}` : text;
  }
  if (chunk) blocks.push(mrkdwnSection(chunk));
  return blocks;
}

/** The mentions the app itself wrote (Answer.mentions), made live again after escaping; nothing else. */
function withMentions(escaped: string, answer: Answer): string {
  let out = escaped;
  for (const m of answer.mentions ?? []) {
    if (!/^(<@[UW][A-Z0-9]+>|<!subteam\^S[A-Z0-9]+>)$/.test(m)) continue;
    out = out.split(escapeMrkdwn(m)).join(m);
  }
  return out;
}

/** The instants an answer lists as times, so that its text can show them as date tokens. */
function instantsOf(answer: Answer): NamedInstant[] {
  return answer.times.map((t) => ({ at: Date.parse(t.at), zone: t.zone })).filter((t) => Number.isFinite(t.at));
}

function timeLine(time: AnswerTime, now: number | undefined, lang: Language): string {
  const ms = Date.parse(time.at);
  const label = `*${esc(time.label)}*`;
  if (Number.isNaN(ms)) return `${label}: ${esc(time.at)}`;
  const when = slackDate(ms, time.zone, lang);
  const due =
    now !== undefined
      ? formatDueIn(ms, now, time.minutesLeft, lang)
      : time.minutesLeft !== undefined
        ? formatLeft(time.minutesLeft, lang)
        : '';
  return `${label}: ${when}${due ? ` · ${due}` : ''}`;
}

function factsBlock(answer: Answer): KnownBlock[] {
  // a fact the summary already says (the same words, a quote it holds) is not said twice
  const summary = oneLine(answer.summary);
  const repeats = (value: string) => {
    const v = oneLine(value);
    return v === summary || (v.length >= 12 && summary.includes(v));
  };
  const facts = answer.facts.filter((f) => !repeats(f.value)).slice(0, CARD.facts);
  if (facts.length === 0) return [];
  return [
    {
      type: 'section',
      fields: facts.map((f) => {
        const label = `*${trimText(esc(f.label), 150)}*\n`;
        return { type: 'mrkdwn' as const, text: label + trimText(escapeMrkdwn(f.value.trim()), CARD.factValue) };
      }),
    },
  ];
}

/** The quote the card shows: the source of the first fact or time that has one, else the first quote. */
function mainCitation(answer: Answer): number | undefined {
  const cited = [...answer.facts, ...answer.times].find((x) => x.cite !== undefined)?.cite;
  if (cited !== undefined && answer.citations[cited]) return cited;
  return answer.citations.length > 0 ? 0 : undefined;
}

function quoteContext(answer: Answer, words: RenderWords, lang: Language): KnownBlock[] {
  const main = mainCitation(answer);
  if (main === undefined) return [];
  const c = answer.citations[main]!;
  const others = distinctCitations(answer.citations).list.length - 1;
  // a summary that is the quote itself (a definition in the contract's words) needs only its source here
  const said = oneLine(answer.summary).includes(oneLine(c.quote));
  const quote = said ? '' : `「${trimText(esc(c.quote), CARD.quote)}」`;
  // the English gloss is for English readers; a Chinese reader has the quote itself
  const gloss = c.gloss && !said && lang === 'en' ? ` _${trimText(esc(c.gloss), 200)}_` : '';
  const how = c.certainty === 'inferred' ? words.inferred : words.stated;
  const more = others > 0 ? ` · ${words.moreQuotes(others)}` : '';
  return [contextBlock([`:page_facing_up: ${quote}${gloss}${quote ? ' — ' : ''}${esc(c.doc)} (${how})${more}`])];
}

/** The value of the "Show the contract's words" button: the replay, when it fits in a button's value. */
function replayValue(answer: Answer): string | undefined {
  if (!answer.replay) return undefined;
  const value = JSON.stringify(answer.replay);
  return value.length <= LIMITS.buttonValue ? value : undefined;
}

/** Whether the full wording would add anything to the card. */
function hasMoreWords(answer: Answer): boolean {
  return (
    answer.citations.length > 0 ||
    answer.notes.length > CARD.notes ||
    answer.times.some((t) => t.explanation) ||
    answer.facts.length > CARD.facts ||
    answer.times.length > CARD.times ||
    answer.tables.some((t) => t.rows.length > 0)
  );
}

function actionBlocks(answer: Answer, words: RenderWords, options: AnswerRenderOptions): KnownBlock[] {
  if (options.actions === false) return [];
  const buttons: types.Button[] = (answer.actions ?? []).slice(0, CARD.buttons).map((a) => ({
    type: 'button',
    action_id: a.id,
    text: { type: 'plain_text', text: trimText(a.text, LIMITS.buttonText) },
    value: a.value.slice(0, LIMITS.buttonValue),
    ...(a.style ? { style: a.style } : {}),
  }));
  const replay = replayValue(answer);
  if (replay && hasMoreWords(answer)) {
    buttons.push({
      type: 'button',
      action_id: CASE_ACTION.showWords,
      text: { type: 'plain_text', text: answer.kind === 'help' ? words.showMore : words.showWords },
      value: replay,
    });
  }
  return buttons.length > 0 ? [{ type: 'actions', elements: buttons }] : [];
}

function notesAndTries(answer: Answer, words: RenderWords, shownNotes: number): string {
  const lines = answer.notes.slice(0, shownNotes).map((n) => `:information_source: ${trimText(esc(n), CARD.note)}`);
  const hidden = answer.notes.length - shownNotes;
  if (hidden > 0) lines.push(`_${words.moreNotes(hidden)}_`);
  const tries = answer.suggestions.slice(0, CARD.suggestions).map((s) => `\`${trimText(esc(s), 80)}\``);
  if (tries.length > 0) lines.push(`${words.try}${hasCjk(words.try) ? '：' : ': '}${tries.join(' · ')}`);
  return lines.join('\n');
}

/** The card: every block of the reply, within the message budget. */
export function answerBlocks(model: Answer, options: AnswerRenderOptions = {}): KnownBlock[] {
  const answer = forDisplay(model);
  const lang = languageFor(answer, options);
  const words = wordsFor(answer, lang);
  const show = displayText(answer);
  const title = trimText(esc(answer.title.trim() || 'Entitlebot'), 200);
  // where the times follow, a summary that lists them all is cut short rather than said twice
  const summaryMax = answer.times.length > 1 ? CARD.summaryWithTimes : CARD.summary;
  const summary = answer.summary
    ? `\n${withMentions(withDateTokens(trimText(escapeMrkdwn(answer.summary.trim()), summaryMax), instantsOf(answer), lang), answer)}`
    : '';
  const head: KnownBlock[] = [mrkdwnSection(`*${title}*${summary}`)];
  head.push(...factsBlock(answer));
  if (answer.times.length > 0) {
    const now = options.now ?? answer.replay?.at;
    const lines = answer.times.slice(0, CARD.times).map((t) => show(timeLine(t, now, lang)));
    if (answer.times.length > CARD.times) lines.push(`_${words.moreTimes(answer.times.length - CARD.times)}_`);
    head.push(mrkdwnSection(lines.join('\n')));
  }
  const tail: KnownBlock[] = [...quoteContext(answer, words, lang), ...actionBlocks(answer, words, options)];
  const notes = notesAndTries(answer, words, Math.min(CARD.notes, answer.notes.length));
  const notesBlock = notes ? [mrkdwnSection(notes)] : [];

  // tables take what room is left, whole rows at a time
  const fixed = messageSize([...head, ...notesBlock, ...tail]);
  let room = Math.min(MESSAGE_BUDGET.chars - fixed.chars - 300, 6000);
  let blocksLeft = MESSAGE_BUDGET.blocks - fixed.blocks - 2;
  const tableBlocks: KnownBlock[] = [];
  for (const table of answer.tables) {
    const rows: string[][] = [];
    for (const row of table.rows) {
      const cost = rowLines(table.columns, row, table.brief).length + 2;
      if (rows.length >= CARD.tableRows || cost > room) break;
      rows.push(row);
      room -= cost;
    }
    const sections = rows.length > 0 ? tableSections(table, rows, table.brief).slice(0, Math.max(0, blocksLeft)) : [];
    tableBlocks.push(...sections);
    blocksLeft -= sections.length;
    const hidden = table.rows.length - rows.length;
    if (hidden > 0 && blocksLeft > 0) {
      // a section, not a context: the card keeps its one context line for the quote
      tableBlocks.push(mrkdwnSection(`_${words.moreRows(hidden)}_`));
      blocksLeft -= 1;
    }
  }
  return [...head, ...tableBlocks, ...notesBlock, ...tail];
}

/** The fallback text of a message (notifications, screen readers): Slack reads it as mrkdwn too, so escaped. */
export function answerText(model: Answer): string {
  const answer = forDisplay(model);
  const text = answer.summary ? `${answer.title}: ${answer.summary}` : answer.title;
  return trimText(withMentions(escapeMrkdwn(text), answer), LIMITS.messageText);
}

/** The reply: one card, within the message budget. */
export function answerMessages(answer: Answer, options: AnswerRenderOptions = {}): SlackMessage[] {
  return [{ text: answerText(answer), blocks: answerBlocks(answer, options) }];
}

/**
 * The full wording of an answer, for the thread: why each time falls when it does, every row of its tables,
 * every quote once (with its gloss, document and what it is the source of), every note. As many messages as
 * the budget needs, up to `maxMessages`; the last says what was left out.
 */
export function wordsMessages(model: Answer, options: AnswerRenderOptions = {}): SlackMessage[] {
  const answer = forDisplay(model);
  const lang = languageFor(answer, options);
  const words = wordsFor(answer, lang);
  const show = displayText(answer);
  const maxMessages = Math.max(1, options.maxMessages ?? 4);
  const blocks: KnownBlock[] = [mrkdwnSection(`*${trimText(esc(words.wordsTitle(answer.title)), 300)}*`)];
  const facts = answer.facts.filter((f) => f.value.trim() !== '');
  if (facts.length > CARD.facts) {
    blocks.push(...mrkdwnSections(facts.map((f) => `*${esc(f.label)}*: ${escapeMrkdwn(f.value.trim())}`).join('\n')));
  }
  const why = answer.times.map((t) => {
    const ms = Date.parse(t.at);
    const when = Number.isNaN(ms) ? esc(t.at) : show(slackDate(ms, t.zone, lang));
    return `*${esc(t.label)}*: ${when}${t.explanation ? `\n_${esc(t.explanation)}_` : ''}`;
  });
  if (why.length > 0) blocks.push(...mrkdwnSections(why.join('\n')));
  for (const table of answer.tables) if (table.rows.length > 0) blocks.push(...tableSections(table, table.rows));
  const { list, indexOf } = distinctCitations(answer.citations);
  list.forEach((c, i) => {
    const users = [...answer.facts, ...answer.times]
      .filter((x) => x.cite !== undefined && indexOf(x.cite) === i)
      .map((x) => oneLine(x.label));
    const how = c.certainty === 'inferred' ? `${words.inferred}${c.reason ? `: ${c.reason}` : ''}` : words.stated;
    const lines = [
      `>「${escapeMrkdwn(oneLine(c.quote))}」`,
      ...(c.gloss && lang === 'en' ? [`>_${esc(c.gloss)}_`] : []),
      `[${i + 1}] ${esc(c.doc)} (${esc(how)})`,
      ...(users.length > 0 ? [`_${esc(words.sourceFor([...new Set(users)].join(', ')))}_`] : []),
    ];
    blocks.push(...mrkdwnSections(lines.join('\n')));
  });
  if (answer.notes.length > 0) {
    blocks.push(...mrkdwnSections(answer.notes.map((n) => `:information_source: ${esc(n)}`).join('\n')));
  }
  const text = trimText(escapeMrkdwn(words.wordsTitle(answer.title)), LIMITS.messageText);
  const packed = packMessages(blocks);
  const kept = packed.slice(0, maxMessages);
  if (packed.length > kept.length) {
    const dropped = packed.slice(maxMessages).reduce((n, m) => n + m.length, 0);
    const last = kept[kept.length - 1]!;
    if (last.length >= MESSAGE_BUDGET.blocks) last.pop();
    last.push(contextBlock([words.leftOut(dropped)]));
  }
  return kept.map((b) => ({ text, blocks: b }));
}
