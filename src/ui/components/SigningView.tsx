// Signing: the agreement as actually written — which may not be what your envoy told you — with what it is
// worth to you. s signs, x refuses (and the agreement falls apart at the table).
import { Box, Text } from 'ink';
import { crossesRedLine, utility } from '../../model/game.js';
import type { PlayerView } from '../../model/view.js';
import { partyName, util2 } from '../format.js';
import { useTheme } from '../theme.js';
import { Section } from './Section.js';
import { TermsList } from './TermsList.js';

export function SigningView({ view, width, rows }: { view: PlayerView; width: number; rows: number }) {
  const theme = useTheme();
  const agreement = view.agreement;
  if (!agreement) return <Text>Nothing to sign.</Text>;
  const terms = agreement.terms;
  const heard = view.proposals.find((p) => p.id === agreement.proposal)?.terms;
  const differs = heard !== undefined && heard.some((o, i) => o !== terms[i]);
  const u = utility(view.preferences, terms);
  const red = crossesRedLine(view.preferences, terms);
  const signed = agreement.signed.map((id) => partyName(view.game, id));
  const waiting = agreement.signatories.filter((id) => !agreement.signed.includes(id)).map((id) => partyName(view.game, id));
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Section title={`Signing: package #${agreement.proposal}, as written`} width={width} right={differs ? '≠ differs from what you heard' : undefined} />
      <TermsList game={view.game} prefs={view.preferences} terms={terms} width={width} rows={Math.max(2, rows - 3)} compareTo={differs ? heard : undefined} />
      <Text wrap="truncate">
        <Text bold>{'Your utility '}</Text>
        <Text bold color={u >= view.batna && !red ? theme.good : theme.bad}>
          {util2(u)}
        </Text>
        <Text color={theme.muted}>{` vs your BATNA ${util2(view.batna)} · `}</Text>
        <Text color={red ? theme.bad : u >= view.batna ? theme.good : theme.bad}>
          {red ? '✗ crosses one of your red lines' : u >= view.batna ? '▲ better than no deal' : '▼ worse than no deal'}
        </Text>
      </Text>
      <Text wrap="truncate" color={theme.muted}>
        {`Signed: ${signed.length ? signed.join(', ') : 'nobody yet'} · still to sign: ${waiting.join(', ')}`}
      </Text>
    </Box>
  );
}
