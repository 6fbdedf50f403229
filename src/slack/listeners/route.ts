/**
 * Bolt runs the middleware chain of every registered listener for every request (with 18 listeners, a slash
 * command went through 18 chains, each copying the request's arguments, and much of that outlived a scavenge
 * into the old generation). So each folder registers one Bolt listener for its kind, which hands the request
 * to the handler of its id; the handlers stay one a file.
 */

import { escapeRegExp } from '../../text/normalize.js';

// biome-ignore lint/suspicious/noExplicitAny: each handler narrows Bolt's arguments to its own action or view
export type Handler = (args: any) => Promise<void>;

/** The ids each `exactly` pattern was made from, so that they can be read back without parsing the pattern. */
const patternIds = new WeakMap<RegExp, string[]>();

/** A pattern matching exactly these ids, for Bolt's constraint (so unknown ids stay unhandled, as before). */
export function exactly(ids: string[]): RegExp {
  const pattern = new RegExp(`^(?:${ids.map(escapeRegExp).join('|')})$`);
  patternIds.set(pattern, [...ids]);
  return pattern;
}

/** The ids an `exactly` pattern matches (the manifest test reads registrations through it). */
export function idsOf(pattern: RegExp): string[] {
  const ids = patternIds.get(pattern);
  if (!ids) throw new Error(`${pattern} was not made by exactly(): its ids are unknown`);
  return [...ids];
}

/** One Bolt listener for many ids: `handlers[idOf(args)]` handles the request. */
export function byId<A>(idOf: (args: A) => string | undefined, handlers: Record<string, Handler>) {
  return async (args: A): Promise<void> => {
    const id = idOf(args);
    const handler = id !== undefined && Object.hasOwn(handlers, id) ? handlers[id] : undefined;
    if (handler) await handler(args);
  };
}

/** Several handlers for the same request, run together as Bolt ran separate listeners; the first failure is thrown. */
export function allOf(...handlers: Handler[]): Handler {
  return async (args) => {
    const results = await Promise.allSettled(handlers.map((handler) => handler(args)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };
}
