import { describe, expect, it } from 'vitest';
import { clause } from './draft';

describe('clause', () => {
  it('drops an answer’s closing punctuation and line breaks, so the drafted sentence reads once', () => {
    expect(clause('New organizers who run an event once a year.')).toBe('New organizers who run an event once a year');
    expect(clause('  Few women\nedit in our region..  ')).toBe('Few women edit in our region');
    expect(clause('Why do they stop?!')).toBe('Why do they stop');
    expect(clause('قلة من النساء يحررن.')).toBe('قلة من النساء يحررن');
    expect(clause('बहुत कम महिलाएँ संपादन करती हैं।')).toBe('बहुत कम महिलाएँ संपादन करती हैं');
    expect(clause('Dr. Smith’s students, e.g. them')).toBe('Dr. Smith’s students, e.g. them');
    expect(clause('')).toBe('');
  });
});
