// An email's formatted body, as the sender wrote it. The HTML was sanitised when stored; it is shown in a
// sandboxed frame anyway (no scripts, no same-origin access, no forms), and remote images stay blocked
// (they arrive as data-src) until the agent loads them, since loading tells the sender the mail was read.
import { BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

const FRAME_STYLE = "<style>body{font:14px/1.5 -apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif;margin:0;overflow-wrap:anywhere}img{max-width:100%}</style>";

export function EmailHtmlView({ html }: { html: string }) {
  const { t } = useTranslation();
  const [imagesLoaded, setImagesLoaded] = useState(false);
  const hasBlockedImages = html.includes("data-src=");
  const document = useMemo(() => {
    const body = imagesLoaded ? html.replace(/\sdata-src=/g, " src=") : html;
    return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank">${FRAME_STYLE}</head><body>${body}</body></html>`;
  }, [html, imagesLoaded]);
  return (
    <BlockStack gap="200">
      {hasBlockedImages && !imagesLoaded && (
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" tone="subdued" variant="bodySm">
            {t("ticket.thread.imagesBlocked")}
          </Text>
          <Button variant="plain" onClick={() => setImagesLoaded(true)}>
            {t("ticket.thread.loadImages")}
          </Button>
        </InlineStack>
      )}
      <iframe title={t("ticket.thread.showFormatted")} sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={document} style={{ width: "100%", minHeight: "240px", border: 0, background: "white" }} />
    </BlockStack>
  );
}
