export { asapClaims, mintAsapToken, DEFAULT_VALIDITY_MS, type AsapClaims, type AsapKey, type MintOptions } from "./mint.js";
export { asapDesk, CONTROL_PATH, type AsapDesk, type AsapDeskOptions } from "./desk-client.js";
export { AsapDeskError, TOOLKIT_CODES, type DeskErrorBody } from "./desk-error.js";
export type * from "./desk-types.js";
export { AsapWidget, FRAME_PATH, type AsapWidgetOptions, type AsapWidgetState, type WidgetFile } from "./widget.js";
export { WIDGET_TABS, type WidgetTab } from "./widget-text.js";
export { asapSettingsFromEnv, type AsapSettings } from "./config.js";
export { test, expect, type AsapFixtures, type AsapTestOptions } from "./fixtures.js";
