'use client';

import type { Principal as Named } from '@/lib/principals/types';
import { principalLabel } from '@/lib/client/principals';

/** A requester by display name, its id on hover (and for screen readers beside the name). */
export function Principal({ id, names }: { id: string; names: Map<string, Named> }) {
  const label = principalLabel(id, names);
  if (label === id) return <span title={id}>{id}</span>;
  return (
    <span title={id} data-requester-id={id}>
      {label}
      <span className="sr-only"> ({id})</span>
    </span>
  );
}
