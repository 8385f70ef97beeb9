import { randomBytes } from 'node:crypto';
import type { SigninGrant } from './signin-tokens.ts';

/**
 * Signed-in demo console sessions, by an opaque id the browser holds in a cookie (as the real
 * console does). They hold who signed in and where to, never credentials.
 */
export interface ConsoleSession extends SigninGrant {
  destination: string;
  /** Where "sign in again" leads: the Issuer of the login URL (Rolecall), when it was a URL. */
  issuer?: string;
  signedInAt: number;
}

export class ConsoleSessionStore {
  private readonly sessions = new Map<string, ConsoleSession>();

  create(session: ConsoleSession): string {
    this.prune(session.signedInAt);
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, session);
    return id;
  }

  find(id: string | undefined): ConsoleSession | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  end(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  private prune(now: number): void {
    for (const [id, session] of this.sessions) {
      if (session.consoleEndsAt <= now) this.sessions.delete(id);
    }
  }
}
