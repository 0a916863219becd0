import { planIncidents } from '../lib/demo/catalog';
import { floorToMinute } from '../lib/time/buckets';
import { now } from '../lib/time/clock';
import { readPlanted, type PlantedRequest } from '../lib/testing/planted';

/** The demo file the e2e server reads (playwright.config.ts generates it ending at the pinned now). */
export const E2E_DEMO = `data/e2e-demo-${Number(process.env.E2E_PORT ?? 3100)}.duckdb`;

let planted: Promise<Record<string, PlantedRequest>> | null = null;

/** A planted request of the e2e demo by name (meta.planted); the server holds the file read-only, so it can be read beside it. */
export async function plantedRequest(name: string): Promise<PlantedRequest> {
  planted ??= readPlanted(E2E_DEMO);
  const found = (await planted)[name];
  if (!found) throw new Error(`the e2e demo has no planted request "${name}"`);
  return found;
}

type Incident = ReturnType<typeof planIncidents>[number];

/** The demo's incidents, from the generator's own plan for the pinned now it ended at. */
export function incidents(): Record<string, Incident> {
  return Object.fromEntries(planIncidents(floorToMinute(now())).map((i) => [i.name, i]));
}
