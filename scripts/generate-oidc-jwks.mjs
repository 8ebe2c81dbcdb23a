// Prints a new OIDC_JWKS value: one RSA 2048 signing key. To rotate, put the new key first and
// keep the previous one after it: {"keys":[<new>, <previous>]}.
import { generateKeyPairSync, randomUUID } from "node:crypto";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = privateKey.export({ format: "jwk" });
console.log(JSON.stringify({ keys: [{ ...jwk, kid: `${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`, use: "sig", alg: "RS256" }] }));
