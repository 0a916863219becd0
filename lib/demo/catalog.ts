/**
 * The fixed cast of the demo: endpoints, served entities, requesters and the incidents planted
 * relative to the end of the generated period. Ids are stable across seeds so tests, docs and
 * bookmarks can name them.
 */
import { createHash } from 'node:crypto';

const hex32 = (s: string) => createHash('md5').update(s).digest('hex');
const uuid = (s: string) => {
  const h = hex32(s);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const GENERATOR_VERSION = '1.1.0';
export const ACCOUNT_ID = uuid('demo-account');
export const WORKSPACE_ID = '1234567890123456';

export const ENDPOINTS = {
  chat: 'chat_assistant',
  agent: 'support_agent',
  embeddings: 'doc_embeddings',
} as const;

export const ENDPOINT_IDS: Record<string, string> = Object.fromEntries(
  [...Object.values(ENDPOINTS), 'legacy_chat'].map((e) => [e, hex32(`endpoint:${e}`)]),
);

export type EntityKey = 'gpt' | 'claude' | 'fallback' | 'agent' | 'embed' | 'legacy';

export interface DemoEntity {
  key: EntityKey;
  id: string;
  endpoint: string;
  name: string;
  entityType: 'EXTERNAL_MODEL' | 'FOUNDATION_MODEL' | 'CUSTOM_MODEL';
  entityName: string;
  /** The `model` field the response reports. */
  model: string;
  task: string;
  provider: string | null;
}

const entity = (e: Omit<DemoEntity, 'id'>): DemoEntity => ({ ...e, id: hex32(`served-entity:${e.endpoint}/${e.name}`) });

export const ENTITIES: Record<EntityKey, DemoEntity> = {
  gpt: entity({ key: 'gpt', endpoint: ENDPOINTS.chat, name: 'gpt-4o', entityType: 'EXTERNAL_MODEL', entityName: 'gpt-4o', model: 'gpt-4o-2024-11-20', task: 'llm/v1/chat', provider: 'openai' }),
  claude: entity({ key: 'claude', endpoint: ENDPOINTS.chat, name: 'claude-sonnet', entityType: 'EXTERNAL_MODEL', entityName: 'claude-sonnet-4-5', model: 'claude-sonnet-4-5-20250929', task: 'llm/v1/chat', provider: 'anthropic' }),
  fallback: entity({ key: 'fallback', endpoint: ENDPOINTS.chat, name: 'llama-fallback', entityType: 'FOUNDATION_MODEL', entityName: 'system.ai.meta_llama_v3_1_8b_instruct', model: 'meta-llama-3.1-8b-instruct', task: 'llm/v1/chat', provider: null }),
  agent: entity({ key: 'agent', endpoint: ENDPOINTS.agent, name: 'support-agent', entityType: 'CUSTOM_MODEL', entityName: 'main.agents.support_agent', model: 'support-agent', task: 'agent/v1/responses', provider: null }),
  embed: entity({ key: 'embed', endpoint: ENDPOINTS.embeddings, name: 'gte-large-en', entityType: 'FOUNDATION_MODEL', entityName: 'system.ai.gte_large_en_v1_5', model: 'gte-large-en-v1.5', task: 'llm/v1/embeddings', provider: null }),
  legacy: entity({ key: 'legacy', endpoint: 'legacy_chat', name: 'gpt-35-turbo', entityType: 'EXTERNAL_MODEL', entityName: 'gpt-3.5-turbo', model: 'gpt-3.5-turbo-0125', task: 'llm/v1/chat', provider: 'openai' }),
};

/** Share of chat_assistant traffic before and after the mid-period config change. */
export const CHAT_SPLIT = {
  fallback: 0.03,
  before: { gpt: 0.7, claude: 0.27 },
  after: { gpt: 0.485, claude: 0.485 },
  /** Fraction of the period after which the A/B split moved to 50/50. */
  changeAt: 0.45,
} as const;

export interface Person {
  pid: number;
  requester: string;
  label: string;
  /** Fixed end user; null means it depends on the conversation slot (multi-tenant front ends). */
  endUser: string | null;
  jaShare: number;
  weights: { chat: number; agent: number; embeddings: number };
  /** Chance that a request starts a new conversation (1 = every request is single-turn). */
  newConversation: number;
  /** Concurrent conversation streams for service principals serving many users. */
  slots: number;
}

export const END_USERS = ['globex-support', 'initech-research', 'umbrella-japan', 'acme-analytics', 'internal-it'] as const;
export const PROJECT_OF: Record<string, string> = {
  'globex-support': 'helpdesk-bot',
  'initech-research': 'research-assistant',
  'umbrella-japan': 'jp-support',
  'acme-analytics': 'analytics-reports',
  'internal-it': 'it-copilot',
};

export const PEOPLE: Person[] = [
  { pid: 0, requester: 'alice.martin@example.com', label: 'Alice', endUser: 'globex-support', jaShare: 0, weights: { chat: 4, agent: 2, embeddings: 0 }, newConversation: 0.35, slots: 1 },
  { pid: 1, requester: 'bob.okafor@example.com', label: 'Bob', endUser: 'globex-support', jaShare: 0.02, weights: { chat: 3, agent: 2, embeddings: 0 }, newConversation: 0.35, slots: 1 },
  { pid: 2, requester: 'carla.rossi@example.com', label: 'Carla', endUser: 'initech-research', jaShare: 0, weights: { chat: 3, agent: 0, embeddings: 0 }, newConversation: 0.3, slots: 1 },
  { pid: 3, requester: 'haruto.sato@example.co.jp', label: 'Haruto', endUser: 'umbrella-japan', jaShare: 0.85, weights: { chat: 3, agent: 1, embeddings: 0 }, newConversation: 0.35, slots: 1 },
  { pid: 4, requester: 'yui.tanaka@example.co.jp', label: 'Yui', endUser: 'umbrella-japan', jaShare: 0.9, weights: { chat: 2, agent: 0, embeddings: 0 }, newConversation: 0.35, slots: 1 },
  { pid: 5, requester: 'david.cohen@example.com', label: 'David', endUser: 'initech-research', jaShare: 0, weights: { chat: 2, agent: 0, embeddings: 0 }, newConversation: 0.3, slots: 1 },
  { pid: 6, requester: 'emma.schulz@example.com', label: 'Emma', endUser: 'internal-it', jaShare: 0, weights: { chat: 2, agent: 1, embeddings: 0 }, newConversation: 0.4, slots: 1 },
  { pid: 7, requester: 'farid.haddad@example.com', label: 'Farid', endUser: 'internal-it', jaShare: 0.05, weights: { chat: 1, agent: 0, embeddings: 0 }, newConversation: 0.4, slots: 1 },
  { pid: 8, requester: uuid('sp:chat-frontend'), label: 'chat-frontend (service principal)', endUser: null, jaShare: 0.15, weights: { chat: 10, agent: 0, embeddings: 0 }, newConversation: 0.3, slots: 24 },
  { pid: 9, requester: uuid('sp:acme-report-builder'), label: 'acme-report-builder (service principal)', endUser: 'acme-analytics', jaShare: 0, weights: { chat: 1, agent: 0, embeddings: 0 }, newConversation: 1, slots: 1 },
  { pid: 10, requester: uuid('sp:ticket-enricher'), label: 'ticket-enricher (service principal)', endUser: 'globex-support', jaShare: 0, weights: { chat: 2, agent: 0, embeddings: 0 }, newConversation: 1, slots: 1 },
  { pid: 11, requester: uuid('sp:support-portal'), label: 'support-portal (service principal)', endUser: null, jaShare: 0.2, weights: { chat: 0, agent: 8, embeddings: 0 }, newConversation: 0.35, slots: 32 },
  { pid: 12, requester: uuid('sp:doc-indexer'), label: 'doc-indexer (service principal)', endUser: 'internal-it', jaShare: 0.2, weights: { chat: 0, agent: 0, embeddings: 6 }, newConversation: 1, slots: 1 },
  { pid: 13, requester: uuid('sp:search-api'), label: 'search-api (service principal)', endUser: null, jaShare: 0.2, weights: { chat: 0, agent: 0, embeddings: 4 }, newConversation: 1, slots: 5 },
];

export const PID = { frontend: 8, acme: 9, storm: 10, portal: 11, indexer: 12, search: 13 } as const;

export const COST_SPIKE_END_USER = 'acme-analytics';

export interface PlannedIncident {
  name: string;
  endpointName: string;
  servedEntityId: string | null;
  start: Date;
  end: Date;
  description: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function utcMidnight(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/**
 * Incidents sit at fixed offsets from the end, in business hours (UTC) so they stand out;
 * the cost spike lands on the nearest weekday at or before end − 5 days.
 */
export function planIncidents(end: Date): PlannedIncident[] {
  const day0 = utcMidnight(end);
  let spikeDay = day0 - 5 * DAY;
  const dow = new Date(spikeDay).getUTCDay();
  if (dow === 6) spikeDay -= DAY;
  if (dow === 0) spikeDay -= 2 * DAY;
  const at = (dayOffset: number, hours: number) => new Date(day0 - dayOffset * DAY + hours * HOUR);
  return [
    {
      name: 'latency_spike',
      endpointName: ENDPOINTS.chat,
      servedEntityId: ENTITIES.claude.id,
      start: at(2, 14),
      end: at(2, 16),
      description: `Latency spike on ${ENTITIES.claude.name} (anthropic): execution time ×4 for two hours, p95 ×4.`,
    },
    {
      name: 'provider_5xx_burst',
      endpointName: ENDPOINTS.chat,
      servedEntityId: ENTITIES.gpt.id,
      start: at(3, 15),
      end: at(3, 15.75),
      description: `OpenAI provider errors: ~80% of ${ENTITIES.gpt.name} requests (~40% of chat_assistant) answered 502/503 for 45 minutes.`,
    },
    {
      name: 'rate_limit_storm',
      endpointName: ENDPOINTS.chat,
      servedEntityId: null,
      start: at(1, 10),
      end: at(1, 10.5),
      description: `Service principal ticket-enricher (${PEOPLE[PID.storm]!.requester}) floods chat_assistant: ~90% of its requests answered 429 REQUEST_LIMIT_EXCEEDED; most 429s are absent from the payload table.`,
    },
    {
      name: 'cost_spike',
      endpointName: ENDPOINTS.chat,
      servedEntityId: null,
      start: new Date(spikeDay),
      end: new Date(spikeDay + DAY),
      description: `end_user_to_charge=${COST_SPIKE_END_USER}: a runaway report job sends full weekly reports all day, ~20× its normal daily tokens.`,
    },
  ];
}
