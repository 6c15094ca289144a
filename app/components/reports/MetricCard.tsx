// One metric: its value, the previous period's, and its definition right under it.
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";

export interface MetricCardProps {
  title: string;
  value: string;
  secondary?: string;
  previous?: string;
  definition: string;
  action?: { content: string; url: string };
}

export function MetricCard({ title, value, secondary, previous, definition, action }: MetricCardProps) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {title}
        </Text>
        <InlineStack gap="300" blockAlign="baseline">
          <Text as="p" variant="headingLg">
            {value}
          </Text>
          {secondary ? (
            <Text as="span" tone="subdued">
              {secondary}
            </Text>
          ) : null}
        </InlineStack>
        {previous ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {previous}
          </Text>
        ) : null}
        <Text as="p" variant="bodySm" tone="subdued">
          {definition}
        </Text>
        {action ? (
          <InlineStack>
            <Button url={action.url} variant="plain">
              {action.content}
            </Button>
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
