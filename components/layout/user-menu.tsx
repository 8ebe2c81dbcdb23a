"use client";

import { ChevronDown, LogOut } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useTransition } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Spinner } from "@/components/ui/spinner";

/**
 * The account button of the settings header (Radix menu: arrow keys, Escape, focus return)
 * with who is signed in and the sign-out control.
 */
export function UserMenu({
  user,
  labels,
  signOut,
}: {
  user: { name: string | null; email: string; image: string | null };
  labels: { userMenu: string; signedInAs: string; signOut: string; signingOut: string };
  signOut: () => Promise<void>;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={labels.userMenu}
        className="flex items-center gap-2 rounded-full p-0.5 pr-2 hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <Avatar src={user.image} name={user.name} email={user.email} size="sm" />
        <span className="hidden max-w-40 truncate text-sm font-medium sm:inline">{user.name || user.email}</span>
        <ChevronDown className="size-4 text-muted-foreground" aria-hidden="true" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={8} className="z-50 min-w-60 rounded-lg border border-border bg-card p-1 text-card-foreground shadow-lg">
          <DropdownMenu.Label className="px-3 py-2">
            <span className="block text-xs text-muted-foreground">{labels.signedInAs}</span>
            <span className="block truncate text-sm font-medium">{user.email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item
            disabled={pending}
            onSelect={(event) => {
              event.preventDefault();
              startTransition(() => signOut());
            }}
            className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm outline-none select-none data-[highlighted]:bg-muted data-[disabled]:opacity-60"
          >
            {pending ? <Spinner /> : <LogOut className="size-4" aria-hidden="true" />}
            {pending ? labels.signingOut : labels.signOut}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
