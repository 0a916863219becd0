import { describe, expect, it } from 'vitest';
import { requesterLabel, resolveRequester, type RequesterChoice } from './requesters';

const choices: RequesterChoice[] = [
  { id: 'alice.martin@example.com', name: 'alice.martin@example.com', requests: 120 },
  { id: '4f2a9c1e-0000-4000-a000-000000000001', name: 'ticket-enricher', requests: 900 },
  { id: 'bob.okafor@example.com', name: null, requests: 80 },
];

describe('requester choices', () => {
  it('show a display name beside the id where it differs, the id alone otherwise', () => {
    expect(choices.map(requesterLabel)).toEqual(['alice.martin@example.com', 'ticket-enricher (4f2a9c1e-0000-4000-a000-000000000001)', 'bob.okafor@example.com']);
  });

  it('find a requester by id, by name, or by a part of either that only one has', () => {
    expect(resolveRequester('bob.okafor@example.com', choices)).toBe('bob.okafor@example.com');
    expect(resolveRequester('Ticket-Enricher', choices)).toBe('4f2a9c1e-0000-4000-a000-000000000001');
    expect(resolveRequester('enricher', choices)).toBe('4f2a9c1e-0000-4000-a000-000000000001');
    expect(resolveRequester('alice', choices)).toBe('alice.martin@example.com');
    // Ambiguous or unknown: the text as typed (it may be a requester outside this window).
    expect(resolveRequester('example.com', choices)).toBe('example.com');
    expect(resolveRequester('  ', choices)).toBe('');
  });
});
