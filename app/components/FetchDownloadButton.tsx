// A file download inside the embedded admin (report CSVs, email attachments): a plain link would navigate
// the iframe without a session token, so the file is fetched (App Bridge adds the token to same-origin
// fetches) and saved from a blob under the name the server gives.
import { Button } from "@shopify/polaris";
import { useState } from "react";

export function FetchDownloadButton({ href, children, fallbackName = "download" }: { href: string; children: string; fallbackName?: string }) {
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setLoading(true);
    setFailed(false);
    try {
      const response = await fetch(href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const filename = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? fallbackName;
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = filename;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button variant="plain" onClick={download} loading={loading} tone={failed ? "critical" : undefined}>
      {children}
    </Button>
  );
}
