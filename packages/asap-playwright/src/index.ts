export { asapClaims, mintAsapToken, DEFAULT_VALIDITY_MS, type AsapClaims, type AsapKey, type MintOptions } from "./mint";
export { asapDesk, CONTROL_PATH, type AsapDesk, type AsapDeskOptions } from "./desk-client";
export { AsapDeskError, TOOLKIT_CODES, type DeskErrorBody } from "./desk-error";
export type * from "./desk-types";
export { AsapWidget, FRAME_PATH, type AsapWidgetOptions, type AsapWidgetState } from "./widget";
export { WIDGET_TABS, type WidgetTab } from "./widget-text";
export { asapSettingsFromEnv, type AsapSettings } from "./config";
export { test, expect, type AsapFixtures, type AsapTestOptions } from "./fixtures";
