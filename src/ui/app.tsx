// The app: providers, the size gate, the screen flow and the two overlays (help, confirm quit). Orchestration of
// the game itself belongs to the session actor; this only decides what is on screen and when to save.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, useApp } from 'ink';
import type { AppOptions, AppResult, GameStart } from './app-options.js';
import { ConfirmOverlay } from './components/ConfirmOverlay.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { KeysProvider } from './context/keys.js';
import { firstScreen, type Screen } from './flow.js';
import { useAutosave } from './hooks/use-autosave.js';
import { MIN_SIZE, useTerminalSize } from './hooks/use-terminal-size.js';
import type { Scope } from './keymap.js';
import { GameScreens } from './screens/GameScreens.js';
import { RolePicker } from './screens/RolePicker.js';
import { ScenarioPicker } from './screens/ScenarioPicker.js';
import { Title } from './screens/Title.js';
import { PickList } from './components/PickList.js';
import { safeText } from './format.js';
import { TooSmall } from './screens/TooSmall.js';
import { saveState, startSession, type GameSession } from './session.js';
import { ThemeProvider } from './theme.js';

export interface AppProps {
  options: AppOptions;
  /** Called once, just before the app exits, with what it did. */
  onExit?: (result: AppResult) => void;
  /** Lets the caller interrupt the app (a signal): save, then exit. */
  interruptRef?: { current: (() => void) | undefined };
  /** Pause between automatic moves, in ms (tests use 0). */
  aiDelayMs?: number;
}

type Overlay = { kind: 'help'; scope: Scope; intro: boolean } | { kind: 'quit'; problem?: string };

export function App(props: AppProps) {
  return (
    <ThemeProvider color={props.options.color}>
      <Root {...props} />
    </ThemeProvider>
  );
}

const PRE_GAME: Scope[] = ['title', 'scenarios', 'roles'];
/** The screens before a game: the title, the class's students, the scenarios, the sides. */
const PRE_GAME_SCREENS: readonly Screen['name'][] = ['title', 'class', 'scenarios', 'roles'];

function Root({ options, onExit, interruptRef, aiDelayMs = 250 }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [session, setSession] = useState<GameSession>();
  const [screen, setScreen] = useState<Screen>({ name: 'title' });
  const [overlay, setOverlay] = useState<Overlay>();
  const result = useRef<AppResult>({ ended: false });
  const done = useRef(false);

  const begin = useCallback((start: GameStart) => {
    const s = startSession(start);
    setSession(s);
    setScreen(firstScreen(s, s.actor.getSnapshot().context.world));
  }, []);
  // A game given on the command line opens at once; a live seat opens at its table (or briefing, if unread).
  useEffect(() => {
    if (options.live) {
      const { session: s, party, status } = options.live;
      setSession(s);
      const first = firstScreen(s, s.actor.getSnapshot().context.world);
      setScreen(first.name === 'briefing' && status().briefed ? { name: 'table', viewer: party } : first);
    } else if (options.start) begin(options.start);
  }, [options.start, options.live, begin]);
  // Stop the actor when the game is replaced or the app ends (a live table's actor is the table's, not ours).
  useEffect(
    () => () => {
      if (!options.live) session?.actor.stop();
    },
    [session, options.live],
  );

  const save = useCallback((): string | undefined => {
    if (!session) return undefined;
    const path = options.save(saveState(session));
    result.current.savedTo = path;
    return path;
  }, [session, options]);
  const finish = useCallback(() => {
    if (done.current) return;
    done.current = true;
    result.current.ended = session?.actor.getSnapshot().context.world.phase === 'ended';
    onExit?.({ ...result.current });
    exit();
  }, [session, onExit, exit]);
  const interrupt = useCallback(() => {
    try {
      save();
    } catch {
      // Leaving anyway: the last autosave stands.
    }
    finish();
  }, [save, finish]);
  useEffect(() => {
    if (!interruptRef) return undefined;
    interruptRef.current = interrupt;
    return () => {
      interruptRef.current = undefined;
    };
  }, [interruptRef, interrupt]);

  const autosave = useCallback(() => {
    try {
      save();
    } catch {
      // A failed autosave is retried at the next one; quitting reports it.
    }
  }, [save]);
  // A live table saves itself after every move.
  useAutosave(options.live ? undefined : session, autosave);

  const onGlobal = useCallback(
    (action: 'help' | 'quit', scope: Scope) => {
      if (action === 'help') {
        setOverlay({ kind: 'help', scope, intro: false });
        return true;
      }
      if (!session || PRE_GAME.includes(scope)) finish();
      else if (scope === 'debrief' || scope === 'too-small') interrupt();
      else setOverlay({ kind: 'quit' });
      return true;
    },
    [session, finish, interrupt],
  );
  const confirmQuit = () => {
    try {
      save();
      finish();
    } catch (error) {
      setOverlay({ kind: 'quit', problem: `Could not save: ${error instanceof Error ? error.message : String(error)}. Quit anyway?` });
    }
  };

  const tooSmall = columns < MIN_SIZE.columns || rows < MIN_SIZE.rows;
  const width = columns;
  // The last line stays free so Ink never has to clear the whole screen between frames.
  const height = rows - 1;

  let content;
  if (!session || PRE_GAME_SCREENS.includes(screen.name)) {
    switch (screen.name) {
      case 'scenarios':
        content = (
          <ScenarioPicker
            scenarios={options.scenarios}
            width={width}
            height={height}
            onPick={(i) => setScreen({ name: 'roles', scenario: i })}
            onBack={() => setScreen({ name: 'title' })}
          />
        );
        break;
      case 'roles': {
        const choice = options.scenarios[screen.scenario]!;
        content = (
          <RolePicker
            game={choice.game.public}
            width={width}
            height={height}
            onStart={(humans) => begin({ choice, seed: options.seed, humans })}
            onBack={() => setScreen({ name: 'scenarios' })}
          />
        );
        break;
      }
      case 'class': {
        // Who are you? The student then sits at their table and seat (the command line starts that game).
        const offer = options.classOffer!;
        content = (
          <PickList
            title={`Join the class: ${safeText(offer.title)}`}
            intro={`The class in ${safeText(offer.folder)}. Choose your name: you sit at your table and seat, and your game is saved in the class folder.`}
            items={offer.students.map((s) => ({ label: safeText(s.name), detail: `${safeText(s.table)} · ${safeText(s.seat)}` }))}
            width={width}
            rows={height - 1}
            onPick={(i) => {
              result.current.student = offer.students[i]!.name;
              finish();
            }}
            onCancel={() => setScreen({ name: 'title' })}
          />
        );
        break;
      }
      default:
        content = (
          <Title
            width={width}
            height={height}
            classOffer={options.classOffer}
            onChoose={(c) =>
              c === 'class'
                ? setScreen({ name: 'class' })
                : c === 'new'
                  ? setScreen({ name: 'scenarios' })
                  : c === 'help'
                    ? setOverlay({ kind: 'help', scope: 'table', intro: true })
                    : finish()
            }
          />
        );
    }
  } else {
    content = (
      <GameScreens
        session={session}
        screen={screen}
        setScreen={setScreen}
        width={width}
        height={height}
        paused={tooSmall || overlay !== undefined}
        aiDelayMs={aiDelayMs}
        saveTranscript={options.saveTranscript}
        live={options.live}
      />
    );
  }

  return (
    <KeysProvider onInterrupt={interrupt} onGlobal={onGlobal}>
      {tooSmall && <TooSmall columns={columns} rows={rows} onQuit={interrupt} />}
      <Box flexDirection="column" width={width} height={tooSmall ? undefined : height} display={tooSmall ? 'none' : 'flex'}>
        <Box display={overlay ? 'none' : 'flex'} flexDirection="column">
          {content}
        </Box>
        {overlay?.kind === 'help' && <HelpOverlay scope={overlay.scope} intro={overlay.intro} width={width} height={height} onClose={() => setOverlay(undefined)} />}
        {overlay?.kind === 'quit' && (
          <ConfirmOverlay
            title="Quit Backchannel?"
            lines={options.live ? ['You leave the table; your seat is kept.', 'Connect again to come back to it.'] : ['The game is saved first; resume it with --load.']}
            problem={overlay.problem}
            width={width}
            height={height}
            onYes={overlay.problem ? finish : confirmQuit}
            onNo={() => setOverlay(undefined)}
          />
        )}
      </Box>
    </KeysProvider>
  );
}
