// What an inbound email may carry: photos, documents and short videos customers send to support.
// Executables, scripts, HTML and archives (which hide both) are refused, by type and by name.

export const ALLOWED_ATTACHMENT_TYPES: readonly RegExp[] = [
  /^image\/(?:png|jpeg|jpg|pjpeg|gif|webp|heic|heif|bmp|tiff)$/,
  /^video\/(?:mp4|quicktime|webm|3gpp)$/,
  /^audio\/(?:mpeg|mp4|aac|ogg|wav|x-m4a)$/,
  /^application\/pdf$/,
  /^text\/(?:plain|csv|calendar)$/,
  /^application\/(?:msword|vnd\.ms-excel|vnd\.ms-powerpoint|rtf)$/,
  /^application\/vnd\.openxmlformats-officedocument\.(?:wordprocessingml\.document|spreadsheetml\.sheet|presentationml\.presentation)$/,
  /^application\/vnd\.oasis\.opendocument\.(?:text|spreadsheet|presentation)$/,
  /^message\/(?:rfc822|delivery-status|disposition-notification)$/,
  /^text\/rfc822-headers$/,
];

const REFUSED_EXTENSIONS = /\.(?:exe|com|bat|cmd|scr|pif|msi|msp|jar|js|jse|vbs|vbe|wsf|wsh|ps1|psm1|sh|app|dmg|apk|lnk|hta|html?|svg|zip|rar|7z|gz|tar|iso|dll|reg|cpl)$/i;

export type AttachmentProblem =
  | { code: "too_many"; status: 413; message: string }
  | { code: "too_large"; status: 413; message: string }
  | { code: "type_refused"; status: 415; message: string };

export interface AttachmentLimits {
  attachmentBytes: number;
  attachmentsPerMessage: number;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function checkAttachments(attachments: readonly { filename: string | null; contentType: string; size: number }[], limits: AttachmentLimits): AttachmentProblem | null {
  if (attachments.length > limits.attachmentsPerMessage) {
    return { code: "too_many", status: 413, message: `${attachments.length} attachments, over the limit of ${limits.attachmentsPerMessage}` };
  }
  for (const attachment of attachments) {
    const name = attachment.filename ?? "(unnamed)";
    if (attachment.size > limits.attachmentBytes) {
      return { code: "too_large", status: 413, message: `attachment ${name} is ${megabytes(attachment.size)}, over the ${megabytes(limits.attachmentBytes)} limit` };
    }
    const typeAllowed = ALLOWED_ATTACHMENT_TYPES.some((pattern) => pattern.test(attachment.contentType.toLowerCase()));
    if (!typeAllowed || REFUSED_EXTENSIONS.test(name)) {
      return { code: "type_refused", status: 415, message: `attachment ${name} (${attachment.contentType}) is not an accepted type` };
    }
  }
  return null;
}
