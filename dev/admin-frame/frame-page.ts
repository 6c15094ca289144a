/** HTML for the admin stand-in page: Shopify-admin-like chrome around the embedded app iframe. */

export interface StaffUser {
  id: number | string;
  name: string;
  email: string;
  /** Shown by `shopify.user()`, e.g. "Account owner" or "Staff". */
  accountAccess?: string;
}

export const ADMIN_LOCALES = ["en", "zh-CN"] as const;
export type AdminLocale = (typeof ADMIN_LOCALES)[number];

export interface FramePageOptions {
  shop: string;
  appOrigin: string;
  iframeSrc: string;
  appPath: string;
  user: StaffUser;
  users: readonly StaffUser[];
  locale: AdminLocale;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON that is safe inside a <script> element (no "</script>" or "<!--" breakouts). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function options(values: readonly { value: string; label: string }[], selected: string): string {
  return values
    .map(({ value, label }) =>
      `<option value="${escapeHtml(value)}"${value === selected ? " selected" : ""}>${escapeHtml(label)}</option>`)
    .join("");
}

const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.4 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;background:#f1f1f1;color:#303030;height:100vh;display:grid;grid-template-rows:56px 1fr;grid-template-columns:240px 1fr}
header.topbar{grid-column:1/3;background:#1a1a1a;color:#e3e3e3;display:flex;align-items:center;gap:16px;padding:0 16px;position:relative}
.brand{font-weight:700;color:#fff}.shop{flex:1;opacity:.85}
.topbar form{display:flex;gap:8px}.topbar select{background:#303030;color:#fff;border:1px solid #4a4a4a;border-radius:8px;padding:4px 8px}
#loading-bar{position:absolute;left:0;bottom:0;height:3px;width:100%;background:linear-gradient(90deg,#1a1a1a,#36fba1,#1a1a1a);background-size:200% 100%;animation:load 1s linear infinite}
@keyframes load{to{background-position:-200% 0}}
#save-bar{position:absolute;inset:0;background:#1a1a1a;display:flex;align-items:center;justify-content:space-between;padding:0 16px;color:#fff}
#save-bar.shake{animation:shake .3s}@keyframes shake{25%{transform:translateX(-6px)}75%{transform:translateX(6px)}}
[hidden]{display:none!important}
nav{background:#ebebeb;padding:12px 8px;overflow:auto}
nav a{display:block;padding:6px 10px;border-radius:8px;color:#303030;text-decoration:none}
nav a:hover{background:#fafafa}nav a[aria-current=page]{background:#fff;font-weight:600}
nav ul{list-style:none;margin:0;padding:0 0 0 12px}.nav-static{color:#8a8a8a;padding:6px 10px}
main{display:grid;grid-template-rows:auto 1fr;min-width:0}
.page-header{display:flex;align-items:center;gap:8px;padding:12px 24px}
#page-title{flex:1;margin:0;font-size:20px}
#title-actions,#save-bar-actions{display:flex;gap:8px}
button{font:inherit;border-radius:8px;border:1px solid #c9c9c9;background:#fff;padding:6px 12px;cursor:pointer}
button.primary{background:#303030;color:#fff;border-color:#303030}
iframe{border:0;width:100%;height:100%;background:#fff}
#toasts{position:fixed;bottom:24px;left:50%;transform:translateX(-50%);display:flex;flex-direction:column;gap:8px;align-items:center}
.toast{background:#1a1a1a;color:#fff;padding:10px 16px;border-radius:10px;box-shadow:0 4px 12px rgba(0,0,0,.25)}.toast.error{background:#8e1f0b}
`;

export function renderFramePage(page: FramePageOptions): string {
  const storeName = page.shop.replace(/\.myshopify\.com$/, "");
  const clientConfig = {
    appOrigin: page.appOrigin,
    shop: page.shop,
    path: page.appPath,
    locale: page.locale,
    user: page.user,
  };
  const userChoices = page.users.map((user) => ({ value: String(user.id), label: user.name }));
  const localeChoices = [
    { value: "en", label: "English" },
    { value: "zh-CN", label: "简体中文" },
  ];
  return `<!doctype html>
<html lang="${escapeHtml(page.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shopdesk · ${escapeHtml(storeName)} · Shopify admin (local stand-in)</title>
<style>${STYLES}</style>
</head>
<body>
<header class="topbar">
  <span class="brand">shopify<small> · local</small></span>
  <span class="shop" id="shop-name">${escapeHtml(storeName)}</span>
  <form method="get" action="/admin" aria-label="Admin settings">
    <input type="hidden" name="path" value="${escapeHtml(page.appPath)}">
    <select name="user" aria-label="Staff user" data-autosubmit>${options(userChoices, String(page.user.id))}</select>
    <select name="locale" aria-label="Admin language" data-autosubmit>${options(localeChoices, page.locale)}</select>
    <noscript><button type="submit">Switch</button></noscript>
  </form>
  <div id="save-bar" hidden role="region" aria-label="Unsaved changes">
    <strong>Unsaved changes</strong><span id="save-bar-actions"></span>
  </div>
  <div id="loading-bar" hidden></div>
</header>
<nav aria-label="Admin navigation">
  <div class="nav-static">Home</div>
  <div class="nav-static">Orders</div>
  <div class="nav-static">Customers</div>
  <div class="nav-static">Apps</div>
  <a id="app-home" data-href="/app" href="/admin?path=%2Fapp"><strong>Shopdesk</strong></a>
  <ul id="app-nav"></ul>
</nav>
<main>
  <div class="page-header"><h1 id="page-title">Shopdesk</h1><span id="title-actions"></span></div>
  <iframe name="app-iframe" title="Shopdesk" src="${escapeHtml(page.iframeSrc)}"></iframe>
</main>
<div id="toasts" aria-live="polite"></div>
<script type="application/json" id="frame-config">${scriptJson(clientConfig)}</script>
<script src="/admin-frame.js"></script>
</body>
</html>`;
}
