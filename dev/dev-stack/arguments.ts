// `npm run dev-stack -- --app-origin <origin> [--callback <path>]`, read and checked.
import { ConfigError, parseOrigin } from '../../config/env-values';

const DEV_STACK_USAGE =
  'usage: npm run dev-stack -- --app-origin <origin, e.g. http://localhost:8000> [--callback <path>]';

export interface DevStackArgs {
  /** Where the browser loads the app from: scheme, host and port. */
  origin: string;
  /** A further callback path the app serves, e.g. /app/callback.html. */
  callback?: string;
}

/** Throws a ConfigError whose message is one line with the usage. */
export function parseDevStackArgs(args: readonly string[]): DevStackArgs {
  let origin: string | undefined;
  let callback: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--'))
      throw new ConfigError(`${name} needs a value; ${DEV_STACK_USAGE}`);
    if (name === '--app-origin') origin = parseOrigin(value, '--app-origin', 'http://localhost:8000');
    else if (name === '--callback') callback = value;
    else throw new ConfigError(`unknown option ${name}; ${DEV_STACK_USAGE}`);
  }
  if (!origin) throw new ConfigError(`--app-origin is required; ${DEV_STACK_USAGE}`);
  if (callback !== undefined && !/^\/(?![/\\])[^\s#?]*$/.test(callback)) {
    throw new ConfigError(`--callback "${callback}" must be a path on the app's origin, such as /callback.html`);
  }
  return { origin, ...(callback ? { callback } : {}) };
}
