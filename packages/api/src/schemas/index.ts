export * from "./auth";
export * from "./team";
