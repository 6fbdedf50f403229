/**
 * Bolt's InstallationStore over the store's installation methods. The store keeps installations in its own
 * `Installation` shape (src/model/installation.ts), a structural subset of Bolt's; this is the one place the
 * two types meet.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Store } from '../store/index.js';

export function boltInstallationStore(
  store: Pick<Store, 'storeInstallation' | 'fetchInstallation' | 'deleteInstallation'>,
): InstallationStore {
  return {
    storeInstallation: (installation: Installation) =>
      store.storeInstallation(installation as unknown as Parameters<Store['storeInstallation']>[0]),
    fetchInstallation: async (query: InstallationQuery<boolean>) =>
      (await store.fetchInstallation(query)) as unknown as Installation,
    deleteInstallation: (query: InstallationQuery<boolean>) => store.deleteInstallation(query),
  };
}
