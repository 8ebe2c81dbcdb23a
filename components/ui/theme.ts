/**
 * Light, dark or the system's choice, kept in localStorage ("theme", the key next-themes
 * used, so earlier choices carry over) and shown as a class on <html>. The inline script runs
 * in <head> before the body is parsed, so the first paint already has the right colours;
 * it also follows the system (when "system" is chosen) and other tabs. No React and no
 * library: it costs no JavaScript download.
 */
export const THEME_STORAGE_KEY = "theme";

export type ThemeChoice = "light" | "dark" | "system";

/** Runs before the first paint (see the root layout). Kept small and free of ES2020+ syntax. */
export const themeScript = `(function(){var d=document.documentElement,m=window.matchMedia("(prefers-color-scheme: dark)");function a(){var t=null;try{t=localStorage.getItem("${THEME_STORAGE_KEY}")}catch(e){}var r=t==="dark"||t==="light"?t:m.matches?"dark":"light";d.classList.remove(r==="dark"?"light":"dark");d.classList.add(r)}a();m.addEventListener?m.addEventListener("change",a):m.addListener(a);window.addEventListener("storage",function(e){if(e.key==="${THEME_STORAGE_KEY}")a()})})()`;

/** The stored choice; "system" when none (or storage is unavailable). */
export function readTheme(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

/** Stores the choice and applies it at once, without animating every colour change. */
export function applyTheme(choice: ThemeChoice): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  const resolved = choice === "system" ? (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light") : choice;
  const root = document.documentElement;
  const freeze = document.createElement("style");
  freeze.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.append(freeze);
  root.classList.remove(resolved === "dark" ? "light" : "dark");
  root.classList.add(resolved);
  // Forces the style change before transitions come back.
  void window.getComputedStyle(document.body).opacity;
  requestAnimationFrame(() => freeze.remove());
  window.dispatchEvent(new Event("themechange"));
}
