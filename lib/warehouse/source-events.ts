/**
 * "The embedded source changed" (files replaced under a running server): the engine announces it,
 * and whatever cached what the old files held (table discovery) forgets it. On globalThis, like the
 * engine itself, so every server bundle hears it.
 */
const holder = globalThis as unknown as { __gatewaySourceListeners?: Set<() => void> };

export function onSourceChange(listener: () => void): void {
  (holder.__gatewaySourceListeners ??= new Set()).add(listener);
}

export function announceSourceChange(): void {
  for (const listener of holder.__gatewaySourceListeners ?? []) listener();
}
