/**
 * The store as one request of the conversation sees it: the workspace's settings are read once, however many
 * places of the request ask (the reply's language, the answer's zone, a contract's default zone: up to three
 * reads of the same row a request before). A change to the settings through it is read again afterwards; the
 * request is short, so another instance's change made meanwhile is seen by the next request, as before.
 */
import type { Store } from '../store/index.js';

export function requestStore(store: Store, workspaceId: string): Store {
  let settings: ReturnType<Store['getSettings']> | undefined;
  const view = Object.create(store) as Store;
  view.getSettings = (ws) => {
    if (ws !== workspaceId) return store.getSettings(ws);
    settings ??= store.getSettings(ws).catch((error: unknown) => {
      settings = undefined;
      throw error;
    });
    return settings;
  };
  view.updateSettings = async (ws, patch) => {
    settings = undefined;
    try {
      return await store.updateSettings(ws, patch);
    } finally {
      settings = undefined;
    }
  };
  return view;
}
