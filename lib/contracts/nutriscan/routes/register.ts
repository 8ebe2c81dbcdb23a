import "server-only";
import { defineRoute } from "@/lib/api/define-route";
import { jsonResponse } from "@/lib/api/response";
import { POLICY } from "@/lib/auth/policy";
import { UsersRegisterAnswer003 } from "@/lib/contracts/nutriscan/answers";
import { usersRegistered003 } from "@/lib/contracts/nutriscan/mappers";
import { registerWithConfirmationSchema } from "@/lib/contracts/nutriscan/requests";
import { EXAMPLES } from "@/lib/contracts/shared/examples";
import { registerUser } from "@/lib/services/auth/register-user";

/** `{name, email, password, confirmPassword}`: 201, no session (the client verifies the email first). */
export const registerUser003 = defineRoute({
  method: "post",
  path: "/api/users/register",
  operationId: "registerUser003",
  tags: ["Users (003)"],
  summary: "Register (NutriScan)",
  description:
    "Seed 003: no session is opened; the client asks the user to verify the email first (`is_active` is false until then). `emailSent` says whether the verification email left.",
  policy: POLICY.public,
  body: {
    schema: registerWithConfirmationSchema,
    examples: {
      seed003: { summary: "Seed 003", value: { name: "John Doe", email: "user@example.com", password: "MotDePasse123!", confirmPassword: "MotDePasse123!" } },
    },
  },
  responses: [{ status: 201, description: "Created.", schema: UsersRegisterAnswer003, examples: { seed003: EXAMPLES.users003Registered } }],
  errors: ["EMAIL_ALREADY_EXISTS", "TOO_MANY_REQUESTS"],
}, async function registerUser003({ body, client, locale }) {
  const { user, emailSent } = await registerUser({ email: body.email, password: body.password, name: body.name, client, locale });
  return jsonResponse(usersRegistered003(user, emailSent, locale), { status: 201 });
});
