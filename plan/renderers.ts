import { lookOf } from "../providers/text/look";
import type { Renderers } from "../values/report-format";
import type { Plan } from "./model";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";
import { renderTable } from "./render-table";

/** `plan`'s formats. The JSON is the plan file `diff --base` reads: data only, keys sorted. */
export const PLAN_RENDERERS = {
  table: (plan, target) => renderTable(plan, target.width, lookOf(target)),
  markdown: (plan) => renderMarkdown(plan),
  json: (plan) => renderJson(plan),
} satisfies Renderers<Plan>;
