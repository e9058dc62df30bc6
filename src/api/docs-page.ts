// The interactive API reference at /api/docs: a small self-contained page (no CDN) that renders
// /api/openapi.json and lets a reader try GET operations.

export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compact API reference</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><a class="skip" href="#ops">Skip to operations</a>
<header><h1>Compact API</h1><p id="info">Loading /api/openapi.json…</p></header>
<main id="ops" tabindex="-1"></main><script type="module" src="/api/docs.js"></script></body></html>`;

export const DOCS_CSS = `body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fafafa}
header,main{max-width:60rem;margin:auto;padding:0 1rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
details{background:#fff;border:1px solid #ddd;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
summary{cursor:pointer}code,pre{font:13px ui-monospace,monospace}pre{background:#f2f4f7;padding:.5rem;overflow:auto;max-height:24rem}
.m{display:inline-block;min-width:3.5rem;font-weight:700}.get{color:#05603a}.post{color:#1849a9}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff}
label{display:block;margin:.2rem 0}input{font:inherit;padding:.15rem .3rem}`;

export const DOCS_JS = `
const el = (tag, props = {}, ...kids) => { const e = document.createElement(tag); Object.assign(e, props); e.append(...kids); return e; };
const doc = await (await fetch('/api/openapi.json')).json();
document.getElementById('info').textContent = doc.info.title + ' ' + doc.info.version + ' — OpenAPI ' + doc.openapi + '. ' + (doc.info.description || '');
const main = document.getElementById('ops');
const groups = new Map();
for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) {
  const tag = (op.tags && op.tags[0]) || 'other';
  if (!groups.has(tag)) groups.set(tag, []);
  groups.get(tag).push({ path, method, op });
}
const schemaText = (s) => JSON.stringify(s, null, 2);
for (const [tag, ops] of groups) {
  main.append(el('h2', { textContent: tag }));
  for (const { path, method, op } of ops) {
    const d = el('details');
    d.append(el('summary', {}, el('span', { className: 'm ' + method, textContent: method.toUpperCase() }), el('code', { textContent: path }), ' — ' + (op.summary || '')));
    if (op.description) d.append(el('p', { textContent: op.description }));
    const params = op.parameters || [];
    const inputs = [];
    if (params.length) {
      d.append(el('h3', { textContent: 'Parameters' }));
      for (const p of params) {
        const input = el('input', { name: p.name, placeholder: (p.schema && p.schema.example) || '' });
        input.dataset.in = p.in;
        inputs.push(input);
        d.append(el('label', {}, el('code', { textContent: p.name }), ' (' + p.in + (p.required ? ', required' : '') + ') ', input));
      }
    }
    if (op.requestBody) d.append(el('h3', { textContent: 'Request body' }), el('pre', { textContent: schemaText(op.requestBody.content['application/json'].schema) }));
    d.append(el('h3', { textContent: 'Responses' }));
    for (const [code, r] of Object.entries(op.responses)) d.append(el('p', {}, el('strong', { textContent: code }), ' ' + r.description));
    if (method === 'get') {
      const out = el('pre', { textContent: '' });
      const btn = el('button', { type: 'button', textContent: 'Try it' });
      btn.addEventListener('click', async () => {
        let url = path; const q = new URLSearchParams();
        for (const i of inputs) { if (!i.value) continue; if (i.dataset.in === 'path') url = url.replace('{' + i.name + '}', encodeURIComponent(i.value)); else q.set(i.name, i.value); }
        const res = await fetch(url + (q.size ? '?' + q : ''));
        out.textContent = res.status + ' ' + res.statusText + '\\n' + JSON.stringify(await res.json().catch(() => null), null, 2);
      });
      d.append(btn, out);
    }
    main.append(d);
  }
}
const comps = doc.components && doc.components.schemas;
if (comps) { main.append(el('h2', { textContent: 'Schemas' })); for (const [n, s] of Object.entries(comps)) { const d = el('details'); d.append(el('summary', { textContent: n }), el('pre', { textContent: schemaText(s) })); main.append(d); } }
`;
