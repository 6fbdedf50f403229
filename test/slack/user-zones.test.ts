import { describe, expect, it } from 'vitest';
import { USER_ZONE_MEMORY_MS, UserZoneCache } from '../../src/slack/user-zones.js';

describe('UserZoneCache', () => {
  it('keeps a zone for its lifetime, then forgets it', () => {
    const cache = new UserZoneCache();
    const key = UserZoneCache.key('T1', 'U1');
    cache.set(key, 'Asia/Taipei', 1_000);
    expect(cache.get(key, 1_000 + USER_ZONE_MEMORY_MS)).toBe('Asia/Taipei');
    expect(cache.get(UserZoneCache.key('T2', 'U1'), 1_000)).toBeUndefined();
    expect(cache.get(key, 1_001 + USER_ZONE_MEMORY_MS)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, dropping the oldest first', () => {
    const cache = new UserZoneCache(3);
    for (const u of ['U1', 'U2', 'U3', 'U4']) cache.set(UserZoneCache.key('T', u), 'UTC', 0);
    expect(cache.size).toBe(3);
    expect(cache.get(UserZoneCache.key('T', 'U1'), 0)).toBeUndefined();
    expect(cache.get(UserZoneCache.key('T', 'U4'), 0)).toBe('UTC');
  });
});
