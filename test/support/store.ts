import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseInput, ContractInput, ReminderInput } from '../../src/store/index.js';

export function contractInput(overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    vendor: 'microsoft',
    plan: 'unified',
    addons: [],
    name: null,
    customerType: 'commercial',
    region: null,
    zone: 'Asia/Taipei',
    holidays: { country: 'TW' },
    hours: { start: '09:00', end: '17:30' },
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    amounts: {},
    ...overrides,
  };
}

/** A Jamf Gold contract with nothing but the plan: UTC, no holidays, the plan's hours, no term. */
export function bareJamfGold(): ContractInput {
  return contractInput({
    vendor: 'jamf',
    plan: 'gold',
    customerType: null,
    zone: 'UTC',
    holidays: null,
    hours: null,
    startDate: null,
    endDate: null,
  });
}

export function caseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    channelId: 'C100',
    threadTs: '1736130000.000100',
    contractId: null,
    severity: 'A',
    productScope: null,
    vendorRef: null,
    openedAt: Date.UTC(2025, 0, 6, 1, 0),
    openedBy: 'U1',
    ...overrides,
  };
}

export function reminderInput(overrides: Partial<ReminderInput> = {}): ReminderInput {
  return {
    channelId: 'C100',
    threadTs: '1736130000.000100',
    kind: 'response-warning',
    dueAt: Date.UTC(2025, 0, 6, 2, 0),
    text: 'The vendor has 30 business minutes left to respond.',
    dedupeKey: 'response-warning:1',
    ...overrides,
  };
}

/** A fresh directory for database files, removed by the returned cleanup. */
export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'entitlebot-store-'));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
