// A rendered template as the customer will read it, with what blocks sending: a render error (with
// line and column), missing values, prompts to fill. Used by the editor and the composer.
import { Banner, BlockStack, Box, List, Text } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import type { PreviewOk } from "./types";

export function PreviewResult({ preview }: { preview: PreviewOk }) {
  const { t } = useTranslation();
  const body = preview.body;
  if (!body.ok) {
    return (
      <Banner tone="critical">
        {t("templates.editor.syntaxError", { language: preview.language, field: "body", line: body.error.line, column: body.error.column, message: body.error.message })}
      </Banner>
    );
  }
  return (
    <BlockStack gap="200">
      {preview.orderDetailsMissing && <Banner tone="warning">{t("templates.preview.orderDetailsMissing")}</Banner>}
      {body.missing.length > 0 && (
        <Banner tone="critical">
          <Text as="p">{t("templates.preview.missing")}</Text>
          <List>
            {body.missing.map((value) => (
              <List.Item key={`${value.line}:${value.column}:${value.path}`}>
                <code>{value.path}</code> ({value.line}:{value.column})
              </List.Item>
            ))}
          </List>
        </Banner>
      )}
      {body.warnings.map((warning, index) => (
        <Banner key={index} tone={warning.blocking ? "critical" : "warning"}>{warning.message}</Banner>
      ))}
      <Box background="bg-surface-secondary" padding="300" borderRadius="200">
        <div data-template-preview style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{body.text}</div>
      </Box>
    </BlockStack>
  );
}
