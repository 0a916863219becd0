/**
 * One interpretation of a logged request/response pair, used by every view: kind, conversation,
 * answers per choice, tools, tokens with their source, errors and guardrails with their true
 * reason, and the agent trace. `payloadFacts` flattens it into the fields the warehouse computes.
 */
export { interpretPayload } from './interpret';
export { factsOf, normaliseText, payloadFacts, type PayloadFacts } from './facts';
export { turnText, reasoningText } from './messages';
export { checkFindings } from './errors';
export { tryParse } from './json';
export type * from './types';
