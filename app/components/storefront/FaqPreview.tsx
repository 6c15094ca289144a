// How a question looks on the storefront: a native <details> disclosure like the theme block's,
// plain text with line breaks kept. React escapes the text.
import { BlockStack, Text } from "@shopify/polaris";

export interface FaqPreviewItem {
  key: string;
  question: string;
  answer: string;
}

export function FaqPreview({ items, heading }: { items: FaqPreviewItem[]; heading?: string }) {
  return (
    <BlockStack gap="100">
      {heading ? (
        <Text as="h3" variant="headingSm">
          {heading}
        </Text>
      ) : null}
      {items.map((item) => (
        <details key={item.key} style={{ borderBottom: "1px solid var(--p-color-border)", padding: "var(--p-space-200) 0" }}>
          <summary style={{ cursor: "pointer", fontWeight: 600 }}>{item.question}</summary>
          <div style={{ whiteSpace: "pre-line", paddingTop: "var(--p-space-200)" }}>{item.answer}</div>
        </details>
      ))}
    </BlockStack>
  );
}
