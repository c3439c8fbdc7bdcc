import { hashSecretToken, newSecretToken } from "../../domain/secret-token";

/** Personal access tokens start with this, so secret scanners and people recognise them. */
export const TOKEN_PREFIX = "tro_";

/** A secret token after the prefix: shown once, never stored; the database keeps its hash. */
export const newAccessToken = () => `${TOKEN_PREFIX}${newSecretToken()}`;
export const hashAccessToken = hashSecretToken;
