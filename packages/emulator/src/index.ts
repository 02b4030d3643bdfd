export const EMULATOR_PACKAGE = "pingone-emulator";
