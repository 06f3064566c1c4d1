// The proposal builder's state: the package being put together, the issue under the cursor and how it will be
// sent — or, for a relay or a readout, the account of someone's offer being written. Pure reducer.
import { useReducer } from 'react';
import type { PartyId, ProposalChannel, Terms } from '../../model/types.js';

export interface BuilderSetup {
  /** What the package is for: a proposal, passing on what you heard (relay), or your readout of talks. */
  purpose?: 'propose' | 'relay' | 'readout';
  terms: Terms;
  /** How many options each issue has. */
  options: readonly number[];
  channel: ProposalChannel;
  /** Direct talks: keep an official record (the default). */
  notetaker?: boolean;
  /** The channels Tab cycles through (the party's own; an envoy's errand stays one). */
  channels?: readonly ProposalChannel[];
  envoy?: string;
  /** Recipients (an envoy carries a package to one party); everyone active when left out. */
  to?: PartyId[];
  /** The parties a direct proposal may go to on its own: t cycles between the whole table and each of them. */
  recipients?: readonly PartyId[];
  /** The proposal this one answers. */
  replyTo?: number;
  /** Relay and readout: the message whose offer is told. */
  message?: number;
}

export interface BuilderState extends BuilderSetup {
  issue: number;
  /** The party last chosen alone with t: the next t from the whole table goes on from it. */
  alone?: PartyId;
  /** The terms the builder opened with: for a relay or readout, what you heard. */
  original: Terms;
}

export type BuilderEvent = { type: 'up' } | { type: 'down' } | { type: 'left' } | { type: 'right' } | { type: 'channel' } | { type: 'recipients' };

/** The ways Tab cycles through: direct with a notetaker, direct without one, in public — those allowed. */
function modes(state: BuilderState): { channel: ProposalChannel; notetaker: boolean }[] {
  const allowed = state.channels ?? ['direct', 'public'];
  const out: { channel: ProposalChannel; notetaker: boolean }[] = [];
  if (allowed.includes('direct')) out.push({ channel: 'direct', notetaker: true }, { channel: 'direct', notetaker: false });
  if (allowed.includes('public')) out.push({ channel: 'public', notetaker: true });
  return out;
}

export function builderReducer(state: BuilderState, event: BuilderEvent): BuilderState {
  const n = state.options.length;
  switch (event.type) {
    case 'up':
      return { ...state, issue: (state.issue - 1 + n) % n };
    case 'down':
      return { ...state, issue: (state.issue + 1) % n };
    case 'left':
    case 'right': {
      const count = state.options[state.issue]!;
      const step = event.type === 'left' ? -1 : 1;
      const terms = [...state.terms];
      terms[state.issue] = (terms[state.issue]! + step + count) % count;
      return { ...state, terms };
    }
    case 'channel': {
      if ((state.purpose ?? 'propose') !== 'propose' || state.channel === 'envoy') return state;
      const all = modes(state);
      if (all.length === 0) return state;
      const at = all.findIndex((m) => m.channel === state.channel && m.notetaker === (state.notetaker ?? true));
      const next = all[(at + 1) % all.length]!;
      // What is said in public is said to the whole table.
      const to = next.channel === 'public' ? undefined : state.to;
      return { ...state, channel: next.channel, notetaker: next.notetaker, to };
    }
    case 'recipients': {
      // From one party alone to the whole table (a counter can go to everyone, not only to the proposer), and
      // from the whole table to the next party alone.
      const choices = state.recipients ?? [];
      if ((state.purpose ?? 'propose') !== 'propose' || state.channel !== 'direct' || choices.length < 2) return state;
      if (state.to?.length === 1) return { ...state, to: undefined, alone: state.to[0] };
      const next = choices[(choices.indexOf(state.alone ?? '') + 1) % choices.length]!;
      return { ...state, to: [next], alone: next };
    }
  }
}

export function initialBuilder(setup: BuilderSetup): BuilderState {
  return { ...setup, terms: [...setup.terms], original: [...setup.terms], issue: 0 };
}

export function useBuilder(setup: BuilderSetup) {
  return useReducer(builderReducer, setup, initialBuilder);
}
