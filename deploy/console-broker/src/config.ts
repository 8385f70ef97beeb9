import { isPartitionId, PARTITIONS, type Partition } from './partitions.ts';

/**
 * The broker's configuration, from the environment of the Lambda function (or from the demo):
 *
 *   CONSOLE_BROKER_ALLOWED_ORIGINS  required: Rolecall's origin(s), comma-separated,
 *                                   e.g. https://rolecall.example.com
 *   CONSOLE_BROKER_PARTITION        aws (default) | aws-cn | aws-us-gov: sign-in and console hosts
 *   CONSOLE_BROKER_FEDERATION_URL   optional: another federation endpoint, e.g. a regional one
 *                                   (https://eu-west-1.signin.aws.amazon.com/federation) or the
 *                                   demo's; https, or http on loopback only
 */
export interface BrokerConfig {
  allowedOrigins: ReadonlySet<string>;
  partition: Partition;
  federationUrl: URL;
}

export interface BrokerSettings {
  allowedOrigins: readonly string[];
  partition?: string;
  federationUrl?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseOrigin(value: string): string {
  const url = URL.parse(value);
  const isOrigin =
    url !== null &&
    ['https:', 'http:'].includes(url.protocol) &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !url.username;
  if (!isOrigin || (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname))) {
    throw new ConfigError(
      `Each allowed origin must be an https origin such as https://rolecall.example.com (http only on localhost), got "${value}".`,
    );
  }
  return url.origin;
}

function parseFederationUrl(value: string): URL {
  const url = URL.parse(value);
  const secure =
    url?.protocol === 'https:' || (url?.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!url || !secure || url.search || url.hash || url.username) {
    throw new ConfigError(
      `CONSOLE_BROKER_FEDERATION_URL must be an https URL without a query, such as https://signin.aws.amazon.com/federation (http only on localhost), got "${value}".`,
    );
  }
  return url;
}

export function createBrokerConfig(settings: BrokerSettings): BrokerConfig {
  const origins = settings.allowedOrigins.map((origin) => origin.trim()).filter(Boolean);
  if (origins.length === 0) {
    throw new ConfigError(
      "CONSOLE_BROKER_ALLOWED_ORIGINS is empty: name Rolecall's origin, e.g. https://rolecall.example.com.",
    );
  }
  const partitionId = settings.partition?.trim() || 'aws';
  if (!isPartitionId(partitionId)) {
    throw new ConfigError(
      `CONSOLE_BROKER_PARTITION must be aws, aws-cn or aws-us-gov, got "${partitionId}".`,
    );
  }
  const partition = PARTITIONS[partitionId];
  const federationUrl = settings.federationUrl?.trim()
    ? parseFederationUrl(settings.federationUrl.trim())
    : new URL(partition.federationUrl);
  return { allowedOrigins: new Set(origins.map(parseOrigin)), partition, federationUrl };
}

export function configFromEnv(env: Readonly<Record<string, string | undefined>>): BrokerConfig {
  return createBrokerConfig({
    allowedOrigins: (env.CONSOLE_BROKER_ALLOWED_ORIGINS ?? '').split(','),
    partition: env.CONSOLE_BROKER_PARTITION,
    federationUrl: env.CONSOLE_BROKER_FEDERATION_URL,
  });
}
