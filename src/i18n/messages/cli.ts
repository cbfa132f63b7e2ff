import type { Catalogue } from "../index.js";

export const CLI_MESSAGES: Catalogue = {
};
