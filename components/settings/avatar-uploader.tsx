"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Button, buttonClasses } from "@/components/ui/button";
import { ImageUpIcon } from "@/components/icons/image-up";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action-result";
import type { SettingsProfileText } from "@/lib/i18n/ui/settings-profile";
import { ConfirmDialog } from "./confirm-dialog";
import { fill } from "./format";

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ["image/jpeg", "image/png", "image/gif", "image/webp"];
const UPLOAD_URL = "/api/users/profile/avatar";

type Upload = { status: "idle" } | { status: "uploading"; percent: number } | { status: "error"; message: string };

/**
 * Posts the file to the API's avatar route (seed 000) with XMLHttpRequest, whose upload
 * events give a real progress bar; the session cookie authenticates it and the browser's
 * Origin satisfies the CSRF check. The server judges the bytes; the checks here only spare
 * a pointless upload.
 */
function uploadAvatar(file: File, onProgress: (percent: number) => void): Promise<{ ok: true } | { ok: false; message: string | null }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", UPLOAD_URL);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true });
      const body = xhr.response as { message?: unknown } | null;
      resolve({ ok: false, message: typeof body?.message === "string" ? body.message : null });
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    const data = new FormData();
    data.append("avatar", file);
    xhr.send(data);
  });
}

export function AvatarUploader({
  image,
  name,
  email,
  text,
  removeAction,
}: {
  image: string | null;
  name: string | null;
  email: string;
  text: SettingsProfileText;
  removeAction: () => Promise<ActionResult>;
}) {
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [upload, setUpload] = useState<Upload>({ status: "idle" });

  // The preview's blob: URL is released when replaced and when the page goes away.
  useEffect(() => {
    return () => {
      if (preview) URL.revokeObjectURL(preview);
    };
  }, [preview]);

  function show(next: File | null) {
    setFile(next);
    setPreview(next ? URL.createObjectURL(next) : null);
  }

  function reset() {
    show(null);
    setUpload({ status: "idle" });
    if (inputRef.current) inputRef.current.value = "";
  }

  function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const picked = event.target.files?.[0];
    if (!picked) return;
    if (!ACCEPTED.includes(picked.type)) {
      show(null);
      setUpload({ status: "error", message: text.avatarWrongType });
      return;
    }
    if (picked.size > MAX_BYTES) {
      show(null);
      setUpload({ status: "error", message: text.avatarTooLarge });
      return;
    }
    setUpload({ status: "idle" });
    show(picked);
  }

  async function send() {
    if (!file) return;
    setUpload({ status: "uploading", percent: 0 });
    const result = await uploadAvatar(file, (percent) => setUpload({ status: "uploading", percent }));
    if (result.ok) {
      reset();
      toast.success(text.avatarUploaded);
      router.refresh();
    } else {
      const message = result.message ?? text.avatarFailed;
      setUpload({ status: "error", message });
      toast.error(message);
    }
  }

  const uploading = upload.status === "uploading";
  return (
    <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
      <div className="relative shrink-0">
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview
          <img src={preview} alt={text.avatarPreview} className="size-20 rounded-full object-cover ring-2 ring-primary" />
        ) : (
          <Avatar src={image} name={name} email={email} size="lg" />
        )}
      </div>
      <div className="grid flex-1 gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <input ref={inputRef} id={inputId} type="file" accept={ACCEPTED.join(",")} onChange={choose} disabled={uploading} className="peer sr-only" data-testid="avatar-input" />
          <label htmlFor={inputId} className={buttonClasses({ variant: "outline", className: "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring" })}>
            <ImageUpIcon className="size-4" />
            {text.avatarChoose}
          </label>
          {file ? (
            <>
              <Button onClick={send} pending={uploading}>
                {text.avatarUpload}
              </Button>
              <Button variant="ghost" onClick={reset} disabled={uploading}>
                {text.avatarCancel}
              </Button>
            </>
          ) : image ? (
            <ConfirmDialog
              trigger={text.avatarRemove}
              triggerVariant="ghost"
              title={text.avatarRemoveConfirmTitle}
              body={text.avatarRemoveConfirmBody}
              confirmLabel={text.avatarRemove}
              pendingLabel={text.avatarRemove}
              cancelLabel={text.avatarCancel}
              onConfirm={async () => {
                const result = await removeAction();
                if (!result.ok) return { ok: false, message: result.message };
                toast.success(text.avatarRemoved);
                router.refresh();
                return { ok: true };
              }}
            />
          ) : null}
        </div>
        {file ? <p className="truncate text-sm text-muted-foreground">{file.name}</p> : null}
        {uploading ? (
          <div className="grid gap-1.5">
            <div
              role="progressbar"
              aria-label={text.avatarTitle}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={upload.percent}
              className="h-2 w-full max-w-xs overflow-hidden rounded-full bg-muted"
            >
              <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${upload.percent}%` }} />
            </div>
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {fill(text.avatarUploading, { percent: upload.percent })}
            </p>
          </div>
        ) : null}
        {upload.status === "error" ? (
          <p role="alert" className="text-sm font-medium text-destructive-text">
            {upload.message}
          </p>
        ) : null}
        <p className="text-sm text-muted-foreground">{text.avatarDescription}</p>
      </div>
    </div>
  );
}
