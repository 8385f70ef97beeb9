import { benchSts, type ServerFigure } from '../../demo/bench/sts-bench.ts';
import type { Figure } from '../report.ts';
import { summarise, type Sample } from '../stats.ts';

const sampleOf = (figure: ServerFigure): Sample => ({
  median: figure.median,
  min: figure.min,
  max: figure.max,
  runs: figure.runs.length,
});

/**
 * The demo STS against a trivial Node server answering fixed XML on the same machine, in the same
 * run (demo/bench/sts-bench.ts, also `npm run bench:sts`): the ratio is the median of run-by-run
 * ratios, so a busy machine slows both sides alike.
 */
export async function measureStsAgainstFloor(options: {
  runs: number;
  smoke: boolean;
}): Promise<Figure[]> {
  const figures = await benchSts({
    runs: options.runs,
    requests: options.smoke ? 100 : 2000,
  });
  const { floor, assumeRoleWithWebIdentity: assume, getCallerIdentity: whoAmI } = figures;
  const ratioGoal = figures.goal.assumeRoleWithWebIdentityRatio;
  const cpuNote = (figure: ServerFigure) =>
    `server CPU ${figure.serverCpuMicroseconds.toFixed(0)} µs/request`;
  return [
    {
      key: 'sts.floorPerSecond',
      label: 'trivial Node server, fixed XML (the floor)',
      unit: 'req/s',
      sample: sampleOf(floor),
      note: cpuNote(floor),
    },
    {
      key: 'sts.assumePerSecond',
      label: 'demo STS AssumeRoleWithWebIdentity',
      unit: 'req/s',
      sample: sampleOf(assume),
      note: cpuNote(assume),
    },
    {
      key: 'sts.assumeRatio',
      label: '  of the floor',
      unit: '×',
      sample: summarise(assume.ratios),
      goal: { text: `≥ ${ratioGoal}`, met: (value) => value >= ratioGoal },
      note: 'median of run-by-run ratios',
    },
    {
      key: 'sts.whoAmIPerSecond',
      label: 'demo STS GetCallerIdentity (SigV4 checked)',
      unit: 'req/s',
      sample: sampleOf(whoAmI),
      note: `${whoAmI.ratioToFloor.toFixed(2)} of the floor; ${cpuNote(whoAmI)}`,
    },
  ];
}
