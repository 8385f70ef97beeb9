import { visibleText } from '../../utils/untrusted-text';
import { usePresenterText } from './presenter-mode';

/**
 * A value from outside Rolecall (a claim, a link, an AWS message): isolated from the text around it
 * (`<bdi>`, so a right-to-left override cannot reorder its neighbours), invisible characters shown,
 * cut at `max` characters, and its account ids masked in presenter mode.
 */
export function Untrusted({ value, max }: { value: string; max?: number }) {
  const shown = usePresenterText();
  return <bdi>{shown(visibleText(value, max))}</bdi>;
}
