// npm run lint:imports: the import rules of .dependency-cruiser.js, plus no cycles between server
// modules (server/modules/<name>), which dependency-cruiser checks only file by file.
// Usage: node scripts/check-imports.mjs [folders...] (default: src server). Exits 1 on any violation.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folders = (process.argv.length > 2 ? process.argv.slice(2) : ['src', 'server']).filter(existsSync);
const depcruise = fileURLToPath(
  new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url),
);

let output;
try {
  output = execFileSync(
    process.execPath,
    [depcruise, ...folders, '--config', '.dependency-cruiser.js', '--output-type', 'json'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
} catch (error) {
  // dependency-cruiser exits non-zero when a rule is broken; its JSON report is still on stdout.
  if (!error.stdout) throw error;
  output = error.stdout;
}
const report = JSON.parse(output);

const problems = report.summary.violations.map(
  (violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`,
);

const moduleOf = (file) => /^server\/modules\/([^/]+)\//.exec(file)?.[1];
/** module -> module it imports -> one file import that makes the edge (named in the message). */
const edges = new Map();
for (const module of report.modules) {
  const from = moduleOf(module.source);
  if (!from) continue;
  for (const dependency of module.dependencies) {
    const to = moduleOf(dependency.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${module.source} -> ${dependency.resolved}`);
  }
}

/** A way back to `start`, if any, as the file imports along it (depth-first). */
function cycleFrom(start) {
  const seen = new Set();
  const walk = (node, path) => {
    for (const [next, via] of edges.get(node) ?? []) {
      if (next === start) return [...path, via];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, via]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, []);
}

const reported = new Set();
for (const module of [...edges.keys()].sort()) {
  const cycle = cycleFrom(module);
  if (!cycle) continue;
  const members = cycle
    .map((via) => moduleOf(via.split(' -> ')[0]))
    .sort()
    .join(' ');
  if (reported.has(members)) continue;
  reported.add(members);
  problems.push(`no-cycles-between-server-modules: ${cycle.join(', ')}`);
}

if (problems.length > 0) {
  console.error(`Import rules broken (see .dependency-cruiser.js):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `import rules hold: ${report.summary.totalCruised} modules, ${report.summary.totalDependenciesCruised} imports`,
);
