/**
 * Opens what a conversation needs: the SQLite store, the knowledge base, the search index and the clock.
 * Shared by the console, `entitlebot ask` and the Slack entry point.
 */
import { loadKnowledge } from '../knowledge/load.js';
import { loadKnowledgeSearch } from '../search/index.js';
import { openStore } from '../store/index.js';
import { type ConversationDeps, type SearchIndex, systemClock } from './types.js';

export interface RuntimeOptions {
  databasePath: string;
  /** fixed "now" (entitlebot ask --now) */
  now?: Date;
}

export function openRuntime(options: RuntimeOptions): ConversationDeps {
  const knowledge = loadKnowledge();
  const store = openStore(options.databasePath);
  const fixed = options.now;
  return {
    store,
    knowledge,
    search: lazySearch(),
    clock: fixed ? { now: () => new Date(fixed.getTime()) } : systemClock,
  };
}

/**
 * The glossary search, loaded on the first question that needs it: loading the index takes a few hundred
 * milliseconds that most questions (and start-up) need not wait for.
 */
function lazySearch(): SearchIndex {
  return { lookup: (query: string) => loadKnowledgeSearch().lookup(query) };
}
