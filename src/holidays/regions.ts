/**
 * Which public-holiday regions a workspace's questions can reach: each contract's calendars resolved as the
 * answers resolve them (a customer calendar takes the contract's holidays, a vendor-region calendar its
 * region's), and every region of every vendor-region calendar (asked without a contract, or with another region).
 */
import { resolveCalendar } from '../knowledge/calendars.js';
import type { Knowledge } from '../knowledge/load.js';
import { type KnowledgeDeps, knowledgeOf } from '../knowledge/workspace.js';
import type { ContractInput } from '../model/records.js';
import type { HolidayRegion } from './warm.js';

/** The distinct regions of `contracts` (and of the knowledge's vendor-region calendars). */
export function holidayRegionsOf(knowledge: Knowledge, contracts: readonly ContractInput[]): HolidayRegion[] {
  const found = new Map<string, HolidayRegion>();
  const add = (holidays: { country: string; subdivision?: string } | null | undefined) => {
    if (!holidays) return;
    const region = {
      country: holidays.country,
      ...(holidays.subdivision ? { subdivision: holidays.subdivision } : {}),
    };
    found.set(`${region.country}/${region.subdivision ?? ''}`, region);
  };
  for (const file of knowledge.plans) {
    for (const def of file.calendars) for (const region of Object.values(def.regions ?? {})) add(region.holidays);
  }
  for (const contract of contracts) {
    let file: ReturnType<Knowledge['vendor']>;
    try {
      file = knowledge.vendor(contract.vendor);
    } catch {
      continue; // a vendor whose imported plan was removed: its questions are refused anyway
    }
    for (const def of file.calendars) add(resolveCalendar(file, def.id, contract).spec.holidays);
  }
  return [...found.values()];
}

/** Every workspace's regions (each on its own Knowledge: shipped plus its imports). */
export async function allHolidayRegions(
  deps: KnowledgeDeps & {
    store: {
      listWorkspacesWithContracts(): string[] | Promise<string[]>;
      listContracts(id: string): ContractInput[] | Promise<ContractInput[]>;
    };
  },
): Promise<HolidayRegion[]> {
  const regions = holidayRegionsOf(deps.knowledge, []);
  for (const workspaceId of await deps.store.listWorkspacesWithContracts()) {
    regions.push(
      ...holidayRegionsOf(await knowledgeOf(deps, workspaceId), await deps.store.listContracts(workspaceId)),
    );
  }
  return regions;
}
