import { describe, expect, it } from 'vitest';
import { questionKey, questionTrend } from './question-key';

describe('questionKey', () => {
  it('groups case, end punctuation and whitespace variants as one question', () => {
    const forms = ['How do I get a refund?', 'how do I get a refund', '  How do I get a refund ?? ', 'How do I\n get a refund.'];
    expect(new Set(forms.map(questionKey))).toEqual(new Set(['how do i get a refund']));
    expect(questionKey('Hi, can you help: my order is late!')).toBe('hi can you help my order is late');
  });

  it('keeps punctuation inside words, so addresses and numbers stay whole', () => {
    expect(questionKey('Mail jane.doe@example.org, or call +1 415-555-0134.')).toBe('mail jane.doe@example.org or call +1 415-555-0134');
    expect(questionKey('Is v2.1 out?')).toBe('is v2.1 out');
  });

  it('is null when only punctuation and whitespace are left', () => {
    expect(questionKey(' ?! ')).toBeNull();
  });
});

describe('questionTrend', () => {
  it('marks new, rising, falling and steady questions', () => {
    expect(questionTrend(0, 3)).toBe('new');
    expect(questionTrend(2, 6)).toBe('rising');
    expect(questionTrend(9, 3)).toBe('falling');
    expect(questionTrend(10, 12)).toBe('steady');
    // Too few requests to call a direction.
    expect(questionTrend(1, 2)).toBe('steady');
    expect(questionTrend(0, 0)).toBe('steady');
  });
});
