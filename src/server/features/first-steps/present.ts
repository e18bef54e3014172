// The answer of the first steps, typed against src/contracts/first-steps.ts.
import { FIRST_STEPS, type FirstStep, type FirstStepsAnswer } from '../../../contracts/first-steps';
import { listOffered, profileFilledIn } from './policy';
import type { FirstStepsRow } from './repo';

export function presentFirstSteps(row: FirstStepsRow): FirstStepsAnswer {
  const done: Record<FirstStep, boolean> = {
    profile: profileFilledIn(row),
    group: !!row.member,
    telegram: !!row.telegram_done_at,
    guides: !!row.guides_done_at,
  };
  const steps = FIRST_STEPS.map((step) => ({
    step,
    done: done[step],
    marked: step === 'telegram' || step === 'guides',
  }));
  const dismissed = !!row.dismissed_at;
  return { steps, dismissed, open: listOffered(steps, dismissed) };
}
