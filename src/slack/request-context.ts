/**
 * What a log line says about the request it was written for: an id the receiver gives each HTTP request (and
 * returns as X-Request-Id) and the workspace, once Bolt has read it from the payload. Carried by
 * AsyncLocalStorage, so every log line written while the request is handled, in any listener, carries them
 * without being passed along. The same id is the reference a person is given when their request fails
 * (middleware/catch-errors.ts), so what they quote is what the logs and the load balancer show.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  requestId: string;
  workspace?: string;
}

const current = new AsyncLocalStorage<RequestContext>();

/**
 * A short id for one request, to find it in the logs: r-1a2b3c4d5e (40 random bits). Cut from a UUID, which Node
 * draws from a buffered pool, rather than from its own randomBytes call (a system call each).
 */
export function newRequestId(): string {
  const uuid = randomUUID();
  return `r-${uuid.slice(0, 8)}${uuid.slice(9, 11)}`;
}

export function withRequest<T>(work: () => T, requestId: string = newRequestId()): T {
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
