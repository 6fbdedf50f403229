/**
 * Structured logs for the Slack process: one JSON object a line on standard output (pino), with the level, the
 * time, the message, and — for lines written while a request is handled — its request id and workspace
 * (request-context.ts). Given to Bolt as its logger, so Bolt's own lines are JSON too. `LOG_LEVEL` sets the level.
 */
import { format } from 'node:util';
import type { Logger, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { requestContext } from './request-context.js';

export function jsonLogger(level: `${LogLevel}` = 'info', destination?: pino.DestinationStream): Logger {
  const base = pino(
    {
      level,
      base: { service: 'entitlebot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const context = requestContext();
        if (!context) return {};
        return context.workspace
          ? { requestId: context.requestId, workspace: context.workspace }
          : { requestId: context.requestId };
      },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
  let name: string | undefined;
  const line = (msg: unknown[]) => ({ ...(name ? { logger: name } : {}), msg: format(...msg) });
  return {
    debug: (...msg) => base.debug(line(msg)),
    info: (...msg) => base.info(line(msg)),
    warn: (...msg) => base.warn(line(msg)),
    error: (...msg) => base.error(line(msg)),
    setLevel: (next) => {
      base.level = next;
    },
    getLevel: () => base.level as LogLevel,
    setName: (next) => {
      name = next;
    },
  };
}
