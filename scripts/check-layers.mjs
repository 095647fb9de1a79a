#!/usr/bin/env node
// The layer check (issue 9 point 5): what each folder may import, as /work/shared/ARCHITECTURE.md
// and README "Architecture" state it, and no import cycle anywhere. Imports are read with the
// TypeScript parser (static, type-only, re-exports and dynamic import()), so comments and strings
// never count. Usage: `node scripts/check-layers.mjs [root]`; prints one break a line as
// `file:line  rule  message` and exits 1 when there is any.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SCANNED = ['apps', 'packages', 'e2e', 'bench', 'scripts'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', '.test-data', 'screenshots', 'migrations']);
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const TEST = /(\.test\.|\.e2e\.|(^|\/)test\/|(^|\/)e2e\/|test-fixtures\.ts$)/;

/** Where `@jixiao/<name>` resolves: each workspace's curated entry point. */
const WORKSPACES = {
  '@jixiao/engine': 'packages/engine/src/index.ts',
  '@jixiao/contracts': 'packages/contracts/src/index.ts',
};

/**
 * The directions between workspaces (ARCHITECTURE.md "Where logic lives"). Contracts build on the
 * engine's pure definitions (the period code is the engine's parsePeriod pattern, one definition),
 * so contracts → engine and never the reverse.
 */
const ZONES = [
  { name: 'engine', dir: 'packages/engine/src', packages: [], node: false },
  { name: 'contracts', dir: 'packages/contracts/src', packages: ['zod', '@jixiao/engine'], node: false },
  { name: 'server', dir: 'apps/server/src', workspaces: ['@jixiao/contracts', '@jixiao/engine'] },
  { name: 'web', dir: 'apps/web/src', workspaces: ['@jixiao/contracts', '@jixiao/engine'] },
];

/** Besides repositories and src/db/**, the files that may reach Drizzle or the tables, and why. */
const DB_ALLOWED = {
  'apps/server/src/main.ts': 'composition root: opens the database it hands to buildApp',
  'apps/server/src/cli.ts': 'composition root of the CLI: opens the database',
};

const posix = (p) => p.split(sep).join('/');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function listFiles(root) {
  const out = [];
  const walk = (dir) => {
    let names;
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      if (SKIP_DIRS.has(n) || n.startsWith('.')) continue;
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (SOURCE.test(n) && !n.endsWith('.d.ts')) out.push(posix(relative(root, p)));
    }
  };
  for (const d of SCANNED) walk(join(root, d));
  return out.sort();
}

/** Every import of a file: { spec, line, kind: 'value' | 'type' | 'dynamic' }. */
export function importsOf(text, fileName) {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const out = [];
  const add = (node, spec, kind) =>
    out.push({ spec, kind, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  const typeOnlyClause = (c) =>
    !!c &&
    (c.isTypeOnly ||
      (!c.name &&
        c.namedBindings &&
        ts.isNamedImports(c.namedBindings) &&
        c.namedBindings.elements.length > 0 &&
        c.namedBindings.elements.every((e) => e.isTypeOnly)));
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      add(node, node.moduleSpecifier.text, typeOnlyClause(node.importClause) ? 'type' : 'value');
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      add(node, node.moduleSpecifier.text, node.isTypeOnly ? 'type' : 'value');
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      add(node, node.arguments[0].text, 'dynamic');
    else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    )
      add(node, node.argument.literal.text, 'type');
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function resolver(root, files) {
  const known = new Set(files);
  return (from, spec) => {
    if (WORKSPACES[spec]) return WORKSPACES[spec];
    if (!spec.startsWith('.')) return null;
    const base = posix(relative(root, resolve(root, dirname(from), spec)));
    const stem = base.replace(/\.(js|mjs|jsx)$/, '');
    for (const c of [
      base,
      `${stem}.ts`,
      `${stem}.tsx`,
      `${stem}.mts`,
      `${stem}.mjs`,
      `${stem}/index.ts`,
      `${stem}/index.tsx`,
    ])
      if (known.has(c)) return c;
    return null;
  };
}

const packageOf = (spec) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
const zoneOf = (file) => ZONES.find((z) => file.startsWith(`${z.dir}/`));
const isTest = (file) => TEST.test(file);

/** The breaks of one import (file → spec, resolved to a project file or null). */
function layerBreaks(file, imp, target) {
  const breaks = [];
  const brk = (rule, message) => breaks.push({ file, line: imp.line, rule, message });
  const zone = zoneOf(file);
  if (!zone || isTest(file)) return breaks;
  const spec = imp.spec;
  const external = !spec.startsWith('.') && !WORKSPACES[spec];
  const ws = WORKSPACES[spec] ? spec : null;

  // Workspace directions.
  if (target && !target.startsWith(`${zone.dir.split('/').slice(0, 2).join('/')}/`) && !ws)
    brk('workspace', `${zone.name} reaches into ${target} by a relative path; import the workspace package`);
  if (zone.packages) {
    if (builtins.has(spec)) brk('workspace', `${zone.name} is pure: no node built-in (${spec})`);
    else if ((external || ws) && !zone.packages.includes(packageOf(spec)))
      brk(
        'workspace',
        `${zone.name} may import only ${zone.packages.join(', ') || 'its own files'}, not ${spec}`,
      );
  } else if (spec.startsWith('@jixiao/') && !zone.workspaces.includes(packageOf(spec)))
    brk('workspace', `${zone.name} may import ${zone.workspaces.join(', ')} only, not ${spec}`);

  // No dynamic import() of project code outside the web's route splitting: it hides a cycle.
  if (imp.kind === 'dynamic' && target && zone.name !== 'web')
    brk('dynamic-import', `dynamic import of ${target}: move the shared piece down a layer or pass it in`);

  if (zone.name === 'server') serverBreaks(file, imp, target, brk);
  return breaks;
}

/** apps/server: routes → services (→ policies) → repositories → db; platform below modules. */
function serverBreaks(file, imp, target, brk) {
  const isRepo = file.endsWith('.repository.ts');
  const inDb = file.startsWith('apps/server/src/db/');
  const isRoute = file.endsWith('.routes.ts');
  const drizzle = packageOf(imp.spec) === 'drizzle-orm';
  const tables = target?.startsWith('apps/server/src/db/schema/');
  const dbCode = target?.startsWith('apps/server/src/db/') && !tables;
  if ((drizzle || tables) && !isRepo && !inDb && !DB_ALLOWED[file])
    brk('drizzle', `only *.repository.ts and src/db/** use Drizzle or the tables (${target ?? imp.spec})`);
  // The Executor / Database types travel through services as the transaction handle.
  if (dbCode && imp.kind !== 'type' && !isRepo && !inDb && !DB_ALLOWED[file])
    brk('drizzle', `only repositories and composition roots use ${target} (a type import is fine)`);
  if (!target) return;
  if (isRoute) routeBreaks(file, target, brk);
  if (isRepo && /\.(service|routes|policy)\.ts$/.test(target))
    brk('repository-imports-up', `a repository imports no service, route or policy (${target})`);
  if (file.startsWith('apps/server/src/platform/') && target.startsWith('apps/server/src/modules/'))
    brk('platform-imports-module', `platform sits below the modules (${target})`);
  if (file.startsWith('apps/server/src/modules/') && /^apps\/server\/src\/(app|main|cli)\.ts$/.test(target))
    brk('module-imports-root', `modules never import the composition root (${target})`);
}

/** A route parses, calls one service function of its own module and shapes the answer. */
function routeBreaks(file, target, brk) {
  if (target.endsWith('.routes.ts'))
    brk(
      'route-imports-route',
      `a route imports no other route (${target}); shared HTTP helpers live in platform/`,
    );
  else if (target.endsWith('.repository.ts'))
    brk('route-imports-repository', `a route calls a service, never a repository (${target})`);
  else if (target.endsWith('.policy.ts') || target === 'apps/server/src/platform/access.ts')
    brk(
      'route-authorises',
      `a route authorises by its access config and the service; no policy calls (${target})`,
    );
  else if (
    target.startsWith('apps/server/src/') &&
    !target.startsWith(`${dirname(file)}/`) &&
    !target.startsWith('apps/server/src/platform/')
  )
    brk('route-calls-other-module', `a route calls its own module's services only (${target})`);
}

/** Strongly connected components of more than one file (Tarjan), each as a list of files. */
function cycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || (graph.get(v) ?? new Map()).has(v)) out.push(c.reverse());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out;
}

/** The shortest loop from the first file of a knot back to itself, through the knot's files. */
function loopThrough(graph, knot) {
  const inKnot = new Set(knot);
  const [start] = [...knot].sort();
  const prev = new Map();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v).keys()) {
      if (!inKnot.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]));
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** Every break of the tree under `root`: { file, line, rule, message }, sorted by file and line. */
export function checkLayers(root = process.cwd()) {
  const files = listFiles(root);
  const resolve = resolver(root, files);
  const breaks = [];
  const graph = new Map();
  for (const file of files) {
    const edges = new Map();
    for (const imp of importsOf(readFileSync(join(root, file), 'utf8'), file)) {
      const target = resolve(file, imp.spec);
      breaks.push(...layerBreaks(file, imp, target));
      if (target && target !== file && !edges.has(target)) edges.set(target, imp.line);
    }
    graph.set(file, edges);
  }
  for (const c of cycles(graph)) {
    const path = loopThrough(graph, c);
    const rest = c.length - path.length;
    breaks.push({
      file: path[0],
      line: graph.get(path[0]).get(path[1] ?? path[0]),
      rule: 'cycle',
      message: `import cycle: ${[...path, path[0]].join(' → ')}${rest ? ` (and ${rest} more files in the same knot)` : ''}`,
    });
  }
  return breaks.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export const formatBreak = (b) => `${b.file}:${b.line}  ${b.rule}  ${b.message}`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? process.cwd());
  const breaks = checkLayers(root);
  for (const b of breaks) console.log(formatBreak(b));
  console.log(breaks.length ? `layer breaks: ${breaks.length}` : 'layers: no breaks');
  process.exitCode = breaks.length ? 1 : 0;
}
