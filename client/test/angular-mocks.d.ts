// Minimal typings for the parts of angular-mocks the specs use (there is no @types package installed).
import 'angular';

declare module 'angular' {
  interface IAngularStatic {
    mock: {
      module(...modules: unknown[]): () => void;
      inject(...fns: ((...args: never[]) => void)[]): () => void;
    };
  }
  interface ITimeoutService {
    flush(delay?: number): void;
    verifyNoPendingTasks(): void;
  }
}
