import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./password-length";
import { containsUsername, passwordProblem, USERNAME_PROBLEM } from "./password-policy";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, "用户名须为 2–40 位小写字母、数字或 . _ -，以字母或数字开头");

/** A new password (password-policy.ts); the username rule is checked where the username is known. */
export const newPasswordSchema = z.string().superRefine((value, context) => {
  const problem = passwordProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** Adds "not the username" to an object schema with `username` and `password` (the other rules are the field's). */
export function refinePasswordNotUsername(value: { username: string; password: string }, context: z.RefinementCtx): void {
  if (containsUsername(value.password, value.username)) context.addIssue({ code: "custom", message: USERNAME_PROBLEM, path: ["password"] });
}

// Sign-in accepts anything printable and answers a wrong shape like a wrong password: control
// characters or bytes PostgreSQL refuses never reach the database.
const printable = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !/[\u0000-\u001f\u007f\ud800-\udfff]/.test(value));

export const signInSchema = z.object({
  username: printable(40).transform((value) => value.trim().toLowerCase()).pipe(z.string().min(1)),
  password: printable(PASSWORD_MAX_LENGTH).pipe(z.string().min(1)),
  /** A six-digit code from the authenticator app, or a recovery code. */
  otp: printable(20).optional(),
});

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(PASSWORD_MAX_LENGTH),
    password: newPasswordSchema,
  })
  .refine((value) => value.password !== value.currentPassword, { message: "新密码不能与当前密码相同", path: ["password"] });

export const otpCodeSchema = z.string().trim().regex(/^\d{6}$/, "请输入认证器应用显示的 6 位数字");
