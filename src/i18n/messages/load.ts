import type { Catalogue } from "../index.js";

export const LOAD_MESSAGES: Catalogue = {
};
