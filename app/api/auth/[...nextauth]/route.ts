import { handlers } from "@/lib/auth/auth";

// Auth.js: /api/auth/{signin,signout,callback/:provider,session,csrf,providers}.
export const { GET, POST } = handlers;
