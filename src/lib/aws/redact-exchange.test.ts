import { describe, expect, it } from 'vitest';
import { redactFormBody, redactHeaders, redactXml } from './redact-exchange';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLWFsaWNlIn0.c2lnbmF0dXJl';

describe('redactFormBody', () => {
  it('replaces the web identity token by its length and keeps the rest', () => {
    const body = `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2FDeveloper&WebIdentityToken=${TOKEN}`;
    const result = redactFormBody(body);
    expect(result).not.toContain(TOKEN);
    expect(result).not.toContain('eyJ');
    expect(result).toContain(`WebIdentityToken=(redacted: ${TOKEN.length} characters)`);
    expect(result).toContain('RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2FDeveloper');
  });
});

describe('redactHeaders', () => {
  it('hides the session token and the signature', () => {
    const headers = redactHeaders({
      'x-amz-security-token': 'IQoJb3JpZ2luX2VjE',
      authorization:
        'AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20260101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(JSON.stringify(headers)).not.toContain('IQoJb3JpZ2luX2VjE');
    expect(headers.authorization).toContain('Signature=(redacted)');
    expect(headers.authorization).not.toContain('0123456789abcdef');
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
  });
});

describe('redactXml', () => {
  it('hides the secret access key and session token, keeping the key id and expiry', () => {
    const xml =
      '<Credentials><AccessKeyId>ASIAQEXAMPLE</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG</SecretAccessKey><SessionToken>FwoGZXIvYXdzE</SessionToken><Expiration>2026-01-01T13:00:00Z</Expiration></Credentials>';
    const result = redactXml(xml);
    expect(result).not.toContain('wJalrXUtnFEMI');
    expect(result).not.toContain('FwoGZXIvYXdzE');
    expect(result).toContain('<AccessKeyId>ASIAQEXAMPLE</AccessKeyId>');
    expect(result).toContain('<Expiration>2026-01-01T13:00:00Z</Expiration>');
  });
});
