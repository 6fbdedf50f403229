/** Shared helpers for the knowledge tests: the raw YAML files, walked without the loader's help. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));
export const PLANS_DIR = join(KNOWLEDGE_DIR, 'plans');
export const SOURCES_DIR = join(KNOWLEDGE_DIR, 'sources');

export function rawPlanFiles(): { name: string; data: Record<string, unknown> }[] {
  return readdirSync(PLANS_DIR)
    .filter((n) => n.endsWith('.yml'))
    .sort()
    .map((name) => ({ name, data: parse(readFileSync(join(PLANS_DIR, name), 'utf8')) as Record<string, unknown> }));
}

export function sourceText(doc: string): string {
  return readFileSync(join(SOURCES_DIR, doc), 'utf8');
}

export interface Located {
  file: string;
  path: string;
  record: Record<string, unknown>;
}

/** Every object in the file that carries a `source` (a cited record), wherever it sits. */
export function citedRecords(file: string, value: unknown, path = ''): Located[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citedRecords(file, v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = 'source' in record ? [{ file, path: path || '(top)', record }] : [];
  return [
    ...own,
    ...Object.entries(record)
      .filter(([k]) => k !== 'source')
      .flatMap(([k, v]) => citedRecords(file, v, path ? `${path}.${k}` : k)),
  ];
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** '一' → 1, '十' → 10, '二十五' → 25, '九十' → 90, '24' → 24, '60,000' → 60000. */
export function parseNumber(s: string): number {
  if (/^[\d,]+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (s.length === 1) return CHINESE_DIGITS[s] ?? Number.NaN;
  const ten = s.indexOf('十');
  if (ten === -1) return Number.NaN;
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[s.slice(0, ten)] ?? Number.NaN);
  const ones = ten === s.length - 1 ? 0 : (CHINESE_DIGITS[s.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + ones;
}
