/**
 * Reading what a person hands us, before anything else looks at it: a source document (text, at most
 * MAX_DOCUMENT_BYTES) and a plan file (YAML, at most MAX_PLAN_BYTES, no alias expansion beyond MAX_ALIAS_COUNT,
 * nesting at most MAX_DEPTH deep, no prototype keys). Every refusal is a PlanProblem that says what was wrong and
 * what would work; nothing here throws on bad input.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const MAX_PLAN_BYTES = 1024 * 1024;
/** a plan file needs about 8 levels; anything far deeper is not a plan */
export const MAX_DEPTH = 32;
/** aliases a plan file may expand (plan files need none; anchors for shared hours are fine) */
export const MAX_ALIAS_COUNT = 200;
/** keys that would reach an object's prototype in code that copies parsed data */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** One thing wrong with a plan or its document, where it is, and what would fix it. */
export interface PlanProblem {
  file: string;
  /** 1-based, when the problem has a place in the file */
  line?: number;
  column?: number;
  /** the path inside the plan, e.g. targets[3].span.minutes */
  path?: string;
  message: string;
  hint?: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problems: PlanProblem[] };

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * A text file's content: UTF-8 (a BOM is dropped), no NUL bytes, mostly printable. `limit` bytes at most.
 */
export function readText(file: string, bytes: Uint8Array, limit: number, what: string): Read<string> {
  const refuse = (message: string, hint: string): Read<string> => ({ ok: false, problems: [{ file, message, hint }] });
  if (bytes.byteLength > limit) {
    return refuse(
      `the ${what} is ${size(bytes.byteLength)}; the limit is ${size(limit)}`,
      what === 'document'
        ? 'give the support terms alone (the service description or the SLA section) as plain text'
        : 'a plan file is a few hundred lines; split it per vendor document',
    );
  }
  if (bytes.includes(0)) {
    return refuse(
      `the ${what} is not text (it contains NUL bytes; a PDF, Word file or image?)`,
      'save it as plain text (UTF-8), e.g. with `pdftotext -layout contract.pdf contract.txt`',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(
      `the ${what} is not UTF-8 text`,
      'save it as plain text in UTF-8 (Big5 or GBK files need converting, e.g. `iconv -f BIG5 -t UTF-8`)',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // control characters other than tab, line feed, carriage return and form feed: binary data
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) control++;
  }
  if (control > 0 && control > text.length / 100) {
    return refuse(`the ${what} is not text (${control} control characters)`, 'save it as plain text (UTF-8)');
  }
  if (what === 'document' && text.trim() === '') return refuse('the document is empty', 'give the contract text');
  return { ok: true, value: text };
}

/** A parsed plan file: the plain value, and the YAML document to find positions in. */
export interface PlanYaml {
  file: string;
  text: string;
  value: unknown;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Line and column (1-based) of an offset into the text. */
export function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/**
 * Parses a plan file's text with `yaml`, which keeps every node's place so that errors can say line and
 * column. Refuses syntax errors, duplicate keys, alias bombs, deep nesting and prototype keys.
 */
export function parsePlanYaml(file: string, text: string): Read<PlanYaml> {
  const deep = flowDepthOffset(text);
  if (deep !== undefined) return { ok: false, problems: [tooDeep(file, text, deep)] };
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  } catch (error) {
    return { ok: false, problems: [{ file, message: `cannot read the YAML: ${(error as Error).message}` }] };
  }
  const at = (offset: number) => position(lines, offset);
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) return { ok: false, problems: [tooDeep(file, text, overflow.pos[0])] };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        ...at(e.pos[0]),
        message: e.message.split('\n')[0] ?? 'not valid YAML',
        hint: e.code === 'DUPLICATE_KEY' ? 'each key appears once in a mapping' : yamlHint(e.code),
      })),
    };
  }
  const shape = checkShape(doc.contents, file, lines);
  if (shape.length > 0) return { ok: false, problems: shape };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      problems: [
        {
          file,
          message: /alias/i.test(message)
            ? `the aliases (*name) expand too far (more than ${MAX_ALIAS_COUNT}): refused as a possible YAML bomb`
            : `cannot read the YAML: ${message}`,
          hint: 'write the values out instead of nesting anchors and aliases',
        },
      ],
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [{ file, line: 1, column: 1, message: 'a plan file is a mapping (key: value lines)', hint: HINT_TOP }],
    };
  }
  return { ok: true, value: { file, text, value, doc, lines } };
}

function tooDeep(file: string, text: string, offset: number): PlanProblem {
  const before = text.slice(0, offset).split('\n');
  return {
    file,
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
    message: `nested more than ${MAX_DEPTH} levels deep: refused (a plan file needs about 8)`,
    hint: HINT_TOP,
  };
}

/**
 * Where flow collections ([ ], { }) first nest deeper than MAX_DEPTH, before the parser (which recurses)
 * sees them. Quoted strings and comments are skipped; an unbalanced quote only makes the scan stop early.
 */
function flowDepthOffset(text: string): number | undefined {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\n' && depth === 0) quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/u.test(text[i - 1] ?? ''))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/u.test(text[i - 1] ?? ''))) {
      quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

const HINT_TOP = 'start from docs/examples/larkspur.yml or `entitlebot plan scaffold DOC.txt`';

function yamlHint(code: string): string {
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return 'check the indentation and brackets of this line';
  return 'quote a value that contains ": " or starts with a special character (\' " [ { * & ! | > % @ `)';
}

/** Depth and keys, walking the node tree without recursion (the input may be deep on purpose). */
function checkShape(root: unknown, file: string, lines: LineCounter): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (depth > MAX_DEPTH) {
      const range = (node as Node).range;
      return [
        {
          file,
          ...(range ? position(lines, range[0]) : {}),
          message: `nested more than ${MAX_DEPTH} levels deep: refused (a plan file needs about 8)`,
          hint: HINT_TOP,
        },
      ];
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
          const range = isScalar(pair.key) ? pair.key.range : undefined;
          problems.push({
            file,
            ...(range ? position(lines, range[0]) : {}),
            message: `the key "${key}" is not allowed`,
            hint: 'plan files use only the keys in schemas/plan.schema.json; remove this one',
          });
        } else if (key !== null && typeof key === 'object') {
          const range = (pair.key as Node).range;
          problems.push({
            file,
            ...(range ? position(lines, range[0]) : {}),
            message: 'a key must be plain text, not a list or mapping',
            hint: 'write `name: value`',
          });
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return problems;
}
