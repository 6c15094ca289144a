/* Admin frame page script (development only): draws what the embedded app declares through the
 * App Bridge stand-in (nav menu, title bar, save bar, toasts) and answers its token requests. */
(function () {
  "use strict";
  var SOURCE = "shopdesk-standin";
  var config = JSON.parse(document.getElementById("frame-config").textContent);
  var frame = document.querySelector("iframe[name=app-iframe]");
  var $ = function (id) { return document.getElementById(id); };
  var visibleSaveBars = {};

  function send(message) {
    message.source = SOURCE;
    frame.contentWindow.postMessage(message, config.appOrigin);
  }
  function reply(requestId, value, error) { send({ type: "reply", requestId: requestId, value: value, error: error }); }
  function actionButton(info, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className + (info.variant === "primary" ? " primary" : "");
    button.textContent = info.label;
    button.disabled = !!info.disabled;
    button.onclick = function () { send({ type: "action", actionId: info.actionId }); };
    return button;
  }
  function saveBarVisible() { return Object.keys(visibleSaveBars).length > 0; }
  function flashSaveBar() {
    var bar = $("save-bar");
    bar.classList.remove("shake"); void bar.offsetWidth; bar.classList.add("shake");
  }
  function markActiveNav(path) {
    var best = null;
    document.querySelectorAll("#app-nav a[data-href]").forEach(function (link) {
      var href = link.getAttribute("data-href");
      if ((path === href || path.indexOf(href + "/") === 0 || path.indexOf(href + "?") === 0) && (!best || href.length > best.getAttribute("data-href").length)) best = link;
      link.removeAttribute("aria-current");
    });
    if (best) best.setAttribute("aria-current", "page");
  }

  var handlers = {
    idToken: function (message) {
      var url = "/session-token?shop=" + encodeURIComponent(config.shop) + "&user=" + encodeURIComponent(config.user.id);
      fetch(url, { cache: "no-store" })
        .then(function (res) { if (!res.ok) throw new Error("session-token " + res.status); return res.json(); })
        .then(function (body) { reply(message.requestId, body.token); })
        .catch(function (error) { reply(message.requestId, null, String(error.message || error)); });
    },
    user: function (message) {
      reply(message.requestId, { id: Number(config.user.id), name: config.user.name, email: config.user.email, accountAccess: config.user.accountAccess });
    },
    toast: function (message) {
      var toast = document.createElement("div");
      toast.className = "toast" + (message.isError ? " error" : "");
      toast.setAttribute("role", "status");
      toast.setAttribute("data-toast-id", message.id);
      toast.textContent = message.message;
      $("toasts").appendChild(toast);
      setTimeout(function () { toast.remove(); }, Math.min(Number(message.duration) || 5000, 60000));
    },
    toastHide: function (message) {
      var toast = document.querySelector('[data-toast-id="' + Number(message.id) + '"]');
      if (toast) toast.remove();
    },
    loading: function (message) { $("loading-bar").hidden = !message.on; },
    navMenu: function (message) {
      var list = $("app-nav");
      list.textContent = "";
      (message.items || []).forEach(function (item) {
        if (item.home) { $("app-home").setAttribute("data-href", item.href); return; }
        var li = document.createElement("li"), link = document.createElement("a");
        link.textContent = item.label;
        link.setAttribute("data-href", item.href);
        link.href = "/admin?path=" + encodeURIComponent(item.href);
        li.appendChild(link);
        list.appendChild(li);
      });
      markActiveNav(config.path);
    },
    titleBar: function (message) {
      $("page-title").textContent = message.title;
      var actions = $("title-actions");
      actions.textContent = "";
      (message.buttons || []).forEach(function (info) { actions.appendChild(actionButton(info, "title-action")); });
    },
    saveBar: function (message) {
      var key = message.id || "_";
      if (message.visible) visibleSaveBars[key] = true; else delete visibleSaveBars[key];
      var bar = $("save-bar");
      bar.hidden = !saveBarVisible();
      if (!message.visible) return;
      var actions = $("save-bar-actions");
      actions.textContent = "";
      (message.buttons || []).forEach(function (info) { actions.appendChild(actionButton(info, "save-action")); });
    },
    location: function (message) {
      config.path = String(message.path || "/");
      markActiveNav(config.path);
      document.querySelectorAll("input[name=path]").forEach(function (input) { input.value = config.path; });
      var params = new URLSearchParams(location.search);
      params.set("path", config.path);
      history.replaceState(null, "", location.pathname + "?" + params.toString());
    },
    ready: function () { document.body.setAttribute("data-app-ready", "true"); },
  };

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== config.appOrigin || event.source !== frame.contentWindow) return;
    if (!data || data.source !== SOURCE || !Object.prototype.hasOwnProperty.call(handlers, data.type)) return;
    handlers[data.type](data);
  });

  // Nav clicks navigate inside the app (client-side) instead of reloading the admin page.
  document.querySelector("nav").addEventListener("click", function (event) {
    var link = event.target.closest("a[data-href]");
    if (!link) return;
    event.preventDefault();
    if (saveBarVisible()) { flashSaveBar(); return; }
    send({ type: "navigate", href: link.getAttribute("data-href") });
  });
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
