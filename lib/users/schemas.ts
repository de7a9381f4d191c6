import { z } from "zod";
import { ROLES } from "../auth/roles";
import { newPasswordSchema, refinePasswordNotUsername, usernameSchema } from "../auth/schemas";

export const roleSchema = z.enum(ROLES, { message: "请选择角色" });

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1, "请填写姓名").max(40, "姓名最多 40 字"),
    role: roleSchema,
    password: newPasswordSchema,
  })
  .superRefine(refinePasswordNotUsername);

export const userIdSchema = z.string().trim().min(1, "缺少用户").max(40);

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export const setUserActiveSchema = z.object({ userId: userIdSchema, active: z.boolean() });
export const resetPasswordSchema = z.object({ userId: userIdSchema, password: newPasswordSchema });
export const resetSecondFactorSchema = z.object({ userId: userIdSchema });

export const emailSettingsSchema = z.object({
  userId: userIdSchema,
  email: z
    .string()
    .trim()
    .max(120, "邮箱地址最多 120 个字符")
    .refine((value) => value === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), "邮箱地址格式不正确"),
  emailDigest: z.boolean(),
}).refine((value) => !value.emailDigest || value.email !== "", { message: "开启每日邮件提醒须填写邮箱地址", path: ["email"] });

export const createOperatorSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1, "请填写姓名").max(40, "姓名最多 40 字"),
    password: newPasswordSchema,
  })
  .superRefine(refinePasswordNotUsername);
