export { createAdminEmulatorHandler } from "./handler";
export type { AdminEmulatorHandler, AdminEmulatorOptions, EmulatorMode, EmulatorModeUpdate, EmulatorState, FailureStatus } from "./handler";
export { startAdminEmulator } from "./server";
export type { RunningAdminEmulator, StartAdminEmulatorOptions } from "./server";
export { EmulatorStore } from "./store";
export type { CostExtension, ThrottleStatus } from "./cost";
export { strictFieldResolver } from "./execute";
