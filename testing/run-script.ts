// For specs: a script of this repository, the one its npm script names, run at the root in a process
// of its own, its output kept. It runs under Node with tsx's loader, which is what the tsx command
// starts, without the command itself: that is a second process per spec, and it SIGKILLs the script
// when it takes over ~60 ms to acknowledge a signal, as happens on a busy machine. The configuration's
// variables are blanked first, so a developer's .env never decides a spec (a variable set to '' counts
// as unset and wins over .env); each spec sets the ones it is about.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** Every configuration variable, blanked: the dev tenant and the defaults, whatever .env says. */
export const BLANK_CONFIGURATION: Readonly<Record<string, string>> = {
  AUTH0_DOMAIN: '',
  AUTH0_CLIENT_ID: '',
  AUTH0_AUDIENCE: '',
  AUTH0_M2M_CLIENT_ID: '',
  AUTH0_M2M_CLIENT_SECRET: '',
  API_ORIGIN: '',
  CORS_ORIGINS: '',
  DEV_TENANT_CONFIG: '',
  DEV_TENANT_HOST: '',
  DEV_TENANT_TOKEN_TTL: '',
  AUTH_FLOW: '',
  AUTH_CACHE: '',
};

export interface ScriptOutput {
  /** null until it ends, or when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningScript {
  /** The output so far. */
  output: ScriptOutput;
  /** Settles when it ends; it is killed after `timeoutMs`, so none is left behind. */
  exited: Promise<ScriptOutput>;
  /** Resolves once stdout holds `text`; rejects, quoting the output, when it ends or 15 s pass first. */
  waitForOutput(text: string): Promise<void>;
  /** SIGTERM, then its end. */
  stop(): Promise<ScriptOutput>;
}

/** `argv`: what follows `node --import tsx`, e.g. ['dev/token.ts', '--m2m'] or ['-e', code]. */
export function startScript(
  argv: readonly string[],
  { env = {}, timeoutMs = 20_000 }: { env?: Record<string, string>; timeoutMs?: number } = {},
): RunningScript {
  const child = spawn(process.execPath, ['--import', 'tsx', ...argv], {
    cwd: root,
    env: { ...process.env, ...BLANK_CONFIGURATION, ...env },
  });
  const output: ScriptOutput = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise<ScriptOutput>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      output.code = code;
      done(output);
    });
  });
  let ended = false;
  void exited.finally(() => (ended = true));
  return {
    output,
    exited,
    async waitForOutput(text) {
      const deadline = Date.now() + 15_000;
      while (!output.stdout.includes(text)) {
        if (ended || Date.now() > deadline)
          throw new Error(`no "${text}" in the output: ${output.stdout}${output.stderr}`);
        await new Promise((wait) => setTimeout(wait, 50));
      }
    },
    stop() {
      if (!ended) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The script run to its end. */
export function runScript(
  argv: readonly string[],
  options?: { env?: Record<string, string>; timeoutMs?: number },
): Promise<ScriptOutput> {
  return startScript(argv, options).exited;
}
