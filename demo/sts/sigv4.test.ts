import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  computeSignature,
  parseAmzDate,
  parseSignature,
  signatureMatches,
  type HttpRequestParts,
} from './sigv4.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

type RequestInput = Partial<Omit<HttpRequestParts, 'headers'>> & {
  headers: Record<string, string>;
};

function request({ headers, ...parts }: RequestInput): HttpRequestParts {
  return {
    method: 'GET',
    path: '/',
    rawQuery: '',
    body: Buffer.alloc(0),
    ...parts,
    headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])),
  };
}

describe('AWS published test vectors', () => {
  it('signs the IAM ListUsers example of the IAM User Guide', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (2015 example)
    const listUsers = request({
      rawQuery: 'Action=ListUsers&Version=2010-05-08',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
        Host: 'iam.amazonaws.com',
        'X-Amz-Date': '20150830T123600Z',
        Authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
      },
    });
    const params = parseSignature(listUsers);
    expect(params).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      scope: { date: '20150830', region: 'us-east-1', service: 'iam', terminator: 'aws4_request' },
      signedHeaders: ['content-type', 'host', 'x-amz-date'],
      amzDate: '20150830T123600Z',
      presigned: false,
    });
    if (!params) throw new Error('unsigned');
    expect(canonicalRequest(listUsers, params)).toBe(
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8',
        'host:iam.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'content-type;host;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(computeSignature(listUsers, params, SECRET)).toBe(params.signature);
    expect(signatureMatches(listUsers, params, SECRET)).toBe(true);
  });

  it('signs get-vanilla of the SigV4 test suite', () => {
    const vanilla = request({
      headers: {
        Host: 'example.amazonaws.com',
        'X-Amz-Date': '20150830T123600Z',
        Authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
    });
    const params = parseSignature(vanilla);
    if (!params) throw new Error('unsigned');
    expect(signatureMatches(vanilla, params, SECRET)).toBe(true);
  });
});

describe('against the SDK signer', () => {
  const signer = (sessionToken?: string) =>
    new SignatureV4({
      service: 'sts',
      region: 'eu-west-3',
      sha256: Sha256,
      credentials: { accessKeyId: 'ASIAEXAMPLEEXAMPLE01', secretAccessKey: SECRET, sessionToken },
    });
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const signingDate = new Date('2026-03-01T09:30:00Z');

  async function signed(sessionToken?: string) {
    const out = await signer(sessionToken).sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: 'localhost',
        port: 5190,
        path: '/',
        query: {},
        headers: {
          host: 'localhost:5190',
          'content-type': 'application/x-www-form-urlencoded',
          'amz-sdk-request': 'attempt=1; max=3',
        },
        body,
      },
      { signingDate },
    );
    return request({ method: 'POST', body: Buffer.from(body), headers: out.headers });
  }

  it('verifies a good signature, with its session token', async () => {
    const good = await signed('token-123');
    const params = parseSignature(good);
    expect(params?.sessionToken).toBe('token-123');
    expect(params?.scope.region).toBe('eu-west-3');
    expect(params && signatureMatches(good, params, SECRET)).toBe(true);
  });

  it('rejects a tampered body, a tampered signed header and a wrong secret', async () => {
    const good = await signed();
    const params = parseSignature(good);
    if (!params) throw new Error('unsigned');
    const tamperedBody = { ...good, body: Buffer.from(`${body}&x=1`) };
    expect(signatureMatches(tamperedBody, params, SECRET)).toBe(false);
    const headers = new Map(good.headers).set('x-amz-date', ['20260301T093001Z']);
    expect(signatureMatches({ ...good, headers }, params, SECRET)).toBe(false);
    expect(signatureMatches(good, params, `${SECRET}x`)).toBe(false);
  });

  it('verifies a presigned GET', async () => {
    const presigned = await signer('tok').presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: 'localhost',
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: 'localhost:5190' },
      },
      { signingDate, expiresIn: 60 },
    );
    const rawQuery = Object.entries(presigned.query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const get = request({ rawQuery, headers: { host: 'localhost:5190' } });
    const params = parseSignature(get);
    expect(params).toMatchObject({ presigned: true, expiresSeconds: 60, sessionToken: 'tok' });
    expect(params && signatureMatches(get, params, SECRET)).toBe(true);
  });
});

describe('parsing', () => {
  it('returns undefined for an unsigned request', () => {
    expect(parseSignature(request({ headers: { host: 'x' } }))).toBeUndefined();
  });

  it('reports an incomplete Authorization header', () => {
    const broken = request({ headers: { Authorization: 'AWS4-HMAC-SHA256 Credential=A/b' } });
    expect(() => parseSignature(broken)).toThrow(
      "Authorization header requires 'Signature' parameter.",
    );
  });

  it('parses X-Amz-Date', () => {
    expect(parseAmzDate('20260301T093000Z')).toBe(Date.parse('2026-03-01T09:30:00Z'));
    expect(parseAmzDate('2026-03-01')).toBeNaN();
  });
});
