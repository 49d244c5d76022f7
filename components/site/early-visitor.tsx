import { EARLY_VISITOR_KEY, VISITOR_PATH } from "@/lib/site/visitor-answer";
import { SDK_PATH, SDK_SCRIPT_ID } from "./asap-sdk-tag";

// As the page is parsed: ask who is visiting, and once the answer names the Desk, add its SDK
// exactly as loadSdk (./asap-sdk-tag.ts) would. The answer is kept for ./visitor-context.tsx.
// Unless the app's scripts ran first and asked already (./visitor-context.tsx): then they load the SDK.
const script = `window[${JSON.stringify(EARLY_VISITOR_KEY)}]=window[${JSON.stringify(EARLY_VISITOR_KEY)}]||fetch(${JSON.stringify(VISITOR_PATH)},{cache:"no-store"})
.then(function(r){return r.ok?r.json():null})
.then(function(v){var w=v&&v.widget;if(w&&typeof w.deskBaseUrl==="string"&&typeof w.addonId==="string"&&!document.getElementById(${JSON.stringify(SDK_SCRIPT_ID)})){
var s=document.createElement("script");s.id=${JSON.stringify(SDK_SCRIPT_ID)};s.src=w.deskBaseUrl+${JSON.stringify(SDK_PATH)};s.async=true;s.dataset.addonId=w.addonId;document.body.appendChild(s)}return v})
.catch(function(){return null})`;

/**
 * Asks who is visiting as soon as the browser parses the page, and loads the widget's SDK as soon as
 * the answer comes: some hundred milliseconds before the app's scripts could (they run once every
 * chunk has loaded and React hydrates). ./visitor-context.tsx takes the answer and checks it as any
 * other; ./asap-widget.tsx then finds the SDK there.
 */
export function EarlyVisitor() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
