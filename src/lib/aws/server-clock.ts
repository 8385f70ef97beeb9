// The Date header has one-second precision: offsets smaller than this are noise, not skew.
const NOISE_MS = 2000;

/** Estimates how far the server's clock is ahead of ours from a response's `Date` header. */
export function clockOffsetFromDateHeader(
  dateHeader: string | undefined,
  receivedAt: number,
): number {
  if (!dateHeader) return 0;
  const serverTime = Date.parse(dateHeader);
  if (Number.isNaN(serverTime)) return 0;
  // The header is truncated to the second: on average the server was half a second further on.
  const offset = serverTime + 500 - receivedAt;
  return Math.abs(offset) < NOISE_MS ? 0 : offset;
}
