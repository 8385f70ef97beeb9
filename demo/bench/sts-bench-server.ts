import { startSts } from '../sts/server.ts';
import { startFakeIssuer } from '../sts/test/fake-issuer.ts';
import { startFloorServer } from './floor-server.ts';

/**
 * The benchmark's server process: a fake issuer, the STS and the floor server on random loopback
 * ports. It reports the URLs and a token to its parent, then runs until the parent disconnects.
 */
export interface BenchServerReady {
  stsUrl: string;
  floorUrl: string;
  token: string;
}

const idp = await startFakeIssuer({ algorithms: ['RS256'] });
const sts = await startSts({ port: 0, issuer: idp.issuer });
const floor = await startFloorServer();
// Alice's claims as the demo IdP issues them: session tags and a source identity, so that the
// trust policy is asked for sts:TagSession and sts:SetSourceIdentity too, as in the app.
const token = await idp.mint({
  sub: 'user-alice',
  exp: idp.nowSeconds() + 3600,
  'https://aws.amazon.com/source_identity': 'alice',
  'https://aws.amazon.com/tags': {
    principal_tags: { Team: ['platform'], CostCenter: ['cc-1234'] },
    transitive_tag_keys: ['Team'],
  },
});
process.send?.({ stsUrl: sts.url, floorUrl: floor.url, token } satisfies BenchServerReady);
// The parent asks for this process's CPU time around each run: server CPU per request.
process.on('message', (message) => {
  if (message !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicroseconds: user + system });
});
process.on('disconnect', () => {
  void Promise.all([sts.close(), idp.close(), floor.close()]).then(() => process.exit(0));
});
