/**
 * Display benchmark: what answering in Simplified Chinese costs beside Traditional and English. The same
 * answers (one of each kind the answer engine builds) are rendered for the console and as Slack blocks in
 * each locale, side by side in one run; the Simplified conversion (OpenCC, Taiwan phrases → mainland) is built
 * on first use, so its cold cost is measured separately, in 5 fresh processes. Deciding a question's script
 * (`localeOf`) is measured over the search quality set's questions.
 * Run: `npx tsx bench/display.ts` (or `npm run bench`, which runs every benchmark).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { renderAnswer } from '../src/console/render.js';
import type { Answer, Locale } from '../src/model/answer.js';
import { answerBlocks } from '../src/slack/blocks/answer.js';
import { localeOf, toSimplified } from '../src/text/script.js';
import { LABELLED_QUERIES, OUT_OF_SCOPE } from '../test/search/queries.js';
import { answer, context, contract, search } from '../test/support/answers.js';

const COLD_RUNS = 5;
const ROUNDS = 200;

if (process.argv.includes('--cold')) {
  const start = performance.now();
  toSimplified('首次回應期限：剩餘營業時間 1 小時');
  console.log(JSON.stringify({ ms: performance.now() - start }));
  process.exit(0);
}

const ms = (n: number) => (n < 0.01 ? `${(n * 1000).toFixed(2)} µs` : `${n.toFixed(n < 10 ? 3 : 1)} ms`);
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

// ---- cold: the converter's first use, in fresh processes ----
const cold: number[] = [];
for (let i = 0; i < COLD_RUNS; i++) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--cold'], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`cold run failed: ${child.stderr}`);
  cold.push((JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number }).ms);
}
cold.sort((a, b) => a - b);

// ---- warm: the same answers rendered in each locale ----
const ctx = context({
  search: search(),
  userZone: 'America/New_York',
  contracts: [
    contract({ vendor: 'jamf', plan: 'gold', zone: 'Asia/Taipei', holidays: { country: 'TW' } }),
    contract({
      vendor: 'microsoft',
      plan: 'unified',
      addons: ['uer'],
      zone: 'Asia/Taipei',
      holidays: { country: 'TW' },
    }),
  ],
});
const QUESTIONS = [
  '白金級 P1 多快回應',
  '服務等級 金級',
  '期限 嚴重性 B 統一 2026-12-24 16:00',
  '什麼是 CSM',
  '取消費用 2026-12-20 通知 2026-12-07 金額 12000',
  '彈性額度 250000',
  '價格 金級',
  '配額',
  '說明',
];
const answers: Answer[] = QUESTIONS.map((q) => answer(q, ctx));
const LOCALES: Locale[] = ['en', 'zh-Hant', 'zh-Hans'];

function renderAll(locale: Locale): number {
  const start = performance.now();
  for (const a of answers) {
    const shown = { ...a, locale };
    renderAnswer(shown);
    answerBlocks(shown);
  }
  return performance.now() - start;
}

for (const locale of LOCALES) for (let i = 0; i < 20; i++) renderAll(locale); // warm-up
const perLocale = new Map<Locale, number[]>(LOCALES.map((l) => [l, []]));
for (let round = 0; round < ROUNDS; round++) {
  // interleaved, so that a busy moment on the machine falls on every locale alike
  for (const locale of LOCALES) perLocale.get(locale)?.push(renderAll(locale) / answers.length);
}

// ---- deciding a question's script ----
const texts = [...LABELLED_QUERIES.map((q) => q.q), ...OUT_OF_SCOPE];
const detect: number[] = [];
for (let round = 0; round < 20; round++) {
  const start = performance.now();
  for (const t of texts) localeOf(t);
  detect.push((performance.now() - start) / texts.length);
}
detect.sort((a, b) => a - b);

console.log(
  `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `Simplified converter, first use (${COLD_RUNS} fresh processes): median ${ms(percentile(cold, 0.5))}, best ${ms(cold[0] ?? Number.NaN)}, worst ${ms(cold.at(-1) ?? Number.NaN)}`,
);
const medians = new Map<Locale, number>();
console.log(`render one answer, console + Slack blocks (${answers.length} answers × ${ROUNDS} rounds, interleaved):`);
for (const locale of LOCALES) {
  const xs = [...(perLocale.get(locale) ?? [])].sort((a, b) => a - b);
  medians.set(locale, percentile(xs, 0.5));
  console.log(`  ${locale.padEnd(8)} p50 ${ms(percentile(xs, 0.5))}  p99 ${ms(percentile(xs, 0.99))}`);
}
const ratio = (medians.get('zh-Hans') ?? Number.NaN) / (medians.get('zh-Hant') ?? Number.NaN);
console.log(`  zh-Hans / zh-Hant (median): ${ratio.toFixed(2)}×`);
console.log(`localeOf per question (${texts.length} questions × 20): median ${ms(percentile(detect, 0.5))}`);
