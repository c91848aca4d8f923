// For the boundaries spec: every import between the project's own files, read with the TypeScript
// compiler's parser (no type checking, so it takes a second): static imports and re-exports, type-only
// ones, and the lazy loads (`require`, `import()`, a `createRequire` function) that a plain grep misses.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export type EdgeKind = 'value' | 'type' | 'lazy';

export interface ImportEdge {
  /** Repository-relative paths, e.g. `server/app.ts`. */
  from: string;
  to: string;
  kind: EdgeKind;
  /** The names taken (`default` for a default import), or '*' for the whole module. */
  names: readonly string[] | '*';
  line: number;
}

export interface ModuleInfo {
  file: string;
  /** Exported names with their line. */
  exports: Map<string, number>;
  /** Exported types that another export of the file names (a parameter, a return type): its contract. */
  contractTypes: Set<string>;
  /** Imports of the project's own files (anything that resolves to a path). */
  imports: ImportEdge[];
}

const SOURCE = /\.(ts|js|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'lib', '.git', '.dev-tenant']);
const RESOLVE_SUFFIXES = ['', '.ts', '.js', '/index.ts', '/index.js'];

function listSources(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : listSources(root, path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** The file a relative specifier names, as a repository-relative path (html and css included). */
function resolveSpecifier(root: string, from: string, specifier: string, known: Set<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined; // a library
  const base = relative(root, resolve(root, from, '..', specifier));
  for (const suffix of RESOLVE_SUFFIXES) {
    if (known.has(base + suffix)) return base + suffix;
  }
  // Not a source file: a template or a stylesheet, which imports nothing.
  return extname(base) ? base : undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** Names that call a module loader: `require`, and any `const x = createRequire(...)`. */
function loaderNames(source: ts.SourceFile): Set<string> {
  const names = new Set(['require']);
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isCallExpression(node.initializer) &&
      ts.isIdentifier(node.initializer.expression) &&
      node.initializer.expression.text === 'createRequire'
    ) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function identifiersIn(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child)) names.add(child.text);
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return names;
}

function readModule(root: string, file: string, known: Set<string>): ModuleInfo {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const info: ModuleInfo = { file, exports: new Map(), contractTypes: new Set(), imports: [] };
  const exportedTypes = new Set<string>();
  const namesUsedBy = new Map<ts.Node, Set<string>>();
  const addImport = (specifier: string, kind: EdgeKind, names: readonly string[] | '*', node: ts.Node) => {
    const to = resolveSpecifier(root, file, specifier, known);
    if (to) info.imports.push({ from: file, to, kind, names, line: lineOf(source, node) });
  };
  const addExport = (name: string, node: ts.Node) => info.exports.set(name, lineOf(source, node));

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const names: string[] = [];
      let whole = false;
      let allTypes = clause?.isTypeOnly ?? false;
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) whole = true;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
        if (!clause?.name && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)) {
          allTypes = true;
        }
      }
      addImport(statement.moduleSpecifier.text, allTypes ? 'type' : 'value', whole ? '*' : names, statement);
    } else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const names =
          clause && ts.isNamedExports(clause) ? clause.elements.map((e) => (e.propertyName ?? e.name).text) : '*';
        addImport(statement.moduleSpecifier.text, statement.isTypeOnly ? 'type' : 'value', names, statement);
      }
      if (clause && ts.isNamedExports(clause))
        for (const element of clause.elements) addExport(element.name.text, element);
    } else if (ts.isExportAssignment(statement)) {
      addExport('default', statement);
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) addExport('default', statement);
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) addExport(declaration.name.text, declaration);
        }
      } else if (
        (ts.isFunctionDeclaration(statement) ||
          ts.isClassDeclaration(statement) ||
          ts.isInterfaceDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement) ||
          ts.isEnumDeclaration(statement)) &&
        statement.name
      ) {
        addExport(statement.name.text, statement);
        if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
          exportedTypes.add(statement.name.text);
        }
      }
    }
    if (hasModifier(statement, ts.SyntaxKind.ExportKeyword) || ts.isExportAssignment(statement)) {
      namesUsedBy.set(statement, identifiersIn(statement));
    }
  }
  for (const [statement, names] of namesUsedBy) {
    const own =
      'name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)
        ? (statement.name as ts.Identifier).text
        : undefined;
    for (const name of names) if (name !== own && exportedTypes.has(name)) info.contractTypes.add(name);
  }

  // Lazy loads and `typeof import(...)` anywhere in the file.
  const loaders = loaderNames(source);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      const isLoader =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && loaders.has(callee.text));
      if (isLoader) {
        // `const { a, b } = require('./x')` takes a and b; anything else, the whole module.
        const parent = node.parent;
        const names =
          ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)
            ? parent.name.elements.map((e) => ((e.propertyName ?? e.name) as ts.Identifier).text)
            : '*';
        addImport(node.arguments[0].text, 'lazy', names, node);
      }
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      addImport(node.argument.literal.text, 'type', '*', node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return info;
}

/** Every source file under `folders` and at the root (build configurations), by path. */
export function readImportGraph(root: string, folders: readonly string[]): Map<string, ModuleInfo> {
  const rootFiles = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => entry.name);
  const files = [...rootFiles, ...folders.flatMap((folder) => listSources(root, folder))];
  const known = new Set(files);
  return new Map(files.map((file) => [file, readModule(root, file, known)]));
}

/**
 * The import cycles, one per strongly connected component, each as the chain of edges that closes
 * it (Tarjan's algorithm, then the shortest way back to the component's first file).
 */
export function findCycles(graph: ReadonlyMap<string, ModuleInfo>): ImportEdge[][] {
  const edgesOf = (file: string) => (graph.get(file)?.imports ?? []).filter((edge) => graph.has(edge.to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const { to } of edgesOf(file)) {
      if (!index.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file)!, index.get(to)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.push(member);
        if (member === file) break;
      }
      const selfLoop = edgesOf(file).some((edge) => edge.to === file);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);

  return components.map((component) => {
    const members = new Set(component);
    const start = component[0];
    // Breadth-first from start back to start, inside the component.
    const cameBy = new Map<string, ImportEdge>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of edgesOf(queue[i]).filter((e) => members.has(e.to))) {
        if (edge.to === start) {
          const chain = [edge];
          for (let at = edge.from; at !== start; at = cameBy.get(at)!.from) chain.unshift(cameBy.get(at)!);
          return chain;
        }
        if (!cameBy.has(edge.to)) {
          cameBy.set(edge.to, edge);
          queue.push(edge.to);
        }
      }
    }
    return [];
  });
}

/** `a.ts:3 → b.ts (type)`: one edge as a failure message names it. */
export function describeEdge(edge: ImportEdge): string {
  return `${edge.from}:${edge.line} → ${edge.to}${edge.kind === 'value' ? '' : ` (${edge.kind})`}`;
}
