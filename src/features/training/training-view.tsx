import { useId } from 'react';
import type { SignInTrace } from '../../lib/auth/sign-in-trace';
import type { StsExchange } from '../../lib/aws/exchange';
import { clockOffsetFromDateHeader } from '../../lib/aws/server-clock';
import type { ExplainedError } from '../../utils/explained-error';
import type { RoleOption } from '../../types/role';
import { AuthorizationStep, CallbackStep } from './authorization-steps';
import { wireError } from './describe-exchange';
import { diagramRows, FIRST_EXCHANGE_STEP } from './diagram-rows';
import { displayFor } from './display';
import { ExchangeStep } from './exchange-step';
import { FailureExplanation, type Failure } from './failure-explanation';
import { IdTokenStep, TokenStep } from './token-steps';
import { SequenceDiagram } from './sequence-diagram';
import { NoData, Step } from './training-step';
import { TrustPolicyPanel } from './trust-policy-panel';

export interface TrainingViewProps {
  trace: SignInTrace;
  /** Every STS exchange of this page's life, oldest first. */
  exchanges: readonly StsExchange[];
  /** The role the trust policy and the failure explanation are about. */
  role?: RoleOption;
  /** Why the last STS call for the role failed, when it did. */
  problem?: ExplainedError;
  /** The configured OIDC issuer (the token's own iss is preferred when there is one). */
  issuer: string;
  /** Presenter mode: account ids partly masked everywhere on screen. */
  presenter: boolean;
  /** The error card's "Why it failed" was followed: the explanation takes focus. */
  focusExplanation?: boolean;
  onExplanationFocused?: () => void;
}

/** The sign-in and the STS calls step by step, as a protocol walkthrough for training. Lazy-loaded. */
export default function TrainingView({
  trace,
  exchanges,
  role,
  problem,
  issuer,
  presenter,
  focusExplanation,
  onExplanationFocused,
}: TrainingViewProps) {
  const id = useId();
  const show = displayFor(presenter);
  const claims = trace.idToken?.payload;
  const failure = failureOf(exchanges, role, problem);

  return (
    <section
      aria-labelledby={id}
      className="grid gap-6 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-1">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          How this sign-in worked
        </h2>
        <p className="max-w-prose text-sm text-slate-700">
          Each step of the OpenID Connect sign-in and each call to AWS STS, as it crossed the wire.
          Tokens, codes, keys and signatures are always hidden
          {presenter ? '; presenter mode also masks account ids.' : '.'}
        </p>
      </div>
      {failure ? (
        <FailureExplanation
          failure={failure}
          claims={claims}
          issuer={issuer}
          role={role}
          show={show}
          focusRequested={focusExplanation}
          onFocused={onExplanationFocused}
        />
      ) : null}
      <SequenceDiagram rows={diagramRows(trace, exchanges)} show={show} />
      {/* Numbered in the text ("Step 1"), so the explanations' "step 1" can be found. */}
      <ol className="flex flex-col gap-3">
        <AuthorizationStep trace={trace} show={show} />
        <CallbackStep trace={trace} show={show} />
        <TokenStep trace={trace} show={show} />
        <IdTokenStep trace={trace} issuer={issuer} show={show} />
        {exchanges.length > 0 ? (
          exchanges.map((exchange, index) => (
            <ExchangeStep
              key={exchange.id}
              exchange={exchange}
              number={FIRST_EXCHANGE_STEP + index}
              show={show}
            />
          ))
        ) : (
          <Step number={FIRST_EXCHANGE_STEP} title="Calls to AWS STS" open>
            <NoData>Assume a role to see this step.</NoData>
          </Step>
        )}
      </ol>
      <TrustPolicyPanel claims={claims} issuer={issuer} role={role} show={show} />
    </section>
  );
}

/** The problem the lead reported or, failing that, the error in the role's last exchange. */
function failureOf(
  exchanges: readonly StsExchange[],
  role: RoleOption | undefined,
  problem: ExplainedError | undefined,
): Failure | undefined {
  const last = exchanges.findLast((exchange) => !role || exchange.roleArn === role.arn);
  // An expiry is judged at the time of the call, by the clock STS answered with.
  const when = last && {
    endpoint: last.request.url,
    sentAt: last.startedAt,
    serverClockAheadMs: clockOffsetFromDateHeader(
      last.response?.headers.date,
      last.response?.receivedAt ?? last.startedAt,
    ),
  };
  if (problem) {
    const { code, said, operation, requestId, status } = problem;
    return { code, said, action: operation, requestId, status, ...when };
  }
  const error = last ? wireError(last) : undefined;
  if (!last || !error) return undefined;
  return {
    code: error.code,
    said: error.message,
    action: last.action,
    requestId: error.requestId,
    ...when,
  };
}
