import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { INSTALLATION_CACHE_MS, InstallationCache } from '../../src/slack/installation-cache.js';

const query = (teamId: string): InstallationQuery<false> => ({
  teamId,
  enterpriseId: undefined,
  isEnterpriseInstall: false,
});

function countingStore() {
  const tokens = new Map<string, string>([['T1', 'xoxb-1']]);
  let fetches = 0;
  const store: Required<InstallationStore> = {
    storeInstallation: async (i) => {
      tokens.set(i.team?.id ?? '', i.bot?.token ?? '');
    },
    deleteInstallation: async (q) => {
      tokens.delete(q.teamId ?? '');
    },
    fetchInstallation: async (q) => {
      fetches += 1;
      const token = tokens.get(q.teamId ?? '');
      if (!token) throw new Error('not found');
      return { team: { id: q.teamId }, bot: { token } } as Installation;
    },
  };
  return { store, fetches: () => fetches };
}

describe('InstallationCache', () => {
  it('answers repeated lookups from memory for a minute, then asks the store again', async () => {
    let now = 0;
    const { store, fetches } = countingStore();
    const cached = new InstallationCache(store, () => now).asInstallationStore();
    expect((await cached.fetchInstallation(query('T1'))).bot?.token).toBe('xoxb-1');
    now = INSTALLATION_CACHE_MS;
    await cached.fetchInstallation(query('T1'));
    expect(fetches()).toBe(1);
    now = INSTALLATION_CACHE_MS + 1;
    await cached.fetchInstallation(query('T1'));
    expect(fetches()).toBe(2);
  });

  it('sees a new token at once after an install, and no token after an uninstall', async () => {
    const { store } = countingStore();
    const cache = new InstallationCache(store, () => 0);
    const cached = cache.asInstallationStore();
    await cached.fetchInstallation(query('T1'));
    await cached.storeInstallation({ team: { id: 'T1' }, bot: { token: 'xoxb-new' } } as Installation);
    expect((await cached.fetchInstallation(query('T1'))).bot?.token).toBe('xoxb-new');
    await store.deleteInstallation(query('T1')); // as app_uninstalled does, through the store
    cache.forget();
    await expect(cached.fetchInstallation(query('T1'))).rejects.toThrow('not found');
  });

  it('does not remember a failed lookup', async () => {
    const { store, fetches } = countingStore();
    const cached = new InstallationCache(store, () => 0).asInstallationStore();
    await expect(cached.fetchInstallation(query('T9'))).rejects.toThrow();
    await store.storeInstallation({ team: { id: 'T9' }, bot: { token: 'xoxb-9' } } as Installation);
    expect((await cached.fetchInstallation(query('T9'))).bot?.token).toBe('xoxb-9');
    expect(fetches()).toBe(2);
  });
});
