// The labelled evaluation set for triage: realistic customer messages, each labelled by what a
// support lead would file it as (category, severity, whether a human must take over). The tuning
// set was labelled before the keyword lists were written and then used to tune them; the held-out
// set was never tuned on and gives the honest accuracy for unseen wording.

import { EUROPEAN_AND_JAPANESE_MESSAGES } from "./labelled-messages-eu-ja";
import { ENGLISH_MESSAGES } from "./labelled-messages-en";
import { EXTRA_MESSAGES } from "./labelled-messages-extra";
import { HOLDOUT_MESSAGES } from "./labelled-messages-holdout";
import { ROUND2_MESSAGES } from "./labelled-messages-round2";
import { CHINESE_MESSAGES } from "./labelled-messages-zh";
import type { LabelledMessage } from "./labelled-message";

export type { LabelledMessage, MessageLanguage } from "./labelled-message";

/** The messages the keyword lists were tuned on. */
export const TUNING_MESSAGES: readonly LabelledMessage[] = [...ENGLISH_MESSAGES, ...CHINESE_MESSAGES, ...EUROPEAN_AND_JAPANESE_MESSAGES, ...EXTRA_MESSAGES, ...ROUND2_MESSAGES];
export { HOLDOUT_MESSAGES };
/** Everything: the accuracy targets apply to this. */
export const LABELLED_MESSAGES: readonly LabelledMessage[] = [...TUNING_MESSAGES, ...HOLDOUT_MESSAGES];
