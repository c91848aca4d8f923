// A request to the API that got no answer says why, and what to set.
import { setupAuth, TEST_OPTIONS, type AuthSetup } from '../../test/helpers';

interface MockBackend {
  // A function answer is the only way angular-mocks passes an xhrStatus other than 'complete'.
  expectGET(url: string): { respond(answer: () => [number, unknown, object, string, string]): void };
  flush(): void;
}

describe('no answer from the API', () => {
  let t: AuthSetup;
  let backend: MockBackend;
  beforeEach(() => {
    t = setupAuth();
    backend = t.$injector.get<MockBackend>('$httpBackend');
  });

  const statusTextOf = (url: string, status: number, xhrStatus: string) => {
    backend.expectGET(url).respond(() => [status, null, {}, '', xhrStatus]);
    let statusText: string | undefined;
    t.$http.get(url).catch((r: { statusText: string }) => (statusText = r.statusText));
    backend.flush();
    return statusText;
  };

  it('names CORS_ORIGINS and this origin for a request to the API', () => {
    expect(statusTextOf(`${TEST_OPTIONS.apiOrigin}/api/private`, -1, 'error')).toBe(
      `No answer from the API at ${TEST_OPTIONS.apiOrigin}: it is down, or its CORS policy does not allow ${window.location.origin} (the browser then hides the answer). Start it, and add ${window.location.origin} to its CORS_ORIGINS.`,
    );
  });

  it('leaves other requests, timeouts and answers with a status alone', () => {
    expect(statusTextOf('/views/page.html', -1, 'error')).toBe('');
    expect(statusTextOf(`${TEST_OPTIONS.apiOrigin}/api/private`, -1, 'timeout')).toBe('');
    expect(statusTextOf(`${TEST_OPTIONS.apiOrigin}/api/private`, 500, 'complete')).toBe('');
  });
});
