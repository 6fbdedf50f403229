/**
 * Which public-holiday regions a workspace's questions can reach: each contract's calendars resolved as the
 * answers resolve them (a customer calendar takes the contract's holidays, a vendor-region calendar its
 * region's), and every region of every vendor-region calendar (asked without a contract, or with another region).
 * The warmer merges duplicates.
 */
import { resolveCalendar } from '../knowledge/calendars.js';
import type { Knowledge } from '../knowledge/load.js';
import { type KnowledgeDeps, knowledgeOf } from '../knowledge/workspace.js';
import type { ContractInput } from '../model/records.js';
import type { HolidayRegion } from './warm.js';

type HolidayRef = { country: string; subdivision?: string } | null | undefined;

function collect(refs: Iterable<HolidayRef>): HolidayRegion[] {
  const found = new Map<string, HolidayRegion>();
  for (const ref of refs) {
    if (!ref) continue;
    const region = { country: ref.country, ...(ref.subdivision ? { subdivision: ref.subdivision } : {}) };
    found.set(`${region.country}/${region.subdivision ?? ''}`, region);
  }
  return [...found.values()];
}

/** The distinct regions of `contracts`' calendars, resolved as the answers resolve them. */
export function holidayRegionsOf(knowledge: Knowledge, contracts: readonly ContractInput[]): HolidayRegion[] {
  return collect(
    contracts.flatMap((contract) => {
      let file: ReturnType<Knowledge['vendor']>;
      try {
        file = knowledge.vendor(contract.vendor);
      } catch {
        return []; // a vendor whose imported plan was removed: its questions are refused anyway
      }
      return file.calendars.map((def) => resolveCalendar(file, def.id, contract).spec.holidays);
    }),
  );
}

/** Every region of every vendor-region calendar (asked about without a contract, or with another region). */
export function vendorHolidayRegions(knowledge: Knowledge): HolidayRegion[] {
  return collect(
    knowledge.plans.flatMap((file) =>
      file.calendars.flatMap((def) => Object.values(def.regions ?? {}).map((r) => r.holidays)),
    ),
  );
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
  const regions = vendorHolidayRegions(deps.knowledge);
  for (const workspaceId of await deps.store.listWorkspacesWithContracts()) {
    const knowledge = await knowledgeOf(deps, workspaceId);
    regions.push(
      ...vendorHolidayRegions(knowledge),
      ...holidayRegionsOf(knowledge, await deps.store.listContracts(workspaceId)),
    );
  }
  return regions;
}
