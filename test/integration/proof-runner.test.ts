import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `npm run proof` is its own script (CI runs `--ci` after `npm test`); this keeps the runner itself from rotting:
 * all three suites on a tiny setting, their figures and closing lines, and the replay line with the seed.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run proof', () => {
  it('runs kill -9, corruption and hostile input on a tiny setting and closes each with "N passed, N failed"', () => {
    const run = spawnSync(process.execPath, ['proof/index.ts', '--ci', '--seed', '7', '--kills', '2', '--trials', '3', '--properties', '3'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain('seed 7 (replay: npm run proof -- --ci --seed 7)');
    for (const suite of ['== kill ==', '== corruption ==', '== hostile ==']) expect(out).toContain(suite);
    expect(out).toMatch(/ runs \.+ 2\n/);
    expect(out).toMatch(/ trials \.+ 3\n/);
    expect(out).toMatch(/ IPC: every channel of the contract \.+ \d+ × 2 = \d+ cases\n/);
    const closing = out.split('\n').filter((line) => /^\d+ passed, \d+ failed$/.test(line));
    expect(closing).toEqual(['2 passed, 0 failed', '3 passed, 0 failed', expect.stringMatching(/^\d+ passed, 0 failed$/), expect.stringMatching(/^\d+ passed, 0 failed$/)]);
    const [kill, corruption, hostile, overall] = closing.map((line) => Number(line.split(' ')[0]));
    expect(overall).toBe(kill! + corruption! + hostile!);
    expect(out.trimEnd().split('\n').at(-1)).toBe(closing.at(-1));
  });
});
