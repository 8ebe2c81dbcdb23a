import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnv } from "@/lib/core/env";
import { parseEnv } from "@/lib/core/env";
import { setAvatar } from "@/lib/services/avatar/set-avatar";
import { removeAvatar } from "@/lib/services/avatar/remove-avatar";
import { selectStorage, storage } from "@/lib/storage";
import { createUser } from "../support/fixtures";

const blob = vi.hoisted(() => ({
  put: vi.fn(async (pathname: string) => ({ url: `https://abc123.public.blob.vercel-storage.com/${pathname}`, pathname })),
  del: vi.fn(async () => undefined),
}));
vi.mock("@vercel/blob", () => blob);

const TOKEN = "vercel_blob_rw_ABC123_secretpart";

afterEach(() => {
  delete process.env.BLOB_READ_WRITE_TOKEN;
  resetEnv();
  blob.put.mockClear();
  blob.del.mockClear();
});

describe("storage driver selection", () => {
  it("uses local disk without BLOB_READ_WRITE_TOKEN and Vercel Blob with it", () => {
    expect(selectStorage({ BLOB_READ_WRITE_TOKEN: undefined }).kind).toBe("local");
    const driver = selectStorage({ BLOB_READ_WRITE_TOKEN: TOKEN });
    expect(driver.kind).toBe("blob");
    expect(driver.url("avatars/u/0123456789abcdef0123456789abcdef.webp")).toBe(
      "https://abc123.public.blob.vercel-storage.com/avatars/u/0123456789abcdef0123456789abcdef.webp",
    );
    expect(storage().kind).toBe("local");
    process.env.BLOB_READ_WRITE_TOKEN = TOKEN;
    resetEnv();
    expect(storage().kind).toBe("blob");
  });

  it("is required on Vercel, where local disk would be lost", () => {
    expect(() => parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://x@h/db", RESEND_API_KEY: "re_x" })).toThrow(/BLOB_READ_WRITE_TOKEN/);
  });

  it("stores avatars on Blob (public, no random suffix, with the token) and deletes the replaced one", async () => {
    process.env.BLOB_READ_WRITE_TOKEN = TOKEN;
    resetEnv();
    const { user } = await createUser();
    const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#123456" } }).png().toBuffer();

    const first = await setAvatar({ userId: user.id, bytes });
    expect(blob.put).toHaveBeenCalledTimes(1);
    const [key, body, options] = blob.put.mock.calls[0] as unknown as [string, Buffer, Record<string, unknown>];
    expect(key).toMatch(new RegExp(`^avatars/${user.id}/[0-9a-f]{32}\\.webp$`));
    expect(body.subarray(8, 12).toString("ascii")).toBe("WEBP");
    expect(options).toMatchObject({ access: "public", contentType: "image/webp", token: TOKEN, addRandomSuffix: false });
    expect(first.image).toBe(`https://abc123.public.blob.vercel-storage.com/${key}`);
    expect(first.imageKey).toBe(key);

    await setAvatar({ userId: user.id, bytes });
    expect(blob.del).toHaveBeenCalledWith(key, expect.objectContaining({ token: TOKEN, abortSignal: expect.any(AbortSignal) }));
    const secondKey = (blob.put.mock.calls[1] as unknown as [string])[0];
    await removeAvatar({ userId: user.id });
    expect(blob.del).toHaveBeenLastCalledWith(secondKey, expect.objectContaining({ token: TOKEN }));
  });
});
