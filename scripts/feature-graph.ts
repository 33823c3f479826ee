/**
 * Prints the feature boundaries of the API and the web app: the folder-level import graph's cycles, the imports
 * that reach another feature's `*.entity.ts`, and the services that inject the whole DataSource or query
 * another feature's entity. Exits 1 when there is a folder cycle, so `npm run check:boundaries` (part of lint)
 * keeps it at zero; which imports a feature may make is the lint rule's job (boundaries/dependencies in
 * eslint.config.js). This script shows the whole picture.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');

interface App {
  name: string;
  src: string;
  /** The folder an import belongs to, e.g. `threads` or `(root)`. */
  folderOf(file: string): string;
}

const apps: App[] = [
  {
    name: 'api',
    src: 'apps/api/src',
    folderOf: (file) => {
      const parts = relative(join(root, 'apps/api/src'), file).split(sep);
      return parts.length === 1 ? '(root)' : parts[0];
    },
  },
  {
    name: 'web',
    src: 'apps/web/src',
    folderOf: (file) => {
      const parts = relative(join(root, 'apps/web/src'), file).split(sep);
      if (parts.length === 1) return '(root)';
      return parts[0] === 'features' ? `features/${parts[1]}` : parts[0];
    },
  },
];

/** Folders that hold no feature's tables: registering every entity for the DataSource is their job. */
const entityRegistry = new Set(['database']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexes = new Map<string, number>();
  const lowlinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexes.set(node, index);
    lowlinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexes.has(next)) {
        visit(next);
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!));
      } else if (onStack.has(next)) {
        lowlinks.set(node, Math.min(lowlinks.get(node)!, indexes.get(next)!));
      }
    }
    if (lowlinks.get(node) === indexes.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indexes.has(node)) visit(node);
  return found;
}

let failed = false;
for (const app of apps) {
  const graph = new Map<string, Set<string>>();
  const edgeFiles = new Map<string, string[]>();
  const entityImports: string[] = [];
  const dataSourceUsers: string[] = [];
  for (const file of sourceFiles(join(root, app.src))) {
    const text = readFileSync(file, 'utf8');
    const from = app.folderOf(file);
    const shortFile = relative(join(root, app.src), file);
    const foreignEntities: string[] = [];
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const target = resolveImport(file, imported.fileName);
      if (!target) continue;
      const to = app.folderOf(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
      const key = `${from} -> ${to}`;
      edgeFiles.set(key, [...(edgeFiles.get(key) ?? []), `${shortFile} imports ${imported.fileName}`]);
      if (target.endsWith('.entity.ts') && !entityRegistry.has(from)) {
        entityImports.push(`${shortFile} imports ${imported.fileName}`);
        foreignEntities.push(imported.fileName);
      }
    }
    const injectsDataSource = /@InjectDataSource\(\)|\bprivate readonly \w+: DataSource\b/.test(text);
    if (injectsDataSource) {
      dataSourceUsers.push(
        `${shortFile}${foreignEntities.length ? ` (reaches ${foreignEntities.map((name) => name.split('/').pop()).join(', ')})` : ''}`,
      );
    }
  }
  const found = cycles(graph);
  console.log(`== ${app.name} (${app.src})`);
  console.log(`folder cycles: ${found.length}`);
  for (const component of found) console.log(`  strongly connected: ${component.join(', ')}`);
  const mutual = [...graph].flatMap(([a, targets]) =>
    [...targets].filter((b) => a < b && graph.get(b)?.has(a)).map((b) => [a, b] as const),
  );
  console.log(`mutually importing folder pairs: ${mutual.length}`);
  for (const [a, b] of mutual) {
    console.log(`  ${a} <-> ${b}`);
    for (const line of [...edgeFiles.get(`${a} -> ${b}`)!, ...edgeFiles.get(`${b} -> ${a}`)!]) console.log(`    ${line}`);
  }
  console.log(`cross-feature entity imports: ${entityImports.length}`);
  for (const line of entityImports) console.log(`  ${line}`);
  console.log(`services injecting the whole DataSource: ${dataSourceUsers.length}`);
  for (const line of dataSourceUsers) console.log(`  ${line}`);
  if (found.length > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
