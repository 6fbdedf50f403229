/**
 * A workspace's Knowledge: the shipped knowledge merged with the plans the workspace imported (new vendors, and
 * overrides of shipped ones). Pure: the shipped Knowledge and the imported plans in, a Knowledge out, so that
 * every answer, clock and reminder built on it works for an imported plan exactly as for a shipped one, and a
 * workspace never sees another's plans (each gets its own Knowledge; the shipped one is never changed).
 *
 * Quotes from a workspace's own document are marked (`source.workspace`), so that answers say "per your
 * contract". Imported plans were checked in full (zod, references, quotes) before they were stored, as the
 * parsed output; here, on the path of every request, they get a shape check without zod (which start-up does not
 * load), and one that fails it is left out and reported rather than breaking the workspace.
 */

import { buildKnowledge, type Knowledge } from './build.js';
import { applyOverride } from './override.js';
import type { PlanFile, PlanOverride, SourceRef } from './schema.js';

export interface ImportedPlan {
  vendor: string;
  kind: 'vendor' | 'override';
  documentName: string;
  documentText: string;
  planJson: string;
}

const LISTS = ['calendars', 'plans', 'targets', 'facts', 'prices', 'quotas'] as const;

/** The stored JSON has the shape `plan check` produced: the lists present, and records with sources. */
function hasShape(json: unknown, kind: ImportedPlan['kind']): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  if (kind === 'override' ? typeof o.extends !== 'string' : typeof o.vendor !== 'string') return false;
  if (kind === 'vendor' && (!Array.isArray(o.severities) || typeof o.vendorName !== 'object')) return false;
  if (typeof o.fees !== 'object' || o.fees === null) return false;
  return LISTS.every(
    (key) =>
      Array.isArray(o[key]) &&
      (o[key] as unknown[]).every((r) => {
        const source = (r as { source?: { doc?: unknown; quote?: unknown } } | null)?.source;
        return typeof source?.doc === 'string' && typeof source.quote === 'string';
      }),
  );
}

/** Marks every `source` citing `doc` as the workspace's own (answers then say "per your contract"). */
function markOwn(value: unknown, doc: string): void {
  if (Array.isArray(value)) {
    for (const v of value) markOwn(v, doc);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'source' && v && typeof v === 'object' && (v as SourceRef).doc === doc) {
        (v as SourceRef).workspace = true;
      } else {
        markOwn(v, doc);
      }
    }
  }
}

export function buildWorkspaceKnowledge(
  shipped: Knowledge,
  imports: readonly ImportedPlan[],
): { knowledge: Knowledge; problems: string[] } {
  if (imports.length === 0) return { knowledge: shipped, problems: [] };
  const problems: string[] = [];
  const sources = new Map<string, string>(shipped.sourceDocs.map((d) => [d, shipped.sourceText(d)]));
  let files: PlanFile[] = [...shipped.plans];
  for (const imported of imports) {
    let json: unknown;
    try {
      json = JSON.parse(imported.planJson);
    } catch {
      problems.push(`${imported.vendor}: the stored plan does not parse; import it again`);
      continue;
    }
    if (shipped.sourceDocs.includes(imported.documentName)) {
      problems.push(`${imported.vendor}: its document name ${imported.documentName} is a shipped document's`);
      continue;
    }
    if (!hasShape(json, imported.kind)) {
      problems.push(`${imported.vendor}: the stored plan no longer validates; check and import it again`);
      continue;
    }
    if (imported.kind === 'override') {
      const override = json as PlanOverride;
      const base = files.find((f) => f.vendor === override.extends);
      if (!base) {
        problems.push(`${imported.vendor}: the stored override changes no known vendor; check and import it again`);
        continue;
      }
      markOwn(override, imported.documentName);
      files = files.map((f) => (f === base ? applyOverride(base, override) : f));
    } else {
      const file = json as PlanFile;
      if (files.some((f) => f.vendor === file.vendor)) {
        problems.push(`${imported.vendor}: the stored plan no longer validates; check and import it again`);
        continue;
      }
      markOwn(file, imported.documentName);
      files.push(file);
    }
    sources.set(imported.documentName, imported.documentText);
  }
  const knowledge = buildKnowledge(files, sources);
  if (shipped.holidayOverrides) knowledge.holidayOverrides = shipped.holidayOverrides;
  return { knowledge, problems };
}

/** What needs a workspace's knowledge: the shipped Knowledge and, when plans can be imported, the resolver. */
export interface KnowledgeDeps {
  knowledge: Knowledge;
  /** the Knowledge for one workspace (shipped plus its imports); absent: the shipped knowledge for all */
  workspaceKnowledge?: (workspaceId: string) => Promise<Knowledge>;
}

export async function knowledgeOf(deps: KnowledgeDeps, workspaceId: string): Promise<Knowledge> {
  return (await deps.workspaceKnowledge?.(workspaceId)) ?? deps.knowledge;
}

/**
 * The deps for one workspace's request: `knowledge` is that workspace's. Applied where a request enters
 * (the conversation, case clocks, the Home tab, date reminders), so the code below reads `deps.knowledge` as before.
 */
export async function forWorkspace<T extends KnowledgeDeps>(deps: T, workspaceId: string): Promise<T> {
  const knowledge = await knowledgeOf(deps, workspaceId);
  const resolve = deps.workspaceKnowledge;
  if (!resolve) return knowledge === deps.knowledge ? deps : { ...deps, knowledge };
  // the request's workspace is resolved once: what asks for it again below (case clocks, the Home tab's
  // deadlines) gets the same Knowledge without reading the workspace's plan revision a second time
  return { ...deps, knowledge, workspaceKnowledge: async (ws) => (ws === workspaceId ? knowledge : await resolve(ws)) };
}

/**
 * A resolver that builds a workspace's Knowledge once per change of its imported plans (`revision`) and keeps
 * the `max` most recently used workspaces. A workspace with no imports gets the shipped Knowledge itself.
 */
export function cachedWorkspaceKnowledge(
  shipped: Knowledge,
  source: { revision(workspaceId: string): Promise<string>; plans(workspaceId: string): Promise<ImportedPlan[]> },
  onProblem: (workspaceId: string, problem: string) => void = () => undefined,
  // each entry holds its documents (up to 2 MB each) and their search index: a small cache keeps the process
  // within its heap (npm start gives it 256 MB); a workspace evicted is rebuilt in about a millisecond
  max = 16,
): (workspaceId: string) => Promise<Knowledge> {
  const cache = new Map<string, { revision: string; knowledge: Knowledge }>();
  return async (workspaceId) => {
    const revision = await source.revision(workspaceId);
    if (revision === '') return shipped;
    const hit = cache.get(workspaceId);
    if (hit && hit.revision === revision) {
      cache.delete(workspaceId);
      cache.set(workspaceId, hit);
      return hit.knowledge;
    }
    const built = buildWorkspaceKnowledge(shipped, await source.plans(workspaceId));
    for (const p of built.problems) onProblem(workspaceId, p);
    cache.set(workspaceId, { revision, knowledge: built.knowledge });
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return built.knowledge;
  };
}
