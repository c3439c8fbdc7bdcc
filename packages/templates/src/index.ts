import { drfVsFastapi } from "./drf-vs-fastapi";
import type { DecisionTemplate } from "./types";

export { drfVsFastapi } from "./drf-vs-fastapi";
export {
  type ContextAnswers,
  type SuggestedWeights,
  suggestWeights,
  type WeightChange,
} from "./suggest-weights";
export { type TemplateDecision, templateToDecision } from "./to-decision";
export type {
  ContextQuestion,
  DecisionTemplate,
  OptionGuidance,
  TemplateCriterion,
  TemplateOption,
  WeightEffect,
} from "./types";

/** Every template that ships with the product. */
export const builtInTemplates: readonly DecisionTemplate[] = [drfVsFastapi];

export const findTemplate = (key: string): DecisionTemplate | undefined =>
  builtInTemplates.find((template) => template.key === key);
