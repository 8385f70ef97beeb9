import type { TemporaryCredentials } from '../../lib/aws/types';
import type { ConsoleDestination } from './destinations';

export interface ConsoleRequest {
  credentials: TemporaryCredentials;
  destination: ConsoleDestination;
  region: string;
  /** Role-chained credentials: the broker must not ask AWS for a console session length. */
  chained: boolean;
}

/** A failure told in the person's words, with the one next step. */
export interface ConsoleProblem {
  title: string;
  hint: string;
  /** The broker's own words, when it gave any (shown as untrusted text). */
  said?: string;
}

export type ConsoleAnswer = { ok: true; loginUrl: string } | { ok: false; problem: ConsoleProblem };

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const problems: Record<string, ConsoleProblem> = {
  SigninRefused: {
    title: 'AWS refused to sign these credentials in to the console',
    hint: 'They may have expired or been revoked. Refresh the session (or assume the role again), then open the console again.',
  },
  OriginNotAllowed: {
    title: 'The console broker does not accept requests from this Rolecall',
    hint: 'Ask whoever runs the broker to add this site to CONSOLE_BROKER_ALLOWED_ORIGINS.',
  },
  LongTermCredentials: {
    title: 'The console broker takes temporary credentials only',
    hint: 'Open the console from an assumed-role session.',
  },
  FederationUnreachable: {
    title: 'The console broker could not reach the AWS sign-in service',
    hint: 'Try again in a minute; if it keeps failing, ask whoever runs the broker to check its network.',
  },
  FederationError: {
    title: 'The AWS sign-in service failed',
    hint: 'Try again in a minute.',
  },
};

const unreachable: ConsoleProblem = {
  title: 'The console broker did not answer',
  hint: 'Check your network and try again; if it keeps failing, ask whoever runs Rolecall whether the console broker is up.',
};

const refusedGenerally = (status: number): ConsoleProblem => ({
  title: `The console broker refused to open the console (HTTP ${status})`,
  hint:
    status >= 500
      ? 'Try again; if it keeps failing, ask whoever runs the broker to read its log.'
      : 'Ask whoever runs Rolecall: this Rolecall and its broker may not match.',
});

function readAnswer(body: unknown): { loginUrl?: string; error?: string; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { loginUrl, error, message } = body as Record<string, unknown>;
  return {
    loginUrl: typeof loginUrl === 'string' ? loginUrl : undefined,
    error: typeof error === 'string' ? error : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}

/** Only a login URL on https, or on this machine (the demo stack), is opened. */
function isOpenable(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || (protocol === 'http:' && hostname === 'localhost');
  } catch {
    return false;
  }
}

/**
 * POSTs one session's credentials to the console broker and returns the login URL it answers.
 * The URL signs whoever holds it in for 15 minutes: the caller opens it and keeps it nowhere.
 */
export async function requestConsoleLogin(
  brokerUrl: string,
  request: ConsoleRequest,
  now: number,
  fetchImpl: Fetch = (url, init) => fetch(url, init),
): Promise<ConsoleAnswer> {
  const { credentials } = request;
  if (credentials.expiresAt <= now) {
    return {
      ok: false,
      problem: {
        title: 'These credentials have expired',
        hint: 'Assume the role again, then open the console.',
      },
    };
  }
  let response: Response;
  try {
    response = await fetchImpl(brokerUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      body: JSON.stringify({
        credentials: {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          sessionToken: credentials.sessionToken,
        },
        destination: request.destination,
        region: request.region,
        chained: request.chained,
      }),
    });
  } catch {
    return { ok: false, problem: unreachable };
  }
  const answer = readAnswer(await response.json().catch(() => undefined));
  if (response.ok && answer.loginUrl && isOpenable(answer.loginUrl)) {
    return { ok: true, loginUrl: answer.loginUrl };
  }
  if (response.ok) {
    return {
      ok: false,
      problem: {
        title: 'The console broker answered without a usable sign-in link',
        hint: 'Ask whoever runs the broker to check it is the Rolecall console broker.',
      },
    };
  }
  const known = answer.error ? problems[answer.error] : undefined;
  return {
    ok: false,
    problem: { ...(known ?? refusedGenerally(response.status)), said: answer.message },
  };
}
