// `npm run example` on free ports, as the e2e stacks run `npm start`: the plain-scripts example on a
// static server, the dev tenant and the API, with a temporary DEV_TENANT_DATA_DIR; stopped with SIGINT.
import { freePort } from '../testing/free-port';
import { freeStackPorts, runStack, type Stack } from './support/stack';

/** The example is the app: `appOrigin` and `ports.app` are its static server's. */
export async function startExampleStack(): Promise<Stack> {
  const ports = { ...(await freeStackPorts()), app: await freePort() };
  return runStack({
    script: 'dev/example/main.ts',
    name: 'npm run example',
    readyLine: 'Example (examples/plain-scripts/',
    ports,
    extraEnv: { EXAMPLE_PORT: String(ports.app) },
    // APP_PORT too is free: dev-stack starts nothing there, and nothing may collide with it.
    envPorts: { ...ports, app: await freePort() },
  });
}
