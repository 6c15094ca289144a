// Downloads a file from an authenticated app route: inside the Shopify admin, App Bridge adds the
// session token to fetch, which a plain link cannot carry; the answer is saved through a blob URL.
import { Button } from "@shopify/polaris";
import { useState } from "react";

export function DownloadButton({ url, filename, label, errorLabel }: { url: string; filename: string; label: string; errorLabel: string }) {
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  async function download() {
    setState("loading");
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(String(response.status));
      const blobUrl = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = blobUrl;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(blobUrl);
      setState("idle");
    } catch {
      setState("failed");
    }
  }
  return (
    <Button onClick={() => void download()} loading={state === "loading"} tone={state === "failed" ? "critical" : undefined}>
      {state === "failed" ? errorLabel : label}
    </Button>
  );
}
