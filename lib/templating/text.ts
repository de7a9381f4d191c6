// Plain-text templates with named placeholders, {申请人} or {#代理人}…{/代理人} (shown only when the value
// is set) and {^代理人}…{/代理人} (only when it is not): the syntax of docxtemplater, whose own text engine
// (docxtemplater/text) reads and fills them, so that a letter's text and its Word layout share one syntax
// and one engine (docs/decisions/0040). Used for the annual report's narrative and for the letters. Pure.
import TxtTemplater from "docxtemplater/text.js";

export type TemplateValue = string | number | boolean | null | undefined;
export type TemplateValues = Readonly<Record<string, TemplateValue>>;

export interface TemplateProblem {
  /** The placeholder concerned, when there is one. */
  placeholder: string | null;
  /** In Chinese, for the person who wrote the template. */
  message: string;
}

interface TemplaterErrorProperties {
  id?: string;
  xtag?: string;
  explanation?: string;
}

function templaterProblems(error: unknown): TemplateProblem[] {
  const properties = (error as { properties?: { errors?: { properties?: TemplaterErrorProperties }[] } & TemplaterErrorProperties }).properties;
  const errors = properties?.errors?.map((item) => item.properties ?? {}) ?? (properties ? [properties] : []);
  if (errors.length === 0) return [{ placeholder: null, message: "模板无法解析，请检查花括号是否成对" }];
  return errors.map((item) => {
    const tag = item.xtag?.trim() || null;
    switch (item.id) {
      case "unclosed_tag":
        return { placeholder: tag, message: `“{${tag ?? ""}”缺少右花括号“}”` };
      case "unopened_tag":
        return { placeholder: tag, message: `“${tag ?? ""}}”缺少左花括号“{”` };
      case "unclosed_loop":
        return { placeholder: tag, message: `条件段“{#${tag ?? ""}}”缺少结束标记“{/${tag ?? ""}}”` };
      case "unopened_loop":
        return { placeholder: tag, message: `结束标记“{/${tag ?? ""}}”前没有对应的“{#${tag ?? ""}}”` };
      case "closing_tag_does_not_match_opening_tag":
        return { placeholder: tag, message: `条件段的开始与结束标记不一致（${tag ?? ""}）` };
      default:
        return { placeholder: tag, message: `占位符有误：${item.explanation ?? item.id ?? "无法解析"}` };
    }
  });
}

function compile(text: string, used: Set<string>, values: TemplateValues | null) {
  return new TxtTemplater(text, {
    parser(tag: string) {
      const name = tag.trim();
      used.add(name);
      return { get: (scope: Record<string, TemplateValue>) => (name === "." ? scope : (values ?? scope)[name]) };
    },
    // An empty value prints nothing (a section with it is skipped); unknown names are refused earlier.
    nullGetter: () => "",
  });
}

/**
 * What is wrong with a template: unbalanced braces or sections, and placeholders that are not among
 * `allowed`. An empty list means it can be filled.
 */
export function checkTextTemplate(text: string, allowed: ReadonlySet<string>): TemplateProblem[] {
  const used = new Set<string>();
  try {
    compile(text, used, null).render({});
  } catch (error) {
    return templaterProblems(error);
  }
  return [...used]
    .filter((name) => !allowed.has(name))
    .map((name) => (name === "" ? { placeholder: "", message: "有空的占位符“{}”" } : { placeholder: name, message: `没有名为“${name}”的占位符` }));
}

/** The placeholders a template uses, in order of first use. */
export function templatePlaceholders(text: string): string[] {
  const used = new Set<string>();
  try {
    compile(text, used, null).render({});
  } catch {
    return [];
  }
  // docxtemplater resolves sections before plain tags: order by place in the text.
  return [...used].toSorted((a, b) => text.indexOf(a) - text.indexOf(b));
}

/**
 * Fills a template. Throws when the template has a problem (callers check templates when they are saved,
 * with checkTextTemplate, so that a stored template always fills).
 */
export function fillTextTemplate(text: string, values: TemplateValues, allowed: ReadonlySet<string>): string {
  const problems = checkTextTemplate(text, allowed);
  if (problems.length > 0) throw new TemplateError(problems);
  const normalized: Record<string, TemplateValue> = {};
  for (const [name, value] of Object.entries(values)) normalized[name] = value === "" ? null : value;
  return compile(text, new Set(), normalized).render(normalized);
}

export class TemplateError extends Error {
  readonly problems: TemplateProblem[];

  constructor(problems: TemplateProblem[]) {
    super(problems.map((problem) => problem.message).join("；"));
    this.name = "TemplateError";
    this.problems = problems;
  }
}
