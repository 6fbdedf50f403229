/**
 * The curated glossary: `knowledge/terms/<vendor>.yml`, one file per vendor document. Every defined
 * term and named service of the documents, with its English name, abbreviations, aliases (English,
 * Traditional and Simplified Chinese), a short English and Traditional Chinese summary and a verbatim Chinese
 * definition quote.
 *
 * Files whose names start with '_' (the extractor's `_candidates.<vendor>.yml` proposals) are not loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SourceRef } from './schema.js';
import { parseYamlText } from './yaml.js';

const TermId = z
  .string()
  .regex(
    /^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'expected "<vendor>.<kebab-case-name>", e.g. "microsoft.flex-allowance"',
  );

export const Term = z.object({
  /** `<vendor>.<name>`, unique across the glossary */
  id: TermId,
  /** 'microsoft' | 'jamf' | 'autodesk': the file's vendor */
  vendor: z.string().min(1),
  /** the Chinese term as the document writes it */
  zh: z.string().min(1),
  /** its English name */
  en: z.string().min(1),
  /** abbreviations, as written (REDE, CSM) */
  abbreviations: z.array(z.string().min(1)).default([]),
  /** other ways to say it: English phrasings, Simplified Chinese, synonyms */
  aliases: z.array(z.string().min(1)).default([]),
  /** a short English explanation */
  summary: z.string().min(1),
  /**
   * the same in Traditional Chinese, faithful to the document (Simplified is converted for display); every
   * shipped term has one (test/knowledge/terms.test.ts), a Chinese answer without it quotes the definition
   */
  summaryZh: z.string().min(1).optional(),
  /** where the document defines or introduces it: a verbatim (whitespace-insensitive) Chinese quote */
  definition: SourceRef,
  /** ids of related terms */
  related: z.array(TermId).default([]),
});
export type Term = z.infer<typeof Term>;

export const TermFile = z.object({ terms: z.array(Term).min(1) });

export class TermsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid glossary: ${problems[0]}`
        : `Invalid glossary (${problems.length} problems):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'TermsError';
  }
}

const TERMS_DIR = new URL('../../knowledge/terms/', import.meta.url);

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(top level)';
}

/**
 * Parses and checks glossary files given as `{ name, text }` (name as shown in errors). Reports every
 * problem at once: schema errors with the path inside the file, a vendor or id prefix that does not
 * match the file, duplicate ids, and related ids that do not exist.
 */
export function parseTermFiles(files: readonly { name: string; text: string }[]): Term[] {
  const problems: string[] = [];
  const terms: Term[] = [];
  const where = new Map<string, string>();
  for (const { name, text } of files) {
    const vendor = (name.split('/').at(-1) ?? name).replace(/\.ya?ml$/u, '');
    let raw: unknown;
    try {
      raw = parseYamlText(text);
    } catch (e) {
      problems.push(`${name}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = TermFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${name}: ${formatPath(issue.path)}: ${issue.message}`);
      continue;
    }
    parsed.data.terms.forEach((term, i) => {
      const at = `${name}: terms[${i}]`;
      if (term.vendor !== vendor) problems.push(`${at}.vendor: "${term.vendor}" does not match the file (${vendor})`);
      if (!term.id.startsWith(`${term.vendor}.`)) {
        problems.push(`${at}.id: "${term.id}" should start with "${term.vendor}."`);
      }
      const seen = where.get(term.id);
      if (seen) problems.push(`${at}.id: "${term.id}" is already used at ${seen}`);
      where.set(term.id, at);
      terms.push(term);
    });
  }
  for (const term of terms) {
    term.related.forEach((id, i) => {
      if (!where.has(id)) problems.push(`${where.get(term.id)}.related[${i}]: unknown term id "${id}"`);
    });
  }
  if (problems.length) throw new TermsError(problems);
  return terms;
}

let cached: Term[] | undefined;

/** The glossary, loaded and checked once. Throws a TermsError naming the file and the path inside it. */
export function loadTerms(dir: URL = TERMS_DIR): Term[] {
  if (dir === TERMS_DIR && cached) return cached;
  const path = fileURLToPath(dir);
  const names = readdirSync(path)
    .filter((f) => /\.ya?ml$/u.test(f) && !f.startsWith('_'))
    .sort();
  const terms = parseTermFiles(
    names.map((f) => ({ name: `knowledge/terms/${f}`, text: readFileSync(new URL(f, dir), 'utf8') })),
  );
  if (dir === TERMS_DIR) cached = terms;
  return terms;
}
