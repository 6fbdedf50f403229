/**
 * Plan labels in answer tables: "<vendor> <plan>", without saying the vendor twice where the plan's own name
 * already starts with it (Microsoft's AEM is "Microsoft Azure 事件管理" in Chinese).
 */
import { describe, expect, it } from 'vitest';
import { answer, context, knowledge } from '../support/answers.js';

const vendors = knowledge.plans.flatMap((f) => [f.vendorName.en, f.vendorName.zh]);

describe('plan labels in tables', () => {
  it.each(['quota', '配額', 'sla p1', 'sla sev a', 'sla p1 jamf', 'sla p2'])(
    '%s: every row names its vendor once',
    (text) => {
      const a = answer(text, context());
      const cells = a.tables.flatMap((t) => t.rows.map((r) => String(r[0])));
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        for (const v of vendors) expect(cell.startsWith(`${v} ${v}`), cell).toBe(false);
        expect(
          vendors.some((v) => cell.startsWith(v)),
          cell,
        ).toBe(true);
      }
    },
  );
});
