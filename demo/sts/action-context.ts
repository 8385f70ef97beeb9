import type { Caller } from './auth.ts';
import type { AuthorizationMessages } from './authorization-messages.ts';
import type { MfaVerifier } from './mfa.ts';
import type { OidcKeyStore } from './oidc-keys.ts';
import type { Params } from './query.ts';
import type { SessionStore } from './sessions.ts';
import type { World } from './world.ts';
import type { XmlChild } from './xml.ts';

/** What every action handler gets: the demo world and state, the request and the clock. */
export interface StsState {
  world: World;
  sessions: SessionStore;
  keys: OidcKeyStore;
  mfa: MfaVerifier;
  authorizationMessages: AuthorizationMessages;
}

export interface ActionInput {
  params: Params;
  state: StsState;
  /** Epoch milliseconds on the server's clock (with any clock-offset fault applied). */
  now: number;
}

/** A signed action also gets who signed it, authenticated before the handler runs. */
export interface SignedActionInput extends ActionInput {
  caller: Caller;
}

export interface ActionOutput {
  result: XmlChild[];
}

export type ActionHandler<Input extends ActionInput = ActionInput> = (
  input: Input,
) => Promise<ActionOutput>;
