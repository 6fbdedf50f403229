import { describe, expect, it } from 'vitest';
import { engines } from '../support/engines.js';

describe.each(engines)('on $name', (engine) => {
  it('keeps settings and the act-once memory', async () => {
    const store = await engine.open();
    try {
      expect((await store.getSettings('T1')).zone).toBe('UTC');
      await store.updateSettings('T1', { zone: 'Asia/Taipei' });
      await store.updateSettings('T1', { language: 'zh' });
      expect(await store.getSettings('T1')).toMatchObject({ zone: 'Asia/Taipei', language: 'zh' });
      expect(await store.firstSeen('message', 'k', 2000, 1000)).toBe(true);
      expect(await store.firstSeen('message', 'k', 3000, 1500)).toBe(false);
      expect(await store.firstSeen('message', 'k', 5000, 2000)).toBe(true);
      await expect(
        store.transaction(async () => {
          await store.updateSettings('T1', { zone: 'Europe/Berlin' });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.getSettings('T1')).zone).toBe('Asia/Taipei');
    } finally {
      await store.close();
    }
  });
});
