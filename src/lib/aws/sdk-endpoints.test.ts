import { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { Partition } from '../../config/schema';
import { stsRegionalEndpoint } from '../../utils/aws-partition';

// The CSP allows exactly the endpoint Rolecall computes; the SDK must call that very one.
describe('STS endpoints in each partition', () => {
  it.each<[string, Partition]>([
    ['eu-west-1', 'aws'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-east-1', 'aws-us-gov'],
  ])('%s: the SDK calls the endpoint Rolecall allows', async (region, partition) => {
    const client = new STSClient({ region });
    const resolved = client.config.endpointProvider({
      Region: region,
      UseFIPS: false,
      UseDualStack: false,
      UseGlobalEndpoint: false,
    });
    expect(resolved.url.origin).toBe(stsRegionalEndpoint(region, partition));
    client.destroy();
  });
});
