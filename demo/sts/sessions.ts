import { randomBytes } from 'node:crypto';
import type { Principal } from './principal.ts';
import type { Tag } from './query.ts';

/**
 * Temporary credentials issued by this STS, kept in memory only. Access key ids look like AWS's
 * (`ASIA` + 16 base-32 characters, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids);
 * the session token is opaque and deliberately long, since AWS sets no maximum size.
 */
export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds, on the server's (possibly offset) clock. */
  expiresAt: number;
  principal: Principal;
  tags: readonly Tag[];
  transitiveTagKeys: readonly string[];
  sourceIdentity?: string;
  mfaAuthenticated: boolean;
}

export type SessionGrant = Omit<Session, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const KEY_ID_CHARACTERS = 16;
const SECRET_BYTES = 30;
const SESSION_TOKEN_BYTES = 300;
const BYTES_PER_SESSION = KEY_ID_CHARACTERS + SECRET_BYTES + SESSION_TOKEN_BYTES;

/**
 * Random bytes drawn from crypto.randomBytes a few kilobytes at a time, as Node does for
 * randomUUID: one call into the generator per hundred sessions instead of three per session.
 */
class RandomPool {
  private pool = Buffer.alloc(0);
  private offset = 0;

  take(length: number): Buffer {
    if (this.offset + length > this.pool.length) {
      this.pool = randomBytes(Math.max(length, BYTES_PER_SESSION * 100));
      this.offset = 0;
    }
    const bytes = this.pool.subarray(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }
}

function base32(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) text += BASE32[byte % 32];
  return text;
}

/** Expired sessions are kept a day, so that their use gets ExpiredToken, not InvalidClientTokenId. */
const RETENTION_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;
/** How often the store looks for sessions to forget: a sweep costs one pass over all of them. */
const PRUNE_INTERVAL_MS = 60 * 1000;

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly random = new RandomPool();
  private lastPrune = Number.NEGATIVE_INFINITY;

  issue(grant: SessionGrant, now: number): Session {
    const session: Session = {
      ...grant,
      // Expirations are reported in whole seconds; the session ends when it says it does.
      expiresAt: Math.floor(grant.expiresAt / 1000) * 1000,
      accessKeyId: `ASIA${base32(this.random.take(KEY_ID_CHARACTERS))}`,
      secretAccessKey: this.random.take(SECRET_BYTES).toString('base64'),
      sessionToken: this.random.take(SESSION_TOKEN_BYTES).toString('base64'),
    };
    this.sessions.set(session.accessKeyId, session);
    if (now - this.lastPrune >= PRUNE_INTERVAL_MS) this.prune(now);
    return session;
  }

  find(accessKeyId: string): Session | undefined {
    return this.sessions.get(accessKeyId);
  }

  clear(): void {
    this.sessions.clear();
  }

  private prune(now: number): void {
    this.lastPrune = now;
    for (const [key, session] of this.sessions) {
      if (session.expiresAt + RETENTION_AFTER_EXPIRY_MS < now) this.sessions.delete(key);
    }
  }
}
