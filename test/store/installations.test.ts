import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Installation } from '../../src/model/installation.js';
import { isStoreError, type Store } from '../../src/store/index.js';
import { engines } from '../support/engines.js';
import { bareJamfGold } from '../support/store.js';

const teamInstall: Installation = {
  team: { id: 'T111', name: 'Acme' },
  enterprise: undefined,
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: { id: 'B1', userId: 'UBOT', token: 'xoxb-team', scopes: ['commands', 'chat:write'] },
  appId: 'A1',
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
};

const orgInstall: Installation = {
  team: undefined,
  enterprise: { id: 'E999', name: 'Acme Grid' },
  user: { id: 'U2', token: undefined, scopes: undefined },
  bot: { id: 'B2', userId: 'UBOT2', token: 'xoxb-org', scopes: ['commands'] },
  enterpriseUrl: 'https://acme.enterprise.slack.com/',
  isEnterpriseInstall: true,
  authVersion: 'v2',
};

describe.each(engines)('on $name', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await engine.open();
  });
  afterEach(async () => await store.close());

  describe("Bolt's InstallationStore", () => {
    it('round-trips a workspace install by team id', async () => {
      await store.storeInstallation(teamInstall);
      const fetched = await store.fetchInstallation({
        teamId: 'T111',
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      expect(fetched).toEqual(teamInstall);
    });

    it('round-trips an org-wide install by enterprise id', async () => {
      await store.storeInstallation(orgInstall);
      const fetched = await store.fetchInstallation({
        teamId: undefined,
        enterpriseId: 'E999',
        isEnterpriseInstall: true,
      });
      expect(fetched).toEqual(orgInstall);
    });

    it('rejects fetching a workspace that never installed, with a message', async () => {
      await expect(
        store.fetchInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false }),
      ).rejects.toThrow(/not installed in T404/);
    });

    it('replaces an install with a newer one, keeping the bot token when the newer one has none', async () => {
      await store.storeInstallation(teamInstall);
      await store.storeInstallation({ ...teamInstall, bot: { ...teamInstall.bot!, token: 'xoxb-new' } });
      expect((await store.fetchWorkspaceInstallation('T111'))?.bot?.token).toBe('xoxb-new');

      const userOnly = {
        ...teamInstall,
        bot: undefined,
        user: { id: 'U5', token: 'xoxp-user', scopes: ['search:read'] },
      };
      await store.storeInstallation(userOnly);
      const merged = await store.fetchWorkspaceInstallation('T111');
      expect(merged?.bot?.token).toBe('xoxb-new');
      expect(merged?.user.token).toBe('xoxp-user');
    });

    it('deletes an install, leaving the others', async () => {
      await store.storeInstallation(teamInstall);
      await store.storeInstallation(orgInstall);
      await store.deleteInstallation({ teamId: 'T111', enterpriseId: undefined, isEnterpriseInstall: false });
      expect(await store.fetchWorkspaceInstallation('T111')).toBeNull();
      expect(await store.fetchWorkspaceInstallation('E999')).not.toBeNull();
    });

    it('says which id an install is missing', async () => {
      const broken = { ...teamInstall, team: undefined } as unknown as Installation;
      await expect(store.storeInstallation(broken)).rejects.toThrow(/needs its team id/);
    });
  });

  describe('tokens for a workspace', () => {
    it("finds an org-wide install for a workspace of that enterprise once they're linked", async () => {
      await store.storeInstallation(orgInstall);
      expect(await store.fetchWorkspaceInstallation('T222')).toBeNull();
      await store.linkWorkspaceToEnterprise('T222', 'E999');
      expect((await store.fetchWorkspaceInstallation('T222'))?.bot?.token).toBe('xoxb-org');
    });

    it('links a team install inside an enterprise automatically', async () => {
      await store.storeInstallation({ ...teamInstall, enterprise: { id: 'E999' } });
      await store.storeInstallation(orgInstall);
      // The team's own install wins over the org-wide one.
      expect((await store.fetchWorkspaceInstallation('T111'))?.bot?.token).toBe('xoxb-team');
      await store.deleteWorkspaceTokens('T111');
      expect((await store.fetchWorkspaceInstallation('T111'))?.bot?.token).toBe('xoxb-org');
    });

    it('deletes tokens on uninstall but keeps contracts, cases and settings', async () => {
      await store.storeInstallation(teamInstall);
      const contract = await store.addContract('T111', bareJamfGold());
      await store.updateSettings('T111', { language: 'zh' });
      expect(await store.deleteWorkspaceTokens('T111')).toBe(1);
      expect(await store.deleteWorkspaceTokens('T111')).toBe(0);
      await expect(
        store.fetchInstallation({ teamId: 'T111', enterpriseId: undefined, isEnterpriseInstall: false }),
      ).rejects.toSatisfy((error) => isStoreError(error, 'not-found'));
      expect(await store.listContracts('T111')).toEqual([contract]);
      expect((await store.getSettings('T111')).language).toBe('zh');
    });
  });

  describe('several instances at once', () => {
    it('a bot install and a user-only install of one workspace arriving together keep the bot token', async () => {
      const teams = Array.from({ length: 12 }, (_, i) => `T5${i}`);
      await Promise.all(
        teams.flatMap((t) => [
          store.storeInstallation({
            ...teamInstall,
            team: { id: t },
            bot: { ...teamInstall.bot!, token: `xoxb-${t}` },
          }),
          store.storeInstallation({
            ...teamInstall,
            team: { id: t },
            bot: undefined,
            user: { id: 'U5', token: 'xoxp' },
          }),
        ]),
      );
      for (const t of teams) expect((await store.fetchWorkspaceInstallation(t))?.bot?.token).toBe(`xoxb-${t}`);
    });

    it('a workspace moved to another enterprise is served by the new org-wide install', async () => {
      await store.storeInstallation(orgInstall);
      await store.storeInstallation({
        ...orgInstall,
        enterprise: { id: 'E777' },
        bot: { ...orgInstall.bot!, token: 'xoxb-7' },
      });
      await store.linkWorkspaceToEnterprise('T222', 'E999');
      await store.linkWorkspaceToEnterprise('T222', 'E999');
      await store.linkWorkspaceToEnterprise('T222', 'E777');
      expect((await store.fetchWorkspaceInstallation('T222'))?.bot?.token).toBe('xoxb-7');
    });
  });
});

describe.each(engines)('the statements on $name', (engine) => {
  /** a condition on the workspace or the installation key, or an insert that writes one */
  const scoped = (statement: string) =>
    /"(workspace_id|install_key)"\s*(=|in\s)/i.test(statement) ||
    (/^\s*insert/i.test(statement) && /"(workspace_id|install_key)"/.test(statement));
  const touchesTable = (statement: string) => /\b(from|into|update)\s+"\w+"/i.test(statement);

  it('of installations, user zones and workspace plans are scoped, but the re-encryption sweep', async () => {
    const statements: string[] = [];
    const store = await engine.open({ onQuery: (q) => statements.push(q), secrets: { key: randomBytes(32) } });
    try {
      await store.storeInstallation({ ...teamInstall, enterprise: { id: 'E999' } });
      await store.storeInstallation(orgInstall);
      await store.fetchInstallation({ teamId: 'T111', isEnterpriseInstall: false });
      await store.fetchWorkspaceInstallation('T222');
      await store.linkWorkspaceToEnterprise('T222', 'E999');
      await store.deleteInstallation({ enterpriseId: 'E999', isEnterpriseInstall: true });
      await store.deleteWorkspaceTokens('T111');
      await store.cacheUser('T1', 'U1', { zone: 'UTC', locale: 'en' }, 1);
      await store.cacheUserZone('T1', 'U1', 'UTC', 2);
      await store.getCachedUser('T1', 'U1', 3, 10);
      await store.getCachedUserZone('T1', 'U1', 3, 10);
      await store.saveWorkspacePlan('T1', {
        vendor: 'acme',
        kind: 'vendor',
        documentName: 'a.txt',
        documentText: 'text',
        planText: 'plan',
        planJson: '{}',
        importedBy: null,
      });
      await store.listWorkspacePlans('T1');
      await store.getWorkspacePlan('T1', 'acme');
      await store.workspacePlanRevision('T1');
      await store.removeWorkspacePlan('T1', 'acme');
      const before = statements.length;
      await store.reencryptInstallations();
      const sweep = statements.slice(before).filter(touchesTable);
      const unscoped = statements.filter(touchesTable).filter((s) => !scoped(s));
      expect(unscoped).toHaveLength(1);
      expect(sweep).toEqual(unscoped);
      expect(unscoped[0]).toMatch(/^select "install_key", "data" from "installations" order by "install_key"/);
    } finally {
      await store.close();
    }
  });
});
