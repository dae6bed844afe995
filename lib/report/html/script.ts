import { FINDING_STATUSES } from '../../model/status.js';
import { ACCOUNT_FILTER, ROW_ACCOUNT, ROW_STATUS, STANDARD_SEPARATOR } from './markup.js';

/**
 * The page's only script: client-side filters. It reads the data-* attributes of the markup once, and
 * then writes only classes and one attribute on <body> (the stylesheet hides the rows, see filterCss),
 * the `hidden` attribute of whole checks with no row left, and a count. It never reads finding text
 * or builds markup, so it cannot turn data into markup. Plain ES2020 in a string (not a compiled
 * function), so the bytes the CSP hash covers are exactly these; the browser test runs it.
 */
export const FILTER_SCRIPT = `(() => {
  'use strict';
  const form = document.getElementById('filters');
  const shown = document.getElementById('shown');
  if (!form || !shown) return;
  const body = document.body;
  const STATUSES = ${JSON.stringify(FINDING_STATUSES)};
  const groups = Array.from(document.querySelectorAll('[data-check]'), (el) => ({
    el,
    severity: el.getAttribute('data-severity'),
    standards: (el.getAttribute('data-standards') || '').split(${JSON.stringify(STANDARD_SEPARATOR)}),
    rows: Array.from(el.querySelectorAll('tr[${ROW_STATUS}]'), (tr) => [tr.getAttribute('${ROW_STATUS}'), tr.getAttribute('${ROW_ACCOUNT}')]),
  }));
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const checked = (name) => new Set(Array.from(form.querySelectorAll('input[name="' + name + '"]:checked'), (i) => i.value));
  const apply = () => {
    const statuses = checked('status');
    const severities = checked('severity');
    const standard = form.elements.namedItem('standard').value;
    const account = form.elements.namedItem('account').value;
    for (const s of STATUSES) body.classList.toggle('hide-' + s, !statuses.has(s));
    if (account === '') body.removeAttribute('${ACCOUNT_FILTER}');
    else body.setAttribute('${ACCOUNT_FILTER}', account);
    let visible = 0;
    for (const g of groups) {
      let inGroup = 0;
      if (severities.has(g.severity) && (standard === '' || g.standards.includes(standard))) {
        for (const [status, acct] of g.rows) if (statuses.has(status) && (account === '' || acct === account)) inGroup += 1;
      }
      if (g.el.hidden !== (inGroup === 0)) g.el.hidden = inGroup === 0;
      visible += inGroup;
    }
    shown.textContent = visible.toLocaleString('en-US') + ' of ' + total.toLocaleString('en-US') + ' findings shown';
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
`;
