import { randomBytes } from 'node:crypto';
import type { Identity } from './caller-identity.ts';

/**
 * Sign-in tokens as the federation endpoint hands them out: opaque, good for one `login`, for 15
 * minutes (IAM User Guide: "The URL that the federation endpoint provides is valid for 15 minutes
 * after it is created"). Only what the console session needs is kept, never the credentials.
 */
export interface SigninGrant {
  identity: Identity;
  /** Epoch milliseconds. */
  consoleEndsAt: number;
  /** The SessionDuration asked for, if any. */
  sessionDurationSeconds?: number;
}

export const SIGNIN_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

interface Stored {
  grant: SigninGrant;
  expiresAt: number;
}

export class SigninTokenStore {
  private readonly tokens = new Map<string, Stored>();

  issue(grant: SigninGrant, now: number): string {
    this.prune(now);
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, { grant, expiresAt: now + SIGNIN_TOKEN_LIFETIME_MS });
    return token;
  }

  /** The grant, once: a token is gone after its first use, and worthless after 15 minutes. */
  redeem(token: string, now: number): SigninGrant | undefined {
    const stored = this.tokens.get(token);
    this.tokens.delete(token);
    return stored && now < stored.expiresAt ? stored.grant : undefined;
  }

  private prune(now: number): void {
    for (const [token, { expiresAt }] of this.tokens) {
      if (expiresAt <= now) this.tokens.delete(token);
    }
  }
}
