import { z } from "zod";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, "用户名须为 2–40 位小写字母、数字或 . _ -，以字母或数字开头");

export const newPasswordSchema = z
  .string()
  .min(10, "密码至少 10 位")
  .max(128, "密码最多 128 位")
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), "密码须同时包含字母和数字");

export const signInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(128),
});
