/**
 * The fewest voters a confidence figure is given for: resampling one voter always finds the same
 * winner, so a 100% resting on one person would say nothing about the team.
 */
export const MIN_CONFIDENCE_VOTERS = 2;
