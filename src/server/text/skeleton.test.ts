import { describe, expect, it } from 'vitest';
import { nameSkeleton, skeleton } from './skeleton';

describe('confusable skeletons (UTS #39)', () => {
  it('follows Unicode’s data', () => {
    expect(skeleton('\u0430')).toBe('a'); // Cyrillic а
    expect(skeleton('m')).toBe('rn');
    expect(skeleton('I')).toBe('l');
    expect(skeleton('paypa\u200bl')).toBe(skeleton('paypal')); // default-ignorable characters drop out
  });

  it('meets names that look alike, whatever their letter case', () => {
    const same = (a: string, b: string) => expect(nameSkeleton(a), `${a} / ${b}`).toBe(nameSkeleton(b));
    same('Newcomer Nadia', 'N\u0435wcomer Nadia'); // Cyrillic е
    same('NEWCOMER NADIA', 'NEWCOMER N\u0410DIA'); // Cyrillic А, in capitals
    same('Newcomer Nadia', 'newcomer n\u0430dia'); // in another letter case too
    same('PayPal', 'PayPaI'); // capital i for l
    same('Ilya', 'llya');
    same('Ana\u2010María', 'Ana-María'); // hyphen and hyphen-minus
    same('Zoë', 'Zoe\u0308'); // composed or not
    same('\u2126mega', '\u03a9mega'); // Ohm sign and Greek capital omega
  });

  it('keeps different names apart', () => {
    const apart = (a: string, b: string) => expect(nameSkeleton(a), `${a} / ${b}`).not.toBe(nameSkeleton(b));
    apart('Nadia', 'Nadja');
    apart('نادية', 'نادر');
    apart('प्रिया', 'प्रियंका');
    apart('Наталья', 'Наталия');
    apart('Ana 2', 'Ana 3');
  });
});
