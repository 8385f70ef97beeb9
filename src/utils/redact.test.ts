import { describe, expect, it } from 'vitest';
import {
  isSecretName,
  redactFormBody,
  redactHeaders,
  redactionMarker,
  redactSecrets,
  redactUrl,
  redactXml,
} from './redact';

const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1c2VyLWFsaWNlIiwiYXVkIjoicm9sZWNhbGwifQ.c2lnbmF0dXJlLWJ5dGVz';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQD+6rG0a3Yb=';
const SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';

function expectClean(text: string) {
  expect(text).not.toContain('eyJ');
  expect(text).not.toContain(SECRET_KEY);
  expect(text).not.toContain('IQoJb3JpZ2lu');
  expect(text).not.toContain(SIGNATURE);
}

describe('redactSecrets, the safety net before anything is shown', () => {
  it('hides the web identity token in a form body and keeps the other parameters', () => {
    const body = `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=alice&WebIdentityToken=${JWT}&DurationSeconds=3600`;
    const result = redactSecrets(body);
    expectClean(result);
    expect(result).toBe(
      `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=alice&WebIdentityToken=(redacted: ${JWT.length} characters)&DurationSeconds=3600`,
    );
  });

  it('hides the secret key and session token in XML, namespaced, with attributes, CDATA or unclosed', () => {
    const xml = [
      `<Credentials><AccessKeyId>ASIAQEXAMPLE</AccessKeyId><SecretAccessKey>${SECRET_KEY}</SecretAccessKey>`,
      `<sts:SessionToken xml:space="preserve">${SESSION_TOKEN}</sts:SessionToken>`,
      `<SECRETACCESSKEY><![CDATA[${SECRET_KEY}]]></SECRETACCESSKEY>`,
      `<Expiration>2026-01-01T13:00:00Z</Expiration></Credentials><SessionToken>${SESSION_TOKEN}`,
    ].join('\n');
    const result = redactSecrets(xml);
    expectClean(result);
    expect(result).toContain('<AccessKeyId>ASIAQEXAMPLE</AccessKeyId>');
    expect(result).toContain('<Expiration>2026-01-01T13:00:00Z</Expiration>');
    expect(result).toContain(`<SecretAccessKey>(redacted: ${SECRET_KEY.length} characters)<`);
  });

  it('hides the request signature and the session token header but keeps the credential scope', () => {
    const headers = [
      `authorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20260101/eu-west-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=${SIGNATURE}`,
      `X-Amz-Security-Token: ${SESSION_TOKEN}`,
      'x-amz-date: 20260101T120000Z',
    ].join('\n');
    const result = redactSecrets(headers);
    expectClean(result);
    expect(result).toContain('Credential=ASIAEXAMPLE/20260101/eu-west-1/sts/aws4_request');
    expect(result).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token');
    expect(result).toContain('x-amz-date: 20260101T120000Z');
  });

  it('hides presigned query parameters, bearer tokens and JSON fields', () => {
    const text = [
      `https://sts.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Security-Token=${encodeURIComponent(SESSION_TOKEN)}&X-Amz-Signature=${SIGNATURE}`,
      `Authorization: Bearer ${JWT}`,
      JSON.stringify({ secretAccessKey: SECRET_KEY, sessionToken: 'c2Vzc2lvbg==', id_token: JWT }),
    ].join('\n');
    const result = redactSecrets(text);
    expectClean(result);
    expect(result).not.toContain('c2Vzc2lvbg==');
  });

  it('hides the authorization code and code verifier but not the public PKCE challenge', () => {
    const url =
      'http://localhost:5173/?code=Sp1Ay7-secret-code&state=abc123&iss=http%3A%2F%2Flocalhost%3A5180 code_verifier=verifier-secret code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    const result = redactSecrets(url);
    expect(result).not.toContain('Sp1Ay7-secret-code');
    expect(result).not.toContain('verifier-secret');
    expect(result).toContain('code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(result).toContain('state=abc123');
  });

  it('catches JWTs and session tokens wherever they hide, even glued to other text', () => {
    const hostile = `message="token was ${JWT}" x${JWT} %22${JWT}%22 partial eyJhbGciOi ${SESSION_TOKEN} FwoGZXIvYXdzEBYaDHsecret`;
    const result = redactSecrets(hostile);
    expectClean(result);
    expect(result).not.toContain('FwoGZXIvYXdz');
  });

  it('leaves values already redacted upstream as they were, so their lengths survive', () => {
    const text =
      'WebIdentityToken=(redacted: 812 characters)&RoleSessionName=alice code=%28redacted%29 <SessionToken>(redacted: 40 characters)</SessionToken>';
    expect(redactSecrets(text)).toBe(text);
  });

  it('does not let a fake marker smuggle a secret through', () => {
    const result = redactSecrets(`WebIdentityToken=(redacted)${SIGNATURE}`);
    expect(result).not.toContain(SIGNATURE);
  });

  it('leaves ordinary text alone', () => {
    const text =
      'HTTP 200\ncontent-type: text/xml\n<Arn>arn:aws:sts::111111111111:assumed-role/Developer/alice</Arn>';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('redactSecrets against imitated markers', () => {
  it.each([
    'WebIdentityToken=(redacted: 5 characters)SECRETVALUE',
    "X-Amz-Security-Token=(redacted)'SECRETVALUE",
    'X-Amz-Security-Token=(redacted)"SECRETVALUE',
    'code=abc,SECRETVALUE',
  ])('hides what follows a fake marker in %j', (text) => {
    expect(redactSecrets(text)).not.toContain('SECRETVALUE');
  });

  it('still leaves a real marker as it is', () => {
    expect(redactSecrets('WebIdentityToken=(redacted: 812 characters)&Version=2011-06-15')).toBe(
      'WebIdentityToken=(redacted: 812 characters)&Version=2011-06-15',
    );
  });
});

describe('redactSecrets on INI and env spellings', () => {
  it('hides the secret key and session token of a credentials file or an env file', () => {
    const text = [
      '[rolecall-developer]',
      'aws_access_key_id = ASIAQEXAMPLE',
      `aws_secret_access_key = ${SECRET_KEY}`,
      `aws_session_token=${SESSION_TOKEN}`,
      `AWS_SECRET_ACCESS_KEY="${SECRET_KEY}"`,
      `export AWS_SESSION_TOKEN='${SESSION_TOKEN}'`,
    ].join('\n');
    const result = redactSecrets(text);
    expectClean(result);
    expect(result).toContain('aws_access_key_id = ASIAQEXAMPLE');
    expect(result).toContain(`aws_secret_access_key = (redacted: ${SECRET_KEY.length} characters)`);
  });
});

describe('structured redaction, where traffic is recorded', () => {
  const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLWFsaWNlIn0.c2lnbmF0dXJl';

  it('replaces the web identity token in a form body by its marker and keeps the rest', () => {
    const body = `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2FDeveloper&WebIdentityToken=${TOKEN}&TokenCode=123456`;
    const result = redactFormBody(body);
    expect(result).not.toContain('eyJ');
    expect(result).toContain(`WebIdentityToken=(redacted: ${TOKEN.length} characters)`);
    expect(result).toContain('TokenCode=(redacted: 6 characters)');
    expect(result).toContain('RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2FDeveloper');
  });

  it('hides the session token, cookies and the signature, keeping the credential scope', () => {
    const headers = redactHeaders({
      'x-amz-security-token': 'IQoJb3JpZ2luX2VjE',
      'Set-Cookie': 'session=abc',
      authorization: `AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20260101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(JSON.stringify(headers)).not.toContain('IQoJb3JpZ2luX2VjE');
    expect(headers['Set-Cookie']).toBe('(redacted: 11 characters)');
    expect(headers.authorization).toContain('Credential=ASIAEXAMPLE/20260101/us-east-1/sts');
    expect(headers.authorization).toContain('Signature=(redacted: 64 characters)');
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('hides the secret access key and session token in XML, keeping the key id and expiry', () => {
    const xml = `<Credentials><AccessKeyId>ASIAQEXAMPLE</AccessKeyId><SecretAccessKey>${SECRET_KEY}</SecretAccessKey><SessionToken>${SESSION_TOKEN}</SessionToken><Expiration>2026-01-01T13:00:00Z</Expiration></Credentials>`;
    const result = redactXml(xml);
    expectClean(result);
    expect(result).toContain('<AccessKeyId>ASIAQEXAMPLE</AccessKeyId>');
    expect(result).toContain('<Expiration>2026-01-01T13:00:00Z</Expiration>');
  });

  it('hides the authorization code in a callback URL, not the state', () => {
    const result = redactUrl('http://localhost:5173/callback?code=Sp1Ay7-secret&state=abc123');
    expect(result).not.toContain('Sp1Ay7-secret');
    expect(result).toContain('state=abc123');
  });

  it('uses one list of names for both', () => {
    for (const name of [
      'WebIdentityToken',
      'X-Amz-Security-Token',
      'aws_secret_access_key',
      'code',
      'set-cookie',
    ]) {
      expect(isSecretName(name)).toBe(true);
    }
    for (const name of ['code_challenge', 'state', 'RoleArn', 'AccessKeyId']) {
      expect(isSecretName(name)).toBe(false);
    }
  });

  it('produces what the safety net leaves unchanged', () => {
    const recorded = [
      redactFormBody(`Action=AssumeRoleWithWebIdentity&WebIdentityToken=${TOKEN}&TokenCode=123456`),
      ...Object.entries(
        redactHeaders({
          'x-amz-security-token': SESSION_TOKEN,
          cookie: 'a=b',
          authorization: `AWS4-HMAC-SHA256 Credential=ASIAX/20260101/us-east-1/sts/aws4_request, Signature=${SIGNATURE}`,
        }),
      ).map(([name, value]) => `${name}: ${value}`),
      redactXml(
        `<SecretAccessKey>${SECRET_KEY}</SecretAccessKey><SessionToken>${SESSION_TOKEN}</SessionToken>`,
      ),
      redactUrl(
        'http://localhost:5173/callback?code=Sp1Ay7-secret&state=abc123&iss=http%3A%2F%2Fidp',
      ),
      `code=${redactionMarker()}&code_verifier=${redactionMarker(43)}`,
      JSON.stringify({ id_token: redactionMarker(812) }, null, 2),
    ];
    for (const text of recorded) expect(redactSecrets(text)).toBe(text);
  });
});
