/**
 * History rows for `serving.served_entities`: one row per change, several per entity, so a
 * dashboard that forgets to keep only the latest row per id multiplies its requests.
 */
import { ACCOUNT_ID, ENDPOINT_IDS, ENTITIES, WORKSPACE_ID, type DemoEntity } from './catalog';
import { str, ts } from './sql';

const DAY = 86_400_000;

interface Change {
  entity: DemoEntity;
  configVersion: number;
  at: Date;
  version: string;
  createdBy: string;
  provisioned?: [number, number];
  deletedAt?: Date;
}

function row(c: Change): string {
  const e = c.entity;
  const external = e.entityType === 'EXTERNAL_MODEL'
    ? `{'provider': ${str(e.provider ?? '')}, 'name': ${str(e.entityName)}, 'task': ${str(e.task)}}`
    : 'NULL';
  const foundation = c.provisioned
    ? `{'min_provisioned_throughput': ${c.provisioned[0]}, 'max_provisioned_throughput': ${c.provisioned[1]}}`
    : 'NULL';
  return `(${[
    str(e.id), str(ACCOUNT_ID), str(WORKSPACE_ID), str(c.createdBy), str(e.endpoint), str(ENDPOINT_IDS[e.endpoint]!),
    str(e.name), str(e.entityType), str(e.entityName), str(c.version), String(c.configVersion), str(e.task),
    external, foundation, ts(c.at), c.deletedAt ? ts(c.deletedAt) : 'NULL',
  ].join(', ')})`;
}

/**
 * chat_assistant: config v3 (before the period) ran gpt-4o 70 / claude 27 / fallback 3; v4 at
 * `chatChange` moved to 48.5 / 48.5 / 3 (the traffic split itself is not a column, the version is).
 * support_agent: model version 3 → 4 at `agentChange`. doc_embeddings: provisioned throughput raised.
 * legacy_chat: an endpoint deleted before the period, present only in history.
 */
export function servedEntityRows(p: { start: Date; chatChange: Date; agentChange: Date; days: number }): string[] {
  const before = (days: number) => new Date(p.start.getTime() - days * DAY);
  const { chatChange, agentChange } = p;
  const admin = 'platform-admin@example.com';
  const changes: Change[] = [
    { entity: ENTITIES.gpt, configVersion: 1, at: before(60), version: '1', createdBy: admin },
    { entity: ENTITIES.gpt, configVersion: 3, at: before(20), version: '1', createdBy: admin },
    { entity: ENTITIES.gpt, configVersion: 4, at: chatChange, version: '1', createdBy: 'alice.martin@example.com' },
    { entity: ENTITIES.claude, configVersion: 3, at: before(20), version: '1', createdBy: admin },
    { entity: ENTITIES.claude, configVersion: 4, at: chatChange, version: '1', createdBy: 'alice.martin@example.com' },
    { entity: ENTITIES.fallback, configVersion: 2, at: before(40), version: '2', createdBy: admin },
    { entity: ENTITIES.fallback, configVersion: 3, at: before(20), version: '3', createdBy: admin },
    { entity: ENTITIES.fallback, configVersion: 4, at: chatChange, version: '3', createdBy: 'alice.martin@example.com' },
    { entity: ENTITIES.agent, configVersion: 5, at: before(10), version: '3', createdBy: 'emma.schulz@example.com' },
    { entity: ENTITIES.agent, configVersion: 6, at: agentChange, version: '4', createdBy: 'emma.schulz@example.com' },
    { entity: ENTITIES.embed, configVersion: 1, at: before(90), version: '1', createdBy: admin, provisioned: [0, 1000] },
    { entity: ENTITIES.embed, configVersion: 2, at: new Date(p.start.getTime() + 0.2 * p.days * DAY), version: '1', createdBy: admin, provisioned: [0, 2000] },
    { entity: ENTITIES.legacy, configVersion: 1, at: before(120), version: '1', createdBy: admin },
    { entity: ENTITIES.legacy, configVersion: 1, at: before(30), version: '1', createdBy: admin, deletedAt: before(30) },
  ];
  return changes.map(row);
}
