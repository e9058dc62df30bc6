// The dashboard's entry: hash routes (#/agreement/ua-gb-2024, ...) to views, navigation, focus on change.
import './styles.css';
import { ApiFailure } from './api.js';
import { errorBox, h } from './dom.js';
import { agreementView } from './views/agreement.js';
import { compareView } from './views/compare.js';
import { coverageView } from './views/coverage.js';
import { deskView } from './views/desk.js';
import { flowsView } from './views/flows.js';
import { historyView } from './views/history.js';
import { overviewView } from './views/overview.js';
import { scenariosView } from './views/scenarios.js';
import { triggerView } from './views/trigger.js';

type View = (root: HTMLElement, ...args: string[]) => Promise<void>;

/** Every view by its first hash segment; nav lists those with a title. */
const ROUTES: Record<string, { view: View; title?: string }> = {
  '': { view: overviewView, title: 'Overview' },
  agreement: { view: agreementView },
  trigger: { view: triggerView, title: 'Trigger board' },
  coverage: { view: coverageView, title: 'Coverage' },
  flows: { view: flowsView, title: 'Aid flows' },
  compare: { view: compareView, title: '2022 vs 2024' },
  scenarios: { view: scenariosView, title: 'Scenario lab' },
  history: { view: historyView, title: 'History' },
  desk: { view: deskView, title: 'Review desk' },
};

function renderNav(current: string): void {
  const nav = document.getElementById('nav')!;
  nav.replaceChildren(
    ...Object.entries(ROUTES)
      .filter(([, r]) => r.title)
      .map(([k, r]) =>
        h('li', {}, h('a', { href: `#/${k}`, 'aria-current': k === current ? 'page' : null }, r.title!)),
      ),
  );
}

let generation = 0;

async function route(navigated = false): Promise<void> {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const key = parts[0] ?? '';
  const r = ROUTES[key] ?? ROUTES['']!;
  const main = document.getElementById('main')!;
  const mine = ++generation;
  renderNav(key in ROUTES ? key : '');
  const root = h('div', { class: 'view', 'data-view': key || 'overview' });
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    await r.view(root, ...parts.slice(1));
  } catch (e) {
    root.append(
      errorBox(e instanceof ApiFailure ? `${e.message} (${e.code})` : `Something went wrong: ${(e as Error).message}`),
    );
  }
  if (mine !== generation) return;
  main.replaceChildren(root);
  root.setAttribute('data-ready', 'true');
  document.title = `${root.querySelector('h1')?.textContent ?? 'Compact'} — Compact`;
  // Move focus to the new content only on navigation, so the first Tab on load still reaches the skip link.
  if (navigated) main.focus();
}

window.addEventListener('hashchange', () => void route(true));
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void route());
else void route();
