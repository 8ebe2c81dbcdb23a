import { readFile } from "node:fs/promises";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/core/env";
import { api } from "../support/app-client";
import { createUser, signInApi } from "../support/fixtures";

/**
 * Security suite, uploads (beyond tests/integration/profile-avatar.test.ts, which refuses
 * SVG, PDF, truncated images and a pixel bomb): polyglot files keep none of their payload
 * once stored (the bytes on disk are checked), and a decompression bomb is refused fast,
 * its time and memory printed.
 */
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script>POLYGLOT-MARKER</body></html>');

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal ZIP (one stored file) holding the HTML payload. */
function zipWith(name: string, content: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc32(content), 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(10, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc32(content), 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fileName.length, 12);
  end.writeUInt32LE(30 + fileName.length + content.length, 16);
  return Buffer.concat([local, fileName, content, central, fileName, end]);
}

const base = (format: "png" | "jpeg") => {
  const image = sharp({ create: { width: 120, height: 90, channels: 3, background: "#2277aa" } });
  return (format === "png" ? image.png() : image.jpeg()).toBuffer();
};

const POLYGLOTS: [string, () => Promise<Buffer>, string, string][] = [
  ["a PNG with HTML/JS appended after IEND", async () => Buffer.concat([await base("png"), HTML]), "poly.png", "image/png"],
  [
    "a PNG carrying the HTML in a tEXt chunk",
    async () => {
      const png = await base("png");
      const iend = png.length - 12;
      return Buffer.concat([png.subarray(0, iend), pngChunk("tEXt", Buffer.concat([Buffer.from("Comment\0"), HTML])), png.subarray(iend)]);
    },
    "chunk.png",
    "image/png",
  ],
  ["a JPEG/ZIP polyglot (ZIP appended)", async () => Buffer.concat([await base("jpeg"), zipWith("index.html", HTML)]), "poly.jpg", "image/jpeg"],
  [
    "a JPEG with the HTML in a COM segment",
    async () => {
      const jpeg = await base("jpeg");
      const length = Buffer.alloc(2);
      length.writeUInt16BE(HTML.length + 2);
      return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, HTML, jpeg.subarray(2)]);
    },
    "com.jpg",
    "image/jpeg",
  ],
];

function form(bytes: Buffer, name: string, type: string): FormData {
  const data = new FormData();
  data.append("avatar", new Blob([new Uint8Array(bytes)], { type }), name);
  return data;
}

describe("uploads: polyglots lose their payload", () => {
  it.each(POLYGLOTS)("%s is re-encoded: the stored and served bytes hold no payload", async (_label, make, name, type) => {
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const bytes = await make();
    expect(bytes.includes(Buffer.from("POLYGLOT-MARKER"))).toBe(true);
    const res = await api.request("POST", "/api/users/profile/avatar", { token: accessToken, body: form(bytes, name, type) });
    expect(res.status, res.text).toBe(200);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const stored = await readFile(path.join(path.resolve(env().UPLOAD_DIR), row.imageKey!));
    for (const marker of ["POLYGLOT-MARKER", "<script", "<html", "PK\u0003\u0004"]) expect(stored.includes(Buffer.from(marker)), marker).toBe(false);
    expect((await sharp(stored).metadata()).format).toBe("webp");
    const served = await api.get(new URL(row.image!).pathname);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("content-security-policy")).toMatch(/sandbox/);
    expect(Buffer.from(await served.raw.arrayBuffer()).includes(Buffer.from("POLYGLOT-MARKER"))).toBe(false);
  });
});

describe("uploads: decompression bombs fail fast", () => {
  it.each([
    ["PNG 20000x20000 greyscale", 20_000, 20_000],
    ["PNG 60000x60000 greyscale", 60_000, 60_000],
  ] as const)("%s is refused with 4xx (time and memory printed)", async (_label, width, height) => {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.writeUInt8(1, 8);
    header.writeUInt8(0, 9);
    // Only the first rows are present: a tiny file claiming billions of pixels.
    const rows = deflateSync(Buffer.alloc(Math.min(height, 4000) * (1 + Math.ceil(width / 8))), { level: 9 });
    const bomb = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", header), pngChunk("IDAT", rows), pngChunk("IEND", Buffer.alloc(0))]);
    const { user } = await createUser();
    const { accessToken } = await signInApi(user);
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const res = await api.request("POST", "/api/users/profile/avatar", { token: accessToken, body: form(bomb, "bomb.png", "image/png") });
    const ms = Math.round(performance.now() - start);
    const rssGrowth = Math.round((process.memoryUsage().rss - rssBefore) / 1024 / 1024);
    process.stderr.write(`SECURITY upload bomb ${width}x${height} (${bomb.length} bytes): ${res.status} in ${ms} ms, RSS +${rssGrowth} MB\n`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).image).toBeNull();
  });
});
