/** The columns every view of an add-on starts from (Prisma `select`), so the views cannot drift apart. */
export const addonSummary = {
  id: true,
  name: true,
  authMode: true,
  newFlowEnabled: true,
  legacyFlowEnabled: true,
} as const;
