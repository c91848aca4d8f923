// The project's layout, as rules on its imports, read from every source file (testing/import-graph.ts):
// no import cycle; the product never depends on the tooling; the folders people copy into their own
// app compile alone; the dev tenant never depends on its own clients, nor its lower layers on its
// endpoints; and nothing is exported that nothing imports. A failure names each offending import as `file:line → file`.
import { resolve } from 'node:path';
import { describeEdge, findCycles, readImportGraph, type ImportEdge } from '../testing/import-graph';

const root = resolve(__dirname, '..');
const graph = readImportGraph(root, ['client', 'server', 'config', 'dev', 'testing', 'e2e', 'bench']);
const edges = [...graph.values()].flatMap((module) => module.imports);

/** Specs and their helpers: they may reach anything to check it. */
const isTestCode = (file: string) =>
  /\.(spec|e2e)\.ts$/.test(file) || /(^|\/)test\//.test(file) || /^(testing|e2e)\//.test(file);

/** Product code reaches the tooling once, lazily: the dev tenant's reader of the app's registration, loaded only with the dev tenant. */
const PRODUCT_EXCEPTION = { from: 'config/dev-tenant-file.ts', to: 'dev/tenant/tenant-file/app-registration.ts' };

/** Folders that people copy alone into their own app: they may import themselves and libraries only. */
const COPYABLE = ['client/app/auth/', 'server/auth/', 'server/management/'];

/** Files whose exports are for someone outside the repository: the copyable folders' entries (auth.standalone.ts is the built plain script's). */
const PUBLIC_ENTRIES = ['server/auth/index.ts', 'client/app/auth/auth.module.ts', 'client/app/auth/auth.standalone.ts'];

const offending = (rule: (edge: ImportEdge) => boolean) =>
  edges.filter((edge) => !isTestCode(edge.from) && rule(edge)).map(describeEdge);

describe('import boundaries', () => {
  it('reads the whole project (a scan that found nothing could not fail)', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(edges.length).toBeGreaterThan(500);
    expect(graph.get('server/app.ts')?.imports.map((edge) => edge.to)).toContain('server/routes/users.ts');
  });

  it('has no import cycle, type-only and lazy imports included', () => {
    const cycles = findCycles(graph).map((cycle) => `cycle: ${cycle.map(describeEdge).join(' ; ')}`);
    expect(cycles).toEqual([]);
  });

  it('keeps the product (client/, server/, config/) free of dev/, testing/, e2e/ and bench/', () => {
    const isException = (edge: ImportEdge) =>
      edge.from === PRODUCT_EXCEPTION.from && edge.to === PRODUCT_EXCEPTION.to && edge.kind === 'lazy';
    expect(
      offending(
        (edge) =>
          /^(client|server|config)\//.test(edge.from) &&
          /^(dev|testing|e2e|bench)\//.test(edge.to) &&
          !isException(edge),
      ),
    ).toEqual([]);
    // The one exception still exists, and is still lazy: otherwise it is no exception.
    expect(edges.filter(isException).length).toBe(1);
  });

  it('keeps the folders people copy self-contained: they import themselves and libraries only', () => {
    const outside = (edge: ImportEdge) => {
      const folder = COPYABLE.find((candidate) => edge.from.startsWith(candidate));
      return folder !== undefined && !edge.to.startsWith(folder);
    };
    expect(offending(outside)).toEqual([]);
  });

  it('keeps the dev tenant independent of the tools that talk to it (dev/tenant-client/)', () => {
    expect(
      offending((edge) => edge.from.startsWith('dev/tenant/') && edge.to.startsWith('dev/tenant-client/')),
    ).toEqual([]);
  });

  it("keeps the dev tenant's lower layers (model/, tenant-file/, stores/, shared/) free of its endpoints", () => {
    const lower = /^dev\/tenant\/(model|tenant-file|stores|shared)\//;
    const endpoint = /^dev\/tenant\/(authorize|login|token|management|post-login)\/|^dev\/tenant\/[^/]+\.ts$/;
    expect(offending((edge) => lower.test(edge.from) && endpoint.test(edge.to))).toEqual([]);
  });

  it('exports nothing that nothing imports (a type that names part of another export is its contract)', () => {
    const used = new Map<string, Set<string>>();
    for (const edge of edges.filter((candidate) => candidate.from !== candidate.to)) {
      const names = used.get(edge.to) ?? new Set<string>();
      used.set(edge.to, names);
      for (const name of edge.names === '*' ? ['*'] : edge.names) names.add(name);
    }
    const unused = [...graph.values()]
      .filter((module) => !module.file.endsWith('.d.ts') && !PUBLIC_ENTRIES.includes(module.file))
      .filter((module) => module.file.includes('/')) // the root's build configurations are read by their tools
      .flatMap((module) => {
        const names = used.get(module.file) ?? new Set<string>();
        if (names.has('*')) return [];
        return [...module.exports]
          .filter(([name]) => !names.has(name) && !module.contractTypes.has(name))
          .map(([name, line]) => `${module.file}:${line} exports ${name}`);
      });
    expect(unused).toEqual([]);
  });
});
