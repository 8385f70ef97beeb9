import type { SignInTrace } from '../../lib/auth/sign-in-trace';
import type { StsExchange } from '../../lib/aws/exchange';
import { parseRoleArn } from '../../utils/arn';
import { wireError } from './describe-exchange';

/** The three lifelines of the sequence diagram, left to right. */
export const LIFELINES = ['Browser', 'Provider', 'AWS STS'] as const;
export type Lifeline = (typeof LIFELINES)[number];

/** One arrow of the diagram: a message from one lifeline to another, numbered like the steps. */
export interface DiagramRow {
  step: number;
  from: Lifeline;
  to: Lifeline;
  label: string;
  /** This message is where the sign-in or the STS call failed. */
  failed: boolean;
}

/** The first step number of the STS calls: the four sign-in steps come first. */
export const FIRST_EXCHANGE_STEP = 5;

/** The sign-in's real messages (only those that happened) and every STS call, as diagram rows. */
export function diagramRows(trace: SignInTrace, exchanges: readonly StsExchange[]): DiagramRow[] {
  const rows: DiagramRow[] = [];
  const add = (step: number, from: Lifeline, to: Lifeline, label: string, failed = false) =>
    rows.push({ step, from, to, label, failed });
  if (trace.authorizationRequest) add(1, 'Browser', 'Provider', 'Authorization request (PKCE)');
  const callback = trace.callback;
  if (callback) {
    const error = callback.params.error;
    if (error) add(2, 'Provider', 'Browser', `Redirect back: ${error}`, true);
    else add(2, 'Provider', 'Browser', 'Redirect back with code');
  }
  if (trace.tokenResponse) {
    add(3, 'Browser', 'Provider', 'Token request (code, verifier)');
    add(3, 'Provider', 'Browser', trace.idToken ? 'Tokens, with the ID token' : 'Tokens');
  }
  exchanges.forEach((exchange, index) => {
    const step = FIRST_EXCHANGE_STEP + index;
    const role = exchange.roleArn ? parseRoleArn(exchange.roleArn)?.name : undefined;
    add(step, 'Browser', 'AWS STS', role ? `${exchange.action} (${role})` : exchange.action);
    const error = wireError(exchange);
    if (!exchange.response) add(step, 'AWS STS', 'Browser', 'failed: no answer', true);
    else if (error) add(step, 'AWS STS', 'Browser', `failed: ${error.code}`, true);
    else add(step, 'AWS STS', 'Browser', answerOf(exchange.action));
  });
  return rows;
}

function answerOf(action: string): string {
  switch (action) {
    case 'AssumeRoleWithWebIdentity':
    case 'AssumeRole':
      return 'Temporary credentials';
    case 'GetCallerIdentity':
      return 'Account, ARN and user id';
    default:
      return 'Answer';
  }
}

/** A one-sentence summary of the diagram, for its <desc>. */
export function describeDiagram(rows: readonly DiagramRow[]): string {
  if (rows.length === 0) return 'Nothing has happened yet: sign in to see the messages.';
  const failed = rows.find((row) => row.failed);
  const messages = rows.map((row) => `step ${row.step}, ${row.from} to ${row.to}: ${row.label}`);
  return `${messages.join('; ')}.${failed ? ` Step ${failed.step} failed.` : ''}`;
}
