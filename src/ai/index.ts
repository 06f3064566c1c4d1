// The AI opponents: pure policies from a PlayerView (and the posture's Strategy) to a command and a reason.
export { decide, type Decision } from './decide.js';
export { betaOf, concessionTarget, DEFAULT_BETA, floorOf, timeOf } from './concession.js';
export { reciprocalTarget, observedConcession, KINDNESS } from './reciprocity.js';
export { learnOpponents, estimatedUtility, estimatedWeights, type OpponentModel } from './opponent-model.js';
export { searchPackage, objectiveOf, type SearchResult } from './search.js';
export { bestAcceptable, bestOpenOffer, judge, isOpenToMe, type Verdict } from './acceptance.js';
export { suspiciousEnvoyOffer, SUSPICION_JUMP } from './clarify.js';
export { targetsFor, type Targets } from './target.js';
export { tablesFor, ownUtility, allowedOptions, type Tables } from './tables.js';
export { relayCandidate, RELAY_CHANCE } from './relay.js';
export { readoutCandidate, READOUT_DISPUTED, READOUT_MEETING, READOUT_OTHER } from './readout.js';
export { shade, slantOf, type Shaded, type Slant } from './shade.js';
export { hearsayToVerify, trustIn, type Doubt } from './clarify.js';
export { relianceTable, relianceOn, culpritOf, RELIANCE_PER_EXPOSURE, MIN_RELIANCE } from './reliance.js';
export { routeFor, mayUse, bringNotetaker, type Route } from './talks.js';
export { informationPlan, informationMove, type InformationPlan } from './information.js';
