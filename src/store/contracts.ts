import type Database from 'better-sqlite3';
import type { Contract, ContractInput, CustomerType, Region, Vendor } from '../model/records.js';
import { StoreError } from './errors.js';
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

type Now = () => number;

const VENDORS: readonly string[] = ['microsoft', 'jamf', 'autodesk'];
const CUSTOMER_TYPES: readonly CustomerType[] = ['commercial', 'education'];
const REGIONS: readonly Region[] = ['apac', 'americas', 'emea'];
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

interface ContractRow {
  id: number;
  workspace_id: string;
  vendor: string;
  plan: string;
  addons: string;
  name: string | null;
  customer_type: string | null;
  region: string | null;
  zone: string;
  holiday_country: string | null;
  holiday_subdivision: string | null;
  hours_start: string | null;
  hours_end: string | null;
  start_date: string | null;
  end_date: string | null;
  amounts: string;
  created_at: string;
}

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

export function contractMethods(db: Database.Database, now: Now) {
  const list = db.prepare<[string], ContractRow>('SELECT * FROM contracts WHERE workspace_id = ? ORDER BY id');
  const get = db.prepare<[string, number], ContractRow>('SELECT * FROM contracts WHERE workspace_id = ? AND id = ?');
  // the second documented cross-workspace read: ids only, for the hourly date-reminder sweep
  const workspacesWithContracts = db
    .prepare<[], { workspace_id: string }>('SELECT DISTINCT workspace_id FROM contracts ORDER BY workspace_id')
    .pluck(false);
  const insert = db.prepare(`
    INSERT INTO contracts (workspace_id, vendor, plan, addons, name, customer_type, region, zone, holiday_country,
      holiday_subdivision, hours_start, hours_end, start_date, end_date, amounts, created_at)
    VALUES (@ws, @vendor, @plan, @addons, @name, @customerType, @region, @zone, @holidayCountry,
      @holidaySubdivision, @hoursStart, @hoursEnd, @startDate, @endDate, @amounts, @createdAt)
    RETURNING *`);
  const activeCases = db.prepare<[string, number], { id: number }>(
    "SELECT id FROM cases WHERE workspace_id = ? AND contract_id = ? AND status != 'closed' ORDER BY id",
  );
  const detachClosedCases = db.prepare<[number, string, number]>(
    'UPDATE cases SET contract_id = NULL, updated_at = ? WHERE workspace_id = ? AND contract_id = ?',
  );
  const cancelReminders = db.prepare<[number, string, number]>(`
    UPDATE reminders SET status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
      contract_id = NULL, updated_at = ?
    WHERE workspace_id = ? AND contract_id = ?`);
  const remove = db.prepare<[string, number]>('DELETE FROM contracts WHERE workspace_id = ? AND id = ?');
  const importedVendors = db
    .prepare<[string], { vendor: string }>(
      "SELECT vendor FROM workspace_plans WHERE workspace_id = ? AND kind = 'vendor' ORDER BY vendor",
    )
    .pluck(false);
  /** a shipped vendor, or one this workspace imported: another workspace's vendor is unknown here */
  const requireVendor = (ws: string, vendor: string): void => {
    if (VENDORS.includes(vendor)) return;
    const mine = importedVendors.all(ws).map((r) => r.vendor);
    if (!mine.includes(vendor)) {
      throw new StoreError('invalid', `vendor must be one of ${[...VENDORS, ...mine].join(', ')}; got '${vendor}'.`);
    }
  };

  const removeContract = db.transaction((ws: string, id: number): boolean => {
    if (!get.get(ws, id)) return false;
    const inUse = activeCases.all(ws, id).map((row) => row.id);
    if (inUse.length > 0) {
      throw new StoreError(
        'contract-in-use',
        `Contract ${id} is used by open case${inUse.length === 1 ? '' : 's'} ${inUse.join(', ')}. ` +
          `Close ${inUse.length === 1 ? 'it' : 'them'} (or move ${inUse.length === 1 ? 'it' : 'them'} to another contract) first, then remove the contract.`,
        { contractId: id, caseIds: inUse },
      );
    }
    const at = now();
    detachClosedCases.run(at, ws, id);
    cancelReminders.run(at, ws, id);
    remove.run(ws, id); // quota uses go with it (ON DELETE CASCADE)
    return true;
  }).immediate;

  return {
    listWorkspacesWithContracts(): string[] {
      return workspacesWithContracts.all().map((r) => r.workspace_id);
    },
    listContracts(workspaceId: string): Contract[] {
      return list.all(requireWorkspace(workspaceId)).map(toContract);
    },
    getContract(workspaceId: string, id: number): Contract | null {
      const row = get.get(requireWorkspace(workspaceId), requireId('contract id', id));
      return row ? toContract(row) : null;
    },
    addContract(workspaceId: string, input: ContractInput): Contract {
      const ws = requireWorkspace(workspaceId);
      const columns = contractColumns(input);
      requireVendor(ws, columns.vendor);
      const row = insert.get({
        ws,
        ...columns,
        createdAt: new Date(now()).toISOString(),
      }) as ContractRow;
      return toContract(row);
    },
    removeContract(workspaceId: string, id: number): boolean {
      return removeContract(requireWorkspace(workspaceId), requireId('contract id', id));
    },
  };
}
