/**
 * The public plan format: schemas/plan.schema.json is what the zod schemas generate (npm run schema), and the
 * worked example in docs/examples validates against it with a JSON Schema validator, as an editor would.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planJsonSchema, planJsonSchemaText } from '../../src/knowledge/json-schema.js';
import { loadPlans } from '../../src/knowledge/load.js';
import { examplePlanText } from '../plans/helpers.js';

const committed = () => readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8');

describe('schemas/plan.schema.json', () => {
  it('is exactly what the generator writes from the zod schemas (run `npm run schema` after changing them)', () => {
    expect(committed()).toBe(planJsonSchemaText());
  });

  it('names the format version and refuses another one', () => {
    const schema = planJsonSchema();
    expect(schema.$id).toMatch(/\/v1\.json$/);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(committed()));
    const example = parse(examplePlanText());
    expect(validate(example)).toBe(true);
    expect(validate({ ...example, formatVersion: 2 })).toBe(false);
  });

  it('accepts every shipped plan file and the worked example, and refuses a misspelt key', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(committed()));
    for (const file of loadPlans()) {
      // the shipped files as written (defaults are optional in the input schema)
      expect(validate(JSON.parse(JSON.stringify(file))), file.vendor).toBe(true);
    }
    const example = parse(examplePlanText());
    example.targets[0].certanty = 'stated';
    expect(validate(example)).toBe(false);
  });

  it('describes an override of a shipped vendor too', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(committed()));
    const override = {
      extends: 'microsoft',
      document: 'ours.txt',
      targets: [],
    };
    expect(validate(override)).toBe(true);
    expect(validate({ ...override, severities: [] })).toBe(false);
  });
});
