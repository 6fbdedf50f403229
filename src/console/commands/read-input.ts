import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_DOCUMENT_BYTES } from '../../plans/input.js';
import { UsageError } from '../options.js';

/**
 * Reads a file a person named: a missing path or a folder is a usage error; at most one byte past the document
 * limit is read, so that a huge file is refused ("too big") without loading it.
 */
export function readInputFile(path: string, flag: string): Uint8Array {
  let fd: number;
  try {
    if (!statSync(path).isFile()) throw new UsageError(`${flag} ${JSON.stringify(path)} is not a file`);
    fd = openSync(path, 'r');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${flag} ${JSON.stringify(path)}: no such file`);
  }
  try {
    const buffer = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
