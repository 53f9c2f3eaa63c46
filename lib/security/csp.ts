// The Content-Security-Policy of every page. Scripts run only with this response's nonce ('strict-dynamic'
// lets the chunks Next's own nonce'd bootstrap loads run too): an injected <script> or inline event handler
// (onerror=…) is refused by the browser even if some rendering path ever failed to escape it.
// Styles keep 'unsafe-inline': React `style` attributes (charts, the dependency graph) need it, and styles
// cannot run code. No Node APIs: proxy.ts runs this.

export const CSP_HEADER = "Content-Security-Policy";

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function pagePolicy(nonce: string, options: { dev?: boolean } = {}): string {
  // `next dev` evaluates modules with eval for fast refresh; a production build never does.
  const devEval = options.dev ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * For API responses (JSON, CSV, Markdown, the break-glass HTML pack): nothing in them may load or run
 * anything. Inline styles only, which the break-glass pack uses to print well.
 */
export const API_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
