// `npm run api`: the API alone, configured from the environment or .env.
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { createApi } from './app';

loadDotEnv();
const config = loadConfigOrExit();
const app = createApi({
  issuer: config.issuer,
  audience: config.audience,
  jwksUri: config.jwksUri,
  corsOrigins: config.corsOrigins,
});

// Express 5 hands listen errors (e.g. the port is taken) to this callback.
app.listen(config.apiPort, '127.0.0.1', (error?: NodeJS.ErrnoException) => {
  if (error) {
    console.error(
      error.code === 'EADDRINUSE'
        ? `API_PORT ${config.apiPort} is already in use: stop the other process or set API_PORT to a free port.`
        : `The API cannot listen on 127.0.0.1:${config.apiPort}: ${error.message}`,
    );
    process.exit(1);
  }
  console.log(`API listening on http://localhost:${config.apiPort}/api`);
  console.log(`  issuer:   ${config.issuer}`);
  console.log(`  audience: ${config.audience}`);
});
