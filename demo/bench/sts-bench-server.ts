import { startSts } from '../sts/server.ts';
import { startFakeIssuer } from '../sts/test/fake-issuer.ts';

/**
 * The benchmark's server process: a fake issuer and the STS on random loopback ports. It reports
 * the URLs and a token to its parent, then runs until the parent disconnects.
 */
export interface BenchServerReady {
  stsUrl: string;
  token: string;
}

const idp = await startFakeIssuer();
const sts = await startSts({ port: 0, issuer: idp.issuer });
const token = await idp.mint({ sub: 'user-alice', exp: idp.nowSeconds() + 3600 });
process.send?.({ stsUrl: sts.url, token } satisfies BenchServerReady);
process.on('disconnect', () => {
  void Promise.all([sts.close(), idp.close()]).then(() => process.exit(0));
});
