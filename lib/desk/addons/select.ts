/** The columns every view of an add-on starts from (Prisma `select`), so the views cannot drift apart. */
export const addonSummary = {
  id: true,
  name: true,
  authMode: true,
  newFlowEnabled: true,
  legacyFlowEnabled: true,
} as const;

/** The add-on's widget branding (Prisma `select`), for the portal's form and the widget frame. */
export const widgetBranding = {
  widgetTitle: true,
  widgetGreeting: true,
  accentColor: true,
  launcherPosition: true,
} as const;
