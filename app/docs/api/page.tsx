import type { Metadata } from "next";
import { ApiReference } from "@/app/docs/api/api-reference";

export const metadata: Metadata = {
  title: "API reference — Account Portal",
  description: "The OpenAPI reference of the account portal's HTTP API, with requests you can try.",
};

/** Public: the document holds no secret, and external developers read it before they have an account. */
export default function ApiReferencePage() {
  return (
    <main id="main-content" className="min-h-screen bg-white">
      <ApiReference />
    </main>
  );
}
