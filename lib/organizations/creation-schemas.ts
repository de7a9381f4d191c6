// The operator's form to create an organization with its first administrator. Apart from schemas.ts
// because it checks passwords against the common-password list, which client components that read
// schemas.ts's labels must not bundle.
import { z } from "zod";
import { containsUsername, USERNAME_PROBLEM } from "../auth/password-policy";
import { newPasswordSchema, usernameSchema } from "../auth/schemas";
import { createOrganizationSchema, organizationCodeSchema } from "./schemas";

/** The operator's form: the organization and its first administrator (flat field names, nested result). */
export const createOrganizationWithAdminSchema = z
  .object({
    code: organizationCodeSchema,
    name: createOrganizationSchema.shape.name,
    parentCode: z.preprocess((value) => (value === "" ? undefined : value), organizationCodeSchema.optional()),
    requireTotp: z.boolean(),
    adminUsername: usernameSchema,
    adminDisplayName: z.string().trim().min(1, "请填写管理员姓名").max(40, "姓名最多 40 字"),
    adminPassword: newPasswordSchema,
  })
  .superRefine((value, context) => {
    if (containsUsername(value.adminPassword, value.adminUsername)) context.addIssue({ code: "custom", message: USERNAME_PROBLEM, path: ["adminPassword"] });
  })
  .transform((value) => ({
    organization: { code: value.code, name: value.name, parentCode: value.parentCode, requireTotp: value.requireTotp },
    admin: { username: value.adminUsername, displayName: value.adminDisplayName, password: value.adminPassword },
  }));
