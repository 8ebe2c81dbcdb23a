import { SubmitButton } from "./submit-button";

function ProviderIcon({ id }: { id: string }) {
  if (id === "github") {
    return (
      <svg viewBox="0 0 24 24" className="size-4" aria-hidden="true" fill="currentColor">
        <path d="M12 .5a11.5 11.5 0 0 0-3.64 22.41c.58.1.79-.25.79-.56v-2c-3.2.7-3.88-1.37-3.88-1.37-.52-1.33-1.28-1.69-1.28-1.69-1.05-.72.08-.7.08-.7 1.16.08 1.77 1.19 1.77 1.19 1.03 1.77 2.7 1.26 3.36.96.1-.75.4-1.26.73-1.55-2.55-.29-5.24-1.28-5.24-5.68 0-1.26.45-2.28 1.19-3.09-.12-.29-.52-1.46.11-3.05 0 0 .97-.31 3.17 1.18a11 11 0 0 1 5.77 0c2.2-1.49 3.17-1.18 3.17-1.18.63 1.59.23 2.76.11 3.05.74.81 1.19 1.83 1.19 3.09 0 4.41-2.69 5.38-5.26 5.67.41.36.78 1.06.78 2.14v3.17c0 .31.21.67.8.56A11.5 11.5 0 0 0 12 .5Z" />
      </svg>
    );
  }
  if (id === "google") {
    return (
      <svg viewBox="0 0 24 24" className="size-4" aria-hidden="true">
        <path fill="#EA4335" d="M12 10.2v3.9h5.5c-.24 1.4-1.7 4.1-5.5 4.1-3.3 0-6-2.7-6-6.1s2.7-6.1 6-6.1c1.9 0 3.1.8 3.8 1.5l2.6-2.5C16.8 3.5 14.6 2.5 12 2.5 6.8 2.5 2.6 6.7 2.6 12s4.2 9.5 9.4 9.5c5.4 0 9-3.8 9-9.2 0-.6-.1-1.1-.2-1.6H12Z" />
      </svg>
    );
  }
  return null;
}

/**
 * One button per configured provider. Plain forms posting to a server action: they work
 * before the page's JavaScript has loaded.
 */
export function SocialButtons({
  providers,
  label,
  callbackUrl,
  action,
}: {
  providers: { id: string; name: string }[];
  /** "Continue with {provider}" */
  label: string;
  callbackUrl?: string;
  action: (provider: string, callbackUrl: string | undefined) => Promise<void>;
}) {
  return (
    <div className="grid gap-2">
      {providers.map((provider) => (
        <form key={provider.id} action={action.bind(null, provider.id, callbackUrl)}>
          <SubmitButton variant="outline" size="lg" className="w-full">
            <ProviderIcon id={provider.id} />
            {label.replace("{provider}", provider.name)}
          </SubmitButton>
        </form>
      ))}
    </div>
  );
}
