import { describe, expect, it } from 'vitest';
import { configFromEnv, createBrokerConfig } from './config.ts';

describe('the broker configuration', () => {
  it('defaults to the aws partition and its federation endpoint', () => {
    const config = configFromEnv({
      CONSOLE_BROKER_ALLOWED_ORIGINS: 'https://rolecall.example.com, https://rolecall.example.org/',
    });

    expect([...config.allowedOrigins]).toEqual([
      'https://rolecall.example.com',
      'https://rolecall.example.org',
    ]);
    expect(config.partition.id).toBe('aws');
    expect(config.federationUrl.href).toBe('https://signin.aws.amazon.com/federation');
  });

  it.each([
    ['aws-cn', 'https://signin.amazonaws.cn/federation'],
    ['aws-us-gov', 'https://signin.amazonaws-us-gov.com/federation'],
  ])('signs in to the %s partition at %s', (partition, federationUrl) => {
    const config = configFromEnv({
      CONSOLE_BROKER_ALLOWED_ORIGINS: 'https://rolecall.example.com',
      CONSOLE_BROKER_PARTITION: partition,
    });

    expect(config.federationUrl.href).toBe(federationUrl);
  });

  it('takes another federation endpoint: a regional host, or the demo on loopback', () => {
    const regional = 'https://eu-west-1.signin.aws.amazon.com/federation';
    const demo = 'http://localhost:5191/federation';
    const at = (federationUrl: string) =>
      createBrokerConfig({ allowedOrigins: ['http://localhost:5173'], federationUrl });

    expect(at(regional).federationUrl.href).toBe(regional);
    expect(at(demo).federationUrl.href).toBe(demo);
  });

  it.each([
    [{ CONSOLE_BROKER_ALLOWED_ORIGINS: '' }, /ALLOWED_ORIGINS is empty/],
    [{}, /ALLOWED_ORIGINS is empty/],
    [{ CONSOLE_BROKER_ALLOWED_ORIGINS: '*' }, /https origin/],
    [{ CONSOLE_BROKER_ALLOWED_ORIGINS: 'https://rolecall.example.com/app' }, /https origin/],
    [{ CONSOLE_BROKER_ALLOWED_ORIGINS: 'http://rolecall.example.com' }, /http only on localhost/],
    [
      { CONSOLE_BROKER_ALLOWED_ORIGINS: 'https://a.example', CONSOLE_BROKER_PARTITION: 'aws-iso' },
      /aws, aws-cn or aws-us-gov/,
    ],
    [
      {
        CONSOLE_BROKER_ALLOWED_ORIGINS: 'https://a.example',
        CONSOLE_BROKER_FEDERATION_URL: 'http://signin.example/federation',
      },
      /FEDERATION_URL must be an https URL/,
    ],
    [
      {
        CONSOLE_BROKER_ALLOWED_ORIGINS: 'https://a.example',
        CONSOLE_BROKER_FEDERATION_URL: 'https://signin.example/federation?Action=login',
      },
      /without a query/,
    ],
  ])('refuses %j', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(message);
  });
});
