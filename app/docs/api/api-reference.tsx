"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import { useMemo, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * Scalar, bundled from npm. Everything that would reach Scalar's servers is off: its web
 * fonts (fonts.scalar.com), telemetry, the AI agent, the request proxy (requests go straight
 * to this origin, which sends the session cookie for "try it" and passes the CSRF check).
 */
export function ApiReference() {
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const configuration = useMemo(
    () => ({
      url: "/api/openapi.json",
      servers: origin ? [{ url: origin, description: "This portal" }] : undefined,
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      showDeveloperTools: "never" as const,
      hideClientButton: true,
      documentDownloadType: "json" as const,
      persistAuth: false,
      defaultOpenFirstTag: true,
      operationTitleSource: "summary" as const,
    }),
    [origin],
  );
  if (!origin) return null;
  return <ApiReferenceReact configuration={configuration} />;
}
