// `npm run api`: the API alone, configured from the environment or .env.
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { createApp } from './app';
import { requireAccessToken } from './auth';

loadDotEnv();
const { issuer, audience, corsOrigins, apiPort } = loadConfigOrExit();
const checkAccessToken = requireAccessToken({ issuer, audience });
const app = createApp({ checkAccessToken, corsOrigins });

// Express 5 hands listen errors (e.g. the port is taken) to this callback.
app.listen(apiPort, '127.0.0.1', (error?: NodeJS.ErrnoException) => {
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
});
