import type { ConsoleIO } from '../io.js';

/** A subcommand of `entitlebot` (one file each in this folder, listed in index.ts). */
export interface ConsoleCommand {
  name: string;
  /** one line for `entitlebot help` */
  summary: string;
  /** the usage lines, printed with a bad flag */
  usage: string;
  /** resolves to the exit code; throws UsageError for a bad command line */
  run(argv: string[], io: ConsoleIO): Promise<number>;
}
