import type { SignInTrace } from '../../lib/auth/sign-in-trace';
import { redactionMarker } from '../../utils/redact';
import { readableJson } from '../../utils/untrusted-text';
import { claimFacts, tokenFacts } from './describe-sign-in';
import type { Show } from './display';
import { formatUtc } from '../../utils/format-utc';
import { Explanation, FactList, NoData, RawBlock, Step } from './training-step';

export function TokenStep({ trace, show }: { trace: SignInTrace; show: Show }) {
  const response = trace.tokenResponse;
  return (
    <Step number={3} title="Token response">
      {response ? (
        <>
          <Explanation>
            This tab then sent the code and the code verifier to the token endpoint (
            {show(response.endpoint)}). The provider hashed the verifier, compared it with the code
            challenge from step 1 and answered with tokens. There is no client secret: a single-page
            app cannot keep one, so it is a public client and PKCE takes its place.
            {response.expiresAt !== undefined
              ? ` The access token expires at ${formatUtc(response.expiresAt)}.`
              : ''}{' '}
            The tokens stay in this tab&apos;s memory and are never shown here.
          </Explanation>
          <FactList facts={tokenFacts(response)} show={show} />
          <RawBlock
            caption="Token request and response, reconstructed from what Rolecall kept (secrets redacted)"
            text={tokenExchangeText(trace)}
            show={show}
          />
        </>
      ) : (
        <NoData />
      )}
    </Step>
  );
}

function tokenExchangeText(trace: SignInTrace): string {
  const response = trace.tokenResponse!;
  const params = trace.authorizationRequest?.params ?? {};
  const verifier = trace.authorizationRequest?.codeVerifierLength;
  const form = [
    'grant_type=authorization_code',
    `code=${redactionMarker()}`,
    `code_verifier=${redactionMarker(verifier)}`,
    ...['client_id', 'redirect_uri']
      .filter((name) => params[name] !== undefined)
      .map((name) => `${name}=${encodeURIComponent(params[name])}`),
  ];
  const body = {
    ...(response.tokenType ? { token_type: response.tokenType } : {}),
    ...(response.scope ? { scope: response.scope } : {}),
    ...Object.fromEntries(
      response.tokens.map(({ name, length }) => [name, redactionMarker(length)]),
    ),
  };
  return [
    `POST ${response.endpoint}`,
    'content-type: application/x-www-form-urlencoded',
    '',
    form.join('\n&'),
    '',
    'HTTP 200 OK',
    'content-type: application/json',
    '',
    JSON.stringify(body, null, 2),
  ].join('\n');
}

export function IdTokenStep({
  trace,
  issuer,
  show,
}: {
  trace: SignInTrace;
  issuer: string;
  show: Show;
}) {
  const token = trace.idToken;
  return (
    <Step number={4} title="The decoded ID token">
      {token ? (
        <>
          <Explanation>
            An ID token is a JWT: a header, a payload of claims and a signature, each base64url
            encoded and joined by dots. Here are the first two decoded; the signature and the token
            itself are not shown. These claims are what AWS reads in the steps below.
          </Explanation>
          <FactList facts={claimFacts(token.payload, token.header, issuer)} show={show} />
          <RawBlock caption="ID token header" text={readableJson(token.header)} show={show} />
          <RawBlock caption="ID token payload" text={readableJson(token.payload)} show={show} />
        </>
      ) : (
        <NoData />
      )}
    </Step>
  );
}
