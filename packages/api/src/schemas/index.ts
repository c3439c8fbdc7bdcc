export * from "./account";
export * from "./auth";
export * from "./invitation";
export * from "./member";
export * from "./team";
export * from "./project";
export * from "./vote";
