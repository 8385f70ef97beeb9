import type { SignInTrace } from '../../lib/auth/sign-in-trace';
import { authorizationFacts, callbackFacts } from './describe-sign-in';
import type { Show } from './display';
import { Explanation, FactList, NoData, RawBlock, Step } from './training-step';

export function AuthorizationStep({ trace, show }: { trace: SignInTrace; show: Show }) {
  const request = trace.authorizationRequest;
  return (
    <Step number={1} title="Authorization request">
      {request ? (
        <>
          <Explanation>
            Rolecall sent your browser to the provider&apos;s authorization endpoint with these
            parameters. Nothing secret travels in this URL: it shows in the address bar and the
            history, which is why it carries a hash of the PKCE verifier and never the verifier.
            {request.params.nonce === undefined
              ? ' No nonce was sent: with the code flow and PKCE that is allowed, because the tokens come straight from the token endpoint to the tab that holds the verifier.'
              : ''}
          </Explanation>
          <FactList facts={authorizationFacts(request)} show={show} />
          <RawBlock
            caption="The authorization request URL (rebuilt from the stored request state)"
            text={authorizationUrl(request.endpoint, request.params)}
            show={show}
          />
        </>
      ) : (
        <NoData />
      )}
    </Step>
  );
}

function authorizationUrl(endpoint: string, params: Record<string, string>): string {
  const query = Object.entries(params).map(
    ([name, value], index) =>
      `${index === 0 ? '?' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  return [`GET ${endpoint}`, ...query.map((part) => `  ${part}`)].join('\n');
}

export function CallbackStep({ trace, show }: { trace: SignInTrace; show: Show }) {
  const callback = trace.callback;
  return (
    <Step number={2} title="The provider's redirect back">
      {callback ? (
        <>
          <Explanation>
            After you signed in, the provider sent your browser back to the redirect URI with a
            one-time authorization code and the same state. Rolecall then removed both from the
            address bar, so the code does not linger in the history.
          </Explanation>
          <FactList
            facts={callbackFacts(callback, trace.authorizationRequest?.params.state)}
            show={show}
          />
          <RawBlock caption="The callback URL (code redacted)" text={callback.url} show={show} />
        </>
      ) : (
        <NoData />
      )}
    </Step>
  );
}
