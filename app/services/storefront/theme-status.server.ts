// Whether the blocks are placed and the embed is on in the live theme. Shopify exposes theme files
// (themes { files }) only with the read_themes scope, which Shopdesk does not request, and the local
// Admin emulator does not serve themes: so the honest answer is "unknown", with theme-editor deep
// links (Shopify's documented addAppBlockId / activateAppId parameters) to check or fix it in one click.
export interface ThemeIntegrationStatus {
  blocksPlaced: "unknown";
  embedEnabled: "unknown";
  links: { addHoursBlock: string; addContactBlock: string; enableBadge: string };
}

export function themeIntegrationStatus(shopDomain: string, apiKey: string): ThemeIntegrationStatus {
  const editor = `https://${shopDomain}/admin/themes/current/editor`;
  const id = (handle: string) => encodeURIComponent(`${apiKey}/${handle}`);
  return {
    blocksPlaced: "unknown",
    embedEnabled: "unknown",
    links: {
      addHoursBlock: `${editor}?template=page&addAppBlockId=${id("support-hours-faq")}&target=newAppsSection`,
      addContactBlock: `${editor}?template=page&addAppBlockId=${id("contact-form")}&target=newAppsSection`,
      enableBadge: `${editor}?context=apps&activateAppId=${id("support-badge")}`,
    },
  };
}
