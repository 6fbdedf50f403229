/**
 * `node --import ./load-recorder.mjs …` appends the URL of every module the process loads through the ESM loader
 * (every file of ours, and the entry of every package, CommonJS ones included) to the file named by
 * LOAD_RECORD_FILE, one a line, so that a test can see which packages a command loaded. The hook runs on the
 * loader's thread and writes synchronously, so nothing is lost when the process exits.
 */
import { register } from 'node:module';

if (process.env.LOAD_RECORD_FILE) {
  register(new URL('./load-recorder-hooks.mjs', import.meta.url), { data: { file: process.env.LOAD_RECORD_FILE } });
}
