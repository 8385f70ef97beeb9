import { visibleText } from '../../utils/untrusted-text';

/**
 * A value from outside Rolecall (a claim, a link, an AWS message): isolated from the text around it
 * (`<bdi>`, so a right-to-left override cannot reorder its neighbours), invisible characters shown,
 * cut at `max` characters.
 */
export function Untrusted({ value, max }: { value: string; max?: number }) {
  return <bdi>{visibleText(value, max)}</bdi>;
}
