/**
 * A Slack installation as the store keeps it: the fields the app reads (whatever else Slack's OAuth
 * returned is kept as given). The Slack layer hands Bolt's installation objects to the store and back; this
 * type is their shape from our side, so that only `src/slack` depends on Bolt's own types.
 */
export interface Installation {
  team?: { id: string; name?: string };
  enterprise?: { id: string; name?: string };
  isEnterpriseInstall?: boolean;
  bot?: { token: string; userId: string; id?: string; scopes?: string[] };
  user: { id: string; token?: string; scopes?: string[] };
  tokenType?: 'bot';
  appId?: string;
  enterpriseUrl?: string;
  authVersion?: 'v1' | 'v2';
}

/** Which installation a request needs: an org-wide one by enterprise id, else the team's own. */
export interface InstallationQuery {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}
