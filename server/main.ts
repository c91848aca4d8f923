// `npm run api`: the API alone, configured from the environment or .env.
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { createApp } from './app';
import { requireAccessToken } from './auth';
import { answerOversizedHeaders } from './oversized-headers';
import { createManagementApi } from './management/management-client';
import { createUsersDirectory } from './management/users-directory';

loadDotEnv();
const { issuer, audience, corsOrigins, apiPort, managementClient } = loadConfigOrExit();
const checkAccessToken = requireAccessToken({ issuer, audience });
// Without AUTH0_M2M_* on a real tenant, every route but /api/users works (those answer 503).
const users = managementClient && createUsersDirectory(createManagementApi({ issuer, ...managementClient }));
const app = createApp({ checkAccessToken, corsOrigins, users, requirements: { issuer, audience } });

// Express 5 hands listen errors (e.g. the port is taken) to this callback.
const server = app.listen(apiPort, '127.0.0.1', (error?: NodeJS.ErrnoException) => {
  if (error) {
    console.error(
      error.code === 'EADDRINUSE'
        ? `API_PORT ${apiPort} is already in use: stop the other process or set API_PORT to a free port.`
        : `The API cannot listen on 127.0.0.1:${apiPort}: ${error.message}`,
    );
    process.exit(1);
  }
  console.log(`API listening on http://localhost:${apiPort}/api`);
  console.log(`  issuer:   ${issuer}`);
  console.log(`  audience: ${audience}`);
  console.log(
    `  users:    ${managementClient ? `Management API as ${managementClient.clientId}` : 'no AUTH0_M2M_CLIENT_ID/SECRET: /api/users answers 503'}`,
  );
});

// Headers over Node's limit (a token grown too large) are answered before Express sees them.
server.on('clientError', answerOversizedHeaders(corsOrigins));
