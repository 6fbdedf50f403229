/**
 * What a Chinese reader may see in Latin letters: names (vendors, plans, zones, the app), codes, commands in
 * backticks, Slack's tokens (mentions, channels, dates, emoji) and links. Anything else is an English word.
 */
export const ALLOWED =
  /`[^`]*`|<[^>]*>|:[a-z_]+:|https?:\S+|\b(Entitlebot|GitHub|Microsoft|Jamf|Autodesk|Azure|Unified|UER|AEM|AED|IANA|HH|MM|none|Asia\/Taipei|Europe\/Berlin|UTC|DE|TW|BY|APAC|EMEA|AMERICAS|Premium|Support|Enterprise|Success|Plan|Rapid|Response|Standard|Silver|Gold|Platinum|Priority|[A-Z]{2,})\b/g;

/** The English words in `texts` outside what ALLOWED lets through, each with the text it was found in. */
export function englishIn(texts: string[]): string[] {
  return texts.flatMap((t) => (t.replace(ALLOWED, ' ').match(/[A-Za-z]{2,}/g) ?? []).map((w) => `${w} in “${t}”`));
}

export const SIMPLIFIED_ONLY = /[们这个时间应谁语务约]/u;
export const TRADITIONAL_ONLY = /[們這個時間應誰語務約]/u;
