/**
 * The knowledge files say in Chinese what answers to Chinese questions show: every inferred reading has its
 * reason in English and in Chinese, every unit its Chinese form; and the load refuses a file that lacks one.
 */
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../src/knowledge/schema.js';
import { citedRecords, rawPlanFiles } from '../support/knowledge.js';

const CJK = /[\u3400-\u9fff]/u;

describe('Chinese in the knowledge files', () => {
  const files = rawPlanFiles();
  const records = files.flatMap((f) => citedRecords(f.name, f.data));

  it('every inferred record gives its reason in English and in Chinese', () => {
    const inferred = records.filter((r) => r.record.certainty === 'inferred');
    expect(inferred.length).toBeGreaterThan(50);
    const missing = inferred
      .filter((r) => typeof r.record.reason !== 'string' || !CJK.test(String(r.record.reasonZh ?? '')))
      .map((r) => `${r.file} ${r.path}`);
    expect(missing).toEqual([]);
    // the Chinese reason is a translation, not the English one copied
    for (const r of inferred) expect(r.record.reasonZh, `${r.file} ${r.path}`).not.toBe(r.record.reason);
  });

  it('every unit has its Chinese form', () => {
    const units = records.filter((r) => typeof r.record.unit === 'string' && r.record.unit !== '');
    expect(units.length).toBeGreaterThan(10);
    expect(units.filter((r) => !CJK.test(String(r.record.unitZh ?? ''))).map((r) => `${r.file} ${r.path}`)).toEqual([]);
  });

  it('a file with an inferred record without a Chinese reason is refused, naming the field', () => {
    const [first] = files;
    const data = structuredClone(first!.data) as { targets: Record<string, unknown>[] };
    const target = data.targets.find((t) => t.certainty === 'inferred') ?? data.targets[0]!;
    target.certainty = 'inferred';
    target.reason = 'some reason';
    delete target.reasonZh;
    const result = PlanFile.safeParse(data);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('reasonZh');
  });
});
