/** Reading what a message gives Slack to parse as mrkdwn, for the escaping tests. */

/** Every piece of mrkdwn in blocks or a view: the text of each `mrkdwn` text object. */
// biome-ignore lint/suspicious/noExplicitAny: walks Slack JSON
export function mrkdwnTexts(node: any, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) mrkdwnTexts(n, out);
  else if (node && typeof node === 'object') {
    if (node.type === 'mrkdwn' && typeof node.text === 'string') out.push(node.text);
    for (const [k, v] of Object.entries(node)) if (k !== 'text' || typeof v !== 'string') mrkdwnTexts(v, out);
  }
  return out;
}

/** The hostile input the escaping tests type: a mention, a broadcast, a bare ampersand, a labelled link. */
export const HOSTILE = 'x <@U123> <!channel> & <http://x|y> y';

/** None of the hostile markup survives as markup; a bare `&` is never left. */
export function markupProblems(texts: string[]): string[] {
  const problems: string[] = [];
  for (const t of texts) {
    for (const raw of ['<@U123>', '<!channel>', '<http://x|y>']) if (t.includes(raw)) problems.push(`${raw} in ${t}`);
    if (/&(?!amp;|lt;|gt;)/.test(t)) problems.push(`bare & in ${t}`);
  }
  return problems;
}
