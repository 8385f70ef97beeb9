import { describe, expect, it } from 'vitest';
import demoConfig from '../../public/config.json';
import { parseConfig } from './parse-config';

function withChange(change: (config: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(demoConfig) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
}

function problemsOf(raw: unknown) {
  const result = parseConfig(raw);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.problems;
}

describe('parseConfig', () => {
  it('accepts the demo configuration that ships in public/', () => {
    const result = parseConfig(demoConfig);
    expect(result.ok).toBe(true);
  });

  it('fills in defaults for optional fields', () => {
    const result = parseConfig({
      oidc: { authority: 'https://idp.example.com', clientId: 'rolecall' },
      sts: { region: 'eu-west-1' },
      accounts: [{ id: '111122223333', name: 'Main', roles: [{ name: 'Dev' }] }],
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        oidc: { scope: 'openid profile email', redirectPath: '/callback' },
        sts: { requestTimeoutSeconds: 15 },
        session: { durationSeconds: 3600, sessionNameClaim: 'email' },
        groupsClaim: 'groups',
        accounts: [{ color: '#64748b', roles: [{ path: '/' }] }],
      },
    });
  });

  it('names a missing field', () => {
    const problems = problemsOf(
      withChange((c) => delete (c.oidc as Record<string, unknown>).authority),
    );
    expect(problems).toEqual([
      { field: 'oidc.authority', message: expect.stringMatching(/missing/) },
    ]);
  });

  it('names a bad account id inside the list and says what it expects', () => {
    const problems = problemsOf(
      withChange((c) => ((c.accounts as { id: string }[])[1].id = '2222')),
    );
    expect(problems).toEqual([
      { field: 'accounts[1].id', message: expect.stringContaining('12-digit AWS account id') },
    ]);
  });

  it('refuses a duration outside what STS allows', () => {
    const problems = problemsOf(
      withChange((c) => ((c.session as { durationSeconds: number }).durationSeconds = 60)),
    );
    expect(problems[0]).toMatchObject({
      field: 'session.durationSeconds',
      message: expect.stringContaining('at least 900'),
    });
  });

  it('refuses an STS timeout that would give up at once or leave the person waiting', () => {
    for (const seconds of [0, 600]) {
      const problems = problemsOf(
        withChange((c) => ((c.sts as Record<string, unknown>).requestTimeoutSeconds = seconds)),
      );
      expect(problems).toEqual([
        { field: 'sts.requestTimeoutSeconds', message: expect.stringMatching(/at (least|most)/) },
      ]);
    }
  });

  it('refuses an invalid region and a non-URL authority', () => {
    const problems = problemsOf(
      withChange((c) => {
        (c.sts as { region: string }).region = 'Frankfurt';
        (c.oidc as { authority: string }).authority = 'idp.example.com';
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['oidc.authority', 'sts.region']);
  });

  it('takes the partition as a choice and refuses one that does not hold the region', () => {
    const china = withChange((c) => {
      c.sts = { region: 'cn-north-1', partition: 'aws-cn' };
      (c.accounts as { roles: { chainFrom?: string }[] }[])[2].roles[0].chainFrom =
        'arn:aws-cn:iam::111111111111:role/Developer';
    });
    expect(parseConfig(china)).toMatchObject({
      ok: true,
      config: { sts: { partition: 'aws-cn' } },
    });
    expect(problemsOf(withChange((c) => (c.sts = { region: 'us-gov-west-1' })))).toEqual([
      {
        field: 'sts.partition',
        message: expect.stringContaining('region us-gov-west-1 is in partition "aws-us-gov"'),
      },
    ]);
    expect(
      problemsOf(withChange((c) => (c.sts = { region: 'eu-west-1', partition: 'aws-eu' }))),
    ).toEqual([{ field: 'sts.partition', message: expect.stringContaining('"aws-cn" (China)') }]);
  });

  it('attaches only managed policies of the same partition', () => {
    const problems = problemsOf(
      withChange((c) => {
        c.sts = { region: 'cn-north-1', partition: 'aws-cn' };
        const accounts = c.accounts as { roles: Record<string, unknown>[] }[];
        accounts[2].roles[0].chainFrom = 'arn:aws-cn:iam::111111111111:role/Developer';
        accounts[0].roles[0].policyArns = ['arn:aws:iam::aws:policy/ReadOnlyAccess'];
      }),
    );
    expect(problems).toEqual([
      {
        field: 'accounts[0].roles[0].policyArns[0]',
        message: expect.stringContaining('must be in partition "aws-cn"'),
      },
    ]);
  });

  it('chains only from a role in the same partition', () => {
    const problems = problemsOf(
      withChange((c) => (c.sts = { region: 'us-gov-west-1', partition: 'aws-us-gov' })),
    );
    expect(problems).toEqual([
      {
        field: 'accounts[2].roles[0].chainFrom',
        message: expect.stringContaining('not a role in this config'),
      },
    ]);
  });

  it('checks the fields the IAM template reads', () => {
    const problems = problemsOf(
      withChange((c) => {
        const role = (c.accounts as Record<string, unknown>[][])[0] as unknown as {
          roles: Record<string, unknown>[];
        };
        role.roles[0].subjects = ['user-*', 'has space'];
        role.roles[0].policyArns = ['ReadOnlyAccess'];
        c.iam = { sessionTags: 'yes' };
      }),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'accounts[0].roles[0].subjects[1]',
      'accounts[0].roles[0].policyArns[0]',
      'iam.sessionTags',
    ]);
  });

  it('flags a misspelt field instead of ignoring it', () => {
    const problems = problemsOf(
      withChange((c) => ((c.sts as Record<string, unknown>).endpont = 'x')),
    );
    expect(problems).toEqual([{ field: 'sts', message: 'has unknown field(s) "endpont"' }]);
  });

  it('explains a file that is not an object', () => {
    expect(problemsOf([])).toEqual([{ field: '', message: 'must be an object' }]);
  });
});

describe('parseConfig rules across fields', () => {
  it('takes an optional console broker URL, over https unless on this machine', () => {
    const with_ = (url: unknown) => withChange((c) => (c.consoleBroker = { url }));
    expect(parseConfig(with_('https://console.example.com/broker')).ok).toBe(true);
    expect(problemsOf(with_('http://broker.example.com/'))).toEqual([
      { field: 'consoleBroker.url', message: expect.stringContaining('must use https') },
    ]);
    expect(problemsOf(with_('ftp://x'))[0]?.field).toBe('consoleBroker.url');
    expect(parseConfig(withChange((c) => delete c.consoleBroker)).ok).toBe(true);
  });

  it('tells a host that is not plain from a URL that is not http(s)', () => {
    const withIssuer = (authority: string) =>
      withChange((c) => ((c.oidc as { authority: string }).authority = authority));
    for (const authority of [
      'https://*.example.com',
      'https://a.example;script-src',
      "https://a.example'unsafe-eval'",
      'https://a.example,b',
    ]) {
      expect(problemsOf(withIssuer(authority)), authority).toEqual([
        {
          field: 'oidc.authority',
          message:
            "has a host that may hold only letters, digits, hyphens and dots (at most 63 between dots, 253 in all), or be an IP address: no *, ;, ' or ,",
        },
      ]);
    }
    expect(problemsOf(withIssuer('ftp://idp.example.com'))).toEqual([
      {
        field: 'oidc.authority',
        message:
          'must be the full http(s) URL of the OpenID Connect issuer, for example "https://idp.example.com"',
      },
    ]);
  });

  it('refuses plain http except on this machine', () => {
    const problems = problemsOf(
      withChange((c) => ((c.oidc as { authority: string }).authority = 'http://idp.example.com')),
    );
    expect(problems).toEqual([
      { field: 'oidc.authority', message: expect.stringContaining('must use https') },
    ]);
  });

  it('refuses a role chained from a role that is not configured, or from a chained one', () => {
    const unknownHub = problemsOf(
      withChange((c) => {
        const audit = (c.accounts as { roles: { chainFrom?: string }[] }[])[2];
        audit.roles[0].chainFrom = 'arn:aws:iam::111111111111:role/Nobody';
      }),
    );
    expect(unknownHub).toEqual([
      {
        field: 'accounts[2].roles[0].chainFrom',
        message: expect.stringContaining('not a role in this config'),
      },
    ]);
    const selfChained = problemsOf(
      withChange((c) => {
        const audit = (c.accounts as { roles: { chainFrom?: string }[] }[])[2];
        audit.roles[0].chainFrom = 'arn:aws:iam::333333333333:role/Auditor';
      }),
    );
    expect(selfChained[0].message).toContain('chained itself');
  });

  it('refuses a repeated account', () => {
    const problems = problemsOf(
      withChange((c) => ((c.accounts as { id: string }[])[1].id = '111111111111')),
    );
    expect(problems).toEqual([
      { field: 'accounts[1].id', message: expect.stringContaining('repeats account') },
    ]);
  });

  it('refuses a refresh lead as long as the session', () => {
    const problems = problemsOf(
      withChange((c) => ((c.session as { refreshLeadSeconds: number }).refreshLeadSeconds = 3600)),
    );
    expect(problems[0]).toMatchObject({ field: 'session.refreshLeadSeconds' });
  });

  it('says what an empty claim name should be', () => {
    const problems = problemsOf(withChange((c) => (c.groupsClaim = '')));
    expect(problems).toEqual([
      { field: 'groupsClaim', message: 'must name an ID token claim, such as "groups"' },
    ]);
  });
});
