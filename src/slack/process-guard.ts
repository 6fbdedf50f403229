/**
 * Process-level handlers for what escapes every other handler. A rejected promise nobody awaited is logged and
 * the app keeps serving: it leaves no state half-changed (every store write is synchronous). An uncaught
 * exception is logged too, and the app keeps serving unless they come in a burst (MAX_EXCEPTIONS within a
 * minute), which says the process is in a state it cannot leave by itself: it then exits with status 1, for its
 * supervisor to restart it. Without these, Node exits on the first of either.
 */

export const MAX_EXCEPTIONS = 5;
const WINDOW_MS = 60_000;

export interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'unhandledRejection' | 'uncaughtException', listener: (...args: never[]) => void): unknown;
  exit(code: number): never | undefined;
}

export interface GuardLogger {
  error(message: string): void;
}

const describeError = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));

/** Installs the handlers on `proc` (default: this process); returns a function that removes them. */
export function installProcessGuard(
  logger: GuardLogger,
  proc: GuardedProcess = process as unknown as GuardedProcess,
  nowMs: () => number = Date.now,
): () => void {
  const recent: number[] = [];
  const onRejection = (reason: unknown) => {
    logger.error(`Unhandled promise rejection (still serving): ${describeError(reason)}`);
  };
  const onException = (error: Error, origin: string) => {
    const now = nowMs();
    recent.push(now);
    while (recent.length > 0 && (recent[0] as number) < now - WINDOW_MS) recent.shift();
    if (recent.length >= MAX_EXCEPTIONS) {
      logger.error(
        `Uncaught exception (${origin}), the ${recent.length}th within a minute; exiting for a restart: ${describeError(error)}`,
      );
      proc.exit(1);
      return;
    }
    logger.error(`Uncaught exception (${origin}; still serving): ${describeError(error)}`);
  };
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
