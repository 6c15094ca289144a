/* Shopdesk local App Bridge stand-in (development only). Loaded by the embedded app in place of
 * https://cdn.shopify.com/shopifycloud/app-bridge.js; talks to the admin frame page (its parent)
 * with postMessage, tagged source "shopdesk-standin" and origin-checked on both sides. */
(function () {
  "use strict";
  if (window.shopify) return;
  var script = document.currentScript || document.querySelector("script[data-api-key]");
  var PARENT_ORIGIN = new URL(script.src).origin; // the stand-in server also serves the admin frame
  var SOURCE = "shopdesk-standin";
  var EMBED_PARAMS = ["embedded", "shop", "host", "id_token", "locale", "hmac", "session", "timestamp"];
  var query = new URLSearchParams(location.search);
  var saved = JSON.parse(sessionStorage.getItem("shopdesk-standin") || "{}");
  var config = {
    apiKey: script.getAttribute("data-api-key") || "",
    shop: query.get("shop") || saved.shop,
    host: query.get("host") || saved.host,
    locale: query.get("locale") || saved.locale || "en",
  };
  sessionStorage.setItem("shopdesk-standin", JSON.stringify(config));

  // Not inside the admin: go to the admin frame, as App Bridge's auto-redirect does.
  if (window.top === window) {
    location.assign(PARENT_ORIGIN + "/admin?path=" + encodeURIComponent(appPath()));
    return;
  }

  function post(message) {
    message.source = SOURCE;
    window.parent.postMessage(message, PARENT_ORIGIN);
  }
  var pending = {}, nextId = 1, actions = {}, nextActionId = 1;
  function request(type, payload) {
    var requestId = nextId++;
    return new Promise(function (resolve, reject) {
      pending[requestId] = { resolve: resolve, reject: reject };
      setTimeout(function () {
        if (pending[requestId]) { delete pending[requestId]; reject(new Error(type + ": no answer from admin frame")); }
      }, 5000);
      post(Object.assign({ type: type, requestId: requestId }, payload));
    });
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== PARENT_ORIGIN || event.source !== window.parent || !data || data.source !== SOURCE) return;
    if (data.type === "reply" && pending[data.requestId]) {
      var waiter = pending[data.requestId];
      delete pending[data.requestId];
      data.error ? waiter.reject(new Error(data.error)) : waiter.resolve(data.value);
    } else if (data.type === "action" && actions[data.actionId]) {
      actions[data.actionId].click(); // a title-bar or save-bar button clicked in the admin chrome
    } else if (data.type === "navigate") {
      navigate(String(data.href));
    }
  });

  // Session tokens: cached until 10 s before expiry, like App Bridge.
  var cachedToken = null, cachedExp = 0;
  function idToken() {
    if (cachedToken && Date.now() / 1000 < cachedExp - 10) return Promise.resolve(cachedToken);
    return request("idToken").then(function (token) {
      var claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
      cachedToken = token; cachedExp = claims.exp;
      return token;
    });
  }

  // Authenticated fetch: only requests to the app's own origin get the Bearer token.
  var originalFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var req = new Request(input, init);
    if (new URL(req.url, location.href).origin !== location.origin || req.headers.has("Authorization")) {
      return originalFetch(req);
    }
    var retry = req.clone();
    return idToken().then(function (token) {
      req.headers.set("Authorization", "Bearer " + token);
      return originalFetch(req);
    }).then(function (res) {
      var reauthUrl = res.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
      if (reauthUrl) window.open(reauthUrl, "_top");
      if (res.status !== 401 || res.headers.get("X-Shopify-Retry-Invalid-Session-Request") !== "1") return res;
      cachedToken = null; // the server rejected it: fetch a fresh one and retry once
      return idToken().then(function (token) {
        retry.headers.set("Authorization", "Bearer " + token);
        return originalFetch(retry);
      });
    });
  };

  // Remix's AppProvider listens for `shopify:navigate`; count listeners to know whether to fall back.
  var navigateListeners = 0, addListener = window.addEventListener, removeListener = window.removeEventListener;
  window.addEventListener = function (type) { if (type === "shopify:navigate") navigateListeners++; return addListener.apply(this, arguments); };
  window.removeEventListener = function (type) { if (type === "shopify:navigate") navigateListeners--; return removeListener.apply(this, arguments); };
  function navigate(href) {
    var url = new URL(href, location.href);
    if (url.origin !== location.origin) return;
    if (navigateListeners > 0) {
      var link = document.createElement("a");
      link.setAttribute("href", url.pathname + url.search + url.hash);
      link.hidden = true;
      document.body.appendChild(link);
      link.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
      link.remove();
      return;
    }
    idToken().then(function (token) { // full load, with the params Shopify puts on document loads
      url.searchParams.set("embedded", "1"); url.searchParams.set("shop", config.shop);
      url.searchParams.set("host", config.host); url.searchParams.set("locale", config.locale);
      url.searchParams.set("id_token", token);
      location.assign(url.href);
    });
  }
  function appPath() {
    var params = new URLSearchParams(location.search);
    EMBED_PARAMS.forEach(function (name) { params.delete(name); });
    var search = params.toString();
    return location.pathname + (search ? "?" + search : "");
  }
  function reportLocation() { post({ type: "location", path: appPath() }); }
  ["pushState", "replaceState"].forEach(function (name) {
    var original = history[name];
    history[name] = function () { var result = original.apply(this, arguments); reportLocation(); return result; };
  });
  addListener.call(window, "popstate", reportLocation);

  // Bounce page (/auth/session-token?shopify-reload=…): reload the app URL with a fresh id_token.
  var reloadTo = query.get("shopify-reload");
  if (reloadTo) {
    var target = new URL(reloadTo, location.href);
    if (target.origin === location.origin) {
      idToken().then(function (token) { target.searchParams.set("id_token", token); location.replace(target.href); });
    }
  }

  function buttonsOf(element) {
    return Array.prototype.map.call(element.querySelectorAll(":scope > button, :scope > a, :scope > section > button, :scope > section > a"), function (button) {
      if (!button.__actionId) { button.__actionId = nextActionId++; }
      actions[button.__actionId] = button;
      return { actionId: button.__actionId, label: button.textContent.trim(), variant: button.getAttribute("variant") || "", disabled: button.hasAttribute("disabled") };
    });
  }
  // The ui-* elements' own children stay hidden. A stylesheet, not inline styles, so React's hydration
  // of server-rendered <ui-*> tags sees no extra attributes.
  var hideStyle = document.createElement("style");
  hideStyle.textContent = "ui-nav-menu,ui-title-bar,ui-save-bar,ui-modal{display:none!important}";
  document.head.appendChild(hideStyle);
  // Base for the ui-* elements: re-sync with the parent whenever their children change.
  function defineElement(name, sync, extra) {
    var Element = class extends HTMLElement {
      connectedCallback() {
        var self = this;
        this._observer = new MutationObserver(function () { sync(self); });
        this._observer.observe(this, { childList: true, subtree: true, attributes: true, characterData: true });
        sync(this);
      }
      disconnectedCallback() { this._observer.disconnect(); if (this._onDisconnect) this._onDisconnect(); }
    };
    Object.assign(Element.prototype, extra || {});
    customElements.define(name, Element);
  }
  defineElement("ui-nav-menu", function (menu) {
    post({ type: "navMenu", items: Array.prototype.map.call(menu.querySelectorAll("a"), function (link) {
      return { label: link.textContent.trim(), href: link.getAttribute("href"), home: link.getAttribute("rel") === "home" };
    }) });
  });
  var pageTitleBar = null;
  defineElement("ui-title-bar", function (bar) {
    var modal = bar.closest("ui-modal");
    if (modal) return modal._render && modal._render();
    pageTitleBar = bar;
    post({ type: "titleBar", title: bar.getAttribute("title") || "", buttons: buttonsOf(bar) });
  }, { // Clear the header when the page's bar goes away, unless a newer page already set its own.
    _onDisconnect: function () { if (pageTitleBar === this) { pageTitleBar = null; post({ type: "titleBar", title: "", buttons: [] }); } },
  });
  // show/hide events fire after the current task's effects, as App Bridge's (animated) ones do;
  // app-bridge-react re-subscribes onHide in the same effect pass that calls hide().
  function emit(element, type) {
    return Promise.resolve().then(function () { element.dispatchEvent(new Event(type)); });
  }
  function toggler(show, hide) {
    return { show: show, hide: hide, toggle: function () { return this.showing ? this.hide() : this.show(); } };
  }
  defineElement("ui-save-bar", function (bar) { if (bar.showing) bar._post(); }, Object.assign(toggler(
    function () { this.showing = true; this._post(); return emit(this, "show"); },
    function () { var was = this.showing; this.showing = false; this._post(); return was ? emit(this, "hide") : Promise.resolve(); }
  ), {
    _post: function () { post({ type: "saveBar", id: this.id, visible: !!this.showing, buttons: buttonsOf(this) }); },
    _onDisconnect: function () { if (this.showing) { this.showing = false; this._post(); } },
  }));
  // Modals render inside the app frame (real App Bridge draws them in the admin) as a plain overlay,
  // created on first show so server-rendered markup is untouched until hydration is long done.
  defineElement("ui-modal", function (modal) { modal._render(); }, Object.assign(toggler(
    function () { this._overlay().style.display = "flex"; this._render(); this.showing = true; return emit(this, "show"); },
    function () { var was = this.showing; if (this._box) this._box.style.display = "none"; this.showing = false; return was ? emit(this, "hide") : Promise.resolve(); }
  ), {
    _overlay: function () {
      if (this._box) return this._box;
      var self = this, box = this._box = document.createElement("div");
      box.setAttribute("style", "position:fixed;inset:0;z-index:2147483000;background:rgba(0,0,0,.45);display:none;align-items:center;justify-content:center");
      box.innerHTML = '<div role="dialog" aria-modal="true" style="background:#fff;border-radius:12px;min-width:320px;max-width:620px;max-height:90vh;overflow:auto;font:14px system-ui"><h2 style="margin:0;padding:12px 16px;font-size:15px;border-bottom:1px solid #e3e3e3"></h2><div></div><footer style="display:flex;gap:8px;justify-content:flex-end;padding:12px 16px;border-top:1px solid #e3e3e3"></footer></div>';
      box.firstChild.insertBefore(this.content, box.firstChild.children[1]);
      box.addEventListener("click", function (event) { if (event.target === box) self.hide(); });
      document.body.appendChild(box);
      return box;
    },
    _render: function () {
      var box = this._box, bar = this.querySelector("ui-title-bar");
      if (!box) return;
      var footer = box.querySelector("footer");
      box.querySelector("h2").textContent = bar ? bar.getAttribute("title") || "" : "";
      footer.textContent = "";
      (bar ? buttonsOf(bar) : []).forEach(function (info) {
        var button = document.createElement("button");
        button.textContent = info.label; button.disabled = info.disabled;
        button.onclick = function () { actions[info.actionId].click(); };
        footer.appendChild(button);
      });
    },
    _onDisconnect: function () { if (this._box) { this._box.remove(); this._box = null; } },
  }));
  // `content` must exist before React renders its portal into it.
  var modalClass = customElements.get("ui-modal");
  Object.defineProperty(modalClass.prototype, "content", { get: function () { return this._content || (this._content = document.createElement("div")); } });

  function byId(id, method) { var el = document.getElementById(id); return el && el[method] ? el[method]() : Promise.resolve(); }
  var toastId = 0;
  window.shopify = {
    config: config,
    origin: PARENT_ORIGIN,
    ready: Promise.resolve(),
    environment: { embedded: true, mobile: false, pos: false, intent: false },
    idToken: idToken,
    user: function () { return request("user"); },
    loading: function (isLoading) { post({ type: "loading", on: isLoading !== false }); },
    toast: {
      show: function (message, options) {
        options = options || {};
        post({ type: "toast", id: ++toastId, message: String(message), duration: options.duration || 5000, isError: !!options.isError });
        return String(toastId);
      },
      hide: function (id) { post({ type: "toastHide", id: Number(id) }); },
    },
    saveBar: {
      show: function (id) { return byId(id, "show"); },
      hide: function (id) { return byId(id, "hide"); },
      toggle: function (id) { return byId(id, "toggle"); },
      leaveConfirmation: function () {
        var open = Array.prototype.some.call(document.querySelectorAll("ui-save-bar"), function (bar) { return bar.showing; });
        return open ? Promise.reject(new Error("Unsaved changes")) : Promise.resolve();
      },
    },
    modal: {
      show: function (id) { return byId(id, "show"); },
      hide: function (id) { return byId(id, "hide"); },
      toggle: function (id) { return byId(id, "toggle"); },
    },
    resourcePicker: function () { return Promise.resolve(undefined); }, // "cancelled"
  };
  post({ type: "ready" });
  reportLocation();
})();
