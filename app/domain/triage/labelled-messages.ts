// The labelled evaluation set for triage: realistic customer messages, each labelled by what a
// support lead would file it as (category, severity, whether a human must take over), written
// before the rules were tuned. Split by language to keep files readable.

import { EUROPEAN_AND_JAPANESE_MESSAGES } from "./labelled-messages-eu-ja";
import { ENGLISH_MESSAGES } from "./labelled-messages-en";
import { CHINESE_MESSAGES } from "./labelled-messages-zh";
import type { LabelledMessage } from "./labelled-message";

export type { LabelledMessage, MessageLanguage } from "./labelled-message";

export const LABELLED_MESSAGES: readonly LabelledMessage[] = [...ENGLISH_MESSAGES, ...CHINESE_MESSAGES, ...EUROPEAN_AND_JAPANESE_MESSAGES];
