// The layout's forms carry their CSRF field at the end of the document (contracts/page-state.ts LAYOUT_FORMS).
// With JavaScript, the state's token is the current one (a log-in in the page changes it): put it in that field
// as the form goes.
import { tokenFieldId, type LayoutForm } from '../../contracts/page-state';

export function refreshLayoutToken(form: LayoutForm, csrf: string): void {
  const field = document.getElementById(tokenFieldId(form));
  if (field instanceof HTMLInputElement) field.value = csrf;
}
