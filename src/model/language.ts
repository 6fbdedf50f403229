/** The languages the app answers in. Simplified and Traditional Chinese are both 'zh'. */
export type Language = 'en' | 'zh';
