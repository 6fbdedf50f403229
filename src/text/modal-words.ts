/**
 * The words of the app's modals (src/slack/blocks/track-modal.ts, contract-modal.ts), in both languages;
 * Simplified is converted for display (inScript). Plan, vendor and severity names come from the knowledge files.
 */
import { wordTable } from './word-table.js';

export interface ModalWords {
  track: {
    title: string;
    submit: string;
    cancel: string;
    intro: string;
    choice: string;
    choose: string;
    anySeverity: string;
    vendorRef: string;
    product: string;
    azure: string;
    chooseError: string;
    ok: string;
  };
  contract: {
    title: string;
    save: string;
    cancel: string;
    intro: string;
    vendor: string;
    chooseVendor: string;
    plan: string;
    choosePlan: string;
    addons: string;
    none: string;
    name: string;
    namePlaceholder: string;
    zone: string;
    zonePlaceholder: string;
    zoneHint: string;
    holidays: string;
    holidaysPlaceholder: string;
    holidaysHint: string;
    hours: string;
    hoursPlaceholder: string;
    hoursHint: string;
    region: string;
    regionHint: string;
    regions: Record<'apac' | 'americas' | 'emea', string>;
    customer: string;
    customerHint: string;
    customerTypes: Record<'commercial' | 'education', string>;
    planDefault: string;
    start: string;
    end: string;
  };
}

const en: ModalWords = {
  track: {
    title: 'Track vendor case',
    submit: 'Track',
    cancel: 'Cancel',
    intro:
      'The thread of this message becomes the case. I will keep its clocks from the contract and remind the thread before a deadline and when it is missed.',
    choice: 'Contract and severity',
    choose: 'Choose',
    anySeverity: 'Any severity',
    vendorRef: "Vendor's case number",
    product: 'Product',
    azure: 'An Azure component (faster targets)',
    chooseError: 'Choose the contract and severity of the case.',
    ok: 'OK',
  },
  contract: {
    title: 'Add a contract',
    save: 'Save',
    cancel: 'Cancel',
    intro:
      'Tell Entitlebot which support contract this workspace has. Fields left empty take the plan’s own defaults; the confirmation says which.',
    vendor: 'Vendor',
    chooseVendor: 'Choose a vendor',
    plan: 'Plan',
    choosePlan: 'Choose a plan',
    addons: 'Add-ons',
    none: 'None',
    name: 'Name',
    namePlaceholder: 'e.g. Azure production',
    zone: 'Time zone',
    zonePlaceholder: 'e.g. Europe/Berlin',
    zoneHint: 'The IANA zone your business hours run in.',
    holidays: 'Public holidays',
    holidaysPlaceholder: 'e.g. DE, US-CA or none',
    holidaysHint:
      'A country code, optionally with a region (DE-BY); "none" for no holidays. Empty: the plan’s default.',
    hours: 'Business hours',
    hoursPlaceholder: 'e.g. 09:00-17:30',
    hoursHint: 'Monday to Friday, HH:MM-HH:MM. Empty: the plan’s default (Microsoft: 09:00–17:30).',
    region: 'Vendor region',
    regionHint: 'Autodesk: sets the vendor’s support week and holidays.',
    regions: {
      apac: 'APAC (Singapore time)',
      americas: 'Americas (US Eastern)',
      emea: 'EMEA (Central European)',
    },
    customer: 'Customer type',
    customerHint: 'Jamf prices differ for education.',
    customerTypes: { commercial: 'Commercial', education: 'Education' },
    planDefault: 'Plan default',
    start: 'Start date',
    end: 'End date',
  },
};

const zh: ModalWords = {
  track: {
    title: '追蹤廠商案件',
    submit: '追蹤',
    cancel: '取消',
    intro: '此訊息的討論串將成為案件。我會依合約計算期限，並在期限前及逾期時於討論串提醒。',
    choice: '合約與嚴重性',
    choose: '請選擇',
    anySeverity: '任何嚴重性',
    vendorRef: '廠商案件編號',
    product: '產品',
    azure: 'Azure 元件（目標較快）',
    chooseError: '請選擇此案件的合約與嚴重性。',
    ok: '確定',
  },
  contract: {
    title: '新增合約',
    save: '儲存',
    cancel: '取消',
    intro: '告訴 Entitlebot 此工作區有哪份支援合約。留空的欄位採用方案的預設值；確認訊息會說明採用了哪些。',
    vendor: '廠商',
    chooseVendor: '選擇廠商',
    plan: '方案',
    choosePlan: '選擇方案',
    addons: '附加服務',
    none: '無',
    name: '名稱',
    namePlaceholder: '例如 Azure 正式環境',
    zone: '時區',
    zonePlaceholder: '例如 Asia/Taipei',
    zoneHint: '上班時間所在的 IANA 時區。',
    holidays: '國定假日',
    holidaysPlaceholder: '例如 TW、DE-BY 或 none',
    holidaysHint: '國家代碼，可加地區（DE-BY）；none 表示不計假日。留空：採用方案預設。',
    hours: '上班時間',
    hoursPlaceholder: '例如 09:00-17:30',
    hoursHint: '週一至週五，HH:MM-HH:MM。留空：採用方案預設（Microsoft：09:00–17:30）。',
    region: '廠商地區',
    regionHint: 'Autodesk：決定廠商的支援週與假日。',
    regions: {
      apac: '亞太（新加坡時間）',
      americas: '美洲（美東時間）',
      emea: '歐洲、中東及非洲（中歐時間）',
    },
    customer: '客戶類型',
    customerHint: 'Jamf 的教育用戶價格不同。',
    customerTypes: { commercial: '商業用戶', education: '教育用戶' },
    planDefault: '方案預設',
    start: '開始日期',
    end: '結束日期',
  },
};

export const modalWords = wordTable<ModalWords>(en, zh);
