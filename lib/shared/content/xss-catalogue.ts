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
