// Customer HTML made safe to show inside the admin: sanitize-html with an allow-list (no scripts,
// styles, forms, frames or event handlers), links that open outside the app, and remote images that
// load only after a click: their src moves to data-src and a placeholder takes its place, so opening
// a ticket never tells a sender (or a tracker) that it was read.
import sanitizeHtml from "sanitize-html";

/** A 1×1 transparent GIF: the image box stays, nothing is fetched. */
export const BLOCKED_IMAGE_PLACEHOLDER = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
export const BLOCKED_IMAGE_CLASS = "shopdesk-remote-image";

const REMOTE_URL = /^(?:https?:)?\/\//i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== "style"),
    "img", "span", "font", "center", "u", "s", "strike", "details", "summary",
  ],
  allowedAttributes: {
    a: ["href", "title", "target", "rel"],
    img: ["src", "data-src", "data-cid", "alt", "title", "width", "height", "class"],
    td: ["colspan", "rowspan", "align", "valign"],
    th: ["colspan", "rowspan", "align", "valign"],
    table: ["align", "width"],
    font: ["color"],
    "*": ["dir", "lang"],
  },
  allowedClasses: { img: [BLOCKED_IMAGE_CLASS] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["data"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "head", "template", "xmp", "noembed", "noframes"],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" } }),
    img: (tagName, attribs) => {
      const { src = "", alt, title, width, height } = attribs;
      const kept: sanitizeHtml.Attributes = { ...(alt ? { alt } : {}), ...(title ? { title } : {}), ...(width ? { width } : {}), ...(height ? { height } : {}) };
      if (REMOTE_URL.test(src.trim())) {
        const url = src.trim().startsWith("//") ? `https:${src.trim()}` : src.trim();
        return { tagName, attribs: { ...kept, src: BLOCKED_IMAGE_PLACEHOLDER, "data-src": url, class: BLOCKED_IMAGE_CLASS } };
      }
      if (/^cid:/i.test(src.trim())) return { tagName, attribs: { ...kept, src: BLOCKED_IMAGE_PLACEHOLDER, "data-cid": src.trim().slice(4) } };
      // Inline data: images fetch nothing (and an <img> never runs script, even SVG).
      if (/^data:image\/(?:png|gif|jpe?g|webp);/i.test(src.trim())) return { tagName, attribs: { ...kept, src: src.trim() } };
      return { tagName, attribs: kept };
    },
  },
};

/** The customer's HTML with every active part removed; safe to place with dangerouslySetInnerHTML. */
export function sanitizeEmailHtml(html: string): string {
  // data-src must itself be a web URL: a javascript: "image" would become a link once clicked.
  const cleaned = sanitizeHtml(html, OPTIONS);
  return cleaned.replace(/\sdata-src="(?!https?:\/\/)[^"]*"/gi, "");
}
