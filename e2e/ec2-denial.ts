import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Page } from '@playwright/test';
import { STS_ORIGIN } from './fixtures';

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** The open session's keys, read from the export panel's bash block once secrets are revealed. */
export async function keysOnPage(page: Page): Promise<Keys> {
  const panel = page.getByRole('region', { name: 'Export credentials' });
  await panel.getByRole('radio', { name: 'bash/zsh' }).check();
  await panel.getByRole('button', { name: 'Reveal secrets' }).click();
  const block = panel.getByRole('figure', { name: 'bash/zsh export' });
  const text = (await block.textContent()) ?? '';
  const value = (name: string) => {
    const match = new RegExp(`export ${name}='([^']*)'`).exec(text);
    if (!match?.[1]) throw new Error(`${name} not in the export`);
    return match[1];
  };
  await panel.getByRole('button', { name: 'Hide secrets' }).click();
  return {
    accessKeyId: value('AWS_ACCESS_KEY_ID'),
    secretAccessKey: value('AWS_SECRET_ACCESS_KEY'),
    sessionToken: value('AWS_SESSION_TOKEN'),
  };
}

/**
 * `aws ec2 run-instances --dry-run` against the demo's EC2 stand-in (docs/sts-conformance.md):
 * the error text, with its encoded authorization failure message when denied.
 */
export async function deniedRunInstances(keys: Keys): Promise<string> {
  const { hostname, port } = new URL(STS_ORIGIN);
  const body = new URLSearchParams({
    Action: 'RunInstances',
    Version: '2016-11-15',
    ImageId: 'ami-12345678',
    InstanceType: 't3.micro',
    MinCount: '1',
    MaxCount: '1',
    DryRun: 'true',
  }).toString();
  const signer = new SignatureV4({
    credentials: keys,
    region: 'us-east-1',
    service: 'ec2',
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: '/',
    query: {},
    headers: { host: `${hostname}:${port}`, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const headers = Object.fromEntries(
    Object.entries(signed.headers).filter(([name]) => name !== 'host'),
  );
  const response = await fetch(STS_ORIGIN, { method: 'POST', headers, body });
  const xml = await response.text();
  return /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] ?? xml;
}
