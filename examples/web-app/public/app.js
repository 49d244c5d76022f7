// The vendor's snippet: queue calls until sdk.js has loaded, then it runs them.
window.ZohoDeskAsapReady = function (callback) {
  if (window.ZohoDeskAsapReadyStatus) return callback();
  (window.ZohoDeskAsap__asyncalls = window.ZohoDeskAsap__asyncalls || []).push(callback);
};

window.ZohoDeskAsapReady(function () {
  if (document.body.dataset.signedIn !== "true") {
    // Nobody is signed in here: whoever the widget had signed in is signed out too.
    window.ZohoDeskAsap.invoke("logout");
    return;
  }
  // The widget calls this whenever it needs a token: at login, and again before its session ends.
  window.ZohoDeskAsap.invoke("login", function (success, failure) {
    fetch("/api/asap/token", { method: "POST" })
      .then(function (response) {
        return response.ok ? response.json() : Promise.reject(new Error("token route answered " + response.status));
      })
      .then(function (body) {
        success(body.token);
      })
      .catch(failure);
  });
});
