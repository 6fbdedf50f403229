import { sql } from 'kysely';
import type { Contract, ContractInput, CustomerType, Region, Vendor } from '../model/records.js';
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import type { ContractRow } from './schema.js';
import {
  optionalDate,
  optionalText,
  requireId,
  requireNumber,
  requireOneOf,
  requireText,
  requireWorkspace,
  requireZone,
} from './validate.js';

const VENDORS: readonly string[] = ['microsoft', 'jamf', 'autodesk'];
const CUSTOMER_TYPES: readonly CustomerType[] = ['commercial', 'education'];
const REGIONS: readonly Region[] = ['apac', 'americas', 'emea'];
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function toContract(row: ContractRow): Contract {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    vendor: row.vendor as Vendor,
    plan: row.plan,
    addons: JSON.parse(row.addons) as string[],
    name: row.name,
    customerType: row.customer_type as CustomerType | null,
    region: row.region as Region | null,
    zone: row.zone,
    holidays:
      row.holiday_country === null
        ? null
        : row.holiday_subdivision === null
          ? { country: row.holiday_country }
          : { country: row.holiday_country, subdivision: row.holiday_subdivision },
    hours: row.hours_start !== null && row.hours_end !== null ? { start: row.hours_start, end: row.hours_end } : null,
    startDate: row.start_date,
    endDate: row.end_date,
    amounts: JSON.parse(row.amounts) as Record<string, number>,
    createdAt: row.created_at,
  };
}

function contractColumns(input: ContractInput) {
  if (typeof input !== 'object' || input === null) {
    throw new StoreError('invalid', 'A contract needs at least vendor, plan and zone.');
  }
  const addons = input.addons ?? [];
  if (!Array.isArray(addons) || addons.some((a) => typeof a !== 'string' || a === '')) {
    throw new StoreError(
      'invalid',
      `addons must be a list of add-on ids such as ["uer"]; got ${JSON.stringify(addons)}.`,
    );
  }
  const hours = input.hours ?? null;
  if (hours !== null) {
    for (const [label, value] of [
      ['start', hours.start],
      ['end', hours.end],
    ] as const) {
      if (typeof value !== 'string' || !CLOCK_TIME.test(value)) {
        throw new StoreError(
          'invalid',
          `Business hours ${label} must be written HH:MM, such as 09:00; got ${JSON.stringify(value)}.`,
        );
      }
    }
    if (hours.start >= hours.end) {
      throw new StoreError('invalid', `Business hours must start before they end; got ${hours.start}-${hours.end}.`);
    }
  }
  const holidays = input.holidays ?? null;
  if (holidays !== null && (typeof holidays.country !== 'string' || !/^[A-Za-z]{2}$/.test(holidays.country))) {
    throw new StoreError(
      'invalid',
      `The holiday country must be a two-letter country code such as TW or US; got ${JSON.stringify(holidays.country)}.`,
    );
  }
  const amounts = input.amounts ?? {};
  if (typeof amounts !== 'object' || Array.isArray(amounts)) {
    throw new StoreError('invalid', 'amounts must be named numbers, such as { "flexAllowance": 250000 }.');
  }
  for (const [key, value] of Object.entries(amounts)) requireNumber(`The amount ${key}`, value);
  const startDate = optionalDate('The start date', input.startDate);
  const endDate = optionalDate('The end date', input.endDate);
  if (startDate && endDate && startDate > endDate) {
    throw new StoreError('invalid', `The contract ends (${endDate}) before it starts (${startDate}).`);
  }
  return {
    vendor: requireText('vendor', input.vendor, 100),
    plan: requireText('plan', input.plan, 100),
    addons: JSON.stringify(addons),
    name: optionalText('name', input.name, 200),
    customerType: input.customerType == null ? null : requireOneOf('customer type', input.customerType, CUSTOMER_TYPES),
    region: input.region == null ? null : requireOneOf('region', input.region, REGIONS),
    zone: requireZone('zone', input.zone),
    holidayCountry: holidays ? holidays.country.toUpperCase() : null,
    holidaySubdivision: holidays ? optionalText('holiday subdivision', holidays.subdivision, 20) : null,
    hoursStart: hours?.start ?? null,
    hoursEnd: hours?.end ?? null,
    startDate,
    endDate,
    amounts: JSON.stringify(amounts),
  };
}

export function contractMethods(ctx: StoreContext) {
  const findContract = (ws: string, id: number) =>
    ctx.q().selectFrom('contracts').where('workspace_id', '=', ws).where('id', '=', id);

  /** a shipped vendor, or one this workspace imported: another workspace's vendor is unknown here */
  const requireVendor = async (ws: string, vendor: string): Promise<void> => {
    if (VENDORS.includes(vendor)) return;
    const rows = await ctx
      .q()
      .selectFrom('workspace_plans')
      .select('vendor')
      .where('workspace_id', '=', ws)
      .where('kind', '=', 'vendor')
      .orderBy('vendor')
      .execute();
    const mine = rows.map((r) => r.vendor);
    if (!mine.includes(vendor)) {
      throw new StoreError('invalid', `vendor must be one of ${[...VENDORS, ...mine].join(', ')}; got '${vendor}'.`);
    }
  };

  return {
    /** the second documented cross-workspace read: ids only, for the hourly date-reminder sweep */
    async listWorkspacesWithContracts(): Promise<string[]> {
      const rows = await ctx
        .q()
        .selectFrom('contracts')
        .select('workspace_id')
        .groupBy('workspace_id')
        // byte order on both engines (PostgreSQL would otherwise sort by the database's collation); GROUP BY, as
        // PostgreSQL refuses ORDER BY an expression of a SELECT DISTINCT
        .orderBy(ctx.kind === 'postgres' ? sql`workspace_id collate "C"` : 'workspace_id')
        .execute();
      return rows.map((r) => r.workspace_id);
    },
    async listContracts(workspaceId: string): Promise<Contract[]> {
      const rows = await ctx
        .q()
        .selectFrom('contracts')
        .selectAll()
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .orderBy('id')
        .execute();
      return rows.map(toContract);
    },
    async getContract(workspaceId: string, id: number): Promise<Contract | null> {
      const row = await findContract(requireWorkspace(workspaceId), requireId('contract id', id))
        .selectAll()
        .executeTakeFirst();
      return row ? toContract(row) : null;
    },
    async addContract(workspaceId: string, input: ContractInput): Promise<Contract> {
      const ws = requireWorkspace(workspaceId);
      const c = contractColumns(input);
      await requireVendor(ws, c.vendor);
      const row = await ctx
        .q()
        .insertInto('contracts')
        .values({
          workspace_id: ws,
          vendor: c.vendor,
          plan: c.plan,
          addons: c.addons,
          name: c.name,
          customer_type: c.customerType,
          region: c.region,
          zone: c.zone,
          holiday_country: c.holidayCountry,
          holiday_subdivision: c.holidaySubdivision,
          hours_start: c.hoursStart,
          hours_end: c.hoursEnd,
          start_date: c.startDate,
          end_date: c.endDate,
          amounts: c.amounts,
          created_at: new Date(ctx.now()).toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toContract(row);
    },
    async removeContract(workspaceId: string, id: number): Promise<boolean> {
      const ws = requireWorkspace(workspaceId);
      const contractId = requireId('contract id', id);
      return ctx.transaction(async () => {
        // on PostgreSQL the contract is locked first: a case being pointed at it meanwhile waits for the removal
        // (and then finds no contract) instead of slipping in between the check below and the delete
        const query = findContract(ws, contractId).select('id');
        if (!(await (ctx.kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst())) return false;
        const active = await ctx
          .q()
          .selectFrom('cases')
          .select('id')
          .where('workspace_id', '=', ws)
          .where('contract_id', '=', contractId)
          .where('status', '!=', 'closed')
          .orderBy('id')
          .execute();
        const inUse = active.map((row) => row.id);
        if (inUse.length > 0) {
          throw new StoreError(
            'contract-in-use',
            `Contract ${contractId} is used by open case${inUse.length === 1 ? '' : 's'} ${inUse.join(', ')}. ` +
              `Close ${inUse.length === 1 ? 'it' : 'them'} (or move ${inUse.length === 1 ? 'it' : 'them'} to another contract) first, then remove the contract.`,
            { contractId, caseIds: inUse },
          );
        }
        const at = ctx.now();
        await ctx
          .q()
          .updateTable('cases')
          .set({ contract_id: null, updated_at: at })
          .where('workspace_id', '=', ws)
          .where('contract_id', '=', contractId)
          .execute();
        await ctx
          .q()
          .updateTable('reminders')
          .set((eb) => ({
            status: eb.case().when('status', '=', 'pending').then('cancelled').else(eb.ref('status')).end(),
            contract_id: null,
            updated_at: at,
          }))
          .where('workspace_id', '=', ws)
          .where('contract_id', '=', contractId)
          .execute();
        // quota uses go with it (ON DELETE CASCADE)
        await ctx.q().deleteFrom('contracts').where('workspace_id', '=', ws).where('id', '=', contractId).execute();
        return true;
      });
    },
  };
}
