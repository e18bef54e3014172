// The header's menus are <details class="ldn-menu"> disclosures: they open and close without JavaScript. Once
// scripts run, a click outside an open menu or on a link in it closes it, so do moving focus out of it and going
// back or forward, and Escape closes the innermost one holding focus (else every one) and puts focus back on its
// button.
const OPEN = 'details.ldn-menu[open]';

/** What belongs to a menu: its own content, or for the phone's menu button also the navigation it shows. */
const scope = (d: Element): Element => (d.classList.contains('ldn-navtoggle') && d.parentElement) || d;

export function closeMenusFromOutside(doc: Document): void {
  const open = () => [...doc.querySelectorAll<HTMLDetailsElement>(OPEN)];
  doc.addEventListener('click', (e) => {
    const target = e.target as Element;
    for (const d of open()) if (!scope(d).contains(target) || target.closest('a')) d.open = false;
  });
  doc.addEventListener('focusin', (e) => {
    for (const d of open()) if (!scope(d).contains(e.target as Node)) d.open = false;
  });
  // Back and forward change the page under an open menu: it closes as a link in it would.
  doc.defaultView?.addEventListener('popstate', () => {
    for (const d of open()) d.open = false;
  });
  doc.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const menus = open().reverse();
    const inner = menus.find((d) => scope(d).contains(doc.activeElement));
    for (const d of inner ? [inner] : menus) d.open = false;
    inner?.querySelector('summary')?.focus();
  });
}
