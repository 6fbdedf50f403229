import type Database from 'better-sqlite3';
import type { Installation, InstallationQuery } from '../model/installation.js';
import { StoreError } from './errors.js';
import type { SecretBox } from './secrets.js';
import { requireWorkspace } from './validate.js';

type Now = () => number;

interface InstallationRow {
  data: string;
}

interface KeyedRow extends InstallationRow {
  install_key: string;
}

function installKey(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  const key = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!key) {
    throw new StoreError(
      'invalid',
      query.isEnterpriseInstall
        ? 'An org-wide installation needs its enterprise id.'
        : 'A workspace installation needs its team id.',
    );
  }
  return key;
}

export function installationMethods(db: Database.Database, now: Now, box: SecretBox, path: string) {
  const upsert = db.prepare(`
    INSERT INTO installations (install_key, team_id, enterprise_id, is_enterprise_install, data, installed_at, updated_at)
    VALUES (@key, @teamId, @enterpriseId, @isEnterpriseInstall, @data, @now, @now)
    ON CONFLICT (install_key) DO UPDATE SET
      team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
      is_enterprise_install = excluded.is_enterprise_install, data = excluded.data, updated_at = excluded.updated_at`);
  const selectByKey = db.prepare<[string], InstallationRow>('SELECT data FROM installations WHERE install_key = ?');
  const deleteByKey = db.prepare<[string]>('DELETE FROM installations WHERE install_key = ?');
  const selectWorkspaceEnterprise = db.prepare<[string], { enterprise_id: string | null }>(
    'SELECT enterprise_id FROM workspaces WHERE workspace_id = ?',
  );
  const selectOrgInstall = db.prepare<[string], KeyedRow>(
    'SELECT install_key, data FROM installations WHERE install_key = ? AND is_enterprise_install = 1',
  );
  // maintenance only (`entitlebot reencrypt`): every installation, to seal each with the current key
  const selectAllForReseal = db.prepare<[], KeyedRow>(
    'SELECT install_key, data FROM installations ORDER BY install_key',
  );
  const reseal = db.prepare<[string, string]>('UPDATE installations SET data = ? WHERE install_key = ?');
  const linkEnterprise = db.prepare<[string, string, number]>(`
    INSERT INTO workspaces (workspace_id, enterprise_id, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (workspace_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, updated_at = excluded.updated_at
    WHERE workspaces.enterprise_id IS NOT excluded.enterprise_id`);

  const read = (key: string): Installation | null => {
    const row = selectByKey.get(key);
    return row ? (JSON.parse(box.open(row.data, key)) as Installation) : null;
  };

  const store = (installation: Installation): void => {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const enterpriseId = installation.enterprise?.id;
    const teamId = installation.team?.id;
    const key = installKey({ isEnterpriseInstall, enterpriseId, teamId });
    box.warnIfPlain(path);
    db.transaction(() => {
      const previous = read(key);
      // A user-only install after the bot install must not drop the bot token the app posts with.
      const merged: Installation =
        installation.bot === undefined && previous?.bot !== undefined
          ? { ...installation, bot: previous.bot }
          : installation;
      upsert.run({
        key,
        teamId: teamId ?? null,
        enterpriseId: enterpriseId ?? null,
        isEnterpriseInstall: isEnterpriseInstall ? 1 : 0,
        data: box.seal(JSON.stringify(merged), key),
        now: now(),
      });
      if (!isEnterpriseInstall && teamId && enterpriseId) linkEnterprise.run(teamId, enterpriseId, now());
    }).immediate();
  };

  return {
    async storeInstallation(installation: Installation): Promise<void> {
      store(installation);
    },

    async fetchInstallation(query: InstallationQuery): Promise<Installation> {
      const key = installKey(query);
      const found = read(key);
      if (!found) {
        throw new StoreError(
          'not-found',
          `Entitlebot is not installed in ${key}; install it from the app's install page.`,
          {
            key,
          },
        );
      }
      return found;
    },

    async deleteInstallation(query: InstallationQuery): Promise<void> {
      deleteByKey.run(installKey(query));
    },

    fetchWorkspaceInstallation(workspaceId: string): Installation | null {
      const ws = requireWorkspace(workspaceId);
      const own = read(ws);
      if (own) return own;
      const enterpriseId = selectWorkspaceEnterprise.get(ws)?.enterprise_id;
      const org = enterpriseId ? selectOrgInstall.get(enterpriseId) : undefined;
      return org ? (JSON.parse(box.open(org.data, org.install_key)) as Installation) : null;
    },

    reencryptInstallations(): { total: number; resealed: number } {
      if (!box.encrypting) {
        throw new StoreError(
          'secret-key',
          'ENTITLEBOT_ENCRYPTION_KEY is not set: there is no key to encrypt the installations with. Set it, then run this again.',
        );
      }
      return db
        .transaction(() => {
          let resealed = 0;
          const rows = selectAllForReseal.all();
          for (const row of rows) {
            if (!box.needsReseal(row.data)) continue;
            reseal.run(box.seal(box.open(row.data, row.install_key), row.install_key), row.install_key);
            resealed += 1;
          }
          return { total: rows.length, resealed };
        })
        .immediate();
    },

    linkWorkspaceToEnterprise(workspaceId: string, enterpriseId: string): void {
      linkEnterprise.run(requireWorkspace(workspaceId), requireWorkspace(enterpriseId), now());
    },

    deleteWorkspaceTokens(workspaceId: string): number {
      return deleteByKey.run(requireWorkspace(workspaceId)).changes;
    },
  };
}
