export interface RoleArnParts {
  partition: string;
  accountId: string;
  /** The role's path, "/" when it has none. */
  path: string;
  name: string;
}

export interface AssumedRoleArnParts {
  partition: string;
  accountId: string;
  roleName: string;
  sessionName: string;
}

const ROLE_ARN = /^arn:(aws[\w-]*):iam::(\d{12}):role(\/(?:[\x21-\x7e]+\/)?)([\w+=,.@-]{1,64})$/;
const ASSUMED_ROLE_ARN =
  /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{2,64})$/;

export function parseRoleArn(arn: string): RoleArnParts | undefined {
  const match = ROLE_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, accountId, path, name] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { partition, accountId, path, name };
}

export function parseAssumedRoleArn(arn: string): AssumedRoleArnParts | undefined {
  const match = ASSUMED_ROLE_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, accountId, roleName, sessionName] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { partition, accountId, roleName, sessionName };
}

export function buildRoleArn(
  accountId: string,
  name: string,
  path = '/',
  partition = 'aws',
): string {
  const normalisedPath = path.endsWith('/') ? path : `${path}/`;
  return `arn:${partition}:iam::${accountId}:role${normalisedPath.startsWith('/') ? '' : '/'}${normalisedPath}${name}`;
}
