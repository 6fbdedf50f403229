/**
 * Command words and the cue words that route a plain question, in English and Chinese.
 * These are words about the app's grammar, not contract vocabulary (that comes from the knowledge files).
 */

export type CommandWord =
  | 'help'
  | 'sla'
  | 'term'
  | 'due'
  | 'fee'
  | 'fee-cancel'
  | 'fee-flex'
  | 'price'
  | 'quota'
  | 'contract'
  | 'case';

export const COMMAND_WORDS: Record<CommandWord, string[]> = {
  help: ['help', 'usage', 'commands', '幫助', '說明', '帮助', '说明', '使用說明', '使用说明', '指令'],
  sla: ['sla', 'slas', 'targets', '服務等級', '服务等级', '服務水準', '服务水准'],
  term: [
    'term',
    'terms',
    'define',
    'definition',
    'glossary',
    'what is',
    'what are',
    "what's",
    'whats',
    'explain',
    'meaning of',
    '名詞',
    '术语',
    '術語',
    '定義',
    '定义',
    '什麼是',
    '什么是',
    '何謂',
    '解釋',
  ],
  due: ['due', 'deadline', 'deadlines', '期限', '到期', '截止'],
  fee: ['fee', 'fees', '費用', '费用', '收費', '收费'],
  'fee-cancel': ['cancel fee', 'cancellation fee', 'cancellation', '取消費用', '取消费用', '取消費', '取消费'],
  'fee-flex': ['flex', 'flex allowance', 'flex cap', '彈性額度', '弹性额度'],
  price: ['price', 'prices', 'pricing', 'cost', 'costs', 'list price', '價格', '价格', '價錢', '价钱', '定價', '定价'],
  quota: ['quota', 'quotas', 'entitlements', '配額', '配额', '額度', '额度'],
  contract: ['contract', 'contracts', '合約', '合约', '合同'],
  case: ['case', 'cases', 'ticket', '案件', '工單', '工单'],
};

/** Subcommand words. */
export const SUB = {
  cancel: ['cancel', 'cancellation', 'cancelation', '取消'],
  flex: ['flex', 'flexible', 'allowance', 'credit', 'credits', 'cap', '彈性', '弹性', '彈性額度', '弹性额度'],
  use: ['use', 'used', 'record', 'log', 'add', '使用', '用了', '用掉', '記錄', '记录'],
  add: ['add', 'new', 'create', '新增', '加入', '增加', '添加'],
  remove: ['remove', 'delete', 'del', 'rm', 'drop', '刪除', '删除', '移除'],
  list: ['list', 'show', 'ls', '列表', '列出', '查看'],
  notice: ['notice', 'notified', 'noticed', 'cancelled', 'canceled', 'on', '通知', '通知日', '取消日', '提前'],
  service: ['service', 'date', 'for', 'booked', '服務', '服务', '服務日', '服務日期'],
  amount: ['amount', 'value', 'cost', '金額', '金额'],
  days: ['days', 'day', 'd', '天', '日'],
};

export const CUES = {
  response:
    /respon|reply|replies|answer|update|fast|quick|soon|how long|sla|target|turnaround|coverage|24x7|24\/7|cadence|obligation|回應|回应|回覆|回复|多快|多久|更新|目標|目标|涵蓋|涵盖|時效|时效|義務|义务/,
  due: /(?<![a-z])due(?![a-z])|deadline|when (?:is|will|would|do|does|should)|by when|期限|到期|截止|什麼時候|什么时候|何時|何时|幾點|几点/,
  price: /price|cost|how much|pricing|價格|价格|價錢|价钱|多少錢|多少钱|定價|定价|成本|售價/,
  cancel: /cancel|取消/,
  flex: /flex|彈性|弹性/,
  quota: /quota|left|remaining|used|how many|剩|配額|配额|用了|還有|还有/,
};

export const CUSTOMER_TYPES: Record<'commercial' | 'education', RegExp> = {
  commercial: /commercial|business|corporate|company|商業|商业|企業用戶|一般/,
  education: /education|educational|edu|school|university|教育|學校|学校/,
};

/** The English command words a mistyped first word is compared against, with an example each. */
export const COMMAND_EXAMPLES: { word: string; example: string }[] = [
  { word: 'help', example: 'help' },
  { word: 'sla', example: 'sla p1 gold' },
  { word: 'term', example: 'term flex allowance' },
  { word: 'due', example: 'due sev1 unified at 2026-12-04 16:00' },
  { word: 'fee', example: 'fee cancel 2026-12-20 notice 2026-12-07' },
  { word: 'price', example: 'price gold education' },
  { word: 'quota', example: 'quota coaching' },
  { word: 'contract', example: 'contract add jamf gold zone=Europe/Berlin holidays=DE' },
  { word: 'case', example: 'case open p1' },
];

/** Words that make a line a sentence rather than a bare command ("sla p1 gold" vs "what is the sla for p1?"). */
const SENTENCE_WORDS =
  /(?<![a-z])(what|whats|how|when|which|why|who|where|does|do|did|is|are|was|can|could|will|would|should|must|we|our|us|my|you|your|the|if|please|tell)(?![a-z])/i;

/**
 * True when the text has no words of its own: empty, `?`, or a command word followed by codes, plan names,
 * numbers and dates (`sla p1 gold`, `help`, `due sev1 unified at 16:00`). Such a line says nothing about the
 * asker's language, so their Slack locale may decide it.
 */
export function isCommandOnly(text: string): boolean {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (t === '' || t === '?') return true;
  if (/[\u3400-\u9fff]/u.test(t)) return false;
  const first = t.split(/\s+/)[0] ?? '';
  return COMMAND_EXAMPLES.some((c) => c.word === first) && !SENTENCE_WORDS.test(t);
}
