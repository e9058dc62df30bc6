// The import rules the invariant script enforces over src/: every import goes down the layer order written in
// ARCHITECTURE.md (never up, never sideways to a peer module of the same layer), and no file reaches itself
// through its imports (no cycle, type-only imports included).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** Layers lowest first; each layer lists its modules (a directory under src/, or a top-level file's name). */
export type Layers = string[][];

export interface Import {
  from: string;
  to: string;
  line: number;
  spec: string;
}

/**
 * Reads the layer order from the fenced block that follows the `<!-- layers -->` marker: one layer per line,
 * highest first, peer modules separated by spaces, `#` starts a comment.
 */
export function parseLayers(markdown: string): Layers {
  const at = markdown.indexOf('<!-- layers');
  if (at < 0) throw new Error('ARCHITECTURE.md: no `<!-- layers -->` marker before the layer block');
  const block = /```[^\n]*\n([\s\S]*?)```/.exec(markdown.slice(at));
  if (!block) throw new Error('ARCHITECTURE.md: no fenced block after the `<!-- layers -->` marker');
  const layers = block[1]!
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((l) => l.split(/\s+/));
  return layers.reverse();
}

const IMPORT =
  /(?:^|\n)[ \t]*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** The relative imports of every source file under srcDir (tests excluded: they may reach any layer). */
export function importGraph(srcDir: string): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  for (const file of walk(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const out: Import[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue;
      const to = resolveSpec(dirname(file), spec);
      if (!to?.startsWith(srcDir)) continue;
      const line = text.slice(0, m.index + m[0].length).split('\n').length;
      out.push({ from: file, to, line, spec });
    }
    graph.set(file, out);
  }
  return graph;
}

export interface ImportCheck {
  /** Cycles allowed for now, each as its files relative to srcDir; every one must carry a TODO naming it. */
  knownCycles?: string[][];
}

/** Every upward, sideways and unplaced import and every cycle under srcDir, as readable messages. */
export function checkImports(srcDir: string, layers: Layers, opts: ImportCheck = {}): string[] {
  const problems: string[] = [];
  const rank = new Map<string, number>();
  layers.forEach((mods, i) => {
    for (const m of mods) rank.set(m, i);
  });
  const rel = (f: string) => relative(srcDir, f).replaceAll('\\', '/');
  const moduleOf = (f: string) => {
    const first = rel(f).split('/')[0]!;
    return first.endsWith('.ts') ? basename(first, '.ts') : first;
  };
  const graph = importGraph(srcDir);
  const unplaced = new Set<string>();
  for (const [file, imports] of graph) {
    const mod = moduleOf(file);
    const r = rank.get(mod);
    if (r === undefined) {
      if (!unplaced.has(mod))
        problems.push(`src/${rel(file)}: module ${mod} is in no layer; add it to the layer block in ARCHITECTURE.md`);
      unplaced.add(mod);
      continue;
    }
    for (const i of imports) {
      const toMod = moduleOf(i.to);
      const tr = rank.get(toMod);
      if (toMod === mod || tr === undefined) continue;
      if (tr > r)
        problems.push(
          `src/${rel(file)}:${i.line}: ${mod} may not import ${toMod} (${i.spec}): ${toMod} is a higher layer; move what both need down (e.g. to src/platform)`,
        );
      else if (tr === r)
        problems.push(
          `src/${rel(file)}:${i.line}: ${mod} may not import its peer ${toMod} (${i.spec}); move what both need to a lower layer`,
        );
    }
  }
  const known = new Set((opts.knownCycles ?? []).map((c) => [...c].sort().join(' ')));
  for (const cycle of cycles(graph)) {
    const names = cycle.map(rel);
    if (known.has([...names].sort().join(' '))) continue;
    problems.push(
      `import cycle: ${[...names, names[0]].map((n) => `src/${n}`).join(' -> ')}; break it (e.g. move the shared type to its own file)`,
    );
  }
  return problems;
}

/** The strongly connected components with more than one file (or a file importing itself), in import order. */
export function cycles(graph: Map<string, Import[]>): string[][] {
  // Tarjan's algorithm, iterative so deep trees do not exhaust the stack.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const edges = (f: string) => [...new Set((graph.get(f) ?? []).map((i) => i.to))].filter((t) => graph.has(t));
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; todo: string[] }[] = [];
    const open = (n: string) => {
      index.set(n, next);
      low.set(n, next++);
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, todo: edges(n) });
    };
    open(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const t = top.todo.shift();
      if (t !== undefined) {
        if (!index.has(t)) open(t);
        else if (onStack.has(t)) low.set(top.node, Math.min(low.get(top.node)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          scc.push(n);
        } while (n !== top.node);
        if (scc.length > 1 || edges(top.node).includes(top.node)) found.push(scc.reverse());
      }
    }
  }
  return found;
}

function resolveSpec(dir: string, spec: string): string | null {
  const base = resolve(dir, spec);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return walk(p);
      return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
    });
}
