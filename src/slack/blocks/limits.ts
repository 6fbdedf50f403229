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
