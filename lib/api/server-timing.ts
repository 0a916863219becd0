/**
 * The `Server-Timing` header of a catalogue call: `engine` (the statement, as `durationMs`) and
 * `handler` (the route from receiving the request to its JSON body, engine included). Browsers show
 * it beside the request; the benchmark reads it to split a call's overhead into the handler's own
 * part and Next.js with HTTP (scripts/bench.ts).
 */
export function serverTiming(engineMs: number, handlerMs: number): string {
  return `engine;dur=${engineMs.toFixed(2)}, handler;dur=${handlerMs.toFixed(2)}`;
}
