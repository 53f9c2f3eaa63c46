// What is known about the request being served, for everything it calls: the logger adds the request id
// to each line (lib/log/index.ts mixin), and an action's error handler notes the status it maps the error to.
// On globalThis: Next may bundle this module more than once (routes, instrumentation), and all copies must
// share one store.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = {
  requestId: string;
  /** Status an action's error was answered with (set by handleServerError; HTTP-like). */
  status?: number;
};

const globalForContext = globalThis as unknown as { lifeboatRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.lifeboatRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
