import type { CriterionInput, OptionInput } from "@tradeoff/scoring";
import type { TemplateCategory } from "./categories";

/** What a source says about one option on one criterion, shown to voters; never a vote. */
export type OptionGuidance = {
  /** The source's view in our words, one or two sentences. */
  summary: string;
  /**
   * The template author's reading of the summary as a score from 1 (poor fit) to 5 (strong
   * fit). Sources such as the DRF vs FastAPI article give words, not numbers: the product shows
   * this as the template's reading, never as the source's.
   */
  suggestedScore: 1 | 2 | 3 | 4 | 5;
};

export type TemplateOption = OptionInput & { name: string; description: string };

export type TemplateCriterion = CriterionInput & {
  name: string;
  /** One line: what voters weigh here. */
  description: string;
  /** Per option key. */
  guidance: Record<string, OptionGuidance>;
};

/** How one answer to a context question moves a criterion's starting weight. */
export type WeightEffect = { criterionKey: string; change: number; reason: string };

/** A yes/no question about the team's situation that proposes starting weights. */
export type ContextQuestion = {
  key: string;
  question: string;
  ifYes: WeightEffect[];
  ifNo: WeightEffect[];
};

/**
 * Answers to context questions that cannot all be true at once (an existing codebase and a
 * greenfield system): when given together, the proposal says so, names them and what to do.
 */
export type AnswerConflict = {
  /** The answers, by question key, that contradict each other when all are given. */
  answers: Record<string, boolean>;
  /** Why they cannot all hold, one sentence ending with a full stop. */
  why: string;
};

export type DecisionTemplate = {
  /** Stable kebab-case identifier: projects record it, the CLI takes it. */
  key: string;
  title: string;
  /** One line for the gallery card: what is being chosen between. */
  summary: string;
  /** The gallery group it is listed under. */
  category: TemplateCategory;
  /** Kebab-case words the gallery's search also matches. */
  tags: string[];
  /** The problem statement a new project starts from (markdown). */
  context: string;
  /** Where the guidance comes from. */
  source: string;
  options: TemplateOption[];
  criteria: TemplateCriterion[];
  contextQuestions: ContextQuestion[];
  /** Combinations of answers to flag as contradictory (none: every combination can hold). */
  answerConflicts?: AnswerConflict[];
};
