/**
 * The resolver from a workspace to its Knowledge (shipped plus imported plans), reading the store's
 * `workspace_plans` and rebuilding only when a workspace's plans change. One per process: the console, `ask`
 * and the Slack app each make one beside their store.
 */
import type { Knowledge } from '../knowledge/load.js';
import { cachedWorkspaceKnowledge } from '../knowledge/workspace.js';
import type { Store } from '../store/index.js';

export function storeWorkspaceKnowledge(
  store: Store,
  shipped: Knowledge,
  onProblem?: (workspaceId: string, problem: string) => void,
): (workspaceId: string) => Promise<Knowledge> {
  return cachedWorkspaceKnowledge(
    shipped,
    {
      revision: async (workspaceId) => await store.workspacePlanRevision(workspaceId),
      plans: async (workspaceId) => await store.listWorkspacePlans(workspaceId),
    },
    onProblem,
  );
}
