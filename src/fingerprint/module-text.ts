import { readFileSync } from 'node:fs';

/**
 * The code of the module `name` relative to `from` (a module's import.meta.url), compiled (dist/*.js) or not
 * (src/*.ts under tsx and vitest): what a cache on disk is fingerprinted with, so that a change to the code that
 * decides its contents invalidates it. "missing" when neither file exists.
 */
export function moduleText(name: string, from: string | URL): string {
  for (const ext of ['.js', '.ts']) {
    try {
      return readFileSync(new URL(`${name}${ext}`, from), 'utf8');
    } catch {
      // try the other extension
    }
  }
  return `${name}: missing`;
}
