// What the agent supplies before a template can be sent: which linked order it is about (when there
// are several) and the prompted values (a discount code, a return address).
import { BlockStack, Select, Text, TextField } from "@shopify/polaris";
import { useTranslation } from "react-i18next";
import type { PreviewOk } from "./types";

interface Props {
  preview: PreviewOk;
  promptValues: Record<string, string>;
  onPromptChange: (name: string, value: string) => void;
  onOrderChange: (orderId: string) => void;
}

export function PromptAndOrderFields({ preview, promptValues, onPromptChange, onOrderChange }: Props) {
  const { t } = useTranslation();
  const prompts = preview.body.ok ? preview.body.prompts : [];
  return (
    <BlockStack gap="200">
      {preview.orders.length > 1 && (
        <Select
          label={t("templates.preview.order")}
          options={preview.orders.map((order) => ({ label: order.name, value: order.id }))}
          value={preview.orderId ?? ""}
          onChange={onOrderChange}
        />
      )}
      {prompts.length > 0 && (
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">{t("templates.preview.prompts")}</Text>
          {prompts.map((prompt) => (
            <TextField
              key={prompt.name}
              label={prompt.label}
              name={`prompt.${prompt.name}`}
              value={promptValues[prompt.name] ?? ""}
              onChange={(value) => onPromptChange(prompt.name, value)}
              autoComplete="off"
              error={prompt.blocking && !(promptValues[prompt.name] ?? "").trim() ? " " : undefined}
            />
          ))}
        </BlockStack>
      )}
    </BlockStack>
  );
}
