// The map names whoever holds a territory, a party at the table or a power that is not (an outsider).
import { afterEach, describe, expect, it } from 'vitest';
import { MapPanel } from '../../src/ui/components/MapPanel.js';
import { compileGame } from '../../src/model/game.js';
import { parseScenario } from '../../src/scenario/load.js';
import { edit } from '../scenario/fixture.js';
import { Providers, renderApp, type Terminal } from './render.js';

let t: Terminal | undefined;
afterEach(() => t?.unmount());

describe('the map', () => {
  it("names an outsider that holds a territory in its legend, with the occupier's share", () => {
    const text = edit('territories:\n', 'outsiders:\n  - { id: neutral, name: Neutral Republic, colour: cyan }\nterritories:\n').replace(
      '    holder: blue\n',
      '    holder: neutral\n',
    );
    const r = parseScenario(text, 'f.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const game = compileGame(r.scenario);
    t = renderApp(
      <Providers>
        <MapPanel game={game} control={{ east: 0.25 }} width={80} rows={4} />
      </Providers>,
      80,
      6,
    );
    const screen = t.screen();
    expect(screen).toContain('▓ Red  ░ Neutral Republic');
    expect(screen).toContain('25%');
  });
});
