import { describe, expect, it } from 'vitest';
import {
  CONTRACT_MODAL_CALLBACK_ID,
  CONTRACT_VENDOR_ACTION_ID,
  contractFormErrors,
  contractModal,
  readContractForm,
  type VendorChoice,
} from '../../../src/slack/blocks/contract-modal.js';
import { type HomeModel, homeView, OPEN_CONTRACT_MODAL_ACTION_ID } from '../../../src/slack/blocks/home.js';
import { blockLimitViolations } from '../../support/block-limits.js';

const vendors: VendorChoice[] = [
  {
    id: 'microsoft',
    name: 'Microsoft',
    plans: [{ id: 'unified', name: 'Unified' }],
    addons: [{ id: 'uer', name: 'Unified Enhanced Response' }],
  },
  {
    id: 'jamf',
    name: 'Jamf',
    plans: [
      { id: 'standard', name: 'Standard' },
      { id: 'gold', name: 'Gold' },
    ],
    addons: [],
  },
];

describe('homeView', () => {
  const model: HomeModel = {
    contracts: [{ id: 3, title: 'Jamf Gold', lines: ['Zone America/Chicago · holidays US'] }],
    cases: [
      {
        title: 'P1 case in #it',
        url: 'https://x.slack.com/archives/C1/p1',
        status: 'open',
        due: [
          {
            label: 'Next update',
            when: 'Mon 2 Mar 2026 09:30 (America/Chicago)',
            at: Date.parse('2026-03-02T15:30:00Z'),
            zone: 'America/Chicago',
            left: '5 min ago, late by 5 min of business time',
            late: true,
          },
        ],
      },
    ],
    quotas: [
      {
        contract: 'Autodesk Enterprise',
        name: 'Product coaching',
        used: 1,
        limit: 3,
        unit: 'sessions',
        windowEnds: '31 Mar 2026',
      },
    ],
  };

  it('shows contracts, open cases with their due times, and quotas used and left, with the add button', () => {
    const view = homeView(model);
    const text = JSON.stringify(view.blocks);
    expect(view.type).toBe('home');
    expect(text).toContain('Jamf Gold');
    expect(text).toContain('(#3)');
    expect(text).toContain('<https://x.slack.com/archives/C1/p1|P1 case in #it>');
    const unix = Date.parse('2026-03-02T15:30:00Z') / 1000;
    expect(text).toContain(
      `Next update: <!date^${unix}^{date_short_pretty} {time}|Mon 2 Mar 2026 09:30 (America/Chicago)> — 5 min ago, late by 5 min of business time`,
    );
    expect(text).toContain('1 of 3 sessions used, *2 left*, window ends 31 Mar 2026');
    expect(text).toContain(`"action_id":"${OPEN_CONTRACT_MODAL_ACTION_ID}"`);
  });

  it('says what to do when there is nothing yet', () => {
    const text = JSON.stringify(homeView({ contracts: [], cases: [], quotas: [] }).blocks);
    expect(text).toContain('No contracts yet');
    expect(text).toContain('No open cases');
  });

  it('stays within 100 blocks with hundreds of cases, and says how many it left out', () => {
    const many: HomeModel = {
      ...model,
      contracts: Array.from({ length: 40 }, (_, i) => ({ id: i, title: `C${i}`, lines: [] })),
      cases: Array.from({ length: 500 }, (_, i) => ({ title: `Case ${i}`, status: 'open', due: [] })),
    };
    const view = homeView(many);
    expect(blockLimitViolations(view.blocks, 100)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toMatch(/…and \d+ more open cases not shown here/);
    expect(text).toMatch(/…and \d+ more contracts not shown here/);
  });
});

describe('contractModal', () => {
  it('lists every vendor’s plans in groups until a vendor is chosen', () => {
    const view = contractModal({ vendors });
    expect(view.callback_id).toBe(CONTRACT_MODAL_CALLBACK_ID);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(CONTRACT_VENDOR_ACTION_ID);
    expect(text).toContain('"option_groups"');
    expect(blockLimitViolations(view.blocks ?? [], 100)).toEqual([]);
  });

  it('narrows the plans to the chosen vendor and keeps what was typed', () => {
    const view = contractModal({
      vendors,
      form: { vendor: 'jamf', plan: 'gold', zone: 'Europe/Berlin', start: '2026-01-01' },
    });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('"block_id":"plan:jamf"');
    expect(text).not.toContain('Unified');
    expect(text).toContain('"initial_value":"Europe/Berlin"');
    expect(text).toContain('"initial_date":"2026-01-01"');
  });

  it('reads a submission back into the fields of `contract add`, leaving out empty ones', () => {
    const form = readContractForm({
      vendor: { [CONTRACT_VENDOR_ACTION_ID]: { type: 'static_select', selected_option: { value: 'jamf' } } },
      'plan:jamf': { value: { type: 'static_select', selected_option: { value: 'gold' } } },
      zone: { value: { type: 'plain_text_input', value: ' Europe/Berlin ' } },
      hours: { value: { type: 'plain_text_input', value: '' } },
      holidays: { value: { type: 'plain_text_input', value: null } },
      start: { value: { type: 'datepicker', selected_date: '2026-01-01' } },
      'addons:microsoft': { value: { type: 'multi_static_select', selected_options: [{ value: 'uer' }] } },
    });
    expect(form).toEqual({ vendor: 'jamf', plan: 'gold', zone: 'Europe/Berlin', start: '2026-01-01', addons: ['uer'] });
  });

  it('puts each error beside its field, using the submitted block ids', () => {
    const submitted = { vendor: {}, 'plan:jamf': {}, zone: {} };
    expect(contractFormErrors({ zone: 'Unknown zone "Mars/Base"', plan: 'Choose a Jamf plan' }, submitted)).toEqual({
      zone: 'Unknown zone "Mars/Base"',
      'plan:jamf': 'Choose a Jamf plan',
    });
    expect(contractFormErrors({ end: 'End is before start' }, submitted)).toEqual({ vendor: 'End is before start' });
  });
});
