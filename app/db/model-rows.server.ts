// A model's columns in hand-written SQL, and its rows read back as the objects Prisma would return
// (for the direct reader, sql-reader.server.ts). Driven by Prisma's own schema description (DMMF), so a
// field added to schema.prisma is selected and converted without touching this file.
import { Prisma } from "@prisma/client";
import type { SqlDialect } from "./sql-reader.server";

interface ScalarField {
  name: string;
  column: string;
  type: string;
}

const scalarFieldsByModel = new Map<string, ScalarField[]>();

function scalarFields(model: Prisma.ModelName): ScalarField[] {
  let fields = scalarFieldsByModel.get(model);
  if (!fields) {
    const description = Prisma.dmmf.datamodel.models.find((candidate) => candidate.name === model);
    if (!description) throw new Error(`Unknown model ${model}`);
    fields = description.fields
      .filter((field) => field.kind === "scalar" || field.kind === "enum")
      .map((field) => ({ name: field.name, column: field.dbName ?? field.name, type: field.kind === "enum" ? "String" : field.type }));
    scalarFieldsByModel.set(model, fields);
  }
  return fields;
}

/** All scalar fields, or the named ones (a Prisma `select`), in the schema's order. */
function selectedFields(model: Prisma.ModelName, only?: readonly string[]): ScalarField[] {
  const fields = scalarFields(model);
  if (!only) return fields;
  const unknown = only.filter((name) => !fields.some((field) => field.name === name));
  if (unknown.length > 0) throw new Error(`${model} has no scalar field ${unknown.join(", ")}`);
  return fields.filter((field) => only.includes(field.name));
}

/**
 * `alias."column" AS "prefix.field", …` for every scalar field. The prefix keeps two models apart in
 * one joined row. Dates come back as text with their zone on both databases (parsed by modelFromRow).
 */
export function modelColumns(model: Prisma.ModelName, alias: string, dialect: SqlDialect, prefix = `${alias}.`, only?: readonly string[]): string {
  return selectedFields(model, only)
    .map((field) => {
      const column = `${alias}."${field.column}"`;
      const value = field.type === "DateTime" && dialect === "postgresql" ? `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column;
      return `${value} AS "${prefix}${field.name}"`;
    })
    .join(", ");
}

/**
 * The model object from a row selected with modelColumns, or null when every column is null (an outer
 * join that found nothing: a stored row always has its key).
 */
export function modelFromRow<T>(model: Prisma.ModelName, row: Record<string, unknown>, prefix: string, only?: readonly string[]): T | null {
  const result: Record<string, unknown> = {};
  let found = false;
  for (const field of selectedFields(model, only)) {
    const value = row[`${prefix}${field.name}`];
    if (value !== null && value !== undefined) found = true;
    result[field.name] = scalarValue(field.type, value);
  }
  return found ? (result as T) : null;
}

function scalarValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "DateTime":
      return sqlDate(value);
    case "Boolean":
      return typeof value === "boolean" ? value : Number(value) !== 0;
    case "Int":
    case "Float":
      return Number(value);
    case "BigInt":
      return BigInt(value as string | number | bigint);
    case "Decimal":
      return new Prisma.Decimal(String(value));
    case "Json":
      return typeof value === "string" ? JSON.parse(value) : value;
    case "Bytes":
      return Buffer.isBuffer(value) ? new Uint8Array(value) : value;
    default:
      return value;
  }
}

/** SQLite stores Prisma's ISO text (`…+00:00`), its own `CURRENT_TIMESTAMP` form (UTC, no zone) or epoch milliseconds. */
export function sqlDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  // Prisma's forms have a "T" at position 10; only SQLite's own form has a space there.
  const sqliteOwnForm = text.charCodeAt(10) === 32 && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text);
  return new Date(sqliteOwnForm ? `${text.replace(" ", "T")}Z` : text);
}

/**
 * A DateTime column's value as ISO-8601 UTC text (`…Z`). Prisma's SQLite form (`…T…+00:00`) and
 * PostgreSQL's to_char form are rewritten as text, without a Date in between (the inbox maps 150 a page).
 */
export function sqlDateIso(value: unknown): string {
  if (typeof value === "string") {
    if (value.length === 29 && value.charCodeAt(10) === 84 && value.endsWith("+00:00")) return `${value.slice(0, 23)}Z`;
    if (value.length === 24 && value.charCodeAt(10) === 84 && value.charCodeAt(23) === 90) return value;
  }
  return sqlDate(value).toISOString();
}
