/**
 * Toasts: short messages after an action ("Saved", "Copied"). The region they appear in is
 * rendered by the root layout (<ToastRegion>), empty, so assistive technology already knows
 * it as a polite live region when a message is added and announces it. This module only
 * adds and removes elements there: no React state, no library, a few hundred bytes for the
 * pages that use it.
 *
 * A toast stays 5 s (errors 8 s), longer while the pointer or focus is on it, and has a
 * close button.
 */

export const TOAST_REGION_ID = "toasts";

type Tone = "success" | "error" | "info";
type ToastOptions = { description?: string };

const ICON_PATHS: Record<Tone, string> = {
  success: '<circle cx="12" cy="12" r="10"/><path d="m16 9-5.5 5.5L8 12"/>',
  error: '<circle cx="12" cy="12" r="10"/><path d="m15 9-6 6"/><path d="m9 9 6 6"/>',
  info: '<circle cx="12" cy="12" r="10"/><path d="M12 16v-4"/><path d="M12 8h.01"/>',
};
const ICON_CLASSES: Record<Tone, string> = { success: "text-success-text", error: "text-destructive-text", info: "text-muted-foreground" };
const svg = (paths: string, className: string) =>
  `<svg class="${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths}</svg>`;

const MAX_SHOWN = 3;

function openModal(): HTMLDialogElement | null {
  try {
    return document.querySelector<HTMLDialogElement>("dialog:modal");
  } catch {
    return null; // A browser without :modal.
  }
}

function show(tone: Tone, message: string, options: ToastOptions = {}): void {
  const region = document.getElementById(TOAST_REGION_ID);
  if (!region) return;
  // While a modal dialog is open the rest of the page is inert, the live region included:
  // a message added there would be neither seen nor heard. It waits for the dialog to close.
  const modal = openModal();
  if (modal) {
    modal.addEventListener("close", () => show(tone, message, options), { once: true });
    return;
  }
  const item = document.createElement("div");
  item.dataset.toast = tone;
  item.className =
    "pointer-events-auto flex w-full items-start gap-3 rounded-lg border border-border bg-card p-4 text-sm text-card-foreground shadow-lg motion-safe:animate-[toast-in_150ms_ease-out]";

  item.insertAdjacentHTML("beforeend", svg(ICON_PATHS[tone], `mt-0.5 size-4 shrink-0 ${ICON_CLASSES[tone]}`));
  const body = document.createElement("div");
  body.className = "grid min-w-0 flex-1 gap-1 [overflow-wrap:anywhere]";
  const title = document.createElement("p");
  title.className = "font-medium";
  title.textContent = message;
  body.append(title);
  if (options.description) {
    const description = document.createElement("p");
    description.className = "text-muted-foreground";
    description.textContent = options.description;
    body.append(description);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.className = "-m-1 shrink-0 rounded-sm p-1 text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring";
  close.setAttribute("aria-label", region.dataset.closeLabel ?? "Fermer");
  close.insertAdjacentHTML("beforeend", svg('<path d="M18 6 6 18"/><path d="m6 6 12 12"/>', "size-4"));
  item.append(body, close);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const remove = () => {
    clearTimeout(timer);
    item.remove();
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(remove, tone === "error" ? 8000 : 5000);
  };
  const hold = () => clearTimeout(timer);
  close.addEventListener("click", remove);
  item.addEventListener("pointerenter", hold);
  item.addEventListener("pointerleave", arm);
  item.addEventListener("focusin", hold);
  item.addEventListener("focusout", arm);

  region.append(item);
  while (region.children.length > MAX_SHOWN) region.firstElementChild?.remove();
  arm();
}

export const toast = {
  success: (message: string, options?: ToastOptions) => show("success", message, options),
  error: (message: string, options?: ToastOptions) => show("error", message, options),
  info: (message: string, options?: ToastOptions) => show("info", message, options),
};
