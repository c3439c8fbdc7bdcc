import "./messages";

export * from "./account";
export * from "./auth";
export * from "./folder";
export * from "./invitation";
export * from "./member";
export * from "./project";
export * from "./team";
export * from "./vote";
