import { parse, type CollectionTag, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Test support for CloudFormation templates: a YAML parser that understands CloudFormation's short
 * tags (!Ref, !Sub, !If …) by turning them into their long form, reference checks (each Ref,
 * GetAtt and Condition names something the template defines; property names are the ones the
 * CloudFormation reference lists for the resource types Rolecall uses), and an evaluator for
 * conditions and the intrinsics Rolecall's templates use, to read a template as a given account
 * would get it.
 */
export type Template = {
  Parameters?: Record<string, { Default?: string; AllowedValues?: string[] }>;
  Conditions?: Record<string, unknown>;
  Resources: Record<
    string,
    { Type: string; Condition?: string; Properties?: Record<string, unknown>; DependsOn?: unknown }
  >;
  Outputs?: Record<string, { Value: unknown; Condition?: string }>;
};

const FUNCTIONS: Record<string, string> = {
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Sub': 'Fn::Sub',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
};

const tags: (ScalarTag | CollectionTag)[] = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  { tag: '!Condition', resolve: (value: string) => ({ Condition: value }) },
  {
    tag: '!GetAtt',
    resolve: (value: string) => ({
      'Fn::GetAtt': [value.slice(0, value.indexOf('.')), value.slice(value.indexOf('.') + 1)],
    }),
  },
  ...Object.entries(FUNCTIONS).flatMap(([tag, name]): (ScalarTag | CollectionTag)[] => [
    { tag, resolve: (value: string) => ({ [name]: value }) },
    {
      tag,
      collection: 'seq',
      resolve: (seq: YAMLSeq.Parsed | YAMLMap.Parsed) => ({ [name]: seq.toJSON() as unknown }),
    },
    {
      tag,
      collection: 'map',
      resolve: (map: YAMLSeq.Parsed | YAMLMap.Parsed) => ({ [name]: map.toJSON() as unknown }),
    },
  ]),
];

export function parseTemplate(text: string): Template {
  return parse(text, { customTags: tags, prettyErrors: true, uniqueKeys: true }) as Template;
}

const PSEUDO = new Set([
  'AWS::AccountId',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::URLSuffix',
  'AWS::NoValue',
]);

// Property names from the CloudFormation template reference for each type.
const PROPERTIES: Record<string, string[]> = {
  'AWS::IAM::OIDCProvider': ['ClientIdList', 'Tags', 'ThumbprintList', 'Url'],
  'AWS::IAM::Role': [
    'AssumeRolePolicyDocument',
    'Description',
    'ManagedPolicyArns',
    'MaxSessionDuration',
    'Path',
    'PermissionsBoundary',
    'Policies',
    'RoleName',
    'Tags',
  ],
  'AWS::CloudFormation::WaitConditionHandle': [],
  'AWS::S3::Bucket': [
    'BucketName',
    'BucketEncryption',
    'OwnershipControls',
    'PublicAccessBlockConfiguration',
    'VersioningConfiguration',
    'Tags',
    'LifecycleConfiguration',
  ],
  'AWS::S3::BucketPolicy': ['Bucket', 'PolicyDocument'],
  'AWS::CloudFront::OriginAccessControl': ['OriginAccessControlConfig'],
  'AWS::CloudFront::Distribution': ['DistributionConfig', 'Tags'],
  'AWS::CloudFront::ResponseHeadersPolicy': ['ResponseHeadersPolicyConfig'],
  'AWS::CloudFront::Function': [
    'AutoPublish',
    'FunctionCode',
    'FunctionConfig',
    'FunctionMetadata',
    'Name',
  ],
};

/** Problems a deployment would hit before creating anything: undefined names, unknown properties. */
export function checkTemplate(template: Template): string[] {
  const problems: string[] = [];
  const parameters = new Set(Object.keys(template.Parameters ?? {}));
  const conditions = new Set(Object.keys(template.Conditions ?? {}));
  const resources = new Set(Object.keys(template.Resources));

  const visit = (node: unknown, where: string, inConditions: boolean): void => {
    if (Array.isArray(node))
      return node.forEach((item, i) => visit(item, `${where}[${i}]`, inConditions));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'Ref' && typeof value === 'string') {
        const known =
          parameters.has(value) || PSEUDO.has(value) || (!inConditions && resources.has(value));
        if (!known) problems.push(`${where}: Ref ${value} names nothing`);
      } else if (key === 'Fn::Sub') {
        const text = typeof value === 'string' ? value : (value as string[])[0];
        for (const [, name] of text.matchAll(/\$\{([^}!]+)\}/g)) {
          const [target] = name.split('.');
          if (!resources.has(target) && !parameters.has(target) && !PSEUDO.has(name)) {
            problems.push(`${where}: Sub \${${name}} names nothing`);
          }
        }
      } else if (key === 'Fn::GetAtt') {
        const [resource] = value as string[];
        if (!resources.has(resource))
          problems.push(`${where}: GetAtt ${resource} names no resource`);
      } else if (key === 'Condition' && typeof value === 'string' && !conditions.has(value)) {
        problems.push(`${where}: condition ${value} is not defined`);
      } else if (key === 'Fn::If' && !conditions.has((value as string[])[0])) {
        problems.push(`${where}: Fn::If on undefined condition ${(value as string[])[0]}`);
      } else if (
        (key === 'Fn::And' || key === 'Fn::Or') &&
        ((value as unknown[]).length < 2 || (value as unknown[]).length > 10)
      ) {
        problems.push(`${where}: ${key} takes 2 to 10 conditions`);
      }
      visit(value, `${where}.${key}`, inConditions);
    }
  };
  visit(template.Conditions, 'Conditions', true);
  for (const [name, resource] of Object.entries(template.Resources)) {
    const allowed = PROPERTIES[resource.Type];
    if (!allowed) problems.push(`${name}: type ${resource.Type} is not one this check knows`);
    for (const property of Object.keys(resource.Properties ?? {})) {
      if (allowed && !allowed.includes(property))
        problems.push(`${name}: ${resource.Type} has no property ${property}`);
    }
    if (resource.Condition && !conditions.has(resource.Condition))
      problems.push(`${name}: condition ${resource.Condition} is not defined`);
    visit(resource, `Resources.${name}`, false);
  }
  visit(template.Outputs, 'Outputs', false);
  return problems;
}

export interface Deployment {
  accountId: string;
  partition?: string;
  region?: string;
  parameters?: Record<string, string>;
  /** What Ref and GetAtt of a resource give (its ARN, id …): defaults to `<ref:Name>`. */
  resourceRef?: (name: string) => string;
}

/** The resources a stack in this account would create, with intrinsics resolved. */
export function deployedResources(
  template: Template,
  deployment: Deployment,
): Record<string, { Type: string; Properties: Record<string, unknown> }> {
  const resolved = resolver(template, deployment);
  return Object.fromEntries(
    Object.entries(template.Resources)
      .filter(([, resource]) => !resource.Condition || resolved.condition(resource.Condition))
      .map(([name, resource]) => [
        name,
        {
          Type: resource.Type,
          Properties: resolved.value(resource.Properties ?? {}) as Record<string, unknown>,
        },
      ]),
  );
}

function resolver(template: Template, deployment: Deployment) {
  const pseudo: Record<string, string> = {
    'AWS::AccountId': deployment.accountId,
    'AWS::Partition': deployment.partition ?? 'aws',
    'AWS::Region': deployment.region ?? 'us-east-1',
    'AWS::StackName': 'rolecall',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  const parameter = (name: string) =>
    deployment.parameters?.[name] ?? template.Parameters?.[name]?.Default ?? `<parameter:${name}>`;
  const ref = (name: string) =>
    pseudo[name] ??
    (template.Parameters?.[name]
      ? parameter(name)
      : (deployment.resourceRef ?? ((n) => `<ref:${n}>`))(name));

  const condition = (name: string): boolean => Boolean(value(template.Conditions?.[name]));
  const value = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(value).filter((item) => item !== NO_VALUE);
    if (typeof node !== 'object' || node === null) return node;
    const entries = Object.entries(node as Record<string, unknown>);
    if (entries.length === 1) {
      const [[key, arg]] = entries;
      const args = arg as unknown[];
      switch (key) {
        case 'Ref':
          return arg === 'AWS::NoValue' ? NO_VALUE : ref(arg as string);
        case 'Condition':
          if (typeof arg === 'string') return condition(arg);
          break;
        case 'Fn::Equals':
          return value(args[0]) === value(args[1]);
        case 'Fn::And':
          return args.every((item) => value(item) === true);
        case 'Fn::Or':
          return args.some((item) => value(item) === true);
        case 'Fn::Not':
          return value(args[0]) !== true;
        case 'Fn::If':
          return value(condition(args[0] as string) ? args[1] : args[2]);
        case 'Fn::GetAtt':
          return `<${args.join('.')}>`;
        case 'Fn::Join':
          return (value(args[1]) as string[]).join(args[0] as string);
        case 'Fn::Sub':
          return (arg as string).replace(/\$\{([^}]+)\}/g, (_m, name: string) =>
            name.includes('.') ? `<${name}>` : ref(name),
          );
      }
    }
    return Object.fromEntries(
      entries.map(([key, item]) => [key, value(item)]).filter(([, item]) => item !== NO_VALUE),
    );
  };
  return { condition, value };
}

const NO_VALUE = Symbol('AWS::NoValue');
