import { buildRoleArn } from '../utils/arn';
import { partitionOfRegion } from '../utils/aws-partition';
import type { ConfigProblem } from './parse-config';
import type { AppConfig } from './schema';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Rules that span several fields, checked once each field is valid on its own. */
export function crossCheck(config: AppConfig): ConfigProblem[] {
  return [
    ...partition(config),
    ...policyPartitions(config),
    ...plainHttp(config),
    ...duplicates(config),
    ...chains(config),
    ...refreshLead(config),
  ];
}

function partition(config: AppConfig): ConfigProblem[] {
  const { region, partition: chosen } = config.sts;
  const expected = partitionOfRegion(region);
  return expected === chosen
    ? []
    : [
        {
          field: 'sts.partition',
          message: `is "${chosen}", but region ${region} is in partition "${expected}": set "partition": "${expected}"`,
        },
      ];
}

// Tokens and credentials travel to these URLs: unencrypted only on this machine (the demo stack).
function policyPartitions(config: AppConfig): ConfigProblem[] {
  const prefix = `arn:${config.sts.partition}:`;
  return config.accounts.flatMap((account, index) =>
    account.roles.flatMap((role, roleIndex) =>
      (role.policyArns ?? []).flatMap((arn, arnIndex) =>
        arn.startsWith(prefix)
          ? []
          : [
              {
                field: `accounts[${index}].roles[${roleIndex}].policyArns[${arnIndex}]`,
                message: `must be in partition "${config.sts.partition}" (start with "${prefix}"), as sts.partition says`,
              },
            ],
      ),
    ),
  );
}

function plainHttp(config: AppConfig): ConfigProblem[] {
  return (
    [
      ['oidc.authority', config.oidc.authority],
      ['sts.endpoint', config.sts.endpoint],
      ['consoleBroker.url', config.consoleBroker?.url],
    ] as const
  ).flatMap(([field, url]) =>
    url && new URL(url).protocol === 'http:' && !LOOPBACK.has(new URL(url).hostname)
      ? [
          {
            field,
            message:
              'must use https (plain http is allowed only for localhost, such as the demo stack)',
          },
        ]
      : [],
  );
}

function duplicates(config: AppConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const accountIds = new Set<string>();
  config.accounts.forEach((account, index) => {
    if (accountIds.has(account.id)) {
      problems.push({
        field: `accounts[${index}].id`,
        message: `repeats account ${account.id}: list each account once`,
      });
    }
    accountIds.add(account.id);
    const arns = new Set<string>();
    account.roles.forEach((role, roleIndex) => {
      const arn = buildRoleArn(account.id, role.name, role.path, config.sts.partition);
      if (arns.has(arn)) {
        problems.push({
          field: `accounts[${index}].roles[${roleIndex}].name`,
          message: `repeats role ${role.name} in this account`,
        });
      }
      arns.add(arn);
    });
  });
  return problems;
}

// A chained role is reached from a web identity role's session: the hub must be configured and
// must not itself be chained (which could loop).
function chains(config: AppConfig): ConfigProblem[] {
  const roles = new Map(
    config.accounts.flatMap((account) =>
      account.roles.map(
        (role) =>
          [buildRoleArn(account.id, role.name, role.path, config.sts.partition), role] as const,
      ),
    ),
  );
  return config.accounts.flatMap((account, index) =>
    account.roles.flatMap((role, roleIndex) => {
      if (!role.chainFrom) return [];
      const field = `accounts[${index}].roles[${roleIndex}].chainFrom`;
      const hub = roles.get(role.chainFrom);
      if (!hub)
        return [
          {
            field,
            message: `names ${role.chainFrom}, which is not a role in this config: add it to its account`,
          },
        ];
      if (hub.chainFrom)
        return [
          {
            field,
            message: `names ${role.chainFrom}, which is chained itself: chain from a role reached with the ID token`,
          },
        ];
      return [];
    }),
  );
}

function refreshLead(config: AppConfig): ConfigProblem[] {
  const { durationSeconds, refreshLeadSeconds } = config.session;
  return refreshLeadSeconds >= durationSeconds
    ? [
        {
          field: 'session.refreshLeadSeconds',
          message: `must be less than session.durationSeconds (${durationSeconds}), or sessions would refresh without pause`,
        },
      ]
    : [];
}
