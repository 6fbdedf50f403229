import { describe, expect, it } from 'vitest';
import { engines } from '../support/engines.js';

const T0 = Date.UTC(2026, 11, 2, 9, 0);
const HOUR = 3_600_000;

describe.each(engines)('leases on $name', (engine) => {
  it('one holder at a time; a renewal by the holder; taken over only once it has run out', async () => {
    const store = await engine.open();
    try {
      expect(await store.takeLease('sweep', 'a', T0, T0 + HOUR)).toBe(true);
      expect(await store.takeLease('sweep', 'b', T0 + 1000, T0 + HOUR)).toBe(false);
      // the holder renews it
      expect(await store.takeLease('sweep', 'a', T0 + 2000, T0 + 2 * HOUR)).toBe(true);
      expect(await store.takeLease('sweep', 'b', T0 + HOUR + 1, T0 + 3 * HOUR)).toBe(false);
      // another job's lease is its own
      expect(await store.takeLease('other', 'b', T0, T0 + HOUR)).toBe(true);
      // run out: the next asker takes it
      expect(await store.takeLease('sweep', 'b', T0 + 2 * HOUR, T0 + 3 * HOUR)).toBe(true);
      expect(await store.takeLease('sweep', 'a', T0 + 2 * HOUR + 1, T0 + 4 * HOUR)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('many askers at the same moment: exactly one gets it', async () => {
    const store = await engine.open();
    try {
      const holders = Array.from({ length: 20 }, (_, i) => `instance-${i}`);
      const got = await Promise.all(holders.map((h) => store.takeLease('sweep', h, T0, T0 + HOUR)));
      expect(got.filter(Boolean)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('reports the schema version it is at and the one the code needs', async () => {
    const store = await engine.open();
    try {
      const status = await store.schemaStatus();
      expect(status.found).toBe(status.latest);
      expect(status.latest).toBeGreaterThanOrEqual(6);
    } finally {
      await store.close();
    }
  });
});
