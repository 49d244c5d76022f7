/*
 * ASAP web SDK loader (asap-jwt-helpcenter). No framework, no build step.
 *
 * Include it from the Desk:   <script src="https://desk.example/asap/sdk.js" data-addon-id="…" async></script>
 * Then, as with the vendor's widget:
 *   window.ZohoDeskAsapReady(() => {
 *     ZohoDeskAsap.invoke("login", (success, failure) =>
 *       fetch("/api/asap/token", { method: "POST" }).then((r) => r.json()).then((j) => success(j.token)).catch(failure));
 *   });
 *   ZohoDeskAsap.invoke("logout");  // on sign-out
 *
 * The widget runs in an iframe served by the Desk. Page and frame talk only through postMessage,
 * always to the other side's exact origin, and each side checks event.origin and event.source.
 *
 * Browsers that block third-party storage deny the frame its own sessionStorage, so the SDK keeps the
 * widget's session for it in the page's sessionStorage (the page can mint tokens for its user anyway,
 * so holding the session grants it nothing new), and coordinates the page's tabs over a
 * BroadcastChannel: one tab refreshes the session for all, and a logout reaches every tab.
 */
(function () {
  "use strict";
  if (window.ZohoDeskAsap && window.ZohoDeskAsap.__sdk) return;

  var script = document.currentScript;
  var addonId = script && script.getAttribute("data-addon-id");
  if (!script || !addonId) {
    console.error("[ASAP] sdk.js needs a data-addon-id attribute on its <script> tag.");
    return;
  }
  var deskOrigin = new URL(script.src).origin;
  var frameUrl =
    deskOrigin + "/desk/widget/frame?addonId=" + encodeURIComponent(addonId) + "&parentOrigin=" + encodeURIComponent(location.origin);
  var STORAGE_KEY = "asap-session:" + addonId;
  var tabs = "BroadcastChannel" in window ? new BroadcastChannel("asap:" + addonId) : null;

  var frame = null;
  var launcher = null;
  var frameReady = false;
  var pending = []; // messages waiting for the frame to be ready
  var getToken = null; // the page's login callback: (success, failure) => void
  var isOpen = false;

  // ── the widget session, kept for the frame ─────────────────────────────────────────────────
  function savedSession() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "null");
    } catch {
      return null;
    }
  }
  function saveSession(saved) {
    var previous = savedSession();
    // When the user changes, the previous user's session is revoked on the Desk, and anything they
    // left here goes.
    if (previous && previous.contact && previous.contact.email !== saved.contact.email) {
      revokeSaved(previous);
      clearStorage();
    }
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
    } catch {}
  }
  // Only the frame can revoke a bearer (the Desk API is on its origin): hand it over before forgetting it.
  function revokeSaved(saved) {
    if (saved && saved.session && typeof saved.session.token === "string") post({ type: "asap:revoke", token: saved.session.token });
  }
  function clearStorage() {
    try {
      Object.keys(sessionStorage).forEach(function (key) {
        if (key.indexOf("asap-") === 0) sessionStorage.removeItem(key);
      });
    } catch {}
  }

  // ── talking to the frame ────────────────────────────────────────────────────────────────────
  function post(message) {
    if (frameReady) frame.contentWindow.postMessage(message, deskOrigin);
    else pending.push(message);
  }

  function requestToken() {
    if (!getToken) return;
    var settled = false;
    var once = function (handler) {
      return function (value) {
        if (settled) return;
        settled = true;
        handler(value);
      };
    };
    var failed = function (reason) {
      var message = reason && reason.message ? reason.message : String(reason);
      console.error("[ASAP] the page's login callback failed: " + message);
      post({ type: "asap:token-failed", message: message });
    };
    var success = once(function (token) {
      if (typeof token === "string" && token) post({ type: "asap:token", token: token });
      else failed(new Error("the login callback gave no token"));
    });
    try {
      getToken(success, once(failed));
    } catch (error) {
      once(failed)(error);
    }
  }

  function setOpen(open) {
    isOpen = open;
    frame.style.display = open ? "block" : "none";
    launcher.setAttribute("aria-expanded", String(open));
    launcher.textContent = open ? "×  Close help" : "?  Help";
    if (open) frame.focus();
  }

  function onFrameMessage(event) {
    if (!frame || event.origin !== deskOrigin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data.type !== "string") return;
    switch (data.type) {
      case "asap:ready":
        frameReady = true;
        frame.contentWindow.postMessage({ type: "asap:init", saved: savedSession() }, deskOrigin);
        pending.splice(0).forEach(post);
        break;
      case "asap:need-token":
        requestToken();
        break;
      case "asap:session":
        saveSession({ session: data.session, contact: data.contact });
        if (tabs) tabs.postMessage({ type: "session", session: data.session, contact: data.contact });
        break;
      case "asap:forget":
        clearStorage();
        if (tabs) tabs.postMessage({ type: "logout" });
        break;
      case "asap:refreshing":
        if (tabs) tabs.postMessage({ type: "refreshing", forMs: data.forMs });
        break;
      case "asap:login-failed":
        console.error("[ASAP] login failed: " + data.error.code + ": " + data.error.message + " " + data.error.hint);
        break;
      case "asap:close":
        setOpen(false);
        launcher.focus();
        break;
    }
  }

  if (tabs) {
    tabs.onmessage = function (event) {
      var data = event.data || {};
      if (data.type === "session") post({ type: "asap:peer-session", session: data.session, contact: data.contact });
      else if (data.type === "logout") post({ type: "asap:peer-logout" });
      else if (data.type === "refreshing") post({ type: "asap:peer-refreshing", forMs: data.forMs });
    };
  }

  function mount() {
    launcher = document.createElement("button");
    launcher.type = "button";
    launcher.id = "asap-launcher";
    launcher.setAttribute("aria-controls", "asap-frame");
    launcher.style.cssText =
      "position:fixed;right:24px;bottom:24px;z-index:2147483000;border:0;border-radius:999px;padding:12px 18px;" +
      "font:600 14px system-ui,sans-serif;color:#fff;background:#4f46e5;box-shadow:0 6px 20px rgba(0,0,0,.2);cursor:pointer";
    launcher.addEventListener("click", function () {
      setOpen(!isOpen);
    });

    frame = document.createElement("iframe");
    frame.id = "asap-frame";
    frame.title = "Help center";
    frame.src = frameUrl;
    frame.style.cssText =
      "position:fixed;right:24px;bottom:84px;z-index:2147483000;width:380px;max-width:calc(100vw - 48px);" +
      "height:560px;max-height:calc(100vh - 120px);border:0;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.25);background:#fff";
    window.addEventListener("message", onFrameMessage);
    document.body.appendChild(frame);
    document.body.appendChild(launcher);
    setOpen(false);
  }

  var api = {
    __sdk: true,
    invoke: function (action, argument) {
      switch (action) {
        case "login":
          if (typeof argument !== "function") throw new TypeError('ZohoDeskAsap.invoke("login", callback): callback must be a function');
          getToken = argument;
          post({ type: "asap:login" });
          return;
        case "logout":
          // Forget everything at once, even before the frame has loaded, but first hand the frame
          // the stored session to revoke: after a silent sign-out (an expired site cookie, then a
          // reload) this page's storage is the only place that still knows it.
          getToken = null;
          revokeSaved(savedSession());
          clearStorage();
          post({ type: "asap:logout" });
          return;
        case "open":
          return setOpen(true);
        case "close":
          return setOpen(false);
        default:
          throw new Error('ZohoDeskAsap.invoke: unknown action "' + action + '"');
      }
    },
  };

  mount();
  window.ZohoDeskAsap = api;

  // Run the callbacks queued before the SDK loaded, then call later ones at once.
  var queued = window.ZohoDeskAsap__asyncalls || [];
  window.ZohoDeskAsap__asyncalls = null;
  window.ZohoDeskAsapReadyStatus = true;
  window.ZohoDeskAsapReady = function (callback) {
    if (typeof callback === "function") callback();
  };
  queued.forEach(function (callback) {
    if (typeof callback === "function") callback();
  });
})();
