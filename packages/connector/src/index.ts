export const CONNECTOR_PACKAGE = "pingone-connector";
