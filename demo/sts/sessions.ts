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

function randomBase32(length: number): string {
  return [...randomBytes(length)].map((byte) => BASE32[byte % 32]).join('');
}

function randomSecret(): string {
  return randomBytes(30).toString('base64');
}

/** Expired sessions are kept a day, so that their use gets ExpiredToken, not InvalidClientTokenId. */
const RETENTION_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 1000;

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private issuedSincePrune = 0;

  issue(grant: SessionGrant, now: number): Session {
    const session: Session = {
      ...grant,
      // Expirations are reported in whole seconds; the session ends when it says it does.
      expiresAt: Math.floor(grant.expiresAt / 1000) * 1000,
      accessKeyId: `ASIA${randomBase32(16)}`,
      secretAccessKey: randomSecret(),
      sessionToken: randomBytes(300).toString('base64'),
    };
    this.sessions.set(session.accessKeyId, session);
    if (++this.issuedSincePrune >= PRUNE_EVERY) this.prune(now);
    return session;
  }

  find(accessKeyId: string): Session | undefined {
    return this.sessions.get(accessKeyId);
  }

  clear(): void {
    this.sessions.clear();
  }

  private prune(now: number): void {
    this.issuedSincePrune = 0;
    for (const [key, session] of this.sessions) {
      if (session.expiresAt + RETENTION_AFTER_EXPIRY_MS < now) this.sessions.delete(key);
    }
  }
}
