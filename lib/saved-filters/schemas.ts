// Input shapes of the case list's saved filters (我的筛选).
import { z } from "zod";
import { CASE_LIST_QUERY_KEYS, canonicalCaseListQueryString } from "../cases/list-schemas";

export const SAVED_FILTER_NAME_MAX = 30;
/** Saved filters per user: enough for a desk's habits, few enough to list them all. */
export const SAVED_FILTERS_PER_USER_MAX = 30;
const QUERY_STRING_MAX = 2_000;

/**
 * The list's query string ("?status=OPEN&handler=me" or without "?"): only the list's own parameters
 * are accepted; the value kept is canonical (read through the list's parser, page left out).
 */
export const savedFilterQuerySchema = z
  .string()
  .max(QUERY_STRING_MAX, "筛选条件过长，无法保存")
  .transform((value, context) => {
    const search = value.startsWith("?") ? value.slice(1) : value;
    const unknown = [...new Set([...new URLSearchParams(search).keys()].filter((key) => !CASE_LIST_QUERY_KEYS.includes(key)))];
    if (unknown.length > 0) {
      context.addIssue({ code: "custom", message: `筛选条件中有案件台账不认识的参数：${unknown.join("、")}` });
      return z.NEVER;
    }
    return canonicalCaseListQueryString(search);
  });

export const saveCaseFilterSchema = z.object({
  name: z
    .string({ message: "请填写筛选名称" })
    .trim()
    .min(1, "请填写筛选名称")
    .max(SAVED_FILTER_NAME_MAX, `筛选名称最多 ${SAVED_FILTER_NAME_MAX} 个字`),
  query: savedFilterQuerySchema,
});

export const savedFilterIdSchema = z.string().min(1).max(40);
