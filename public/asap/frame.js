/*
 * The ASAP widget frame (served by the Desk inside the business page's iframe).
 *
 * Holds the ASAP session in memory (never in a third-party cookie; the SDK keeps a copy in the page's
 * sessionStorage, since browsers may deny this frame storage of its own), asks the page for a fresh
 * JWT when it has no session or the session is about to end, and follows sessions and logouts that
 * the page's other tabs report, so one refresh serves them all.
 */
(function () {
  "use strict";
  var config = JSON.parse(document.body.getAttribute("data-config"));
  var parentOrigin = config.parentOrigin;
  var REFRESH_MARGIN_MS = 60 * 1000;
  // Never ask for tokens more often than this, whatever the clocks say: no refresh storms.
  var MIN_REFRESH_GAP_MS = 30 * 1000;
  var PEER_REFRESH_WAIT_MS = 15 * 1000;

  var state = { session: null, contact: null, error: null, busy: false, wantsLogin: false };
  var refreshTimer = null;
  var lastTokenRequest = 0;
  var peersRefreshingUntil = 0;

  function toPage(message) {
    window.parent.postMessage(message, parentOrigin);
  }

  function askForToken() {
    if (!state.wantsLogin) return;
    lastTokenRequest = Date.now();
    state.busy = true;
    render();
    toPage({ type: "asap:need-token" });
  }

  // ── the Desk API (same origin as this frame) ────────────────────────────────────────────────
  function api(path, options) {
    return fetch("/desk/api/asap/v1/" + path, options).then(function (response) {
      if (response.status === 204) return null;
      return response.json().then(function (body) {
        if (!response.ok) throw body.error || { code: "INTERNAL", message: "The Desk answered " + response.status, hint: "" };
        return body;
      });
    });
  }

  /** The session's end on this browser's clock, from the server's relative lifetime. */
  function withLocalExpiry(session, expiresInSeconds) {
    return { token: session.token, expiresAt: session.expiresAt, localExpiresAt: Date.now() + expiresInSeconds * 1000 };
  }

  // The same login callback serves both flows, and the credential's shape says which it is: a user
  // token is one opaque base64url segment, anything else goes as a JWT. So an app still sending user
  // tokens after the legacy flow was switched off hears FLOW_NOT_ENABLED, not TOKEN_MALFORMED.
  function credentialFor(value) {
    return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? { userToken: value } : { token: value };
  }

  function login(credential) {
    var body = credentialFor(credential);
    body.addonId = config.addonId;
    body.pageOrigin = parentOrigin;
    api("login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    })
      .then(function (result) {
        var session = withLocalExpiry(result.session, result.session.expiresInSeconds);
        adopt(session, result.contact);
        toPage({ type: "asap:session", session: session, contact: result.contact });
      })
      .catch(function (error) {
        fail(error && error.code ? error : { code: "NETWORK", message: "The help desk could not be reached.", hint: "Check your connection and retry." });
      });
  }

  function fail(error) {
    state.busy = false;
    state.error = error;
    render();
    toPage({ type: "asap:login-failed", error: error });
  }

  function adopt(session, contact) {
    state.session = session;
    state.contact = contact;
    state.error = null;
    state.busy = false;
    scheduleRefresh();
    render();
  }

  function forget() {
    clearTimeout(refreshTimer);
    state.session = null;
    state.contact = null;
    state.busy = false;
    render();
  }

  function revoke(token) {
    api("logout", { method: "POST", keepalive: true, headers: { Authorization: "Bearer " + token } }).catch(function () {});
  }

  function logout() {
    var session = state.session;
    forget();
    toPage({ type: "asap:forget" });
    if (session) revoke(session.token);
  }

  // Re-login shortly before the session ends, with no user action. A tab about to refresh says so;
  // the others wait for the session it shares.
  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    if (!state.session) return;
    var due = Math.max(state.session.localExpiresAt - REFRESH_MARGIN_MS, lastTokenRequest + MIN_REFRESH_GAP_MS);
    refreshTimer = setTimeout(refresh, Math.max(0, due - Date.now()));
  }
  function refresh() {
    if (!state.wantsLogin) return;
    if (Date.now() < peersRefreshingUntil) {
      refreshTimer = setTimeout(refresh, peersRefreshingUntil - Date.now() + 1000);
      return;
    }
    toPage({ type: "asap:refreshing", forMs: PEER_REFRESH_WAIT_MS });
    askForToken();
  }

  function resumeOrLogin() {
    if (!state.session || state.session.localExpiresAt - Date.now() < REFRESH_MARGIN_MS) return askForToken();
    api("session", { headers: { Authorization: "Bearer " + state.session.token } })
      .then(function (current) {
        adopt(withLocalExpiry(state.session, current.expiresInSeconds), current.contact);
      })
      .catch(function () {
        forget();
        askForToken();
      });
  }

  // ── messages from the page (and, through it, from the page's other tabs) ────────────────────
  window.addEventListener("message", function (event) {
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    var data = event.data || {};
    switch (data.type) {
      case "asap:init":
        if (data.saved && data.saved.session && data.saved.contact) {
          state.session = data.saved.session;
          state.contact = data.saved.contact;
        }
        return render();
      case "asap:login":
        state.wantsLogin = true;
        if (config.authMode !== "jwt") return render();
        return resumeOrLogin();
      case "asap:token":
        if (typeof data.token === "string" && state.wantsLogin) login(data.token);
        return;
      case "asap:token-failed":
        // The app declined to sign this person in (e.g. their email is not verified yet): not a
        // failure of ours, so no alert. They browse as a guest, and read the app's reason.
        state.busy = false;
        state.error = null;
        state.notice = typeof data.message === "string" && data.message ? data.message.slice(0, 300) : "Sign in to the app to see your tickets.";
        return render();
      case "asap:logout":
        state.wantsLogin = false;
        return logout();
      case "asap:revoke":
        // A session the page stored and is forgetting (a sign-out or a change of user).
        if (typeof data.token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(data.token)) {
          if (state.session && state.session.token === data.token) forget();
          revoke(data.token);
        }
        return;
      case "asap:peer-session":
        if (state.wantsLogin && data.session && data.contact) adopt(data.session, data.contact);
        return;
      case "asap:peer-logout":
        return forget();
      case "asap:peer-refreshing":
        peersRefreshingUntil = Date.now() + Math.min(Number(data.forMs) || 0, PEER_REFRESH_WAIT_MS);
        return;
    }
  });

  // ── rendering ───────────────────────────────────────────────────────────────────────────────
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else if (name === "onclick") node.addEventListener("click", attributes[name]);
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  }

  // ── the help-center views (frame-views.js) and the Desk API they use ───────────────────────
  // A session being refreshed still counts: the old one works until the new one arrives.
  function signedIn() {
    return Boolean(state.session && state.contact);
  }
  function authHeaders() {
    return signedIn() ? { Authorization: "Bearer " + state.session.token } : {};
  }
  function helpApi(path, options) {
    options = options || {};
    var headers = Object.assign({ Accept: "application/json" }, options.headers || {}, options.auth ? authHeaders() : {});
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    return fetch("/desk/api/asap/v1/" + path, {
      method: options.method || "GET",
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }).then(function (response) {
      if (response.status === 204) return null;
      return response.json().then(function (body) {
        if (!response.ok) throw new Error((body.error && body.error.message) || "The help desk answered " + response.status + ".");
        return body;
      });
    });
  }
  var views = window.AsapViews({ api: helpApi, el: el, signedIn: signedIn, authHeaders: authHeaders, rerender: renderView });

  // ── rendering: a fixed shell (header, who, error) and the current view ─────────────────────
  var shell = null;

  function buildShell() {
    shell = {
      who: el("p", { class: "who", role: "status" }),
      error: el("div"),
      view: el("div", { class: "view-host" }),
    };
    document.body.replaceChildren(
      el("main", {}, [
        el("header", {}, [
          el("h1", { text: config.addonName }),
          el("button", { type: "button", class: "close", "aria-label": "Close help", onclick: function () { toPage({ type: "asap:close" }); } }, [
            el("span", { "aria-hidden": "true", text: "×" }),
          ]),
        ]),
        shell.who,
        shell.error,
        shell.view,
      ]),
    );
  }

  function renderView() {
    shell.view.replaceChildren(views.render());
  }

  var shownContact = null;
  function render() {
    if (!shell) buildShell();
    var who;
    if (signedIn()) who = "Signed in as " + state.contact.name + " (" + state.contact.email + ")";
    else if (state.busy) who = "Signing you in…";
    else who = "Browsing as a guest";
    shell.who.textContent = who;
    shell.error.replaceChildren();
    // Only while the page still wants this person signed in: a sign-out leaves no stale reason.
    if (state.notice && state.wantsLogin && !state.error && !state.busy && !signedIn()) {
      shell.error.appendChild(el("div", { class: "notice", role: "status", "aria-label": "Why you are a guest" }, [el("p", { text: state.notice })]));
    }
    if (state.error) {
      shell.error.appendChild(
        el("div", { class: "error", role: "alert" }, [
          el("p", { class: "error-title", text: "We could not sign you in to help" }),
          el("p", { text: state.error.message }),
          state.error.hint ? el("p", { class: "hint", text: state.error.hint }) : null,
          el("p", { class: "code", text: "Error code: " + state.error.code }),
        ]),
      );
    }
    // The views change only when the person does, so a status update never wipes what someone is
    // typing. A guest who signs in keeps their place; a new person (or nobody) starts afresh.
    var contact = state.contact ? state.contact.email : null;
    if (contact === shownContact && shell.view.firstChild) return;
    if (shownContact !== null && contact !== shownContact) views.reset();
    shownContact = contact;
    renderView();
  }

  render();
  toPage({ type: "asap:ready" });
})();
