// Colours: one per party (from the scenario), a few for the interface, and none at all with NO_COLOR — then
// symbols and bold carry the meaning instead.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { PublicGame } from '../model/game.js';
import type { PartyId } from '../model/types.js';

export interface Theme {
  color: boolean;
  /** A colour name for Ink's `color` prop, or undefined when colours are off. */
  party: (game: PublicGame, id: PartyId | undefined) => string | undefined;
  accent: string | undefined;
  good: string | undefined;
  bad: string | undefined;
  warn: string | undefined;
  muted: string | undefined;
}

export function makeTheme(color: boolean): Theme {
  const c = (name: string) => (color ? name : undefined);
  return {
    color,
    party: (game, id) => (color && id ? (game.parties.find((p) => p.id === id)?.colour ?? game.outsiders.find((o) => o.id === id)?.colour) : undefined),
    accent: c('cyan'),
    good: c('green'),
    bad: c('red'),
    warn: c('yellow'),
    muted: c('gray'),
  };
}

const ThemeContext = createContext<Theme | null>(null);

export function ThemeProvider({ color, children }: { color: boolean; children: ReactNode }) {
  const theme = useMemo(() => makeTheme(color), [color]);
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
  const theme = useContext(ThemeContext);
  if (!theme) throw new Error('useTheme must be used inside <ThemeProvider>');
  return theme;
}
