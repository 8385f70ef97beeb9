const two = (n: number) => String(n).padStart(2, '0');

/**
 * The expiry on this computer's clock and time zone, as `2026-01-01 14:00:00 (UTC+01:00)`: plain
 * ASCII digits, so every format's comment can carry it (a locale's time format may hold narrow
 * no-break spaces or other characters a terminal paste should not).
 */
export function localExpiry(expiresAt: number): string {
  const d = new Date(expiresAt);
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} (UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)})`;
}
