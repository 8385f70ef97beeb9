import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cloudFrontResponseHeadersPolicy, securityHeaders } from './security-headers.ts';
import { checkTemplate, deployedResources, parseTemplate } from './test/cloudformation.ts';

const template = parseTemplate(
  readFileSync(new URL('../deploy/aws/hosting.yaml', import.meta.url), 'utf8'),
);
const POLICY =
  "default-src 'none'; connect-src 'self' https://idp.example.com; frame-ancestors 'none'";
const resources = deployedResources(template, {
  accountId: '111122223333',
  parameters: { ContentSecurityPolicy: POLICY },
});
/** A value inside a resource's properties, by dotted path ("DistributionConfig.Origins.0"). */
function at(from: Record<string, { Properties: unknown }>, name: string, path = ''): unknown {
  return path
    .split('.')
    .filter(Boolean)
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      from[name].Properties,
    );
}
const props = (name: string, path?: string) => at(resources, name, path);

describe('the hosting template', () => {
  it('parses, and names only what it defines', () => {
    expect(checkTemplate(template)).toEqual([]);
  });

  it('keeps the bucket private: CloudFront reads it through origin access control only', () => {
    expect(props('SiteBucket', 'PublicAccessBlockConfiguration')).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(props('SiteBucketPolicy', 'PolicyDocument.Statement.0')).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Condition: {
        StringEquals: {
          'AWS:SourceArn': expect.stringMatching(
            /^arn:aws:cloudfront::111122223333:distribution\//,
          ),
        },
      },
    });
    expect(props('Distribution', 'DistributionConfig.Origins.0')).toMatchObject({
      OriginAccessControlId: '<OriginAccess.Id>',
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
  });

  it('sends the headers npm run configure wrote, without the opener policy on the callback', () => {
    const headers = securityHeaders(POLICY);
    const pages = cloudFrontResponseHeadersPolicy(headers, 'pages', { openerPolicy: true });
    const callback = cloudFrontResponseHeadersPolicy(headers, 'callback', { openerPolicy: false });
    const policy = (name: string, path: string) =>
      props(name, `ResponseHeadersPolicyConfig.${path}`);
    expect(policy('PageHeaders', 'SecurityHeadersConfig')).toEqual(pages.SecurityHeadersConfig);
    expect(policy('PageHeaders', 'CustomHeadersConfig.Items')).toEqual(
      pages.CustomHeadersConfig.Items,
    );
    expect(policy('CallbackHeaders', 'SecurityHeadersConfig')).toEqual(
      callback.SecurityHeadersConfig,
    );
    expect(policy('CallbackHeaders', 'CustomHeadersConfig.Items')).toEqual(
      callback.CustomHeadersConfig.Items,
    );

    const behaviour = (path: string) => props('Distribution', `DistributionConfig.${path}`);
    expect(behaviour('DefaultCacheBehavior.ResponseHeadersPolicyId')).toBe('<ref:PageHeaders>');
    expect(behaviour('CacheBehaviors.0')).toMatchObject({
      PathPattern: '/callback',
      ResponseHeadersPolicyId: '<ref:CallbackHeaders>',
    });
  });

  it("answers the app's paths with index.html and leaves files alone", () => {
    const code = props('AppPaths', 'FunctionCode') as string;
    const rewrite = (uri: string) =>
      (
        runInNewContext(`${code}; handler({ request: { uri: ${JSON.stringify(uri)} } })`) as {
          uri: string;
        }
      ).uri;
    expect(rewrite('/callback')).toBe('/index.html');
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/config.json')).toBe('/config.json');
    expect(rewrite('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
  });

  it('uses a domain name when given one', () => {
    const withDomain = deployedResources(template, {
      accountId: '111122223333',
      parameters: {
        ContentSecurityPolicy: POLICY,
        DomainName: 'rolecall.example.com',
        CertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/x',
      },
    });
    expect(at(withDomain, 'Distribution', 'DistributionConfig.Aliases')).toEqual([
      'rolecall.example.com',
    ]);
    expect(at(withDomain, 'Distribution', 'DistributionConfig.ViewerCertificate')).toMatchObject({
      SslSupportMethod: 'sni-only',
    });
    expect(props('Distribution', 'DistributionConfig.Aliases')).toBeUndefined();
  });
});
