/**
 * Answer → Block Kit. Pure: the same answer always gives the same blocks.
 *
 * Long answers are split across several messages of at most 50 blocks (the first keeps the header), and any
 * single text is split or trimmed to its limit; past `maxMessages` the rest is dropped with a note saying so.
 */
import type { types } from '@slack/bolt';
import type { Answer, AnswerFact, AnswerTable } from '../../model/answer.js';
import { answerLanguage, citationLabel, tableLines, timeLines } from '../../text/format.js';
import { strings } from '../../text/i18n.js';
import { displayText, forDisplay } from '../../text/script.js';
import { escapeMrkdwn, LIMITS, splitText, trimText } from './limits.js';

type KnownBlock = types.KnownBlock;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface AnswerRenderOptions {
  /** at most this many messages (default 4); the last says what was left out */
  maxMessages?: number;
  /** show the answer's buttons (default true) */
  actions?: boolean;
}

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

function citeMark(cite: number | undefined): string {
  return cite === undefined ? '' : ` [${cite + 1}]`;
}

function factBlocks(facts: AnswerFact[]): KnownBlock[] {
  const fields = facts.map((f) => {
    const label = `*${escapeMrkdwn(f.label)}*${citeMark(f.cite)}\n`;
    return {
      type: 'mrkdwn' as const,
      text: label + trimText(escapeMrkdwn(f.value), LIMITS.sectionField - label.length),
    };
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + LIMITS.sectionFields) });
  }
  return blocks;
}

function tableBlocks(table: AnswerTable): KnownBlock[] {
  const lines = tableLines(table.columns, table.rows).map(escapeMrkdwn);
  // each section holds whole lines inside a code fence; the header row repeats on every piece
  const [head, rule, ...rows] = lines;
  const fence = (body: string[]) => `\`\`\`\n${[head, rule, ...body].join('\n')}\n\`\`\``;
  const blocks: KnownBlock[] = [];
  let chunk: string[] = [];
  for (const row of rows) {
    const candidate = [...chunk, trimText(row, LIMITS.sectionText - 200)];
    if (fence(candidate).length > LIMITS.sectionText && chunk.length > 0) {
      blocks.push(mrkdwnSection(fence(chunk)));
      chunk = [trimText(row, LIMITS.sectionText - 200)];
    } else {
      chunk = candidate;
    }
  }
  blocks.push(mrkdwnSection(fence(chunk)));
  return blocks;
}

function timeBlocks(answer: Answer): KnownBlock[] {
  return answer.times.map((time) => {
    const l = timeLines(time, answerLanguage(answer), displayText(answer));
    const lines = [`*${escapeMrkdwn(time.label)}*${citeMark(time.cite)}`, `:clock3: ${escapeMrkdwn(l.contract)}`];
    if (l.user) lines.push(`:bust_in_silhouette: ${escapeMrkdwn(l.user)}`);
    if (l.left) lines.push(escapeMrkdwn(l.left));
    if (l.why) lines.push(`_${escapeMrkdwn(l.why)}_`);
    return mrkdwnSection(lines.join('\n'));
  });
}

function citationBlocks(answer: Answer): KnownBlock[] {
  return answer.citations.map((c, i) => {
    const quote = `>「${escapeMrkdwn(c.quote.replace(/\s+/g, ' ').trim())}」`;
    // the gloss is the quote in English: a Chinese reader reads the quote itself
    const gloss = c.gloss && answerLanguage(answer) === 'en' ? `\n_${escapeMrkdwn(c.gloss)}_` : '';
    const label = `\n[${i + 1}] ${escapeMrkdwn(citationLabel(c, answerLanguage(answer), displayText(answer)))}`;
    const room = LIMITS.contextText - gloss.length - label.length;
    return contextBlock([trimText(quote, Math.max(200, room)) + gloss + label]);
  });
}

function actionBlocks(answer: Answer): KnownBlock[] {
  const buttons: types.Button[] = (answer.actions ?? []).map((a) => ({
    type: 'button',
    action_id: a.id,
    text: { type: 'plain_text', text: trimText(a.text, LIMITS.buttonText) },
    value: a.value.slice(0, LIMITS.buttonValue),
    ...(a.style ? { style: a.style } : {}),
  }));
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return blocks;
}

/**
 * Every block of the answer, in reading order, with no limit on their number (see answerMessages). Simplified
 * Chinese is converted here, for display; quotes stay as the source has them.
 */
export function answerBlocks(model: Answer, options: AnswerRenderOptions = {}): KnownBlock[] {
  const answer = forDisplay(model);
  const show = displayText(answer);
  const s = strings(answerLanguage(answer));
  const blocks: KnownBlock[] = [headerBlock(answer.title.trim() || 'Entitlebot')];
  if (answer.summary) blocks.push(...mrkdwnSections(escapeMrkdwn(answer.summary)));
  blocks.push(...factBlocks(answer.facts));
  blocks.push(...timeBlocks(answer));
  for (const table of answer.tables) blocks.push(...tableBlocks(table));
  if (answer.notes.length > 0)
    blocks.push(contextBlock(answer.notes.map((n) => `:information_source: ${escapeMrkdwn(n)}`)));
  blocks.push(...citationBlocks(answer));
  if (answer.suggestions.length > 0) {
    blocks.push(
      contextBlock([
        `${show(s.try)}${s.colon}${answer.suggestions.map((s) => `\`${escapeMrkdwn(s)}\``).join('  ·  ')}`,
      ]),
    );
  }
  if (options.actions !== false) blocks.push(...actionBlocks(answer));
  return blocks;
}

/** The fallback text of a message (notifications, screen readers). */
export function answerText(model: Answer): string {
  const answer = forDisplay(model);
  const text = answer.summary ? `${answer.title}: ${answer.summary}` : answer.title;
  return trimText(text, LIMITS.messageText);
}

/** The answer as one or more messages, each within 50 blocks. */
export function answerMessages(answer: Answer, options: AnswerRenderOptions = {}): SlackMessage[] {
  const maxMessages = Math.max(1, options.maxMessages ?? 4);
  const blocks = answerBlocks(answer, options);
  const per = LIMITS.messageBlocks;
  const messages: SlackMessage[] = [];
  const text = answerText(answer);
  for (let i = 0; i < blocks.length; i += per - 1) {
    messages.push({ text, blocks: blocks.slice(i, i + per - 1) });
  }
  if (messages.length <= maxMessages) return messages;
  const kept = messages.slice(0, maxMessages);
  const dropped = blocks.length - kept.reduce((n, m) => n + m.blocks.length, 0);
  kept[kept.length - 1]!.blocks.push(
    contextBlock([displayText(answer)(strings(answerLanguage(answer)).leftOut(dropped))]),
  );
  return kept;
}
