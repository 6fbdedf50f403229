/**
 * `npm run extract`: splits every source document in knowledge/sources into clauses and proposes
 * glossary terms from the documents' own patterns, writing `knowledge/terms/_candidates.<vendor>.yml`
 * for a person to curate into `knowledge/terms/<vendor>.yml`. It also counts the plan records the same clauses
 * suggest (src/knowledge/plan-candidates.ts, what `entitlebot plan scaffold DOC.txt` prints as a skeleton). Rerun it when a contract document is
 * added or changed; proposals already in the curated glossary are marked with the term's id.
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { type Candidate, proposeCandidates } from '../src/knowledge/candidates.js';
import { splitClauses, vendorOfDoc } from '../src/knowledge/clauses.js';
import { loadSources } from '../src/knowledge/corpus.js';
import { proposePlanCandidates } from '../src/knowledge/plan-candidates.js';
import { loadTerms, type Term, TermsError } from '../src/knowledge/terms.js';

function curatedIndex(): Map<string, string> {
  const index = new Map<string, string>();
  let terms: Term[] = [];
  try {
    terms = loadTerms();
  } catch (e) {
    if (!(e instanceof TermsError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    console.warn(
      `note: the curated glossary did not load, so no proposal is marked as curated.\n${(e as Error).message}`,
    );
  }
  for (const t of terms) {
    for (const key of [t.zh, ...t.abbreviations, ...t.aliases]) index.set(`${t.vendor}:${key.toLowerCase()}`, t.id);
  }
  return index;
}

function render(doc: string, candidates: Candidate[], curated: Map<string, string>) {
  const vendor = vendorOfDoc(doc);
  const rows = candidates.map((c) => {
    const id =
      curated.get(`${vendor}:${c.name.toLowerCase()}`) ??
      (c.abbreviation ? curated.get(`${vendor}:${c.abbreviation.toLowerCase()}`) : undefined);
    return {
      name: c.name,
      ...(c.abbreviation ? { abbreviation: c.abbreviation } : {}),
      patterns: c.patterns,
      occurrences: c.occurrences,
      offset: c.offset,
      clause: c.clauseId,
      snippet: c.snippet,
      curated: id ?? null,
    };
  });
  const header = [
    `# Proposed glossary terms for ${doc}, written by \`npm run extract\`. Do not edit: rerun it.`,
    `# Not loaded by the app. Curate what matters into knowledge/terms/${vendor}.yml;`,
    '# `curated` names the glossary entry that already covers a proposal.',
    '',
  ].join('\n');
  return header + stringify({ doc, candidates: rows }, { lineWidth: 0 });
}

function main(): void {
  const curated = curatedIndex();
  for (const { doc, text } of loadSources()) {
    const clauses = splitClauses(doc, text);
    const candidates = proposeCandidates(doc, text, clauses);
    const vendor = vendorOfDoc(doc);
    const out = new URL(`../knowledge/terms/_candidates.${vendor}.yml`, import.meta.url);
    writeFileSync(out, render(doc, candidates, curated));
    const covered = candidates.filter((c) => curated.has(`${vendor}:${c.name.toLowerCase()}`)).length;
    const plan = proposePlanCandidates(doc, text, clauses);
    console.log(
      `${doc}: ${clauses.length} clauses, ${candidates.length} proposals (${covered} by name in the glossary)` +
        ` -> knowledge/terms/_candidates.${vendor}.yml; plan candidates: ${plan.levels.length} levels,` +
        ` ${plan.targets.length} targets, ${plan.quotas.length} quotas, ${plan.prices.length} prices` +
        ` (entitlebot plan scaffold knowledge/sources/${doc})`,
    );
  }
}

main();
