// The page a visitor without JavaScript sees after posting the contact form: Shopify renders this
// `application/liquid` answer inside the shop's theme. On success it confirms and states the reply
// time; otherwise it shows the form again WITH what the visitor typed and the errors in their language.
// Everything the visitor sent is HTML-escaped AND has its braces encoded, so nothing they type can
// become a Liquid tag (Shopify's "app proxy Liquid injection" check).
import { CONTACT_TOPICS, MESSAGE_MAX_CHARS } from "../../domain/storefront/contact-form";
import { contactText } from "../../domain/storefront/contact-messages";
import { APP_PROXY_PATH } from "../../domain/storefront/storefront-data";
import type { ContactOutcome } from "./contact-submission.server";
import { widgetStrings } from "./extension-locales.server";

export function escapeForLiquidHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/\{/g, "&#123;")
    .replace(/\}/g, "&#125;");
}

export interface ContactPageOptions {
  /** Where "back to the shop" leads (the widget's contact page). */
  contactPageUrl: string;
  /** Unix seconds the re-shown form was rendered (the minimum fill time starts again). */
  nowSeconds: number;
}

export function renderContactResultPage(outcome: ContactOutcome, options: ContactPageOptions): string {
  const e = escapeForLiquidHtml;
  const strings = widgetStrings(outcome.language);
  const back = `<p><a href="${e(options.contactPageUrl)}">${e(contactText(outcome.language, "back"))}</a></p>`;
  if (outcome.kind === "accepted") {
    return `<div class="shopdesk-contact-result" role="status">
<h1>${e(strings.form.heading)}</h1>
<p>${e(outcome.message)}</p>
${back}
</div>`;
  }
  const { values } = outcome;
  const errors = outcome.kind === "invalid" ? outcome.errors : {};
  const fieldError = (name: string) =>
    errors[name as keyof typeof errors] ? `<p id="shopdesk-${name}-error" style="color:#b42318">${e(errors[name as keyof typeof errors]!)}</p>` : "";
  const invalid = (name: string) => (errors[name as keyof typeof errors] ? ` aria-invalid="true" aria-describedby="shopdesk-${name}-error"` : "");
  const input = (name: "name" | "email" | "order", label: string, type: string, extra: string) => `<p>
<label for="shopdesk-${name}">${e(label)}</label><br>
<input id="shopdesk-${name}" name="${name}" type="${type}" value="${e(values[name])}"${extra}${invalid(name)}>
</p>${fieldError(name)}`;
  const topics = CONTACT_TOPICS.map(
    (topic) => `<option value="${topic}"${values.topic === topic ? " selected" : ""}>${e(strings.form.topics[topic])}</option>`,
  ).join("");
  return `<div class="shopdesk-contact-result">
<h1>${e(strings.form.heading)}</h1>
<p role="alert" style="color:#b42318">${e(outcome.formError)}</p>
<form method="post" action="${APP_PROXY_PATH}/contact" accept-charset="UTF-8">
<input type="hidden" name="locale" value="${e(outcome.language)}">
<input type="hidden" name="started_at" value="${options.nowSeconds}">
${input("name", strings.form.name, "text", ' maxlength="120" required autocomplete="name"')}
${input("email", strings.form.email, "email", ' maxlength="254" required autocomplete="email"')}
${input("order", strings.form.order, "text", ' maxlength="32"')}
<p><label for="shopdesk-topic">${e(strings.form.topic)}</label><br>
<select id="shopdesk-topic" name="topic">${topics}</select></p>${fieldError("topic")}
<p><label for="shopdesk-message">${e(strings.form.message)}</label><br>
<textarea id="shopdesk-message" name="message" rows="8" maxlength="${MESSAGE_MAX_CHARS}" required${invalid("message")}>${e(values.message)}</textarea></p>${fieldError("message")}
<div style="position:absolute;left:-10000px" aria-hidden="true"><label for="shopdesk-website">${e(strings.form.honeypot)}</label><input id="shopdesk-website" name="website" tabindex="-1" autocomplete="off"></div>
<p><button type="submit">${e(strings.form.submit)}</button></p>
</form>
${back}
</div>`;
}
