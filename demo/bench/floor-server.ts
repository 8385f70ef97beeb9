import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The benchmark's floor: the least any Node HTTP server does for a query-protocol call. It reads
 * the request body and answers a fixed AssumeRoleWithWebIdentity-sized XML document with the
 * headers STS sends. The demo STS is measured against it, on the same machine in the same run.
 */
const BODY = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
${'    <Filler>x</Filler>\n'.repeat(60)}  </AssumeRoleWithWebIdentityResult>
</AssumeRoleWithWebIdentityResponse>
`;

export async function startFloorServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, {
        'Content-Type': 'text/xml',
        'Content-Length': Buffer.byteLength(BODY),
        'x-amzn-RequestId': randomUUID(),
        Date: new Date().toUTCString(),
      });
      response.end(BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
