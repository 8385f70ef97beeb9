import { describe, expect, it } from 'vitest';
import { readDecodedMessage, verdict } from './decoded-message';

const MESSAGE = JSON.stringify({
  allowed: false,
  explicitDeny: true,
  matchedStatements: {
    items: [{ statementId: 'NoEc2', effect: 'DENY', actions: { items: [{ value: 'ec2:*' }] } }],
  },
  failures: { items: [] },
  context: {
    principal: { id: 'AROA:alice', arn: 'arn:aws:sts::333333333333:assumed-role/Auditor/alice' },
    action: 'ec2:RunInstances',
    resource: 'arn:aws:ec2:us-east-1:333333333333:instance/*',
    conditions: {
      items: [{ key: 'ec2:InstanceType', values: { items: [{ value: 't3.micro' }] } }],
    },
  },
});

describe('readDecodedMessage', () => {
  it('reads the verdict, principal, action, resource, conditions and matched statements', () => {
    const card = readDecodedMessage(MESSAGE);
    expect(card).toEqual({
      allowed: false,
      explicitDeny: true,
      principalArn: 'arn:aws:sts::333333333333:assumed-role/Auditor/alice',
      principalId: 'AROA:alice',
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:333333333333:instance/*',
      conditions: [{ key: 'ec2:InstanceType', values: ['t3.micro'] }],
      matched: [{ effect: 'DENY', id: 'NoEc2' }],
    });
    expect(verdict(card!)).toMatch(/explicit Deny/);
  });

  it('says no allow when there is no explicit deny', () => {
    const card = readDecodedMessage('{"allowed":false,"explicitDeny":false}');
    expect(verdict(card!)).toMatch(/no policy allows it/);
  });

  it('gives up on text that is not such JSON', () => {
    expect(readDecodedMessage('not json')).toBeUndefined();
    expect(readDecodedMessage('[1]')).toBeUndefined();
  });
});
