import { sql } from 'kysely';
import type { Installation, InstallationQuery } from '../model/installation.js';
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import type { SecretBox } from './secrets.js';
import { requireWorkspace } from './validate.js';

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

/** `path`: where the tokens are kept (the SQLite file, or the PostgreSQL URL without its password), for the warning */
export function installationMethods(ctx: StoreContext, box: SecretBox, path: string) {
  const read = async (key: string): Promise<Installation | null> => {
    const row = await ctx
      .q()
      .selectFrom('installations')
      .select('data')
      .where('install_key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(box.open(row.data, key)) as Installation) : null;
  };

  /** records the workspace's enterprise, writing only when it changed (the link is read on every org-wide fetch) */
  const linkEnterprise = async (workspaceId: string, enterpriseId: string): Promise<void> => {
    const updatedAt = ctx.now();
    await ctx
      .q()
      .insertInto('workspaces')
      .values({ workspace_id: workspaceId, enterprise_id: enterpriseId, updated_at: updatedAt })
      .onConflict((conflict) =>
        conflict
          .column('workspace_id')
          .doUpdateSet({ enterprise_id: enterpriseId, updated_at: updatedAt })
          .where('workspaces.enterprise_id', 'is distinct from', enterpriseId),
      )
      .execute();
  };

  const deleteByKey = async (key: string): Promise<number> => {
    const result = await ctx.q().deleteFrom('installations').where('install_key', '=', key).executeTakeFirst();
    return Number(result.numDeletedRows);
  };

  return {
    async storeInstallation(installation: Installation): Promise<void> {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const enterpriseId = installation.enterprise?.id;
      const teamId = installation.team?.id;
      const key = installKey({ isEnterpriseInstall, enterpriseId, teamId });
      box.warnIfPlain(path);
      await ctx.transaction(async () => {
        // The row is sealed, so the merge below happens here rather than in SQL: on PostgreSQL two installs of one
        // key (a bot install and a user-only one arriving together) take turns, so neither drops the other's token.
        if (ctx.kind === 'postgres') {
          await sql`SELECT pg_advisory_xact_lock(hashtext('entitlebot installation'), hashtext(${key}))`.execute(
            ctx.q(),
          );
        }
        const previous = await read(key);
        // A user-only install after the bot install must not drop the bot token the app posts with.
        const merged: Installation =
          installation.bot === undefined && previous?.bot !== undefined
            ? { ...installation, bot: previous.bot }
            : installation;
        const now = ctx.now();
        const row = {
          team_id: teamId ?? null,
          enterprise_id: enterpriseId ?? null,
          is_enterprise_install: isEnterpriseInstall ? 1 : 0,
          data: box.seal(JSON.stringify(merged), key),
          updated_at: now,
        };
        await ctx
          .q()
          .insertInto('installations')
          .values({ install_key: key, ...row, installed_at: now })
          .onConflict((conflict) => conflict.column('install_key').doUpdateSet(row))
          .execute();
        if (!isEnterpriseInstall && teamId && enterpriseId) await linkEnterprise(teamId, enterpriseId);
      });
    },

    async fetchInstallation(query: InstallationQuery): Promise<Installation> {
      const key = installKey(query);
      const found = await read(key);
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
      await deleteByKey(installKey(query));
    },

    async fetchWorkspaceInstallation(workspaceId: string): Promise<Installation | null> {
      const ws = requireWorkspace(workspaceId);
      const own = await read(ws);
      if (own) return own;
      // the org-wide install of the enterprise this workspace was linked to, in one statement
      const org = await ctx
        .q()
        .selectFrom('workspaces')
        .innerJoin('installations', 'installations.install_key', 'workspaces.enterprise_id')
        .select(['installations.install_key', 'installations.data'])
        .where('workspaces.workspace_id', '=', ws)
        .where('installations.is_enterprise_install', '=', 1)
        .executeTakeFirst();
      return org ? (JSON.parse(box.open(org.data, org.install_key)) as Installation) : null;
    },

    async reencryptInstallations(): Promise<{ total: number; resealed: number }> {
      if (!box.encrypting) {
        throw new StoreError(
          'secret-key',
          'ENTITLEBOT_ENCRYPTION_KEY is not set: there is no key to encrypt the installations with. Set it, then run this again.',
        );
      }
      // maintenance only (`entitlebot reencrypt`): every installation, to seal each with the current key. On
      // PostgreSQL the rows are locked as they are read, so an install stored meanwhile is not overwritten with
      // the older token.
      return await ctx.transaction(async () => {
        let select = ctx.q().selectFrom('installations').select(['install_key', 'data']).orderBy('install_key');
        if (ctx.kind === 'postgres') select = select.forUpdate();
        const rows = await select.execute();
        let resealed = 0;
        for (const row of rows) {
          if (!box.needsReseal(row.data)) continue;
          await ctx
            .q()
            .updateTable('installations')
            .set({ data: box.seal(box.open(row.data, row.install_key), row.install_key) })
            .where('install_key', '=', row.install_key)
            .execute();
          resealed += 1;
        }
        return { total: rows.length, resealed };
      });
    },

    async linkWorkspaceToEnterprise(workspaceId: string, enterpriseId: string): Promise<void> {
      await linkEnterprise(requireWorkspace(workspaceId), requireWorkspace(enterpriseId));
    },

    async deleteWorkspaceTokens(workspaceId: string): Promise<number> {
      return await deleteByKey(requireWorkspace(workspaceId));
    },
  };
}
