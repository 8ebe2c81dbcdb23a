// The sudo window moved to lib/services/auth/recent-auth.ts (services read it, and services never import
// lib/auth). Kept only for app/api/auth/reauthenticate/route.ts, rewritten concurrently in issue 16:
// point it at lib/services/auth/recent-auth.ts and delete this file.
export { reauthWindowMs } from "@/lib/services/auth/recent-auth";
