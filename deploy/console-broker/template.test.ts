import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const template = readFileSync(new URL('template.yaml', import.meta.url), 'utf8');
const configSource = readFileSync(new URL('src/config.ts', import.meta.url), 'utf8');

describe('the CloudFormation template', () => {
  it('runs the handler the build produces', () => {
    expect(template).toMatch(/^ {6}Handler: handler\.handler$/m);
    expect(template).toMatch(/^ {6}Code: dist$/m);
  });

  it('sets exactly the variables the broker reads', () => {
    const set = [...template.matchAll(/^ {10}(CONSOLE_BROKER_\w+):/gm)].map((match) => match[1]);
    const read = [...configSource.matchAll(/env\.(CONSOLE_BROKER_\w+)/g)].map((match) => match[1]);

    expect(set.sort()).toEqual(read.sort());
  });

  it('leaves CORS to the function, which answers preflights from its allowlist', () => {
    expect(template).not.toMatch(/^\s+Cors:/m);
  });
});
