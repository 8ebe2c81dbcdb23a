import { describe, expect, it } from "vitest";
import { addressPrefix, clientInfo, deviceLabel, isLoopbackAddress, normalizeIpAddress, type ProxyTrust } from "@/lib/core/client-info";
import { parseEnv } from "@/lib/core/env";

const direct: ProxyTrust = { vercel: false, hops: 0 };
const behindOne: ProxyTrust = { vercel: false, hops: 1 };
const behindTwo: ProxyTrust = { vercel: false, hops: 2 };
const vercel: ProxyTrust = { vercel: true, hops: 0 };

const from = (headers: Record<string, string>, trust: ProxyTrust) => clientInfo(new Request("http://localhost/", { headers }), trust);

describe("normalizeIpAddress", () => {
  it("keeps addresses, writes IPv4-mapped IPv6 as IPv4, and refuses anything else", () => {
    expect(normalizeIpAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeIpAddress(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeIpAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIpAddress("::FFFF:7f00:1")).toBe("127.0.0.1");
    expect(normalizeIpAddress("2001:DB8:0:0::1")).toBe("2001:db8::1");
    expect(normalizeIpAddress("::1")).toBe("::1");
    expect(normalizeIpAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeIpAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    for (const bad of ["<script>alert(1)</script>", "", "unknown", "999.1.1.1", "1.2.3", "203.0.113.9, 10.0.0.1", "fe80::1%eth0", "a".repeat(200), null, undefined]) {
      expect(normalizeIpAddress(bad)).toBeNull();
    }
  });
});

describe("addressPrefix", () => {
  it("groups IPv4 by /24 and IPv6 by /64", () => {
    expect(addressPrefix("203.0.113.77")).toBe("203.0.113.0/24");
    expect(addressPrefix("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressPrefix("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressPrefix("::1")).toBe("0:0:0:0::/64");
  });

  it("knows loopback in every spelling", () => {
    expect(isLoopbackAddress("127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("127.8.9.10")).toBe(true);
    expect(isLoopbackAddress("::1")).toBe(true);
    expect(isLoopbackAddress("203.0.113.9")).toBe(false);
  });
});

describe("clientInfo: which forwarded header is believed", () => {
  it("with no trusted proxy, reads the single address Next puts in X-Forwarded-For and ignores X-Real-IP", () => {
    // next start: x-forwarded-for = the socket's address when the client sent none.
    expect(from({ "x-forwarded-for": "::ffff:192.0.2.44" }, direct).ipAddress).toBe("192.0.2.44");
    expect(from({ "x-real-ip": "198.51.100.1" }, direct).ipAddress).toBeNull();
    expect(from({ "x-real-ip": "198.51.100.1", "x-forwarded-for": "192.0.2.44" }, direct).ipAddress).toBe("192.0.2.44");
    // A list cannot come from Next itself: the rightmost entry is what the nearest hop wrote.
    expect(from({ "x-forwarded-for": "<script>, 192.0.2.44" }, direct).ipAddress).toBe("192.0.2.44");
    expect(from({ "x-forwarded-for": "192.0.2.44, <b>x</b>" }, direct).ipAddress).toBeNull();
    expect(from({}, direct).ipAddress).toBeNull();
  });

  it("behind N trusted proxies, takes the Nth entry from the right (what the outermost trusted proxy saw)", () => {
    expect(from({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, behindOne).ipAddress).toBe("203.0.113.9");
    expect(from({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }, behindTwo).ipAddress).toBe("203.0.113.9");
    // Fewer entries than trusted hops: the request did not come through the proxies.
    expect(from({ "x-forwarded-for": "10.0.0.2" }, behindTwo).ipAddress).toBeNull();
    expect(from({ "x-real-ip": "6.6.6.6", "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, behindOne).ipAddress).toBe("203.0.113.9");
  });

  it("on Vercel, believes the platform's X-Real-IP (it overwrites it)", () => {
    expect(from({ "x-real-ip": "203.0.113.9", "x-forwarded-for": "203.0.113.9" }, vercel).ipAddress).toBe("203.0.113.9");
    expect(from({ "x-real-ip": "<script>", "x-forwarded-for": "203.0.113.9" }, vercel).ipAddress).toBe("203.0.113.9");
  });
});

describe("clientInfo: location", () => {
  it("ignores geo headers off Vercel, whoever sent them", () => {
    expect(from({ "x-vercel-ip-city": "Paris", "x-vercel-ip-country": "FR" }, direct).location).toBeNull();
    expect(from({ "x-vercel-ip-city": "Paris", "x-vercel-ip-country": "FR" }, behindOne).location).toBeNull();
  });

  it("on Vercel, keeps a decoded place name made of letters, spaces, hyphens and apostrophes, 64 characters at most", () => {
    expect(from({ "x-vercel-ip-city": "Paris", "x-vercel-ip-country": "FR" }, vercel).location).toBe("Paris, France");
    expect(from({ "x-vercel-ip-city": "S%C3%A3o%20Paulo", "x-vercel-ip-country": "BR" }, vercel).location).toBe("São Paulo, Brazil");
    expect(from({ "x-vercel-ip-city": "L%27Ha%C3%BF-les-Roses", "x-vercel-ip-country": "FR" }, vercel).location).toBe("L'Haÿ-les-Roses, France");
    const forged = encodeURIComponent("Paris. SECURITY TEAM: visit https://evil.example/reset");
    expect(from({ "x-vercel-ip-city": forged, "x-vercel-ip-country": "FR" }, vercel).location).toBe("France");
    expect(from({ "x-vercel-ip-city": "%3Cb%3EParis%3C%2Fb%3E" }, vercel).location).toBeNull();
    expect(from({ "x-vercel-ip-city": "A".repeat(65) }, vercel).location).toBeNull();
    expect(from({ "x-vercel-ip-city": "%E0%A4%A" }, vercel).location).toBeNull();
    expect(from({ "x-vercel-ip-country": "France" }, vercel).location).toBeNull();
    expect(from({ "x-vercel-ip-country": "fr" }, vercel).location).toBeNull();
  });
});

describe("deviceLabel", () => {
  it("names a known browser and system, keeps a bare product token, and nothing that reads like a sentence or a link", () => {
    expect(deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36")).toBe("Chrome/Windows");
    expect(deviceLabel("curl/8.5.0")).toBe("curl/8.5.0");
    expect(deviceLabel("okhttp/4.9")).toBe("okhttp/4.9");
    expect(deviceLabel("Paris. SECURITY TEAM: visit https://evil.example/reset")).toBeNull();
    expect(deviceLabel("<img src=x>")).toBeNull();
    expect(deviceLabel(null)).toBeNull();
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and accepts a small whole number only", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "11"]) expect(() => parseEnv({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
