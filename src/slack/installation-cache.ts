/**
 * Installations in memory, in front of the store, for Bolt's authorize step: every request from a workspace
 * looked its installation up in SQLite (and parsed its JSON), about a twentieth of a request's CPU. A lookup is
 * reused for `INSTALLATION_CACHE_MS` (a minute); storing or deleting an installation, app_uninstalled and
 * tokens_revoked forget everything at once, so a new or revoked token is seen on the next request. Lookups that
 * fail (no installation) are not remembered. At most `maxEntries` are kept, the oldest dropped first.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';

export const INSTALLATION_CACHE_MS = 60_000;

export class InstallationCache {
  private readonly entries = new Map<string, { at: number; installation: Promise<Installation> }>();

  constructor(
    private readonly store: InstallationStore,
    private readonly now: () => number = Date.now,
    readonly maxEntries = 10_000,
  ) {}

  /** Bolt's InstallationStore, answering fetchInstallation from memory while an entry is fresh. */
  asInstallationStore(): InstallationStore {
    return {
      storeInstallation: async (installation, logger) => {
        this.forget();
        return this.store.storeInstallation(installation, logger);
      },
      deleteInstallation: async (query, logger) => {
        this.forget();
        return this.store.deleteInstallation?.(query, logger);
      },
      fetchInstallation: (query, logger) => this.fetch(query, logger),
    };
  }

  /** Forget every remembered installation (an install, an uninstall, a revoked token). */
  forget(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private fetch(query: InstallationQuery<boolean>, logger?: Parameters<InstallationStore['fetchInstallation']>[1]) {
    const key = `${query.isEnterpriseInstall ? 'E' : 'T'}:${query.enterpriseId ?? ''}:${query.teamId ?? ''}`;
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at <= INSTALLATION_CACHE_MS && now >= hit.at) return hit.installation;
    const installation = this.store.fetchInstallation(query, logger);
    this.entries.delete(key);
    this.entries.set(key, { at: now, installation });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    installation.catch(() => {
      if (this.entries.get(key)?.installation === installation) this.entries.delete(key);
    });
    return installation;
  }
}
