/** Plain records the store reads and writes. Every record belongs to one workspace. */

export type Vendor = 'microsoft' | 'jamf' | 'autodesk';
export type CustomerType = 'commercial' | 'education';
export type Region = 'apac' | 'americas' | 'emea';

export interface ContractInput {
  vendor: Vendor;
  /** base plan id from knowledge/plans: 'unified' | 'standard' | 'silver' | 'gold' | 'platinum' | 'included' | 'enterprise' */
  plan: string;
  /** add-on plan ids, e.g. ['uer', 'rapid-response'] */
  addons: string[];
  name: string | null;
  customerType: CustomerType | null;
  region: Region | null;
  /** IANA zone the customer's business hours run in */
  zone: string;
  /** public holidays: null for none */
  holidays: { country: string; subdivision?: string } | null;
  /** Monday-to-Friday business hours; null: the plan's default */
  hours: { start: string; end: string } | null;
  startDate: string | null; // YYYY-MM-DD
  endDate: string | null; // YYYY-MM-DD
  /** amounts such as { flexAllowance: 250000 } */
  amounts: Record<string, number>;
}

export interface Contract extends ContractInput {
  id: number;
  workspaceId: string;
  createdAt: string;
}
