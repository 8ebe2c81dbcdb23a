import type { Config } from "tailwindcss";

// Colours, fonts and the dark variant are CSS variables in app/globals.css (Tailwind 4).
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: { extend: {} },
} satisfies Config;
