import { maskForPresenter } from '../../utils/mask';
import { redactSecrets } from '../../utils/redact';

/** Turns any text into what may be shown: account and access key ids masked in presenter mode. */
export type Show = (text: string) => string;

export function displayFor(presenter: boolean): Show {
  return presenter ? maskForPresenter : (text) => text;
}

/** Raw material (URLs, headers, bodies, JSON): secrets hidden again, then shown. */
export function showRaw(show: Show, text: string): string {
  return show(redactSecrets(text));
}
