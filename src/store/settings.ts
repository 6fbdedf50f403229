import type Database from 'better-sqlite3';
import type { Language, WorkspaceSettings } from '../model/records.js';
import { StoreError } from './errors.js';
import { requireOneOf, requireWorkspace, requireZone } from './validate.js';

type Now = () => number;

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

interface SettingsRow {
  zone: string | null;
  language: string | null;
  reminder_lead_minutes: string | null;
  broadcast_breaches: number | null;
  escalation_channel: string | null;
}

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

function toSettings(row: SettingsRow | undefined): WorkspaceSettings {
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

export function settingsMethods(db: Database.Database, now: Now) {
  const select = db.prepare<[string], SettingsRow>(
    'SELECT zone, language, reminder_lead_minutes, broadcast_breaches, escalation_channel FROM workspaces WHERE workspace_id = ?',
  );
  const upsert = db.prepare(`
    INSERT INTO workspaces (workspace_id, zone, language, reminder_lead_minutes, broadcast_breaches,
      escalation_channel, updated_at)
    VALUES (@ws, @zone, @language, @lead, @broadcast, @escalation, @now)
    ON CONFLICT (workspace_id) DO UPDATE SET zone = excluded.zone, language = excluded.language,
      reminder_lead_minutes = excluded.reminder_lead_minutes, broadcast_breaches = excluded.broadcast_breaches,
      escalation_channel = excluded.escalation_channel, updated_at = excluded.updated_at`);

  const getSettings = (workspaceId: string): WorkspaceSettings => toSettings(select.get(requireWorkspace(workspaceId)));

  // Only what a workspace changed is stored; the rest stays NULL and follows the defaults.
  const updateSettings = db.transaction((workspaceId: string, patch: Partial<WorkspaceSettings>): WorkspaceSettings => {
    const ws = requireWorkspace(workspaceId);
    const row: SettingsRow = select.get(ws) ?? {
      zone: null,
      language: null,
      reminder_lead_minutes: null,
      broadcast_breaches: null,
      escalation_channel: null,
    };
    if (patch.zone !== undefined) row.zone = requireZone('zone', patch.zone);
    if (patch.language !== undefined) row.language = requireOneOf('language', patch.language, LANGUAGES);
    if (patch.reminderLeadMinutes !== undefined) {
      row.reminder_lead_minutes = JSON.stringify(leadMinutes(patch.reminderLeadMinutes));
    }
    if (patch.broadcastBreaches !== undefined) {
      if (typeof patch.broadcastBreaches !== 'boolean') {
        throw new StoreError(
          'invalid',
          `broadcastBreaches must be true or false; got ${JSON.stringify(patch.broadcastBreaches)}.`,
        );
      }
      row.broadcast_breaches = patch.broadcastBreaches ? 1 : 0;
    }
    if (patch.escalationChannel !== undefined) {
      const channel = patch.escalationChannel;
      if (channel !== null && (typeof channel !== 'string' || !CHANNEL_ID.test(channel))) {
        throw new StoreError(
          'invalid',
          `The escalation channel must be a channel (pick it with #, e.g. \`settings escalation #vendor-escalations\`); got ${JSON.stringify(channel)}.`,
        );
      }
      row.escalation_channel = channel;
    }
    upsert.run({
      ws,
      zone: row.zone,
      language: row.language,
      lead: row.reminder_lead_minutes,
      broadcast: row.broadcast_breaches,
      escalation: row.escalation_channel,
      now: now(),
    });
    return toSettings(row);
  }).immediate;

  return { getSettings, updateSettings: (ws: string, patch: Partial<WorkspaceSettings>) => updateSettings(ws, patch) };
}
