import { z } from "zod";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "请填写用途，如“上级机关汇总”").max(60, "用途最多 60 字"),
});

export const revokeApiTokenSchema = z.object({ tokenId: z.string().trim().min(1, "缺少令牌").max(40) });
