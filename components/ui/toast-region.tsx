import { TOAST_REGION_ID } from "./toast";

/**
 * Where toasts appear (see toast.ts): a polite live region, present and empty from the first
 * paint (never display:none), so that what is added later is announced. Server-rendered; no JavaScript of its own.
 */
export function ToastRegion({ label, closeLabel }: { label: string; closeLabel: string }) {
  return (
    <section aria-label={label} className="pointer-events-none fixed inset-x-0 top-0 z-[60] flex justify-center p-4">
      <div
        id={TOAST_REGION_ID}
        role="status"
        aria-live="polite"
        aria-atomic="false"
        aria-relevant="additions text"
        data-close-label={closeLabel}
        className="grid w-full max-w-sm gap-2"
      />
    </section>
  );
}
