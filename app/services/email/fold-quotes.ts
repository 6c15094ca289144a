// What the customer wrote this time, without the quoted history and the signature below it: the text
// shown in the thread. The full text stays with the message (bodyHtml and the raw mail).

/** Lines that introduce the quoted previous message, in the languages our shops' customers write. */
const QUOTE_HEADERS: RegExp[] = [
  /^On\s.{1,200}\swrote:\s*$/i,
  /^Le\s.{1,200}\sa écrit\s?:\s*$/i,
  /^Am\s.{1,200}\sschrieb\s.{0,200}:\s*$/i,
  /^El\s.{1,200}\sescribió:\s*$/i,
  /^Il giorno\s.{1,200}\sha scritto:\s*$/i,
  /^Op\s.{1,200}\sschreef\s.{0,200}:\s*$/i,
  /^在\s?.{1,200}(?:写道|寫道)[:：]\s*$/,
  /^.{1,200}(?:写道|寫道)[:：]\s*$/,
  /^.{1,200}(?:さんは書きました|のメッセージ)[:：]\s*$/,
  /^-{2,}\s*(?:Original Message|Forwarded message|原始邮件|原始郵件|転送メッセージ|元のメッセージ)\s*-{2,}\s*$/i,
  /^_{20,}\s*$/, // Outlook's separator above "From: … Sent: …"
  /^(?:From|发件人|寄件者|差出人|Von|De):\s.+$/, // a header block starts the quote when a blank line precedes it
];

const SIGNATURE_LINES: RegExp[] = [
  /^-- ?$/, // RFC 3676 signature delimiter
  /^Sent from my (?:iPhone|iPad|Android|Samsung|Galaxy|mobile).*$/i,
  /^Get Outlook for (?:iOS|Android).*$/i,
  /^(?:发自我的|從我的|送信元:?\s*)?(?:iPhone|iPad)(?:から送信|发送)?$/,
];

export interface FoldedText {
  /** The new part, shown in the thread. */
  shown: string;
  /** True when quoted history or a signature was folded away. */
  folded: boolean;
}

export function foldQuotedText(text: string): FoldedText {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let cut = lines.length;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    const previousBlank = index === 0 || lines[index - 1].trim() === "";
    const isHeaderBlock = /^(?:From|发件人|寄件者|差出人|Von|De):\s/.test(line);
    const quoteHeader = QUOTE_HEADERS.some((pattern) => pattern.test(line)) && (!isHeaderBlock || previousBlank);
    // "On Mon, … <a@b.c>" is often wrapped onto two lines before "wrote:".
    const wrappedHeader = /^On\s/i.test(line) && index + 1 < lines.length && /wrote:\s*$/i.test(lines[index + 1].trim());
    const quotedBlock = line.startsWith(">") && lines.slice(index).every((rest) => rest.trim() === "" || rest.trim().startsWith(">"));
    if (quoteHeader || wrappedHeader || quotedBlock || SIGNATURE_LINES.some((pattern) => pattern.test(line))) {
      cut = index;
      break;
    }
  }
  const shown = lines.slice(0, cut).join("\n").trim();
  // A reply written below the quote (or only a quote): show everything rather than nothing.
  if (!shown) return { shown: text.trim(), folded: false };
  return { shown, folded: cut < lines.length };
}
