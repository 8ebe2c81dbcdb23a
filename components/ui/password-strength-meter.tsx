"use client";

import { useEffect, useState } from "react";
import { cn } from "./cn";

type Checker = (password: string, userInputs: string[]) => number;

let checkerPromise: Promise<Checker> | undefined;

/** zxcvbn and its dictionaries (~800 kB) load on first use, never on page load. */
function loadChecker(): Promise<Checker> {
  checkerPromise ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(([core, common]) => {
    const factory = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return (password: string, userInputs: string[]) => factory.check(password, userInputs).score;
  });
  return checkerPromise;
}

const TONES = ["bg-destructive", "bg-destructive", "bg-warning", "bg-success", "bg-success"] as const;

/**
 * Strength of the password being typed, 0 to 4 bars with a word. Advisory only: the
 * server's policy (passwordSchema) decides; this nudges towards a better choice.
 */
export function PasswordStrengthMeter({ password, userInputs = [], labels }: { password: string; userInputs?: string[]; labels: { title: string; levels: readonly [string, string, string, string, string] } }) {
  const [score, setScore] = useState<number | null>(null);
  const inputsKey = userInputs.join("\u0000");

  useEffect(() => {
    let cancelled = false;
    if (!password) return;
    const timer = setTimeout(() => {
      void loadChecker().then((check) => {
        if (!cancelled) setScore(check(password, inputsKey ? inputsKey.split("\u0000") : []));
      });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  const shown = password ? score : null;
  return (
    <div className="grid gap-1.5" aria-live="polite">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={cn("h-1.5 flex-1 rounded-full transition-colors", shown !== null && shown > i ? TONES[shown] : "bg-muted")} />
        ))}
      </div>
      <p className="text-xs text-muted-foreground">
        {labels.title}: {shown === null ? "—" : labels.levels[shown]}
      </p>
    </div>
  );
}
