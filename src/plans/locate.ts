/**
 * From a path inside a parsed plan (`targets[3].span.minutes`, as zod and the loader report it) back to the line
 * and column in the YAML file, so that a person can go straight to it.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { type PlanYaml, position } from './input.js';

/** `targets[3].span.minutes` → ['targets', 3, 'span', 'minutes'] (the loader's report format). */
export function parsePath(path: string): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/gu)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/**
 * Where `path` is in the file: the node it names, or, when the path goes further than the file (a missing
 * key), the deepest mapping or list on the way. With `key`, the place of that key inside the node (an unknown
 * key zod reports on its object).
 */
export function locate(
  yaml: PlanYaml,
  path: readonly PropertyKey[],
  key?: string,
): { line: number; column: number } | undefined {
  let node: unknown = yaml.doc.contents;
  let place: number | undefined = (node as Node | null)?.range?.[0];
  for (const seg of path) {
    let next: unknown;
    let keyStart: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(keyOf(p)) === String(seg));
      if (pair) {
        next = pair.value;
        keyStart = (pair.key as Node | null)?.range?.[0];
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    if (next === undefined) break;
    node = next;
    place = (next as Node | null)?.range?.[0] ?? keyStart ?? place;
    if (next === null) break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && String(keyOf(p)) === key);
    const start = (pair?.key as Node | null | undefined)?.range?.[0];
    if (start !== undefined) place = start;
  }
  return place === undefined ? undefined : position(yaml.lines, place);
}
