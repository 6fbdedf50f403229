import type { Logger, webApi } from '@slack/bolt';
import type { ConversationDeps } from '../conversation/types.js';
import type { Knowledge } from '../knowledge/load.js';
import { knowledgeOf } from '../knowledge/workspace.js';
import type { Locale } from '../model/answer.js';
import type { Language } from '../model/language.js';
import { inScript, languageOfLocale } from '../text/script.js';
import type { VendorChoice } from './blocks/contract-modal.js';
import type { InstallationCache } from './installation-cache.js';
import type { Permalinks } from './permalinks.js';
import type { OnceMemory } from './recent.js';
import type { SharedChannels } from './shared.js';
import type { UserZoneCache } from './user-zones.js';

/** What every listener gets: the conversation's dependencies plus the Slack layer's own. */
export interface SlackDeps extends ConversationDeps {
  logger: Logger;
  /** the one Web API client; calls carry the workspace's token (see api.ts) */
  web: webApi.WebClient;
  /** mentions and DMs already acted on (channel + ts) */
  handledMessages: OnceMemory;
  /** ENTITLEBOT_ADMINS: who alone may change contracts (user and user-group ids); empty: every member */
  admins: string[];
  /** user-group members, as last read (workspace/group → members, read at) */
  adminGroups: Map<string, { members: Set<string>; at: number }>;
  /** the contract modal's choices, from the knowledge base */
  vendors: VendorChoice[];
  /** askers' zones in memory and users.info calls in flight (without it: the store's cache only) */
  userZones?: UserZoneCache;
  /** installations remembered for Bolt's authorize step (OAuth mode); forgotten when tokens are deleted */
  installations?: InstallationCache;
  /** which channels are shared with another organisation (Slack Connect) */
  sharedChannels: SharedChannels;
  /** case threads' permalinks, as the Home tab links them */
  permalinks: Permalinks;
}

/** The contract modal's vendors for one workspace: the shipped ones and those it imported. */
export async function vendorsFor(deps: SlackDeps, workspaceId: string, locale: Locale = 'en'): Promise<VendorChoice[]> {
  const knowledge = await knowledgeOf(deps, workspaceId);
  if (locale !== 'en') return inScript(vendorChoices(knowledge, languageOfLocale(locale)), locale);
  return knowledge === deps.knowledge ? deps.vendors : vendorChoices(knowledge);
}

/** Vendors with their base plans and add-ons, as the contract modal lists them. */
export function vendorChoices(knowledge: Pick<Knowledge, 'plans'>, lang: Language = 'en'): VendorChoice[] {
  return knowledge.plans.map((file) => ({
    id: file.vendor,
    name: file.vendorName[lang],
    plans: file.plans.filter((p) => p.kind === 'base').map((p) => ({ id: p.id, name: p.name[lang] })),
    addons: file.plans.filter((p) => p.kind === 'addon').map((p) => ({ id: p.id, name: p.name[lang] })),
  }));
}
