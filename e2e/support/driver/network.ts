// The requests a scenario watches or answers itself, the same in both browsers.
import type { HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';

export interface E2eRequest {
  url(): string;
  method(): string;
  /**
   * Lower-case names. Read it once the answer has arrived to see what the browser added itself: Chromium
   * reports the Cookie header only then.
   */
  headers(): Record<string, string>;
  /**
   * The body as sent (a form's fields), if any. Ask at once, from `onRequest`: Firefox gives it only
   * on request (WebDriver BiDi's collected data), never as a synchronous value.
   */
  body(): Promise<string | undefined>;
}

export interface E2eResponse {
  url(): string;
  status(): number;
  request(): E2eRequest;
}

/** What a route does with a request it matches: fail it (as a network or CORS failure does), or answer it. */
export type RouteAnswer = 'abort' | { status?: number; contentType: string; body: string };

interface Route {
  matches: (url: URL) => boolean;
  answer: (request: E2eRequest) => RouteAnswer;
}

export function wrapRequest(request: HTTPRequest): E2eRequest {
  return {
    url: () => request.url(),
    method: () => request.method(),
    headers: () => request.headers(),
    body: () => request.fetchPostData(),
  };
}

export function wrapResponse(response: HTTPResponse): E2eResponse {
  return { url: () => response.url(), status: () => response.status(), request: () => wrapRequest(response.request()) };
}

/**
 * Answers a page's matching requests, frames included; every other request goes on unchanged. The
 * page is intercepted from the first route on, so routes are set before the page makes the request.
 */
export class PageRoutes {
  private readonly routes: Route[] = [];

  constructor(private readonly page: Page) {}

  async add(matches: Route['matches'], answer: Route['answer']): Promise<void> {
    if (this.routes.length === 0) {
      await this.page.setRequestInterception(true);
      this.page.on('request', (request) => void this.handle(request));
    }
    this.routes.push({ matches, answer });
  }

  private async handle(request: HTTPRequest): Promise<void> {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    const route = this.routes.find((r) => r.matches(url));
    if (!route) return request.continue();
    const answer = route.answer(wrapRequest(request));
    if (answer === 'abort') return request.abort();
    return request.respond({ status: answer.status ?? 200, contentType: answer.contentType, body: answer.body });
  }
}
