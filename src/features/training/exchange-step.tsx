import type { StsExchange } from '../../lib/aws/exchange';
import { parseRoleArn } from '../../utils/arn';
import { explainAction, outcomeOf, requestText, responseText } from './describe-exchange';
import type { Show } from './display';
import { formatUtc } from './format-utc';
import { Explanation, RawBlock, Step } from './training-step';

export function ExchangeStep({ exchange, show }: { exchange: StsExchange; show: Show }) {
  const roleName = exchange.roleArn ? parseRoleArn(exchange.roleArn)?.name : undefined;
  const response = responseText(exchange);
  return (
    <Step title={roleName ? `${exchange.action} for ${roleName}` : exchange.action}>
      <Explanation>{explainAction(exchange.action)}</Explanation>
      <p className="text-sm font-medium text-slate-900">
        {show(`Sent ${formatUtc(exchange.startedAt)}. ${outcomeOf(exchange)}`)}
      </p>
      <RawBlock caption={`${exchange.action} request`} text={requestText(exchange)} show={show} />
      {response ? (
        <RawBlock caption={`${exchange.action} response`} text={response} show={show} />
      ) : null}
    </Step>
  );
}
