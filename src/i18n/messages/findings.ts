import type { Catalogue } from "../index.js";

export const FINDINGS_MESSAGES: Catalogue = {
};
