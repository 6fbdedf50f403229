/**
 * Per-workspace plans: imported into one workspace through the same checks as `plan check`, used there by SLA
 * answers, quotas, contracts and case clocks exactly like a shipped plan, never visible in another workspace,
 * and never stored when invalid; an override changes a shipped term for one workspace, "per your contract".
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleText } from '../../src/conversation/handle.js';
import { buildHomeModel } from '../../src/conversation/home-model.js';
import type { ConversationContext, ConversationDeps, Reply } from '../../src/conversation/types.js';
import { storeWorkspaceKnowledge } from '../../src/conversation/workspace-knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { importPlan } from '../../src/plans/import.js';
import { loadKnowledgeSearch } from '../../src/search/index.js';
import { isStoreError, openStore, type Store } from '../../src/store/index.js';
import { at } from '../support/cases.js';
import { bytes, EXAMPLE_DOC_NAME, exampleDocText, examplePlanText } from './helpers.js';

const knowledge = loadKnowledge();
/** What the person sees of an answer: everything but the replay record, which echoes the question. */
const shown = (answer: object) => JSON.stringify({ ...answer, replay: undefined });
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
let store: Store;
let deps: ConversationDeps;
let now = at('2026-03-02 10:00');

beforeEach(async () => {
  now = at('2026-03-02 10:00');
  store = await openStore(':memory:', { now: () => now });
  deps = {
    store,
    knowledge,
    workspaceKnowledge: storeWorkspaceKnowledge(store, knowledge),
    search: undefined,
    clock: { now: () => new Date(now) },
  };
});
afterEach(async () => await store.close());

function say(workspaceId: string, text: string, opts: Partial<ConversationContext> = {}): Promise<Reply> {
  return handleText(
    deps,
    {
      workspaceId,
      channelId: 'C1',
      userId: 'U1',
      userZone: 'Europe/Berlin',
      now: new Date(now),
      via: 'console',
      ...opts,
    },
    text,
  );
}

async function importInto(
  workspaceId: string,
  plan = examplePlanText(),
  doc = exampleDocText(),
  docName = EXAMPLE_DOC_NAME,
) {
  return await importPlan({
    store,
    knowledge,
    workspaceId,
    planFile: 'plan.yml',
    planBytes: bytes(plan),
    docFile: docName,
    docBytes: bytes(doc),
    importedBy: 'U1',
  });
}

const importOverride = async (workspaceId: string) =>
  await importInto(
    workspaceId,
    fixture('contoso-microsoft.yml'),
    fixture('contoso-microsoft-unified-2026.txt'),
    'contoso-microsoft-unified-2026.txt',
  );

describe('an imported vendor', () => {
  beforeEach(async () => {
    const r = await importInto('T1');
    expect(r.ok).toBe(true);
  });

  it('answers SLA questions in its workspace, per your contract, with the verbatim quote', async () => {
    const r = await say('T1', 'sla sev1 larkspur premier');
    expect(r.answer.kind).toBe('sla');
    expect(r.answer.summary).toMatch(/30 min/);
    const cite = r.answer.citations[0];
    expect(cite).toMatchObject({ doc: EXAMPLE_DOC_NAME, yours: true });
    expect(exampleDocText().replace(/\s+/g, ' ')).toContain(cite?.quote);
    expect(r.answer.notes[0]).toMatch(/^Per your contract \(larkspur-support-policy\.txt\)/);
  });

  it('is unknown in another workspace: answers, contracts and the store all refuse it there', async () => {
    const other = await say('T2', 'sla sev1 larkspur premier');
    expect(shown(other.answer)).not.toMatch(/Larkspur|larkspur/);
    const add = await say('T2', 'contract add larkspur larkspur-premier zone=Europe/Berlin');
    expect(add.answer.kind).not.toBe('contract');
    expect(await store.listContracts('T2')).toEqual([]);
    await expect(
      async () =>
        await store.addContract('T2', {
          vendor: 'larkspur',
          plan: 'larkspur-premier',
          addons: [],
          name: null,
          customerType: null,
          region: null,
          zone: 'Europe/Berlin',
          holidays: null,
          hours: null,
          startDate: null,
          endDate: null,
          amounts: {},
        }),
    ).rejects.toThrow(/vendor must be one of microsoft, jamf, autodesk; got 'larkspur'/);
  });

  it('takes a contract and runs a case clock on it: Premier Severity 1 first response is due in 30 minutes', async () => {
    const added = await say('T1', 'contract add larkspur larkspur-premier zone=Europe/Berlin');
    expect(added.answer.kind).toBe('contract');
    expect(await store.listContracts('T1')).toHaveLength(1);
    const opened = await say('T1', 'case open sev1', { threadTs: '9.1' });
    expect(opened.answer.kind).toBe('case');
    const due = opened.answer.times[0];
    expect(due?.label).toBe('First response due');
    expect(due?.at).toBe('2026-03-02T10:30:00+01:00');
    expect(opened.answer.citations[0]).toMatchObject({ yours: true });
  });

  it('business-hours targets follow its own calendar (08:00–18:00): Essential Severity 2 on a Friday evening', async () => {
    await say('T1', 'contract add larkspur larkspur-essential zone=Europe/Berlin');
    now = at('2026-03-06 17:00'); // Friday
    const opened = await say('T1', 'case open sev2', { threadTs: '9.2' });
    // 8 business hours: 1 on Friday (17:00–18:00), 7 on Monday from 08:00
    expect(opened.answer.times[0]?.at).toBe('2026-03-09T15:00:00+01:00');
  });

  it('answers due-time questions on its own calendar: Essential Severity 2 asked Friday 17:00 is due Monday 15:00', async () => {
    await say('T1', 'contract add larkspur larkspur-essential zone=Europe/Berlin');
    const r = await say('T1', 'due sev2 larkspur essential at 2026-03-06 17:00');
    expect(r.answer.kind).toBe('due');
    expect(r.answer.times.find((t) => t.label === 'First response due')?.at).toBe('2026-03-09T15:00:00+01:00');
  });

  it('shows its contract, case and quotas on the Home tab of its workspace only', async () => {
    await say('T1', 'contract add larkspur larkspur-premier zone=Europe/Berlin');
    await say('T1', 'case open sev1', { threadTs: '9.9' });
    const home = await buildHomeModel(deps, 'T1', new Date(now), 'Europe/Berlin');
    expect(home.contracts[0]?.title).toMatch(/Larkspur Premier Support/);
    expect(home.cases[0]?.due[0]?.label).toBe('First response');
    expect(home.quotas.map((q) => [q.name, q.limit])).toEqual([
      ['Architecture reviews', 4],
      ['Training sessions', 2],
    ]);
    expect((await buildHomeModel(deps, 'T2', new Date(now))).contracts).toEqual([]);
  });

  it('counts its quotas', async () => {
    await say('T1', 'contract add larkspur larkspur-premier zone=Europe/Berlin');
    const r = await say('T1', 'quota training sessions');
    expect(r.answer.kind).toBe('quota');
    expect(JSON.stringify(r.answer)).toMatch(/2 training sessions per calendar quarter|limit.*2/i);
    expect(r.answer.citations.some((c) => c.yours)).toBe(true);
  });

  it('prices its cancellations by its own schedule for a workspace on it, per your contract', async () => {
    await say('T1', 'contract add larkspur larkspur-premier zone=Europe/Berlin');
    const r = await say('T1', 'fee cancel 2026-03-10 notice 2026-03-05 amount 1000');
    expect(r.answer.kind).toBe('fee');
    expect(JSON.stringify(r.answer)).toMatch(/50 ?%/);
    expect(r.answer.citations[0]).toMatchObject({ doc: EXAMPLE_DOC_NAME, yours: true });
    // another workspace gets the shipped (Microsoft) schedule: 5 days' notice is charged in full there
    const other = await say('T2', 'fee cancel 2026-03-10 notice 2026-03-05 amount 1000');
    expect(other.answer.citations[0]?.doc).toBe('microsoft-unified-enterprise-support.zh-TW.txt');
  });

  it('cannot be removed while a contract or open case uses it, and says what it affects', async () => {
    await say('T1', 'contract add larkspur larkspur-premier zone=Europe/Berlin');
    await say('T1', 'case open sev1', { threadTs: '9.3' });
    let error: unknown;
    try {
      await store.removeWorkspacePlan('T1', 'larkspur');
    } catch (e) {
      error = e;
    }
    expect(isStoreError(error, 'plan-in-use')).toBe(true);
    expect((error as Error).message).toMatch(/contract 1\b.*open case 1\b/);
    expect(await store.getWorkspacePlan('T1', 'larkspur')).not.toBeNull();
  });

  it('is removed once nothing uses it, and the workspace no longer knows it', async () => {
    expect(await store.removeWorkspacePlan('T1', 'larkspur')).toBe(true);
    const r = await say('T1', 'sla sev1 larkspur premier');
    expect(shown(r.answer)).not.toMatch(/Larkspur|larkspur/);
  });
});

describe('the term search', () => {
  it('finds the imported contract’s own words in its workspace, per your contract, and only there', async () => {
    deps = { ...deps, search: loadKnowledgeSearch() };
    expect((await importInto('T1')).ok).toBe(true);
    const mine = await say('T1', 'term named technical account manager premier');
    expect(mine.answer.kind).toBe('term');
    expect(mine.answer.citations[0]).toMatchObject({ doc: EXAMPLE_DOC_NAME, yours: true });
    expect(exampleDocText().replace(/\s+/g, ' ')).toContain(mine.answer.citations[0]?.quote);
    const theirs = await say('T2', 'term named technical account manager premier');
    expect(shown(theirs.answer)).not.toMatch(/larkspur/i);
    // the shipped glossary still answers in the importing workspace
    const shipped = await say('T1', 'what is a CSM');
    expect(shipped.answer.citations[0]?.doc).toBe('autodesk-success-entitlements.zh-TW.txt');
  });
});

describe('questions in words about an imported plan', () => {
  it('land on its facts in its workspace, keep the shipped facts, and stay there', async () => {
    deps = { ...deps, search: loadKnowledgeSearch() };
    expect((await importInto('T1')).ok).toBe(true);
    const mine = await say('T1', 'Can Larkspur lower my case to severity 2 if we have no always-available contact?');
    expect(mine.answer.basis?.[0]).toBe('larkspur-severity-downgrade');
    expect(mine.answer.citations[0]).toMatchObject({ doc: EXAMPLE_DOC_NAME, yours: true });
    // a shipped fact is still found in the importing workspace
    const shipped = await say('T1', 'how long does AED onboarding take?');
    expect(shipped.answer.citations[0]?.doc).toBe('microsoft-unified-enterprise-support.zh-TW.txt');
    const theirs = await say('T2', 'Can Larkspur lower my case to severity 2 if we have no always-available contact?');
    expect(theirs.answer.basis ?? []).not.toContain('larkspur-severity-downgrade');
    expect(shown(theirs.answer)).not.toMatch(/always-available contact, Larkspur may/);
  });
});

describe('nothing invalid is stored', () => {
  it('a plan that fails the check leaves the store as it was, also over an earlier good import', async () => {
    const bad = examplePlanText().replace('span: { minutes: 30 }', 'span: { minutes: -30 }');
    expect((await importInto('T1', bad)).ok).toBe(false);
    expect(await store.listWorkspacePlans('T1')).toEqual([]);
    expect((await importInto('T1')).ok).toBe(true);
    const before = await store.getWorkspacePlan('T1', 'larkspur');
    expect((await importInto('T1', bad)).ok).toBe(false);
    expect(await store.getWorkspacePlan('T1', 'larkspur')).toEqual(before);
  });

  it('a YAML bomb, a prototype key or a binary document are refused before anything is stored', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `b${i}: &b${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`,
      );
    expect((await importInto('T1', bomb.join('\n'))).ok).toBe(false);
    expect(
      (await importInto('T1', examplePlanText().replace('vendorName:', '__proto__: { x: 1 }\nvendorName:'))).ok,
    ).toBe(false);
    expect((await importInto('T1', examplePlanText(), '\u0000\u0001PK binary')).ok).toBe(false);
    expect(await store.listWorkspacePlans('T1')).toEqual([]);
  });

  it('the store itself refuses a plan that is not text or too big', async () => {
    const input = {
      vendor: 'acme',
      kind: 'vendor' as const,
      documentName: 'a.txt',
      documentText: 'x'.repeat(2 * 1024 * 1024 + 1),
      planText: 'x',
      planJson: '{}',
      importedBy: null,
    };
    await expect(async () => await store.saveWorkspacePlan('T1', input)).rejects.toThrow(/at most 2 MB/);
    await expect(
      async () => await store.saveWorkspacePlan('T1', { ...input, documentText: 'ok', planJson: '{' }),
    ).rejects.toThrow(/JSON/);
    await expect(
      async () => await store.saveWorkspacePlan('T1', { ...input, documentText: 'ok', vendor: '__proto__' }),
    ).rejects.toThrow(/kebab-case/);
    expect(await store.listWorkspacePlans('T1')).toEqual([]);
  });
});

describe('an override of a shipped plan', () => {
  it('changes Severity A first response to 30 minutes in its workspace only, per your contract', async () => {
    expect((await importOverride('T1')).ok).toBe(true);
    const mine = await say('T1', 'sla sev a unified');
    expect(mine.answer.summary).toMatch(/30 min/);
    const cite = mine.answer.citations.find((c) => c.yours);
    expect(cite?.quote).toBe(
      'Severity A incidents receive a first response within 30 minutes, 24 hours a day, 7 days a week.',
    );
    expect(mine.answer.notes[0]).toMatch(/Per your contract \(contoso-microsoft-unified-2026\.txt\)/);
    const theirs = await say('T2', 'sla sev a unified');
    expect(theirs.answer.summary).toMatch(/1 h/);
    expect(theirs.answer.summary).not.toMatch(/30 min/);
    expect(theirs.answer.citations.some((c) => c.yours)).toBe(false);
  });

  it('says so in Chinese to a Chinese question', async () => {
    await importOverride('T1');
    const r = await say('T1', 'Unified 嚴重性 A 的回應時間是多久？');
    expect(r.answer.summary).toMatch(/30 分鐘/);
    expect(r.answer.notes[0]).toMatch(/^依貴方合約（contoso-microsoft-unified-2026\.txt）/);
  });

  it('runs the case clock on the negotiated time in its workspace, the public one elsewhere', async () => {
    await importOverride('T1');
    for (const ws of ['T1', 'T2']) await say(ws, 'contract add microsoft unified zone=Europe/Berlin');
    const mine = await say('T1', 'case open sev a', { threadTs: '5.1' });
    const theirs = await say('T2', 'case open sev a', { threadTs: '5.1' });
    expect(mine.answer.times[0]?.at).toBe('2026-03-02T10:30:00+01:00');
    expect(theirs.answer.times[0]?.at).toBe('2026-03-02T11:00:00+01:00');
  });

  it('may not reuse a shipped document’s name', async () => {
    const plan = examplePlanText().replaceAll(EXAMPLE_DOC_NAME, 'jamf-support.zh-TW.txt');
    const r = await importInto('T1', plan, exampleDocText(), 'jamf-support.zh-TW.txt');
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/a document named "jamf-support.zh-TW.txt" is already known/),
    );
    expect(await store.listWorkspacePlans('T1')).toEqual([]);
  });

  it('must cite the workspace document and change only a vendor that ships', async () => {
    const wrongDoc = fixture('contoso-microsoft.yml').replace(
      'doc: contoso-microsoft-unified-2026.txt',
      'doc: microsoft-unified-enterprise-support.zh-TW.txt',
    );
    const r = await importInto(
      'T1',
      wrongDoc,
      fixture('contoso-microsoft-unified-2026.txt'),
      'contoso-microsoft-unified-2026.txt',
    );
    expect(r.ok).toBe(false);
    const unknown = fixture('contoso-microsoft.yml').replace('extends: microsoft', 'extends: oracle');
    const r2 = await importInto(
      'T1',
      unknown,
      fixture('contoso-microsoft-unified-2026.txt'),
      'contoso-microsoft-unified-2026.txt',
    );
    expect(r2.ok ? [] : r2.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/no vendor "oracle"/));
  });
});
