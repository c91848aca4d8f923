// `npm run dev-tenant:reset`: the dev tenant's users as its tenant file has them, whether it runs or not.
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { resetUsers } from './tenant-client/reset-users';

loadDotEnv();
void resetUsers(loadConfigOrExit(), console.log, console.error).then((ok) => process.exit(ok ? 0 : 1));
