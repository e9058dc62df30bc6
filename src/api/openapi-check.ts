// A small structural validator for OpenAPI 3.1 documents: enough to catch a broken or incomplete document.

/** Problems found, each as `location: what is wrong`; empty when the document passes. */
export function checkOpenApi31(doc: unknown, routes: { method: string; path: string }[] = []): string[] {
  const out: string[] = [];
  if (!doc || typeof doc !== 'object') return ['document: expected an object'];
  // biome-ignore lint/suspicious/noExplicitAny: walks an arbitrary JSON document; every field is checked before use
  const d = doc as Record<string, any>;
  if (d.openapi !== '3.1.0') out.push(`openapi: expected 3.1.0, found ${d.openapi}`);
  if (typeof d.info?.title !== 'string' || typeof d.info?.version !== 'string')
    out.push('info: expected title and version strings');
  if (!d.paths || typeof d.paths !== 'object') return [...out, 'paths: expected an object'];
  const schemas = d.components?.schemas ?? {};
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  const opIds = new Set<string>();
  // biome-ignore lint/suspicious/noExplicitAny: as above
  for (const [path, item] of Object.entries<Record<string, any>>(d.paths)) {
    if (!path.startsWith('/')) out.push(`paths.${path}: expected to start with /`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    for (const [method, op] of Object.entries<any>(item)) {
      const at = `paths.${path}.${method}`;
      if (!methods.includes(method)) {
        if (method !== 'parameters' && method !== 'summary' && method !== 'description') out.push(`${at}: unknown key`);
        continue;
      }
      if (!op.responses || Object.keys(op.responses).length === 0)
        out.push(`${at}.responses: expected at least one response`);
      // biome-ignore lint/suspicious/noExplicitAny: as above
      for (const [code, r] of Object.entries<any>(op.responses ?? {})) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(code)) out.push(`${at}.responses.${code}: not a status code`);
        if (typeof r?.description !== 'string') out.push(`${at}.responses.${code}.description: required`);
      }
      if (op.operationId) {
        if (opIds.has(op.operationId)) out.push(`${at}.operationId: duplicate ${op.operationId}`);
        opIds.add(op.operationId);
      }
      const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean }[];
      for (const p of params) {
        if (!['query', 'header', 'path', 'cookie'].includes(p.in))
          out.push(`${at}.parameters.${p.name}: bad "in" ${p.in}`);
        if (p.in === 'path' && p.required !== true)
          out.push(`${at}.parameters.${p.name}: path parameters must be required`);
      }
      for (const t of templated)
        if (!params.some((p) => p.in === 'path' && p.name === t))
          out.push(`${at}: path parameter {${t}} is not declared`);
    }
  }
  const text = JSON.stringify(d);
  for (const m of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
    if (!(m[1]! in schemas)) out.push(`$ref: #/components/schemas/${m[1]} does not exist`);
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    if (!d.paths[path]?.[r.method.toLowerCase()]) out.push(`route ${r.method} ${path}: missing from paths`);
  }
  return out;
}
