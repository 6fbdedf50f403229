/**
 * The one error type the rules core throws for bad input or an impossible request.
 * Its message is written for a person: what was wrong and what would work.
 */
export class RulesError extends Error {
  /** the input field at fault, e.g. `hours.mon[0]` or `from`, when there is one */
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'RulesError';
    this.field = field;
  }
}

/** Shows an input value inside an error message, shortened so a huge value cannot flood the message. */
export function showValue(value: unknown): string {
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  else if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
