import { describe, expect, it } from 'vitest';
import { requesterChoices, requesterLabel, resolveRequester } from './requesters';

const rows = [
  { requester: 'alice.martin@example.com', requests: 120 },
  { requester: '4f2a9c1e-0000-4000-a000-000000000001', requests: 900 },
  { requester: 'bob.okafor@example.com', requests: 80 },
];
const names = { '4f2a9c1e-0000-4000-a000-000000000001': 'ticket-enricher' };

describe('requester choices', () => {
  it('show a display name beside the id once one is known, the id alone until then', () => {
    const choices = requesterChoices(rows, names);
    expect(choices.map(requesterLabel)).toEqual(['alice.martin@example.com', 'ticket-enricher (4f2a9c1e-0000-4000-a000-000000000001)', 'bob.okafor@example.com']);
    expect(requesterChoices([{ ...rows[1]!, display_name: 'from the server' }], names)[0]!.name).toBe('from the server');
  });

  it('find a requester by id, by name, or by a part of either that only one has', () => {
    const choices = requesterChoices(rows, names);
    expect(resolveRequester('bob.okafor@example.com', choices)).toBe('bob.okafor@example.com');
    expect(resolveRequester('Ticket-Enricher', choices)).toBe('4f2a9c1e-0000-4000-a000-000000000001');
    expect(resolveRequester('enricher', choices)).toBe('4f2a9c1e-0000-4000-a000-000000000001');
    expect(resolveRequester('alice', choices)).toBe('alice.martin@example.com');
    // Ambiguous or unknown: the text as typed (it may be a requester outside this window).
    expect(resolveRequester('example.com', choices)).toBe('example.com');
    expect(resolveRequester('  ', choices)).toBe('');
  });
});
