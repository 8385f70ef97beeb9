import type { StsExchange } from '../../lib/aws/exchange';
import { parseRoleArn } from '../../utils/arn';
import {
  explainAction,
  outcomeOf,
  requestText,
  responseText,
  wireError,
} from './describe-exchange';
import type { Show } from './display';
import { formatUtc } from '../../utils/format-utc';
import { Explanation, RawBlock, Step } from './training-step';

export function ExchangeStep({
  exchange,
  number,
  show,
}: {
  exchange: StsExchange;
  number: number;
  show: Show;
}) {
  const roleName = exchange.roleArn ? parseRoleArn(exchange.roleArn)?.name : undefined;
  const response = responseText(exchange);
  return (
    <Step
      number={number}
      title={roleName ? `${exchange.action} for ${roleName}` : exchange.action}
      // A failed call is open: it is the step a class talks about.
      open={wireError(exchange) !== undefined}
    >
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
