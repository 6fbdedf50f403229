/**
 * Checks blocks against Block Kit's documented limits; returns the violations (empty when all is well).
 * Independent of the app's own LIMITS table so that a wrong constant there cannot hide a violation.
 */
// biome-ignore lint/suspicious/noExplicitAny: walks arbitrary block JSON
type Json = any;

export function blockLimitViolations(blocks: Json[], maxBlocks: number): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  const textLength = (t: Json) => (typeof t?.text === 'string' ? t.text.length : 0);
  blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    switch (b.type) {
      case 'header':
        if (textLength(b.text) > 150) problems.push(`${at}: header text ${textLength(b.text)} > 150`);
        if (textLength(b.text) === 0) problems.push(`${at}: empty header`);
        break;
      case 'section':
        if (b.text && textLength(b.text) > 3000) problems.push(`${at}: section text ${textLength(b.text)} > 3000`);
        if (b.text && textLength(b.text) === 0) problems.push(`${at}: empty section text`);
        if (b.fields) {
          if (b.fields.length > 10) problems.push(`${at}: ${b.fields.length} fields > 10`);
          for (const f of b.fields) if (textLength(f) > 2000) problems.push(`${at}: field ${textLength(f)} > 2000`);
        }
        if (!b.text && !b.fields) problems.push(`${at}: section without text or fields`);
        if (b.accessory?.type === 'button' && textLength(b.accessory.text) > 75)
          problems.push(`${at}: button text > 75`);
        break;
      case 'context':
        if (b.elements.length > 10) problems.push(`${at}: ${b.elements.length} context elements > 10`);
        for (const e of b.elements) if (textLength(e) > 3000) problems.push(`${at}: context text > 3000`);
        break;
      case 'actions':
        if (b.elements.length > 25) problems.push(`${at}: ${b.elements.length} elements > 25`);
        for (const e of b.elements) {
          if (e.type === 'button' && textLength(e.text) > 75)
            problems.push(`${at}: button text ${textLength(e.text)} > 75`);
          if (e.type === 'button' && typeof e.value === 'string' && e.value.length > 2000)
            problems.push(`${at}: button value > 2000`);
        }
        break;
      case 'input':
        if (textLength(b.label) > 2000) problems.push(`${at}: label > 2000`);
        break;
      default:
        break;
    }
  });
  return problems;
}
