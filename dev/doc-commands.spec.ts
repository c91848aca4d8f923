// Runs every command line the docs show with its result (dev/doc-commands.ts says how they are
// marked) against a dev tenant and an API started as `npm start` starts them, on free ports, with a
// temporary data folder, and asserts the status, text or output the docs show.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../testing/free-port';
import { BLANK_CONFIGURATION } from '../testing/run-script';
import { checkedLines, onPorts, showsInOrder, shownOutputs, type CheckedLine } from './doc-commands';
import { docFiles } from './doc-snippets';

const root = resolve(__dirname, '..');
const docs = docFiles().map((path) => ({ path, text: readFileSync(resolve(root, path), 'utf8') }));

/** `npm run <script>`'s command line, run directly (its own process group, so it stops with its children). */
function startScript(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const scripts = (
    JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const [bin, ...args] = scripts[script].split(' ');
  return spawn(resolve(root, 'node_modules/.bin', bin), args, { cwd: root, env, detached: true, stdio: 'ignore' });
}

async function answering(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer`);
}

/** Runs a shell line in bash; curl also prints the status on a last line of its own. */
function sh(line: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const script = `curl() { command curl -w '\\n%{http_code}' "$@"; }\n${line}`;
  return new Promise((done) => {
    const child = spawn('bash', ['-c', script], { cwd: root, env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => done({ code, out }));
  });
}

describe('the command lines of the docs', () => {
  const ports = { app: 0, api: 0, tenant: 0 };
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    [ports.app, ports.api, ports.tenant] = [await freePort(), await freePort(), await freePort()];
    dataDir = mkdtempSync(join(tmpdir(), 'quickstart-doc-commands-'));
    env = {
      ...process.env,
      // The dev tenant, whatever .env says (empty counts as unset, and set variables win over .env).
      ...BLANK_CONFIGURATION,
      DEV_TENANT_DATA_DIR: dataDir,
      APP_PORT: String(ports.app),
      API_PORT: String(ports.api),
      DEV_TENANT_PORT: String(ports.tenant),
    };
    running.push(startScript('dev-tenant', env), startScript('api', env));
    const deadline = Date.now() + 60_000;
    await answering(`http://localhost:${ports.tenant}/.well-known/openid-configuration`, deadline);
    await answering(`http://localhost:${ports.api}/api/public`, deadline);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(
      running.map(
        (child) =>
          new Promise((done) => {
            child.once('exit', done);
            try {
              process.kill(-child.pid!, 'SIGTERM');
            } catch {
              done(null);
            }
          }),
      ),
    );
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are found: the curl lines of troubleshooting and the dev tenant, and the doctor', () => {
    const lines = docs.flatMap((doc) => checkedLines(doc.text));
    expect(lines.length).toBeGreaterThan(15);
    expect(lines.some((l) => l.command.includes('npm run -s token'))).toBeTrue();
    expect(docs.flatMap((doc) => shownOutputs(doc.text)).some((o) => o.command.includes('npm run doctor'))).toBeTrue();
  });

  it('answer the status and text each line shows', async () => {
    const lines = docs.flatMap((doc) => checkedLines(doc.text).map((line) => ({ doc: doc.path, line })));
    const check = async ({ doc, line }: { doc: string; line: CheckedLine }) => {
      const { out } = await sh(onPorts([...line.setup, line.command].join('\n'), ports), env);
      const answer = out.trimEnd().split('\n');
      const status = Number(answer.pop());
      const where = `${doc} line ${line.line}: ${line.command}\n${out}`;
      expect(status).withContext(where).toBe(line.status);
      if (line.text) expect(answer.join('\n')).withContext(where).toContain(onPorts(line.text, ports));
    };
    // A few at a time: each line logs a user in through `npm run -s token`.
    for (let i = 0; i < lines.length; i += 4) await Promise.all(lines.slice(i, i + 4).map(check));
  }, 180_000);

  it('print the output the docs show, line by line', async () => {
    for (const doc of docs) {
      for (const shown of shownOutputs(doc.text)) {
        const { out } = await sh(shown.command, env);
        const result = showsInOrder(
          out,
          shown.lines.map((line) => onPorts(line, ports)),
        );
        expect(result.missing).withContext(`${doc.path} line ${shown.line}: ${shown.command}\n${out}`).toBeUndefined();
      }
    }
  }, 60_000);
});
