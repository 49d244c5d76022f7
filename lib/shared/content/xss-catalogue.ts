/**
 * Classic script-injection attempts, for tests that post them through every user-content path and
 * prove none runs. Each one calls window.__xss(label) if it ever executes.
 */
export const XSS_CATALOGUE: Array<{ label: string; payload: string }> = [
  { label: "script tag", payload: "<script>window.__xss('script tag')</script>" },
  { label: "img onerror", payload: "<img src=x onerror=\"window.__xss('img onerror')\">" },
  { label: "svg onload", payload: "<svg onload=\"window.__xss('svg onload')\"></svg>" },
  { label: "svg script", payload: "<svg><script>window.__xss('svg script')</script></svg>" },
  { label: "iframe srcdoc", payload: "<iframe srcdoc=\"<script>parent.__xss('iframe srcdoc')</script>\"></iframe>" },
  { label: "javascript link", payload: "[click me](javascript:window.__xss('javascript link'))" },
  { label: "mixed-case javascript link", payload: "[click](JaVaScRiPt:window.__xss('mixed-case javascript link'))" },
  { label: "entity-encoded javascript link", payload: "[click](&#106;avascript:window.__xss('entity link'))" },
  // The base64 is <script>window.__xss('data link')</script>.
  { label: "data link", payload: "[open](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3MoJ2RhdGEgbGluaycpPC9zY3JpcHQ+)" },
  { label: "markdown image onerror", payload: "![x](x\" onerror=\"window.__xss('markdown image'))" },
  { label: "autolink javascript", payload: "<javascript:window.__xss('autolink')>" },
  { label: "nested markdown in html", payload: "<a href=\"javascript:window.__xss('nested')\">**bold** link</a>" },
  { label: "style expression", payload: "<div style=\"background:url(javascript:window.__xss('style'))\">x</div>" },
  { label: "event handler attribute in text", payload: "\" onmouseover=\"window.__xss('attribute breakout')\" x=\"" },
];

/**
 * Files that would run script if a browser ever rendered them as a document on our origin. `refused`:
 * the Desk must refuse it by its content (FILE_TYPE_NOT_ALLOWED), whatever its name; otherwise it is
 * stored and must stay inert wherever it is shown, opened or downloaded.
 */
export const XSS_UPLOADS: Array<{ label: string; name: string; content: string | "png polyglot"; refused: boolean }> = [
  { label: "svg script", name: "logo.svg", content: "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>window.__xss('svg upload')</script></svg>", refused: true },
  { label: "svg onload as png", name: "logo.png", content: "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"window.__xss('svg as png')\"/>", refused: true },
  { label: "html page", name: "page.html", content: "<!doctype html><script>window.__xss('html upload')</script>", refused: true },
  { label: "html renamed as png", name: "invoice.png", content: "<html><body onload=\"window.__xss('html as png')\"></body></html>", refused: true },
  { label: "html after some text", name: "notes.txt", content: "Read me first.\n<script>window.__xss('script in text')</script>", refused: true },
  // Stored: a real PNG with a script after its end, and text whose markup is not one a sniffer would run.
  { label: "png polyglot", name: "<img src=x onerror=window.__xss('file name')>.png", content: "png polyglot", refused: false },
  { label: "link in a log", name: "server.log", content: "ok\n<a href=\"javascript:window.__xss('text link')\">open</a>\n", refused: false },
];
