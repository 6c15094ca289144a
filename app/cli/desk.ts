// Operator CLI: `npm run desk -- <command> [args]`. Each command is one entry in COMMANDS; add
// export/import and friends there. Commands print JSON to stdout; usage and errors go to stderr.

import { parseArgs } from "node:util";
import { triageMessage } from "../domain/triage/triage";

interface DeskCommand {
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run(args: string[]): number | Promise<number>;
}

const EXIT_USAGE = 2;

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const COMMANDS: Record<string, DeskCommand> = {
  export: {
    usage: "export --shop <domain> [--since <date>] [--out <file>]",
    summary: "write the shop's tickets, messages and events as JSONL (evidence retention), to stdout or --out",
    async run(args) {
      const { values } = parseArgs({ args, options: { shop: { type: "string" }, since: { type: "string" }, out: { type: "string" } } });
      if (!values.shop) {
        process.stderr.write(`usage: desk ${COMMANDS.export!.usage}\n`);
        return EXIT_USAGE;
      }
      // Loaded here: triage needs no database.
      const { runEvidenceExport } = await import("../services/compliance/evidence-cli.server");
      const records = await runEvidenceExport({ shop: values.shop, since: values.since, out: values.out });
      process.stderr.write(`exported ${records} records${values.out ? ` to ${values.out}` : ""}\n`);
      return 0;
    },
  },
  import: {
    usage: "import <file.jsonl>",
    summary: "restore an evidence export into its shop; records already present are skipped (idempotent)",
    async run(args) {
      const { positionals } = parseArgs({ args, allowPositionals: true });
      if (positionals.length !== 1) {
        process.stderr.write(`usage: desk ${COMMANDS.import!.usage}\n`);
        return EXIT_USAGE;
      }
      const { runEvidenceImport } = await import("../services/compliance/evidence-cli.server");
      printJson(await runEvidenceImport(positionals[0]!));
      return 0;
    },
  },
  triage: {
    usage: 'triage "<message text>" [--subject "<subject>"]',
    summary: "classify a customer message: category, severity, priority, escalate, reasons",
    run(args) {
      const { values, positionals } = parseArgs({ args, options: { subject: { type: "string" } }, allowPositionals: true });
      const text = positionals.join(" ").trim();
      if (!text) {
        process.stderr.write(`usage: desk ${COMMANDS.triage.usage}\n`);
        return EXIT_USAGE;
      }
      printJson(triageMessage({ text, subject: values.subject ?? "" }));
      return 0;
    },
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `usage: npm run desk -- <command> [args]\n\ncommands:\n${lines.join("\n")}\n`;
}

export async function runDesk(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== "--help" ? `unknown command "${name}"\n\n${usage()}` : usage());
    return EXIT_USAGE;
  }
  try {
    return await command.run(args);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}

process.exitCode = await runDesk(process.argv.slice(2));
