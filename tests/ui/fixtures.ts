// Options for the app in tests: the fixture scenarios as choices, and save functions that record their calls.
import type { AppOptions, GameStart, ScenarioChoice } from '../../src/ui/app-options.js';
import { alaska, fixturePath, mini, scenarioPath } from '../helpers/games.js';

export const miniChoice = (): ScenarioChoice => ({ game: mini(), hash: 'mini-hash', path: fixturePath('mini.yaml') });
export const alaskaChoice = (): ScenarioChoice => ({ game: alaska(), hash: 'alaska-hash', path: scenarioPath('alaska-2025') });

export interface Recorded {
  saves: Parameters<AppOptions['save']>[0][];
  transcripts: { name: string; markdown: string }[];
}

export function testOptions(overrides: Partial<AppOptions> = {}): { options: AppOptions; recorded: Recorded } {
  const recorded: Recorded = { saves: [], transcripts: [] };
  const options: AppOptions = {
    scenarios: [alaskaChoice(), miniChoice()],
    seed: 7,
    color: true,
    save: (game) => {
      recorded.saves.push(game);
      return `/tmp/backchannel-test-${recorded.saves.length}.json`;
    },
    saveTranscript: (name, markdown) => {
      recorded.transcripts.push({ name, markdown });
      return `/tmp/${name}.md`;
    },
    ...overrides,
  };
  return { options, recorded };
}

export function startAt(choice: ScenarioChoice, humans: string[], seed = 7): GameStart {
  return { choice, seed, humans };
}
