import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_PATH, slackExamples } from '../../scripts/slack-examples.js';

describe('docs/slack-messages.md', () => {
  it('is what the builders make today (regenerate with `npx tsx scripts/slack-examples.ts`)', async () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(await slackExamples());
  });
});
