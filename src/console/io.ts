/** Where the console reads and writes: the process's streams, or strings in tests. */
export interface ConsoleIO {
  stdin: NodeJS.ReadableStream;
  /** write text as is (add the newline yourself) */
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** whether stdin is an interactive terminal (a prompt is shown only then) */
  isTTY: boolean;
}

export function processIO(): ConsoleIO {
  return {
    stdin: process.stdin,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stdin.isTTY),
  };
}

/** Exit codes: 0 an answer (even "I don't understand"), 1 the program could not run, 2 a bad command line. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
