/**
 * Block Kit's limits, and text helpers that keep within them: a long answer is split or trimmed, never refused.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  inputLabel: 2000,
  modalTitle: 24,
  modalButton: 24,
  /** the fallback `text` of a message: Slack truncates beyond 40,000; notifications show far less */
  messageText: 3000,
} as const;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
const MRKDWN_CONTROL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMrkdwn(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => MRKDWN_CONTROL[c] ?? c) : text;
}

/** Cuts `text` to at most `max` characters (UTF-16 units, as Slack counts), ending with an ellipsis. */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  // never split a surrogate pair
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  // prefer a word boundary when one is near
  const space = text.lastIndexOf(' ', cut);
  if (space > cut - 20 && space > 0) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * Splits `text` into pieces of at most `max` characters, preferring line breaks, then spaces; every piece is
 * non-empty and the pieces joined give back the text (less the break characters split on).
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    } else {
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/**
 * What one message may carry. Slack refuses more than 50 blocks, and a chat.postMessage whose blocks hold much
 * more than about 12,000 characters of text (`msg_blocks_too_long`); the app keeps a margin under both.
 */
export const MESSAGE_BUDGET = {
  slackBlocks: 50,
  slackChars: 12_000,
  blocks: 40,
  chars: 10_000,
} as const;

export interface MessageSize {
  blocks: number;
  /** every `text` string in the blocks (section, fields, context, header, buttons), as Slack counts: UTF-16 units */
  chars: number;
}

/** The one measure of a message: how many blocks and how many characters of block text. */
export function messageSize(blocks: readonly unknown[]): MessageSize {
  let chars = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') chars += value.length;
      else walk(value);
    }
  };
  walk(blocks);
  return { blocks: blocks.length, chars };
}

/** true when the blocks fit the app's budget (which is inside Slack's limits). */
export function withinBudget(blocks: readonly unknown[]): boolean {
  const size = messageSize(blocks);
  return size.blocks <= MESSAGE_BUDGET.blocks && size.chars <= MESSAGE_BUDGET.chars;
}

/**
 * Packs blocks into as few messages as the budget allows, in order. A single block larger than the budget
 * (cannot happen with the builders' own trimming) still goes out alone rather than being lost.
 */
export function packMessages<B>(blocks: readonly B[]): B[][] {
  const messages: B[][] = [];
  let current: B[] = [];
  let chars = 0;
  for (const block of blocks) {
    const size = messageSize([block]).chars;
    if (current.length > 0 && (current.length + 1 > MESSAGE_BUDGET.blocks || chars + size > MESSAGE_BUDGET.chars)) {
      messages.push(current);
      current = [];
      chars = 0;
    }
    current.push(block);
    chars += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
