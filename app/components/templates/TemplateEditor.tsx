// The template form: name, category, keywords, the sensitive flag, and one Liquid body (plus optional
// email subject) per language. Syntax errors come back from the save with their line and column.
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, List, Select, Tabs, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TEMPLATE_CATEGORIES } from "../../domain/templates/library-shared";
import type { EditableTemplate, EditableVariant, SyntaxErrorView } from "./types";

interface Props {
  value: EditableTemplate;
  onChange: (next: EditableTemplate) => void;
  selectedVariant: number;
  onSelectVariant: (index: number) => void;
  errors: Record<string, string>;
  syntaxErrors: SyntaxErrorView[];
}

const SUGGESTED_LANGUAGES = ["en", "zh-CN", "es", "fr", "de", "ja", "zh-TW", "pt-BR", "it", "ko"];

/** The shape the model validates (keywords as a list). */
export function toTemplatePayload(value: EditableTemplate) {
  return {
    name: value.name,
    category: value.category,
    keywords: value.keywords.split(","),
    sensitive: value.sensitive,
    variants: value.variants.map((variant) => ({ language: variant.language, subject: variant.subject || null, body: variant.body })),
  };
}

export function TemplateEditor({ value, onChange, selectedVariant, onSelectVariant, errors, syntaxErrors }: Props) {
  const { t } = useTranslation();
  const [newLanguage, setNewLanguage] = useState("");
  const variant = value.variants[selectedVariant];
  const setVariant = (changes: Partial<EditableVariant>) =>
    onChange({ ...value, variants: value.variants.map((entry, index) => (index === selectedVariant ? { ...entry, ...changes } : entry)) });
  const errorAt = (field: "body" | "subject") => {
    const error = syntaxErrors.find((entry) => entry.language === variant?.language && entry.field === field);
    return error ? t("templates.editor.syntaxError", { ...error }) : errors[`variants.${selectedVariant}.${field}`];
  };
  const unused = SUGGESTED_LANGUAGES.filter((language) => !value.variants.some((entry) => entry.language === language));
  const addLanguage = (language: string) => {
    if (!language || value.variants.some((entry) => entry.language === language)) return;
    onChange({ ...value, variants: [...value.variants, { language, subject: variant?.subject ?? "", body: variant?.body ?? "" }] });
    onSelectVariant(value.variants.length);
    setNewLanguage("");
  };
  const removeVariant = () => {
    if (value.variants.length <= 1) return;
    onChange({ ...value, variants: value.variants.filter((_, index) => index !== selectedVariant) });
    onSelectVariant(0);
  };
  const fieldMessages = Object.entries(errors).filter(([key]) => key !== "syntax");

  return (
    <BlockStack gap="400">
      {(syntaxErrors.length > 0 || fieldMessages.length > 0) && (
        <Banner tone="critical" title={t("templates.editor.errorsTitle")}>
          <List>
            {syntaxErrors.map((error, index) => <List.Item key={`s${index}`}>{t("templates.editor.syntaxError", { ...error })}</List.Item>)}
            {fieldMessages.map(([key, message]) => <List.Item key={key}>{message}</List.Item>)}
          </List>
        </Banner>
      )}
      <Card>
        <FormLayout>
          <TextField label={t("templates.editor.name")} value={value.name} onChange={(name) => onChange({ ...value, name })} autoComplete="off" error={errors.name} />
          <FormLayout.Group>
            <Select
              label={t("templates.editor.category")}
              options={TEMPLATE_CATEGORIES.map((category) => ({ label: t(`templates.category.${category}`), value: category }))}
              value={value.category}
              onChange={(category) => onChange({ ...value, category })}
              error={errors.category}
            />
            <TextField label={t("templates.editor.keywords")} helpText={t("templates.editor.keywordsHelp")} value={value.keywords} onChange={(keywords) => onChange({ ...value, keywords })} autoComplete="off" />
          </FormLayout.Group>
          <Checkbox label={t("templates.editor.sensitive")} checked={value.sensitive} onChange={(sensitive) => onChange({ ...value, sensitive })} />
        </FormLayout>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Tabs
            tabs={value.variants.map((entry, index) => ({ id: `variant-${index}`, content: entry.language }))}
            selected={selectedVariant}
            onSelect={onSelectVariant}
          />
          {variant && (
            <FormLayout>
              <TextField label={t("templates.editor.subject")} value={variant.subject} onChange={(subject) => setVariant({ subject })} autoComplete="off" error={errorAt("subject")} />
              <TextField
                label={t("templates.editor.body")}
                helpText={t("templates.editor.bodyHelp")}
                value={variant.body}
                onChange={(body) => setVariant({ body })}
                multiline={12}
                monospaced
                autoComplete="off"
                error={errorAt("body")}
              />
            </FormLayout>
          )}
          <InlineStack gap="200" blockAlign="end">
            <Select
              label={t("templates.editor.language")}
              options={[{ label: "—", value: "" }, ...unused.map((language) => ({ label: language, value: language }))]}
              value={newLanguage}
              onChange={setNewLanguage}
            />
            <Button onClick={() => addLanguage(newLanguage)} disabled={!newLanguage}>{t("templates.editor.addLanguage")}</Button>
            <Button tone="critical" variant="plain" onClick={removeVariant} disabled={value.variants.length <= 1}>{t("templates.editor.removeLanguage")}</Button>
          </InlineStack>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
