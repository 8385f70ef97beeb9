import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every production dependency ships to the browser; the README says why each one is there and
// what it may touch. Adding one without that entry fails here.
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

function explainedDependencies(readme: string): string[] {
  const section = /^## Production dependencies\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const [name = '', why = '', touches = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      if (!why || !touches) return [];
      return [...name.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    });
}

describe('production dependencies', () => {
  const { dependencies } = JSON.parse(read('package.json')) as {
    dependencies: Record<string, string>;
  };
  const explained = explainedDependencies(read('README.md'));

  it('are each explained in the README: why, and what they may touch', () => {
    expect(Object.keys(dependencies).filter((name) => !explained.includes(name))).toEqual([]);
  });

  it('are not listed in the README once removed', () => {
    expect(explained.filter((name) => !(name in dependencies))).toEqual([]);
  });

  it('reads a table row only when it has both columns filled', () => {
    const readme =
      '## Production dependencies\n\n| `left-pad` | padding | |\n| `zod` | checks | nothing |\n\n## Next\n';
    expect(explainedDependencies(readme)).toEqual(['zod']);
  });
});
