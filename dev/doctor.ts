// `npm run doctor`: checks the configuration against the tenant before it turns into a 401.
import { loadDotEnv } from '../config/load-config';
import { runDoctor } from './doctor/run-doctor';

loadDotEnv();
runDoctor(process.env, (line) => console.log(line)).then(
  (ok) => process.exit(ok ? 0 : 1),
  () => {
    console.log('FAIL doctor: an unexpected error stopped the checks.');
    process.exit(1);
  },
);
