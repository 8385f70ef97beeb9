import { describe, expect, it } from 'vitest';
import { StsError } from './errors.ts';
import { el, escapeXml, optional, renderError, renderResult } from './xml.ts';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });
});

describe('renderResult', () => {
  it('wraps the result in the action envelope, leaving out absent optional members', () => {
    const xml = renderResult(
      'GetFederationToken',
      [
        el('FederatedUser', [el('FederatedUserId', '1:bob'), el('Arn', 'arn:x')]),
        optional('PackedPolicySize', undefined),
        optional('SourceIdentity', 'a<b'),
        el('Count', 3),
      ],
      'req-1',
    );
    expect(xml).toBe(
      [
        '<GetFederationTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
        '  <GetFederationTokenResult>',
        '    <FederatedUser>',
        '      <FederatedUserId>1:bob</FederatedUserId>',
        '      <Arn>arn:x</Arn>',
        '    </FederatedUser>',
        '    <SourceIdentity>a&lt;b</SourceIdentity>',
        '    <Count>3</Count>',
        '  </GetFederationTokenResult>',
        '  <ResponseMetadata>',
        '    <RequestId>req-1</RequestId>',
        '  </ResponseMetadata>',
        '</GetFederationTokenResponse>',
        '',
      ].join('\n'),
    );
  });
});

describe('renderError', () => {
  it('renders the ErrorResponse shape with Type, Code, escaped Message and RequestId', () => {
    const error = new StsError('ValidationError', "Value 'a&b' at 'x'", 400);
    expect(renderError(error, 'req-2')).toBe(
      [
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
        '  <Error>',
        '    <Type>Sender</Type>',
        '    <Code>ValidationError</Code>',
        '    <Message>Value &apos;a&amp;b&apos; at &apos;x&apos;</Message>',
        '  </Error>',
        '  <RequestId>req-2</RequestId>',
        '</ErrorResponse>',
        '',
      ].join('\n'),
    );
  });

  it('marks server-side errors as Receiver', () => {
    const error = new StsError('ServiceUnavailable', 'down', 503, 'Receiver');
    expect(renderError(error, 'r')).toContain('<Type>Receiver</Type>');
  });
});
