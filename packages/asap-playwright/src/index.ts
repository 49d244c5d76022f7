export { asapClaims, mintAsapToken, DEFAULT_VALIDITY_MS, type AsapClaims, type AsapKey, type MintOptions } from "./mint";
