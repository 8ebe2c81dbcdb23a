"use client";

import dynamic from "next/dynamic";

/**
 * The toast region, loaded after hydration: sonner stays out of every page's first-load
 * JavaScript. Toasts are only fired by interactions, which come later.
 */
export const LazyToaster = dynamic(() => import("./toaster").then((m) => m.Toaster), { ssr: false });
