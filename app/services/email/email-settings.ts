// The shop's email settings (fields of the shop settings JSON, app/domain/shop-settings.ts).
import { parseShopSettings } from "../../domain/shop-settings";

export interface EmailSettings {
  emailFromAddress: string | null;
  emailFromName: string | null;
}

export function parseEmailSettings(raw: unknown): EmailSettings {
  const { emailFromAddress, emailFromName } = parseShopSettings(raw);
  return { emailFromAddress, emailFromName };
}
