// simulate --vary plays its values side by side on threads: the rows must be the same, number for number, with
// one thread or several — and the same as the runs played one by one.
import { beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, ensureBuilt, runCli, tempDir } from './helpers.js';

const vary = ['simulate', 'moscow-2025-08', '--runs', '12', '--vary', 'parties.russia.postures.states.ambiguous-maximalist.strategy.floor=0.60:0.70:0.02', '--json'];

describe('simulate --vary on threads', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('prints the same rows on one thread and on three', { timeout: 120_000 }, async () => {
    const env = cliEnv(tempDir());
    const one = await runCli([...vary, '--threads', '1'], { env, timeoutMs: 100_000 });
    const three = await runCli([...vary, '--threads', '3'], { env, timeoutMs: 100_000 });
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    const rows = (JSON.parse(one.stdout) as { rows: { value: number; dealRate: number }[] }).rows;
    expect(rows.map((r) => r.value)).toEqual([0.6, 0.62, 0.64, 0.66, 0.68, 0.7]);
    expect(three.stdout).toBe(one.stdout);
  });

  it('refuses a thread count that is not a whole number', async () => {
    const r = await runCli([...vary, '--threads', 'many'], { env: cliEnv(tempDir()) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--threads/);
  });
});
