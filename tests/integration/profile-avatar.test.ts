import { readdir } from "node:fs/promises";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { POST as uploadAvatar } from "@/app/api/users/profile/avatar/route";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { setAvatar } from "@/lib/services/avatar/set-avatar";
import { api } from "../support/app-client";
import { createUser, DEFAULT_PASSWORD, signInApi } from "../support/fixtures";

const solid = (background: string, width = 640, height = 480) => sharp({ create: { width, height, channels: 3, background } });

const images = {
  jpeg: () => solid("#c03030", 1200, 800).jpeg().withExif({ IFD0: { Copyright: "Secret Owner", Artist: "Jane Doe" } }).toBuffer(),
  png: () => solid("#30c030").png().toBuffer(),
  gif: async () => {
    const frames = await Promise.all(["#ff0000", "#0000ff"].map((c) => solid(c, 64, 48).png().toBuffer()));
    return sharp(frames, { join: { animated: true } }).gif().toBuffer();
  },
  webp: () => solid("#3030c0", 300, 300).webp().toBuffer(),
};

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 20000x20000 PNG (400 megapixels) of about 50 KB: a decompression bomb. */
function pixelBomb(): Buffer {
  const side = 20_000;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.writeUInt8(1, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = deflateSync(Buffer.alloc(side * (1 + side / 8)), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", header), pngChunk("IDAT", rows), pngChunk("IEND", Buffer.alloc(0))]);
}

function form(field: string, bytes: Uint8Array, name: string, type: string): FormData {
  const data = new FormData();
  data.append(field, new Blob([new Uint8Array(bytes)], { type }), name);
  return data;
}

async function signedIn() {
  const { user } = await createUser();
  const { accessToken } = await signInApi(user);
  return { user, token: accessToken };
}

async function filesOf(userId: string): Promise<string[]> {
  try {
    return (await readdir(path.join(path.resolve(env().UPLOAD_DIR), "avatars", userId))).sort();
  } catch {
    return [];
  }
}

const upload = (token: string, body: FormData, field = "avatar") =>
  field === "avatar" ? api.request("POST", "/api/users/profile/avatar", { token, body }) : api.request("POST", "/api/auth/profile/photo", { token, body });

describe("avatar upload (seed 000 POST /api/users/profile/avatar)", () => {
  it.each(Object.keys(images) as (keyof typeof images)[])("accepts a %s, re-encoded to WebP of at most 512x512 and served by the app", async (kind) => {
    const { user, token } = await signedIn();
    const bytes = await images[kind]();
    const res = await upload(token, form("avatar", bytes, `picture.${kind}`, `image/${kind}`));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ message: "Avatar mis à jour avec succès" });
    const url = res.body.avatar_url as string;
    expect(url).toMatch(new RegExp(`^http://localhost:3000/api/files/avatars/${user.id}/[0-9a-f]{32}\\.webp$`));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).image).toBe(url);

    const file = await api.get(new URL(url).pathname);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/webp");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("cache-control")).toContain("immutable");
    const served = Buffer.from(await file.raw.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(512);
    expect(meta.exif).toBeUndefined();
    expect(meta.pages ?? 1).toBe(1);
    expect(served.includes(Buffer.from("Secret Owner"))).toBe(false);
  });

  it.each([
    ["a text file named .png", () => Buffer.from("just some text, not an image at all"), "avatar.png", "image/png"],
    ["a PDF", () => Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"), "doc.pdf", "application/pdf"],
    ["an SVG", () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), "x.svg", "image/svg+xml"],
    ["an SVG named .jpg", () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), "x.jpg", "image/jpeg"],
    ["a truncated JPEG", async () => (await images.jpeg()).subarray(0, 600), "cut.jpg", "image/jpeg"],
    ["a truncated PNG", async () => (await images.png()).subarray(0, 200), "cut.png", "image/png"],
    ["a JPEG missing its last tenth", async () => { const b = await images.jpeg(); return b.subarray(0, Math.floor(b.length * 0.9)); }, "cut.jpg", "image/jpeg"],
    ["a PNG missing its last tenth", async () => { const b = await solid("#123456", 200, 200).png({ compressionLevel: 0 }).toBuffer(); return b.subarray(0, Math.floor(b.length * 0.9)); }, "cut.png", "image/png"],
    ["a truncated WebP", async () => (await images.webp()).subarray(0, 40), "cut.webp", "image/webp"],
    ["a truncated GIF", async () => (await images.gif()).subarray(0, 30), "cut.gif", "image/gif"],
    ["a pixel bomb", async () => pixelBomb(), "bomb.png", "image/png"],
    ["an empty file", () => Buffer.alloc(0), "empty.png", "image/png"],
  ] as const)("refuses %s with 400 INVALID_FILE and stores nothing", async (_label, make, name, type) => {
    const { user, token } = await signedIn();
    const res = await upload(token, form("avatar", await make(), name, type));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, statusCode: 400, error: "INVALID_FILE" });
    expect(await filesOf(user.id)).toEqual([]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).image).toBeNull();
  });

  it("refuses a missing field, a wrong field name and a non-multipart body", async () => {
    const { token } = await signedIn();
    expect((await upload(token, form("photo", await images.png(), "a.png", "image/png"))).status).toBe(400);
    expect((await upload(token, new FormData())).status).toBe(400);
    const json = await api.post("/api/users/profile/avatar", { avatar: "data:image/png;base64,AAAA" }, { token });
    expect(json.status).toBe(400);
  });

  it("refuses a file over 5 MB with 413", async () => {
    const { user, token } = await signedIn();
    const big = Buffer.concat([await images.jpeg(), Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload(token, form("avatar", big, "big.jpg", "image/jpeg"));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: "FILE_TOO_LARGE" });
    expect(await filesOf(user.id)).toEqual([]);
  });

  it("refuses from Content-Length before reading a byte, and streams others with the same limit", async () => {
    const { token } = await signedIn();
    let pulled = false;
    const untouchable = new ReadableStream<Uint8Array>({
      pull() {
        pulled = true;
        throw new Error("the body must not be read");
      },
    }, { highWaterMark: 0 });
    const announced = new Request("http://localhost:3000/api/users/profile/avatar", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
      body: untouchable,
      duplex: "half",
    } as RequestInit);
    const res = await uploadAvatar(announced);
    expect(res.status).toBe(413);
    expect(pulled).toBe(false);

    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const unannounced = new Request("http://localhost:3000/api/users/profile/avatar", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=x" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const streamed = await uploadAvatar(unannounced);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });

  it("deletes the old file when the avatar is replaced, leaving one file even under concurrent uploads", async () => {
    const { user, token } = await signedIn();
    const first = await upload(token, form("avatar", await images.png(), "a.png", "image/png"));
    const firstFile = path.basename(first.body.avatar_url as string);
    expect(await filesOf(user.id)).toEqual([firstFile]);
    const second = await upload(token, form("avatar", await images.webp(), "b.webp", "image/webp"));
    const secondFile = path.basename(second.body.avatar_url as string);
    expect(await filesOf(user.id)).toEqual([secondFile]);
    expect((await api.get(new URL(first.body.avatar_url as string).pathname)).status).toBe(404);

    const answers = await Promise.all([images.png(), images.webp(), images.jpeg()].map(async (b) => upload(token, form("avatar", await b, "c", "image/png"))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await filesOf(user.id)).toEqual([path.basename(row.image!)]);
  });

  it("leaves no orphan file when the database update fails after the file was written", async () => {
    const ghost = "ghost-user-id";
    await expect(setAvatar({ userId: ghost, bytes: await images.png() })).rejects.toThrow();
    expect(await filesOf(ghost)).toEqual([]);
  });

  it("deletes the file with the account", async () => {
    const { user, token } = await signedIn();
    await upload(token, form("avatar", await images.png(), "a.png", "image/png"));
    expect(await filesOf(user.id)).toHaveLength(1);
    const res = await api.delete("/api/me", { password: DEFAULT_PASSWORD }, { token });
    expect(res.status).toBe(200);
    expect(await filesOf(user.id)).toEqual([]);
  });

  it("serves only keys the portal writes", async () => {
    for (const p of ["/api/files/avatars/x/..%2F..%2Fetc%2Fpasswd", "/api/files/avatars/abc/0123.webp", "/api/files/other/file.webp"]) {
      expect((await api.get(p)).status).toBe(404);
    }
  });
});
