/**
 * The public, versioned plan format as JSON Schema, generated from the zod schemas in schema.ts so that the two
 * cannot drift: `npm run schema` writes it to schemas/plan.schema.json, and a test checks that the committed file
 * is what this produces. Editors use it to validate and complete plan files (docs/plan-format.md).
 *
 * It describes the input, as a person writes it: keys with a default (`certainty`, `aliases`, ...) are optional.
 * The checks zod cannot express (references resolve, quotes occur in the document) are `entitlebot plan check`'s.
 */
import { z } from 'zod';
import { PLAN_FORMAT_VERSION, PlanDocument } from './schema.js';

export const PLAN_SCHEMA_ID = `https://entitlebot.dev/schemas/plan/v${PLAN_FORMAT_VERSION}.json`;

export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanDocument, { io: 'input', target: 'draft-2020-12', unrepresentable: 'throw' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    $id: PLAN_SCHEMA_ID,
    title: `Entitlebot plan file, format version ${PLAN_FORMAT_VERSION}`,
    description:
      "A vendor's support terms (one file per source document), or a workspace's override of a shipped vendor " +
      '(`extends`). Every statement cites its document: source: { doc, quote, gloss }. See docs/plan-format.md.',
    ...rest,
  };
}

/** The file's text: two-space JSON with a final newline. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
