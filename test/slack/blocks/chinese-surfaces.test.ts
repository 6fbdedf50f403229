/**
 * A Chinese reader sees the app's own surfaces in Chinese: the Home tab (its model and its layout) and the
 * two modals, in Traditional or, converted, Simplified script. Only names (vendors, plans, zones, Slack's
 * channel and date tokens), codes and commands stay in Latin letters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildHomeModel } from '../../../src/conversation/home-model.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import type { Locale } from '../../../src/model/answer.js';
import type { Contract } from '../../../src/model/records.js';
import { contractModal } from '../../../src/slack/blocks/contract-modal.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { noticeModal, readTrackModal, trackCaseModal } from '../../../src/slack/blocks/track-modal.js';
import { vendorChoices } from '../../../src/slack/deps.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { inScript } from '../../../src/text/script.js';
import { englishIn, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from '../../support/chinese.js';
import { caseInput, contractInput, tempDir } from '../../support/store.js';

const knowledge = loadKnowledge();
const now = new Date('2025-03-03T02:00:00Z');
let store: Store;
let cleanup: () => void;

afterEach(async () => {
  await store?.close();
  cleanup?.();
});

/** Every text a view shows (text, label, placeholder, hint, title, submit, close, option texts). */
function shown(view: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      if (key === 'text') out.push(v);
      return;
    }
    if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (['action_id', 'block_id', 'value', 'callback_id', 'private_metadata', 'type', 'style'].includes(k))
          continue;
        walk(x, k);
      }
  };
  walk(view);
  return out;
}

async function home(locale: Locale) {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  store = await openStore(tmp.file('home.db'));
  const c = await store.addContract(
    'T1',
    contractInput({ startDate: '2025-01-01', endDate: '2025-12-31', region: 'apac', customerType: 'commercial' }),
  );
  await store.addContract('T1', contractInput({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }));
  await store.createCase(
    'T1',
    caseInput({ contractId: c.id, severity: 'A', openedAt: now.getTime() - 60_000, channelId: 'C1' }),
  );
  const model = await buildHomeModel({ store, knowledge }, 'T1', now, 'Asia/Taipei', [], locale);
  return homeView(model, { userId: 'U1' });
}

describe('Chinese surfaces', () => {
  it.each(['zh-Hant', 'zh-Hans'] as const)('the Home tab in %s has no English words', async (locale) => {
    const texts = shown(await home(locale));
    expect(texts.join('\n')).toMatch(/處理中|处理中/);
    expect(englishIn(texts)).toEqual([]);
    // a due line's colon is the Chinese one, as every Chinese label's is
    expect(texts.join('\n')).toMatch(/(首次回應|首次回应)：/);
    expect(texts.join('\n')).not.toMatch(/\p{Script=Han}: /u);
    if (locale === 'zh-Hans') expect(texts.join('')).not.toMatch(TRADITIONAL_ONLY);
    else expect(texts.join('')).not.toMatch(SIMPLIFIED_ONLY);
  });

  it('the Home tab in English is as before', async () => {
    const texts = shown(await home('en')).join('\n');
    expect(texts).toMatch(/Open cases|All open cases/);
    expect(texts).toMatch(/First response/);
    expect(texts).toMatch(/of business time/);
  });

  it.each(['zh-Hant', 'zh-Hans'] as const)('the contract and tracking modals in %s have no English words', (locale) => {
    const lang = 'zh';
    const contracts: Contract[] = [
      {
        ...contractInput({ vendor: 'microsoft', plan: 'unified' }),
        id: 1,
        workspaceId: 'T1',
        createdAt: '',
      } as Contract,
      {
        ...contractInput({ vendor: 'autodesk', plan: 'enterprise' }),
        id: 2,
        workspaceId: 'T1',
        createdAt: '',
      } as Contract,
    ];
    // as vendorsFor gives them: in the reader's script
    const vendors = inScript(vendorChoices(knowledge, lang), locale);
    const views = [
      contractModal({ vendors, locale }),
      contractModal({ vendors, form: { vendor: 'jamf' }, locale }),
      trackCaseModal(knowledge, contracts, { channelId: 'C1', threadTs: '1.2' }, locale),
      noticeModal(inScript('追蹤廠商案件', locale), inScript('無法在此頻道發文。', locale), locale),
    ];
    const texts = views.flatMap(shown);
    expect(englishIn(texts)).toEqual([]);
    const error = readTrackModal({}, locale);
    expect('error' in error && englishIn([error.error])).toEqual([]);
    if (locale === 'zh-Hans') expect(texts.join('')).not.toMatch(TRADITIONAL_ONLY);
  });
});
