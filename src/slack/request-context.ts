/**
 * What a log line says about the request it was written for: an id the receiver gives each HTTP request (and
 * returns as X-Request-Id) and the workspace, once Bolt has read it from the payload. Carried by
 * AsyncLocalStorage, so every log line written while the request is handled, in any listener, carries them
 * without being passed along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  requestId: string;
  workspace?: string;
}

const current = new AsyncLocalStorage<RequestContext>();

export function withRequest<T>(work: () => T, requestId: string = randomUUID()): T {
  return current.run({ requestId }, work);
}

export function requestContext(): RequestContext | undefined {
  return current.getStore();
}

/** Bolt's context knows the workspace once it has parsed the payload */
export function noteWorkspace(workspace: string | undefined): void {
  const context = current.getStore();
  if (context && workspace) context.workspace = workspace;
}
