// Data of the first steps page. Signed-out visitors load nothing: the page asks them to log in instead of
// failing with a 401.
import type { FirstStepsAnswer } from '../../../contracts/first-steps';
import type { LoadContext } from '../../state';
import { FIRST_STEPS_KEY } from './keys';

export async function loadWelcome({ api, state }: LoadContext): Promise<FirstStepsAnswer | null> {
  if (!state.user) return null;
  const steps = await api.get<FirstStepsAnswer>('/me/first-steps');
  state.data[FIRST_STEPS_KEY] = steps.open;
  return steps;
}
