// The reply-template library every new shop starts with. Data only: the seeding code turns each
// entry into a Template row plus one TemplateVariant per language. Bodies are Liquid (see
// engine.ts); every printed value either always exists or has a `default`/`if`, so a template never
// produces "Hi ," — library.test.ts renders each one against realistic orders to keep it that way.
import type { SeededTemplate } from "./library-shared";
import { CARE_TEMPLATES } from "./library-care";
import { ISSUE_TEMPLATES } from "./library-issues";
import { ORDER_TEMPLATES } from "./library-orders";
import { PRODUCT_PAYMENT_TEMPLATES } from "./library-product-payment";
import { RETURN_TEMPLATES } from "./library-returns";
import { SHIPPING_TEMPLATES } from "./library-shipping";

export const SEEDED_TEMPLATES: readonly SeededTemplate[] = Object.freeze([
  ...ORDER_TEMPLATES,
  ...SHIPPING_TEMPLATES,
  ...RETURN_TEMPLATES,
  ...ISSUE_TEMPLATES,
  ...PRODUCT_PAYMENT_TEMPLATES,
  ...CARE_TEMPLATES,
]);

export {
  LIBRARY_LANGUAGES, TEMPLATE_CATEGORIES,
  type LibraryLanguage, type SeededTemplate, type SeededTemplateVariant, type TemplateCategory,
} from "./library-shared";
