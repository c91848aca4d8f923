// examples/plain-scripts/auth.config.js is what npm run dev-stack prints for the example's origin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config/load-config';
import { exampleAuthConfig } from './auth-config-file';
import { EXAMPLE_SOURCE } from './example-folder';

describe("the example's auth.config.js", () => {
  it('holds the block dev-stack prints for http://localhost:8000 with the default ports', () => {
    const defaults = loadConfig({});
    expect(readFileSync(join(EXAMPLE_SOURCE, 'auth.config.js'), 'utf8')).toBe(
      exampleAuthConfig(defaults, 'http://localhost:8000'),
    );
  });
});
