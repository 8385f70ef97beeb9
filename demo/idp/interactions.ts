import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type Interaction, type Provider } from 'oidc-provider';
import type { Accounts } from './accounts.ts';
import { renderErrorPage } from './error-page.ts';
import type { Page } from './html.ts';
import { renderSignInPage } from './sign-in-page.ts';

export const interactionPrefix = '/interaction/';

const maxBodyBytes = 16 * 1024;

export interface InteractionOptions {
  provider: Provider;
  accounts: Accounts;
  appUrl: string;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

function sendPage(res: ServerResponse, status: number, page: Page): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': page.contentSecurityPolicy,
    'Cache-Control': 'no-store',
  });
  res.end(page.html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > maxBodyBytes) throw new HttpError(413, 'invalid_request', 'Form too large.');
  }
  return new URLSearchParams(body);
}

/** Handles `/interaction/:uid` (the sign-in page) and the forms it posts. */
export function createInteractionHandler(options: InteractionOptions): RequestHandler {
  const { provider, accounts, appUrl } = options;

  const signInPage = (interaction: Interaction, error?: string): Page => {
    const base = `${interactionPrefix}${interaction.uid}`;
    return renderSignInPage({
      users: accounts.users,
      loginAction: `${base}/login`,
      abortAction: `${base}/abort`,
      clientName: 'Rolecall',
      error,
    });
  };

  // Consent is automatic, but prompt=consent still asks for it: grant what is missing.
  const grantConsent = async (interaction: Interaction): Promise<string> => {
    const accountId = interaction.session?.accountId;
    const clientId = String(interaction.params.client_id);
    if (!accountId) throw new HttpError(400, 'invalid_request', 'Nobody is signed in.');
    const existing = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : undefined;
    const grant = existing ?? new provider.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = interaction.prompt
      .details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    return grant.save();
  };

  const route = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const [uid, action] = path.slice(interactionPrefix.length).split('/');
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.uid !== uid) {
      throw new HttpError(400, 'invalid_request', 'This sign-in page belongs to another request.');
    }

    if (req.method === 'GET' && action === undefined) {
      if (interaction.prompt.name === 'login') return sendPage(res, 200, signInPage(interaction));
      if (interaction.prompt.name === 'consent') {
        const grantId = await grantConsent(interaction);
        return provider.interactionFinished(req, res, { consent: { grantId } });
      }
      throw new HttpError(501, 'server_error', `Unsupported prompt: ${interaction.prompt.name}.`);
    }

    if (req.method === 'POST' && action === 'login') {
      const username = (await readForm(req)).get('username') ?? '';
      const user = accounts.findByUsername(username);
      if (!user) {
        return sendPage(res, 400, signInPage(interaction, `There is no demo user "${username}".`));
      }
      const result = { login: { accountId: user.claims.sub } };
      return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    }

    if (req.method === 'POST' && action === 'abort') {
      const result = {
        error: 'access_denied',
        error_description: 'The user cancelled the sign-in.',
      };
      return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    }

    throw new HttpError(404, 'invalid_request', 'There is no such page on the demo provider.');
  };

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://idp.invalid').pathname;
    try {
      await route(req, res, path);
    } catch (error) {
      if (res.headersSent) {
        res.destroy(error instanceof Error ? error : undefined);
      } else if (error instanceof HttpError) {
        const page = renderErrorPage({ error: error.error, description: error.message, appUrl });
        sendPage(res, error.status, page);
      } else if (error instanceof errors.SessionNotFound) {
        const description =
          'This sign-in request has expired or was already completed. Start again from Rolecall.';
        sendPage(res, 400, renderErrorPage({ error: error.error, description, appUrl }));
      } else {
        console.error('Demo IdP: unexpected error on', req.method, path, error);
        const description = 'The demo provider hit an unexpected error; see its terminal output.';
        sendPage(res, 500, renderErrorPage({ error: 'server_error', description, appUrl }));
      }
    }
  };
}
