import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { invalidAuthorizationMessage } from './errors.ts';

/**
 * Encoded authorization failure messages, as AWS services return them with a denial and
 * DecodeAuthorizationMessage reads them back: opaque to the caller, readable only by the STS that
 * wrote them. Here the JSON is sealed with AES-256-GCM under a key this process makes at start, so
 * a message cannot be read without the STS, nor altered without the STS noticing; a restarted
 * STS can no longer read the messages of the one before.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class AuthorizationMessages {
  private readonly key = randomBytes(32);

  encode(message: object): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(message), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** The JSON text of a message this STS encoded; InvalidAuthorizationMessageException otherwise. */
  decode(encoded: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw invalidAuthorizationMessage();
    const bytes = Buffer.from(encoded, 'base64url');
    // Base64 decoding overlooks a stray last character; the message must be exactly as written.
    if (bytes.toString('base64url') !== encoded || bytes.length <= IV_BYTES + TAG_BYTES) {
      throw invalidAuthorizationMessage();
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES));
      return Buffer.concat([text, decipher.final()]).toString('utf8');
    } catch {
      throw invalidAuthorizationMessage();
    }
  }
}
