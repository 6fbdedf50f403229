/**
 * The console: the same conversation as in Slack, on stdin/stdout, in workspace `local`. Works on a terminal
 * (with a prompt) and on a pipe (reads lines until end of input). Every line is addressed to the app.
 *
 * Lines starting with ":" steer the console itself: `:thread TS` continues in a thread (as if replying there),
 * `:top` goes back to the channel, `:quit` leaves (so does end of input or `exit`).
 */
import { createInterface } from 'node:readline';
import { openRuntime } from '../conversation/runtime.js';
import { CONNECT_HINT } from '../env.js';
import { type ConsoleIO, EXIT } from './io.js';
import { environmentLocale, systemZone } from './options.js';
import { renderAnswer } from './render.js';
import { CONSOLE_CHANNEL, CONSOLE_USER, CONSOLE_WORKSPACE, type ConsolePlace, converse } from './session.js';

export interface ConsoleOptions {
  databasePath: string;
}

export async function runConsole(io: ConsoleIO, options: ConsoleOptions): Promise<number> {
  const deps = await openRuntime({ databasePath: options.databasePath });
  const place: ConsolePlace = {
    workspaceId: CONSOLE_WORKSPACE,
    channelId: CONSOLE_CHANNEL,
    userId: CONSOLE_USER,
    userZone: systemZone(),
  };
  // a console run under LANG=zh_TW.UTF-8 answers bare commands in Chinese, as a Slack user's locale would
  const userLocale = environmentLocale(io.env);
  if (userLocale) place.userLocale = userLocale;
  io.out(
    [
      'Entitlebot console: ask what your vendor support contracts entitle you to.',
      'Type `help` for examples; `:thread TS` to talk in a case thread, `:top` to leave it; `exit` or Ctrl-D to quit.',
      CONNECT_HINT,
      `(database: ${options.databasePath}, your zone: ${place.userZone})`,
      '',
    ].join('\n'),
  );
  const prompt = () => {
    if (io.isTTY) io.out(place.threadTs ? `thread ${place.threadTs}> ` : '> ');
  };
  const lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    prompt();
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === '') {
        prompt();
        continue;
      }
      if (/^(:q(uit)?|exit|quit)$/i.test(line)) break;
      const thread = /^:thread\s+(\S+)$/i.exec(line);
      if (thread) {
        place.threadTs = thread[1];
        io.out(`(now in thread ${place.threadTs})\n`);
      } else if (/^:top$/i.test(line)) {
        place.threadTs = undefined;
        io.out('(back in the channel)\n');
      } else if (line.startsWith(':')) {
        io.out('Console commands: :thread TS, :top, :quit\n');
      } else {
        const exchange = await converse(deps, place, line);
        io.out(`${renderAnswer(exchange.reply.answer)}\n\n`);
        if (exchange.followUp) io.out(`${renderAnswer(exchange.followUp)}\n\n`);
        if (exchange.newThreadTs) {
          place.threadTs = exchange.newThreadTs;
          io.out(`(now in thread ${place.threadTs}; \`:top\` goes back to the channel)\n`);
        }
      }
      prompt();
    }
  } finally {
    lines.close();
    await deps.store.close();
  }
  if (io.isTTY) io.out('\n');
  return EXIT.ok;
}
