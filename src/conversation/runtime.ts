/**
 * Opens what a conversation needs: the SQLite store, the knowledge base, the search index and the clock.
 * Shared by the console, `entitlebot ask` and the Slack entry point.
 *
 * The knowledge comes from its saved, fingerprinted copy when that matches (knowledge/saved.ts), so a start
 * needs neither YAML nor zod. The search index is read when first needed (`search: 'lazy'`, for one-shot
 * commands, most of which never ask a glossary question) or before the runtime is handed over
 * (`search: 'eager'`, for the Slack process, so that no asker's request pays for it).
 */
import { type HolidayDiskCache, openHolidayCache } from '../holidays/cache.js';
import { recordsOf } from '../knowledge/records.js';
import { openKnowledge } from '../knowledge/saved.js';
import { useHolidaySource } from '../rules/holidays.js';
import type { SearchInput } from '../search/engine.js';
import type { KnowledgeSearch } from '../search/index.js';
import { openStore, type SecretKeys } from '../store/index.js';
import { type ConversationDeps, type SearchIndex, systemClock } from './types.js';
import { storeWorkspaceKnowledge } from './workspace-knowledge.js';

export interface RuntimeOptions {
  databasePath: string;
  /** fixed "now" (entitlebot ask --now) */
  now?: Date;
  /** when the search index is read: at the first glossary question (default) or now */
  search?: 'lazy' | 'eager';
  /** the keys Slack tokens are sealed with (see docs/store.md) */
  secrets?: SecretKeys;
  /**
   * Where public-holiday years computed by date-holidays are kept (src/holidays/cache.ts): default
   * data/holidays; null keeps them in memory only.
   */
  holidayCache?: string | null;
}

export interface Runtime extends ConversationDeps {
  /** the disk cache of holiday years the rules core reads through (undefined with `holidayCache: null`) */
  holidayCache?: HolidayDiskCache;
}

export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const opened = await openKnowledge();
  const { knowledge } = opened;
  // holiday years computed before, by this process or another, are read from disk rather than computed again
  const holidayCache = options.holidayCache === null ? undefined : openHolidayCache(options.holidayCache);
  useHolidaySource(holidayCache);
  const store = await openStore(options.databasePath, { secrets: options.secrets });
  const fixed = options.now;
  // the records (every fact, target, quota, price and fee step) are indexed beside the terms and clauses; they
  // are listed when the index is read, not before (a one-shot deadline question never needs them)
  const input = () => ({ terms: opened.terms, clauses: opened.clauses, records: recordsOf(knowledge) });
  return {
    store,
    knowledge,
    workspaceKnowledge: storeWorkspaceKnowledge(store, knowledge),
    search: options.search === 'eager' ? await warmSearch(input) : lazySearch(input),
    clock: fixed ? { now: () => new Date(fixed.getTime()) } : systemClock,
    ...(holidayCache ? { holidayCache } : {}),
  };
}

let loading: Promise<KnowledgeSearch> | undefined;
let loaded: KnowledgeSearch | undefined;

/** The search modules (MiniSearch, the engine) are imported here, on the first need, not with this module. */
function searchFor(input: () => SearchInput): Promise<KnowledgeSearch> {
  loading ??= import('../search/saved.js').then(({ loadOrBuildSearchIndex, SAVED_INDEX }) => {
    loaded = loadOrBuildSearchIndex(input(), SAVED_INDEX);
    return loaded;
  });
  return loading;
}

/** The glossary search, read on the first question that needs it (handleText awaits `ready` first). */
function lazySearch(input: () => SearchInput): SearchIndex {
  const read = (): KnowledgeSearch => {
    if (!loaded) throw new Error('The glossary search was asked before it was read (await ready() first).');
    return loaded;
  };
  return {
    ready: async () => {
      await searchFor(input);
    },
    lookup: (query: string) => read().lookup(query),
    records: (query, options) => read().records(query, options),
    knows: (token) => read().knows(token),
    near: (token) => read().near(token),
  };
}

/**
 * The glossary search, read now, with one question asked so that the tokenizer's tables (OpenCC) and the
 * JIT are ready before the first asker.
 */
async function warmSearch(input: () => SearchInput): Promise<SearchIndex> {
  const search = await searchFor(input);
  search.lookup('what is 彈性额度');
  return search;
}
