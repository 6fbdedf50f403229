/**
 * The question-side paraphrases of the record index (src/search/records.ts), apart from it so that the answer
 * engine can ask whether a word is paraphrased without loading MiniSearch.
 */

/**
 * Everyday words a question uses for what the records say in other words. Only the question side is
 * rewritten; each entry adds the record's wording beside the question's.
 */
export const PARAPHRASES: [RegExp, string][] = [
  [/\b(in advance|ahead of time|ahead|beforehand|prior)\b/giu, 'before'],
  [/\b(book|booking|booked|reserve|reservation)\b/giu, 'schedule booking'],
  [/\b(roll ?over|rolls over|carry ?forward|carried over|move to next)\b/giu, 'carry over'],
  [/\bpro(?:fessional)? serv(?:ices)?\b|\bps hours\b/giu, 'professional services'],
  [/\b(attendees|participants|people|persons|headcount)\b/giu, 'attendees participants people'],
  [/\b(tickets?|incidents?)\b/giu, 'case'],
  [/\b(onsite|on site|in person)\b/giu, 'on-site'],
  [/\b(around the clock|24\/7|24 ?x ?7|24 hours a day)\b/giu, '24x7'],
  [/\b(languages?|chinese|japanese|english|mandarin|speak)\b/giu, 'language english'],
  [/\b(lasts?|length|duration)\b/giu, 'duration'],
  [/\bexpires?\b|\blapses?\b/giu, 'expire'],
  [/提前多久|多久之前|事先/gu, '前 提前'],
  [/預約|预约|預訂|预订/gu, '排程 安排'],
  [/延到|延至|順延|顺延|結轉|结转|保留到/gu, '延至'],
  [/幾個人|几个人|幾人|几人|幾位|几位|人數|人数|多少人|參加|参加/gu, '人數 人以內 參與人數'],
  [/誰決定|谁决定|由誰|由谁|決定|决定/gu, '指定'],
  [/舊版|旧版|老版本/gu, '先前版本'],
  [/根本原因分析|根因分析|根本原因/gu, 'rca'],
  [/\b(rca|root cause)\b/giu, '根本原因分析 rca'],
  [/多久|多長|多长|幾天|几天/gu, '天 期間'],
  [/要付|付多少|收費|收费|另外付費|另外付费|價格|价格/gu, '費用 價格'],
  [/上線|上线|導入|导入/gu, '上線 入門'],
  [/保留到|留到|下一期|明年|下一年/gu, '延至 失效 結轉'],
  [/開事件|开事件|開案|开案|開單|开单|開案件|开案件/gu, '提交 啓動事件 請求'],
  [/到現場|到现场|現場|现场|到場|到场/gu, '現場'],
  [/語言|语言|中文|英文|日文/gu, '語言 英文'],
  [/回覆|回复|答覆|答复|響應|响应/gu, '回應'],
  [/\b(reply|replies|answer|answers|respond|responds)\b/giu, 'response'],
  // what a service needs first: the records call it a prerequisite
  [/\b(requires?|required|requirements?|pre-?requisites?|what do (?:we|i) need)\b/giu, 'prerequisite'],
  [/前提|先決條件|先决条件|需要什麼|需要什么|需要哪些/gu, '前提 prerequisite'],
  // how often: the records speak of a cadence, an interval, frequent updates
  [/\b(how often|how frequently|frequency|cadence)\b/giu, 'cadence frequent interval'],
  [/多久一次|頻率|频率|多常/gu, '頻繁 更新頻率'],
];

/** Whether the paraphrase table knows a word of a question (回覆 is said 回應 in the contracts). */
export function paraphrased(word: string): boolean {
  return PARAPHRASES.some(([re]) => {
    re.lastIndex = 0;
    return re.test(word);
  });
}

export function paraphrase(query: string): string {
  let extra = '';
  for (const [re, words] of PARAPHRASES) {
    re.lastIndex = 0;
    if (re.test(query)) extra += ` ${words}`;
  }
  return extra ? `${query} ${extra}` : query;
}
