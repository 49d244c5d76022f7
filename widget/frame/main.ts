/*
 * The ASAP widget frame, built into /asap/frame.js and served by the Desk inside the business page's
 * iframe. The session's rules live in ./session.ts; this file wires them to the page (the protocol's
 * port), to the Desk's API and to the DOM.
 */
import { readFrameConfig } from "../protocol/frame-config";
import { FRAME_TO_PAGE, PAGE_TO_FRAME, type FrameToPagePayloads, type PageToFramePayloads } from "../protocol/messages";
import { ACCEPTED_BY_FRAME } from "../protocol/parse";
import { windowPort } from "../protocol/port";
import { deskSessionApi, helpApi } from "./desk-api";
import { guestVisitStore, pageBackedStorage } from "./guest-visit";
import { createSessionController, signedIn, systemClock } from "./session";
import { createShell } from "./shell";
import { createViews } from "./views";

const config = readFrameConfig(document.body);
const page = windowPort<PageToFramePayloads, FrameToPagePayloads>({
  host: window,
  peer: () => window.parent,
  peerOrigin: config.parentOrigin,
  accepts: ACCEPTED_BY_FRAME,
});

// The guest visit lives in the page's storage, by the SDK (./guest-visit): set before `init` is acted on.
const visitStorage = pageBackedStorage((visit) => page.post({ type: FRAME_TO_PAGE.keepVisit, visit }));

// The views ask who is signed in at the moment they call the Desk: a session refreshed or ended since
// they rendered is the one they use.
const bearer = () => (signedIn(session.state) ? (session.state.session?.token ?? null) : null);
// The accent is set through CSSOM, which the frame's CSP (style-src 'self') allows; frame.css uses it.
document.documentElement.style.setProperty("--accent", config.accentColor);
const views = createViews({
  greeting: config.greeting,
  api: helpApi(bearer),
  signedIn: () => signedIn(session.state),
  contactEmail: () => (signedIn(session.state) ? (session.state.contact?.email ?? null) : null),
  visit: guestVisitStore(visitStorage, config.addonId),
  bearer,
  attachmentMaxBytes: config.attachmentMaxBytes,
  rerender: () => shell.renderView(),
});
const closeWidget = () => page.post({ type: FRAME_TO_PAGE.close });
const shell = createShell({ title: config.title, onClose: closeWidget, views });
// The dialog pattern: Escape closes the panel from anywhere inside it, and the page then puts focus
// back on the launcher.
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !event.defaultPrevented) closeWidget();
});
const session = createSessionController(
  { authMode: config.authMode, reportOnly: config.reportOnly },
  {
    clock: systemClock,
    desk: deskSessionApi({ addonId: config.addonId, pageOrigin: config.parentOrigin }),
    toPage: (message) => page.post(message),
    changed: () => shell.render(session.state),
  },
);

page.listen((message) => {
  if (message.type === PAGE_TO_FRAME.init) visitStorage.seed(message.visit);
  session.receive(message);
});
shell.render(session.state);
page.post({ type: FRAME_TO_PAGE.ready, accentColor: config.accentColor, launcherPosition: config.launcherPosition });
