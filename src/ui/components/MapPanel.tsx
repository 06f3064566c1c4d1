// The front: each territory at its place on the scenario's map, its control as shading (▓ the occupier's
// share, ░ the rest) and a percentage. Territories and their places are public, like the map on the wall.
import { Box, Text } from 'ink';
import type { Game } from '../../model/game.js';
import { controlCells, partyName, percent, placeMapItems, safeText } from '../format.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';

export interface MapPanelProps {
  game: Game;
  control: Record<string, number>;
  width: number;
  rows: number;
}

export function MapPanel({ game, control, width, rows }: MapPanelProps) {
  const theme = useTheme();
  const territories = game.scenario.territories;
  const cells = width >= 100 ? 6 : 4;
  const items = territories.map((t) => {
    const share = control[t.id] ?? t.control;
    const label = `${safeText(t.name)} `;
    const text = label.length + cells + 1 + percent(share).length;
    return { t, share, label, col: t.map.col, row: t.map.row, width: text, id: t.id };
  });
  const placed = placeMapItems(items, width, rows);
  const pairs = new Set(territories.map((t) => `${t.occupier}|${t.holder}`));
  const [occupier, holder] = territories[0] ? [territories[0].occupier, territories[0].holder] : ['', ''];
  const legend = pairs.size === 1 ? `▓ ${partyName(game.public, occupier)}  ░ ${partyName(game.public, holder)}` : '▓ occupied  ░ held';
  return (
    <Box flexDirection="column" width={width}>
      <Section title="Front" width={width} right={legend} />
      {territories.length === 0 && <Text color={theme.muted}>No territories in this scenario.</Text>}
      {Array.from({ length: territories.length === 0 ? rows - 1 : rows }, (_, y) => {
        const row = placed.filter((p) => p.y === y).sort((a, b) => a.x - b.x);
        let at = 0;
        return (
          <Box key={y} height={1}>
            <Text wrap="truncate">
              {row.map((p) => {
                const item = items.find((i) => i.id === p.id)!;
                const [held, rest] = controlCells(item.share, cells);
                const gap = ' '.repeat(Math.max(0, p.x - at));
                at = p.x + p.width;
                return (
                  <Text key={p.id}>
                    {gap}
                    <Text bold>{item.label}</Text>
                    <Text color={theme.party(game.public, item.t.occupier)}>{held}</Text>
                    <Text color={theme.party(game.public, item.t.holder)}>{rest}</Text>
                    {` ${percent(item.share)}`}
                  </Text>
                );
              })}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
