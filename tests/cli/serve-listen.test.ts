// The class server's start: a port already taken is one clear line, not a stack trace; a free port (0) is
// reported back, and the server closes cleanly.
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClass } from '../../src/cli/class-store.js';
import { loadGameCached } from '../../src/cli/scenario-arg.js';
import { serveClass } from '../../src/cli/serve/ssh-server.js';
import { dealSeats } from '../../src/engine/class-plan.js';
import { tempDir } from './helpers.js';

function classDir(): string {
  const dir = join(tempDir('backchannel-serve-listen-'), 'lesson');
  const loaded = loadGameCached('alaska-2025');
  createClass(dir, dealSeats(loaded.game, loaded.hash, [{ name: 'Ana' }], { seed: 1 }));
  return dir;
}

const options = (dir: string, port: number) => ({ dir, host: '127.0.0.1', port, whenAway: 'wait' as const, maxConnections: 5, idleMs: 60_000, log: () => undefined });

describe('starting the class server', () => {
  it('listens on a free port when given 0, makes its host key once, and closes', async () => {
    const dir = classDir();
    const server = await serveClass(options(dir, 0));
    expect(server.port).toBeGreaterThan(0);
    expect(server.codes.student).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    await server.close();
    await server.closed;
  });

  it('says so in one line when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as AddressInfo).port;
    try {
      await expect(serveClass(options(classDir(), port))).rejects.toThrow(`port ${port} is in use on 127.0.0.1:${port}: choose another with --port (0 picks a free one)`);
    } finally {
      taken.close();
    }
  });
});
