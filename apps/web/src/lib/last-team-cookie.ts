export const LAST_TEAM_COOKIE = "tradeoff-last-team";
