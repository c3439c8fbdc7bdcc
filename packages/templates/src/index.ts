import { buildVsBuy } from "./build-vs-buy";
import { drfVsFastapi } from "./drf-vs-fastapi";
import { kafkaRabbitmqSqs } from "./kafka-rabbitmq-sqs";
import { monorepoVsPolyrepo } from "./monorepo-vs-polyrepo";
import { postgresVsMongodb } from "./postgres-vs-mongodb";
import { restGraphqlGrpc } from "./rest-graphql-grpc";
import { ssrSpaStatic } from "./ssr-spa-static";
import type { DecisionTemplate } from "./types";

export { buildVsBuy } from "./build-vs-buy";
export { type TemplateCategory, templateCategories } from "./categories";
export { drfVsFastapi } from "./drf-vs-fastapi";
export { EDITORIAL_SOURCE } from "./editorial";
export { kafkaRabbitmqSqs } from "./kafka-rabbitmq-sqs";
export { monorepoVsPolyrepo } from "./monorepo-vs-polyrepo";
export { postgresVsMongodb } from "./postgres-vs-mongodb";
export { restGraphqlGrpc } from "./rest-graphql-grpc";
export { ssrSpaStatic } from "./ssr-spa-static";
export {
  type AnswerContradiction,
  type ContextAnswers,
  contradictionsIn,
  type SuggestedWeights,
  suggestWeights,
  type WeightChange,
} from "./suggest-weights";
export {
  type TemplateDecision,
  templateToDecision,
  templateToProjectInput,
} from "./to-decision";
export type {
  AnswerConflict,
  ContextQuestion,
  DecisionTemplate,
  OptionGuidance,
  TemplateCriterion,
  TemplateOption,
  WeightEffect,
} from "./types";

/** Every template that ships with the product, in the order the product lists them. */
export const builtInTemplates: readonly DecisionTemplate[] = [
  drfVsFastapi,
  restGraphqlGrpc,
  postgresVsMongodb,
  monorepoVsPolyrepo,
  buildVsBuy,
  ssrSpaStatic,
  kafkaRabbitmqSqs,
];

export const findTemplate = (key: string): DecisionTemplate | undefined =>
  builtInTemplates.find((template) => template.key === key);
