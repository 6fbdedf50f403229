#!/usr/bin/env node
import { processIO } from './console/io.js';
/** The `entitlebot` command (package.json "bin"). See src/console/main.ts. */
import { main } from './console/main.js';

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`entitlebot: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
