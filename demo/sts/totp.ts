import { createHmac } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as virtual MFA
 * devices produce them. STS accepts the code of the current step and of the steps either side, and
 * refuses a code that was already used (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html).
 */
const STEP_SECONDS = 30;
const DIGITS = 6;

export function decodeBase32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`Invalid base32 character ${char}`);
    bits += index.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** RFC 4226 HOTP value for a counter. */
export function hotp(secret: Buffer, counter: number, digits = DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', secret).update(message).digest();
  const offset = (digest.at(-1) ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export const totpCounter = (epochMs: number) => Math.floor(epochMs / 1000 / STEP_SECONDS);

export function totp(secretBase32: string, epochMs: number): string {
  return hotp(decodeBase32(secretBase32), totpCounter(epochMs));
}

/** The step the code belongs to (current ±1), or undefined when it matches none. */
export function matchTotp(secretBase32: string, code: string, epochMs: number): number | undefined {
  const secret = decodeBase32(secretBase32);
  const current = totpCounter(epochMs);
  return [current, current - 1, current + 1].find((counter) => hotp(secret, counter) === code);
}
