/**
 * `entitlebot` with no subcommand: Slack when configured, else the console. With a subcommand: that command
 * (see commands/). Bad command lines exit 2 with usage; a configuration problem names the variable and exits 1.
 */
import { loadDotenvFile } from '../env.js';
import { databasePathFrom } from './commands/database.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { type ConsoleIO, EXIT } from './io.js';
import { UsageError } from './options.js';

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: entitlebot [COMMAND] [options]',
    '',
    '  (no command)   Slack when configured (see .env.example), else the console on stdin/stdout',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(Math.max(width, 12))}   ${c.summary}`),
    '  help           this text',
    '',
    "Run `entitlebot COMMAND --help` for a command's options.",
  ].join('\n');
}

export async function main(argv: string[], io: ConsoleIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'help' || first === '--help' || first === '-h') {
    io.out(`${usage()}\n`);
    return EXIT.ok;
  }
  if (first === undefined || first.startsWith('-')) return runDefault(argv, io);
  const command = findCommand(first);
  if (!command) {
    io.err(`entitlebot: unknown command ${JSON.stringify(first)}\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return EXIT.ok;
  }
  loadDotenvFile();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`entitlebot ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    io.err(`entitlebot ${command.name}: ${(error as Error).message}\n`);
    return EXIT.failure;
  }
}

async function runDefault(argv: string[], io: ConsoleIO): Promise<number> {
  if (argv.length > 0) {
    io.err(`entitlebot: unexpected ${JSON.stringify(argv[0])}\n\n${usage()}\n`);
    return EXIT.usage;
  }
  loadDotenvFile();
  // imported here: config.ts validates with zod, which the subcommands and the console do without
  const { ConfigError, loadConfig } = await import('../config.js');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(
        `entitlebot: ${error.message}\nFix .env (see .env.example), or unset the Slack variables to use the console.\n`,
      );
      return EXIT.failure;
    }
    throw error;
  }
  if (config.mode.kind === 'console') {
    // imported here: the one-shot commands need no line editor (node:readline)
    const { runConsole } = await import('./repl.js');
    return runConsole(io, { databasePath: databasePathFrom(undefined, io.env) });
  }
  const { startSlack } = await import('../slack/main.js');
  await startSlack(config);
  // keeps running until a signal stops it
  return new Promise<number>(() => undefined);
}
