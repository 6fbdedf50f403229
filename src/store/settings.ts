import type { Language, WorkspaceSettings } from '../model/records.js';
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import type { SettingsRow } from './schema.js';
import { requireOneOf, requireWorkspace, requireZone } from './validate.js';

export const DEFAULT_SETTINGS: Readonly<WorkspaceSettings> = Object.freeze({
  zone: 'UTC',
  language: 'en',
  reminderLeadMinutes: [30, 0],
  broadcastBreaches: false,
  escalationChannel: null,
});

/** A Slack channel id (public C…, private G…): what `<#C123|name>` carries. */
const CHANNEL_ID = /^[CG][A-Z0-9]{2,30}$/;

const LANGUAGES: readonly Language[] = ['en', 'zh'];
const MAX_LEAD_MINUTES = 7 * 24 * 60;

function leadMinutes(value: unknown): number[] {
  const valid =
    Array.isArray(value) &&
    value.length <= 10 &&
    value.every((m) => typeof m === 'number' && Number.isInteger(m) && m >= 0 && m <= MAX_LEAD_MINUTES);
  if (!valid) {
    throw new StoreError(
      'invalid',
      `reminderLeadMinutes must be a list of up to 10 whole numbers of business minutes from 0 (at the deadline) to ${MAX_LEAD_MINUTES}, such as [30, 0]; got ${JSON.stringify(value)}.`,
    );
  }
  // Largest lead first, without repeats: the order reminders fall due in.
  return [...new Set(value as number[])].sort((a, b) => b - a);
}

/** the settings columns (the rest of a workspaces row is the enterprise link and bookkeeping) */
const COLUMNS = ['zone', 'language', 'reminder_lead_minutes', 'broadcast_breaches', 'escalation_channel'] as const;

function toSettings(row: Pick<SettingsRow, (typeof COLUMNS)[number]> | undefined): WorkspaceSettings {
  return {
    zone: row?.zone ?? DEFAULT_SETTINGS.zone,
    language: (row?.language as Language | null) ?? DEFAULT_SETTINGS.language,
    reminderLeadMinutes: row?.reminder_lead_minutes
      ? (JSON.parse(row.reminder_lead_minutes) as number[])
      : [...DEFAULT_SETTINGS.reminderLeadMinutes],
    broadcastBreaches:
      row?.broadcast_breaches === null || row?.broadcast_breaches === undefined
        ? DEFAULT_SETTINGS.broadcastBreaches
        : row.broadcast_breaches === 1,
    escalationChannel: row?.escalation_channel ?? null,
  };
}

export function settingsMethods(ctx: StoreContext) {
  return {
    async getSettings(workspaceId: string): Promise<WorkspaceSettings> {
      const row = await ctx
        .q()
        .selectFrom('workspaces')
        .select(COLUMNS)
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .executeTakeFirst();
      return toSettings(row);
    },

    /**
     * Only what a workspace changed is stored; the rest stays NULL and follows the defaults. One upsert that sets
     * just the fields in the patch, so two people changing different settings at once both keep their change.
     */
    async updateSettings(workspaceId: string, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
      const ws = requireWorkspace(workspaceId);
      const changes: Partial<Omit<SettingsRow, 'workspace_id' | 'enterprise_id' | 'updated_at'>> = {};
      if (patch.zone !== undefined) changes.zone = requireZone('zone', patch.zone);
      if (patch.language !== undefined) changes.language = requireOneOf('language', patch.language, LANGUAGES);
      if (patch.reminderLeadMinutes !== undefined) {
        changes.reminder_lead_minutes = JSON.stringify(leadMinutes(patch.reminderLeadMinutes));
      }
      if (patch.broadcastBreaches !== undefined) {
        if (typeof patch.broadcastBreaches !== 'boolean') {
          throw new StoreError(
            'invalid',
            `broadcastBreaches must be true or false; got ${JSON.stringify(patch.broadcastBreaches)}.`,
          );
        }
        changes.broadcast_breaches = patch.broadcastBreaches ? 1 : 0;
      }
      if (patch.escalationChannel !== undefined) {
        const channel = patch.escalationChannel;
        if (channel !== null && (typeof channel !== 'string' || !CHANNEL_ID.test(channel))) {
          throw new StoreError(
            'invalid',
            `The escalation channel must be a channel (pick it with #, e.g. \`settings escalation #vendor-escalations\`); got ${JSON.stringify(channel)}.`,
          );
        }
        changes.escalation_channel = channel;
      }
      const updatedAt = ctx.now();
      const row = await ctx
        .q()
        .insertInto('workspaces')
        .values({ workspace_id: ws, ...changes, updated_at: updatedAt })
        .onConflict((conflict) => conflict.column('workspace_id').doUpdateSet({ ...changes, updated_at: updatedAt }))
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toSettings(row);
    },
  };
}
