/**
 * The Content-Security-Policy of every page the add-in serves (taskpane.html, help/*.html, support.html),
 * declared once; tests/unit/build/security.test.ts checks each page carries exactly this.
 *
 * - scripts: the add-in's own bundles and office.js from Microsoft's CDN (Office requires it from there);
 *   no inline script, no eval (webpack's development build uses a source map without eval for this);
 * - styles: the add-in's own and inline <style> (Fluent UI injects its styles at run time);
 * - connections: the add-in's own origin and office.js's CDN, nothing else (AIFIN makes no network calls;
 *   office.js may fetch its own resources). Verify in Excel on the web before tightening further;
 * - no plugins, no <base> elsewhere, no form posts, frames from the add-in's own origin only (default-src).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

module.exports = { CONTENT_SECURITY_POLICY };
