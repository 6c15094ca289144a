// Shapes the template components share with their routes (JSON over the wire).
import type { PreviewResponse } from "../../services/templates/preview.server";

export type PreviewData = PreviewResponse | { ok: false; error: string };
export type PreviewOk = Extract<PreviewResponse, { ok: true }>;

export interface EditableVariant {
  language: string;
  subject: string;
  body: string;
}

export interface EditableTemplate {
  name: string;
  category: string;
  keywords: string;
  sensitive: boolean;
  variants: EditableVariant[];
}

export interface SyntaxErrorView {
  language: string;
  field: "body" | "subject";
  message: string;
  line: number;
  column: number;
}

export const PREVIEW_PATH = "/app/templates/preview";
export const SEARCH_PATH = "/app/templates/search";
