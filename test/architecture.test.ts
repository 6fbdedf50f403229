/**
 * The layout's rules (docs/architecture.md), checked on the source itself: imports point one way, Slack and
 * SQL stay in their rooms, the rules core stays pure. A new import that breaks one fails here, naming it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

interface Import {
  from: string;
  spec: string;
  /** the file it resolves to, for a relative import */
  target?: string;
  /** `import(…)` at run time, not at load */
  dynamic: boolean;
}

const STATIC = /^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms;
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g;

const imports: Import[] = sourceFiles(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const [re, dynamic] of [
    [STATIC, false],
    [DYNAMIC, true],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const spec = m[1] ?? '';
      const target = spec.startsWith('.') ? resolve(dirname(file), spec).replace(/\.js$/, '.ts') : undefined;
      found.push({ from: file, spec, target, dynamic });
    }
  }
  return found;
});

const rel = (file: string) => relative(SRC, file);
/** The top-level folder of a source file ("slack", "answers" …), or the file name for src/*.ts. */
const folderOf = (file: string) => rel(file).split('/')[0] ?? '';

describe('the layout', () => {
  it('finds the source', () => {
    expect(imports.length).toBeGreaterThan(300);
  });

  it('keeps @slack/* inside src/slack', () => {
    const leaks = imports.filter((i) => i.spec.startsWith('@slack/') && folderOf(i.from) !== 'slack');
    expect(leaks.map((i) => `${rel(i.from)} imports ${i.spec}`)).toEqual([]);
  });

  it('speaks SQL only in src/store', () => {
    const leaks = imports.filter((i) => /^(better-sqlite3|pg|kysely)/.test(i.spec) && folderOf(i.from) !== 'store');
    expect(leaks.map((i) => `${rel(i.from)} imports ${i.spec}`)).toEqual([]);
  });

  it('keeps the rules core pure: only its own files and its date libraries', () => {
    const allowed = /^(luxon|zod|date-holidays|node:module)$/;
    const leaks = imports.filter(
      (i) => folderOf(i.from) === 'rules' && (i.target ? folderOf(i.target) !== 'rules' : !allowed.test(i.spec)),
    );
    expect(leaks.map((i) => `${rel(i.from)} imports ${i.spec}`)).toEqual([]);
  });

  it('keeps the model to plain types', () => {
    const leaks = imports.filter((i) => folderOf(i.from) === 'model' && (!i.target || folderOf(i.target) !== 'model'));
    expect(leaks.map((i) => `${rel(i.from)} imports ${i.spec}`)).toEqual([]);
  });

  it('has no cycle between folders (imports point one way)', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      if (!i.target || i.dynamic) continue;
      const a = folderOf(i.from);
      const b = folderOf(i.target);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)?.add(b);
    }
    expect(cycles(edges)).toEqual([]);
  });

  it('has no cycle between files', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      if (!i.target || i.dynamic) continue;
      const a = rel(i.from);
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)?.add(rel(i.target));
    }
    expect(cycles(edges)).toEqual([]);
  });

  it('names files in kebab-case', () => {
    const bad = sourceFiles(SRC)
      .map(rel)
      .filter((f) => !/^[a-z0-9-]+(\/[a-z0-9-]+)*(\.d)?\.ts$/.test(f));
    expect(bad).toEqual([]);
  });
});

/**
 * Words for both languages live in word tables (docs/architecture.md, "Languages and scripts"): src/text, and a
 * folder's own `words.ts` / `*-words.ts` where src/text cannot be imported (src/knowledge/words.ts sits below
 * it). The rules core is exempt: it is a library of its own (`entitlebot/rules`) and words its explanations
 * itself. Anywhere else, a choice on the language between an English and a Chinese text is a finding.
 */
const WORD_PLACES = /^(text\/|rules\/)|(^|\/)([a-z0-9-]+-)?words\.ts$/;
/** a condition about the language: `zh`, `lang === 'zh'`, `cmd.language === 'en'`, `isZh` … */
const ABOUT_LANGUAGE = /\b(zh|en|isZh|lang|language|locale)\b|'zh'|'en'/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
/** what a language choice may pick without picking words: the language or locale itself */
const LANGUAGE_CODE = /^(en|zh|zh-Hant|zh-Hans)$/;

function textLiterals(node: ts.Node): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) found.push(n.text);
    else if (ts.isTemplateExpression(n)) found.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** a plain text: `'…'` or a template with nothing in it */
const isPlainText = (n: ts.Node) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n);

/** `zh ? '…' : '…'` and `if (lang === 'zh') return '…'` with words of either language, as "name:line". */
function inlineLanguageChoices(name: string, text: string): string[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (n: ts.Node) => `${name}:${source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1}`;
  const visit = (n: ts.Node) => {
    if (ts.isConditionalExpression(n) && ABOUT_LANGUAGE.test(n.condition.getText(source))) {
      const words = [...textLiterals(n.whenTrue), ...textLiterals(n.whenFalse)];
      // two plain texts that are not language codes: a choice of punctuation or spacing ('' : ' ')
      const bothText = isPlainText(n.whenTrue) && isPlainText(n.whenFalse);
      const codes = [n.whenTrue, n.whenFalse].every((b) => ts.isStringLiteral(b) && LANGUAGE_CODE.test(b.text));
      if (words.some((w) => CJK.test(w)) || (bothText && !codes)) found.push(at(n));
    }
    if (ts.isIfStatement(n) && ABOUT_LANGUAGE.test(n.expression.getText(source))) {
      if (textLiterals(n.thenStatement).some((w) => CJK.test(w))) found.push(at(n));
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe('words', () => {
  it('are chosen by language only in the word tables, never inline', () => {
    const files = sourceFiles(SRC).filter((f) => !WORD_PLACES.test(rel(f)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => inlineLanguageChoices(rel(f), readFileSync(f, 'utf8')))).toEqual([]);
  });

  it.each([
    ["const t = lang === 'zh' ? '無法處理' : 'That did not work';", 1],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source code with a template in it
    ['const t = zh\n  ? `已開案（${title}）`\n  : `Case opened (${title})`;', 1],
    ["function f() { if (lang === 'zh') return '週末'; return 'weekend'; }", 1],
    ["const sep = lang === 'zh' ? '' : ' ';", 1],
    ["const lang = data.language === 'zh' ? 'zh' : 'en';", 0],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source code with a template in it
    ["const gloss = c.gloss && lang === 'en' ? ` _${c.gloss}_` : '';", 0],
    ["const because = lang === 'zh' ? (clock.pausedBecauseZh ?? clock.pausedBecause) : clock.pausedBecause;", 0],
    ['const title = caseWords(lang).caseTitle(id);', 0],
  ])('finds an inline choice in %j: %i', (code, count) => {
    expect(inlineLanguageChoices('probe.ts', code)).toHaveLength(count);
  });
});

/** Every cycle found by a depth-first walk, as "a → b → a". */
function cycles(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}
