import type { Figure } from '../report.ts';
import { summarise } from '../stats.ts';

// CALL SITE FOR THE DEMO STS WORK: the demo STS against a trivial Node server answering fixed XML
// on the same machine is measured by demo/bench (owned by that work, not written twice here).
// Until its module is on main this row says so. When it lands, point FLOOR_MODULE at it and adapt
// `FloorModule` to its export if the name or shape differ.
const FLOOR_MODULE = '../../demo/bench/sts-floor.ts';

interface FloorRun {
  /** AssumeRoleWithWebIdentity requests per second of the demo STS. */
  stsPerSecond: number;
  /** Requests per second of the trivial server answering fixed XML. */
  floorPerSecond: number;
}

interface FloorModule {
  measureStsFloor(options: { runs: number; smoke: boolean }): Promise<FloorRun[]>;
}

function isFloorModule(module: unknown): module is FloorModule {
  return (
    typeof module === 'object' &&
    module !== null &&
    typeof (module as Partial<FloorModule>).measureStsFloor === 'function'
  );
}

export async function measureStsAgainstFloor(options: {
  runs: number;
  smoke: boolean;
}): Promise<Figure[]> {
  const ratio: Figure = {
    key: 'sts.floorRatio',
    label: 'demo STS AssumeRoleWithWebIdentity / trivial-server floor',
    unit: '×',
    goal: { text: '≥ 0.5', met: (value) => value >= 0.5 },
  };
  const module: unknown = await import(FLOOR_MODULE).catch(() => undefined);
  if (!isFloorModule(module)) {
    return [{ ...ratio, note: `${FLOOR_MODULE} (the demo STS work) is not on this branch yet` }];
  }
  const runs = await module.measureStsFloor(options);
  return [
    {
      key: 'sts.perSecond',
      label: 'demo STS AssumeRoleWithWebIdentity',
      unit: 'req/s',
      sample: summarise(runs.map((run) => run.stsPerSecond)),
    },
    {
      key: 'sts.floorPerSecond',
      label: '  trivial Node server, fixed XML',
      unit: 'req/s',
      sample: summarise(runs.map((run) => run.floorPerSecond)),
    },
    { ...ratio, sample: summarise(runs.map((run) => run.stsPerSecond / run.floorPerSecond)) },
  ];
}
