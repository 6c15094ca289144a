// The survey page's words in the storefront languages (English is the fallback).
import type { LowScoreReason, SurveyKind } from "../../domain/surveys";

export const SURVEY_LANGUAGES = ["en", "zh-CN", "es", "fr", "de", "ja"] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

export interface SurveyStrings {
  question: Record<SurveyKind, string>;
  scaleLow: Record<SurveyKind, string>;
  scaleHigh: Record<SurveyKind, string>;
  thanks: string;
  tellMore: string;
  whyLow: string;
  reasons: Record<LowScoreReason, string>;
  comment: string;
  send: string;
  saved: string;
  changeScore: string;
  errors: Record<"not_found" | "expired" | "invalid_score" | "invalid_reason" | "comment_too_long", string>;
}

const en: SurveyStrings = {
  question: { csat: "How would you rate the support you received?", nps: "How likely are you to recommend us to a friend?" },
  scaleLow: { csat: "Very dissatisfied", nps: "Not at all likely" },
  scaleHigh: { csat: "Very satisfied", nps: "Extremely likely" },
  thanks: "Thank you for your rating!",
  tellMore: "Anything you would like to add? (optional)",
  whyLow: "Sorry to hear that. What went wrong?",
  reasons: { slow_reply: "The reply was slow", not_resolved: "My problem was not solved", unhelpful_answer: "The answer did not help", agent_attitude: "The agent's attitude", product_issue: "The product itself", delivery_issue: "Shipping or delivery", other: "Something else" },
  comment: "Comment",
  send: "Send",
  saved: "Thank you, your feedback was saved.",
  changeScore: "You can change your score:",
  errors: { not_found: "This survey link is not valid.", expired: "This survey has expired.", invalid_score: "Please choose one of the scores.", invalid_reason: "Please choose one of the reasons.", comment_too_long: "The comment is too long (at most 1,000 characters)." },
};

const zhCN: SurveyStrings = {
  question: { csat: "您对本次客服的满意度如何？", nps: "您有多大可能向朋友推荐我们？" },
  scaleLow: { csat: "非常不满意", nps: "完全不可能" },
  scaleHigh: { csat: "非常满意", nps: "非常可能" },
  thanks: "感谢您的评分！",
  tellMore: "还有什么想告诉我们的吗？（可选）",
  whyLow: "很抱歉让您不满意。问题出在哪里？",
  reasons: { slow_reply: "回复太慢", not_resolved: "问题没有解决", unhelpful_answer: "回答没有帮助", agent_attitude: "客服态度", product_issue: "商品本身", delivery_issue: "物流或配送", other: "其他" },
  comment: "留言",
  send: "提交",
  saved: "谢谢，您的反馈已保存。",
  changeScore: "您可以修改评分：",
  errors: { not_found: "此问卷链接无效。", expired: "此问卷已过期。", invalid_score: "请选择一个评分。", invalid_reason: "请选择一个原因。", comment_too_long: "留言过长（最多 1000 个字符）。" },
};

const es: SurveyStrings = {
  question: { csat: "¿Cómo valoras la atención que recibiste?", nps: "¿Qué probabilidad hay de que nos recomiendes a un amigo?" },
  scaleLow: { csat: "Muy insatisfecho", nps: "Nada probable" },
  scaleHigh: { csat: "Muy satisfecho", nps: "Muy probable" },
  thanks: "¡Gracias por tu valoración!",
  tellMore: "¿Quieres añadir algo? (opcional)",
  whyLow: "Lamentamos oírlo. ¿Qué salió mal?",
  reasons: { slow_reply: "La respuesta tardó", not_resolved: "Mi problema no se resolvió", unhelpful_answer: "La respuesta no ayudó", agent_attitude: "La actitud del agente", product_issue: "El producto", delivery_issue: "El envío o la entrega", other: "Otra cosa" },
  comment: "Comentario",
  send: "Enviar",
  saved: "Gracias, hemos guardado tu opinión.",
  changeScore: "Puedes cambiar tu valoración:",
  errors: { not_found: "Este enlace de encuesta no es válido.", expired: "Esta encuesta ha caducado.", invalid_score: "Elige una de las puntuaciones.", invalid_reason: "Elige uno de los motivos.", comment_too_long: "El comentario es demasiado largo (máximo 1.000 caracteres)." },
};

const fr: SurveyStrings = {
  question: { csat: "Comment évaluez-vous l'aide reçue ?", nps: "Quelle est la probabilité que vous nous recommandiez à un ami ?" },
  scaleLow: { csat: "Très insatisfait", nps: "Pas du tout probable" },
  scaleHigh: { csat: "Très satisfait", nps: "Très probable" },
  thanks: "Merci pour votre note !",
  tellMore: "Souhaitez-vous ajouter quelque chose ? (facultatif)",
  whyLow: "Nous en sommes désolés. Qu'est-ce qui n'a pas été ?",
  reasons: { slow_reply: "La réponse a tardé", not_resolved: "Mon problème n'est pas résolu", unhelpful_answer: "La réponse n'a pas aidé", agent_attitude: "L'attitude de l'agent", product_issue: "Le produit", delivery_issue: "L'expédition ou la livraison", other: "Autre chose" },
  comment: "Commentaire",
  send: "Envoyer",
  saved: "Merci, votre avis a été enregistré.",
  changeScore: "Vous pouvez modifier votre note :",
  errors: { not_found: "Ce lien d'enquête n'est pas valide.", expired: "Cette enquête a expiré.", invalid_score: "Choisissez une des notes.", invalid_reason: "Choisissez une des raisons.", comment_too_long: "Le commentaire est trop long (1 000 caractères au plus)." },
};

const de: SurveyStrings = {
  question: { csat: "Wie zufrieden sind Sie mit unserem Kundenservice?", nps: "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?" },
  scaleLow: { csat: "Sehr unzufrieden", nps: "Überhaupt nicht wahrscheinlich" },
  scaleHigh: { csat: "Sehr zufrieden", nps: "Äußerst wahrscheinlich" },
  thanks: "Vielen Dank für Ihre Bewertung!",
  tellMore: "Möchten Sie noch etwas hinzufügen? (optional)",
  whyLow: "Das tut uns leid. Was ist schiefgelaufen?",
  reasons: { slow_reply: "Die Antwort kam zu spät", not_resolved: "Mein Problem wurde nicht gelöst", unhelpful_answer: "Die Antwort hat nicht geholfen", agent_attitude: "Das Verhalten des Mitarbeiters", product_issue: "Das Produkt selbst", delivery_issue: "Versand oder Lieferung", other: "Etwas anderes" },
  comment: "Kommentar",
  send: "Senden",
  saved: "Danke, Ihr Feedback wurde gespeichert.",
  changeScore: "Sie können Ihre Bewertung ändern:",
  errors: { not_found: "Dieser Umfragelink ist ungültig.", expired: "Diese Umfrage ist abgelaufen.", invalid_score: "Bitte wählen Sie eine Bewertung.", invalid_reason: "Bitte wählen Sie einen Grund.", comment_too_long: "Der Kommentar ist zu lang (höchstens 1.000 Zeichen)." },
};

const ja: SurveyStrings = {
  question: { csat: "今回のサポートの満足度を教えてください。", nps: "友人に当店を勧める可能性はどのくらいですか？" },
  scaleLow: { csat: "とても不満", nps: "まったく勧めない" },
  scaleHigh: { csat: "とても満足", nps: "ぜひ勧めたい" },
  thanks: "評価ありがとうございます！",
  tellMore: "ほかにご意見があればお聞かせください（任意）",
  whyLow: "ご不便をおかけしました。何が問題でしたか？",
  reasons: { slow_reply: "返信が遅かった", not_resolved: "問題が解決しなかった", unhelpful_answer: "回答が役に立たなかった", agent_attitude: "担当者の対応", product_issue: "商品そのもの", delivery_issue: "配送・お届け", other: "その他" },
  comment: "コメント",
  send: "送信",
  saved: "ありがとうございます。ご意見を保存しました。",
  changeScore: "評価を変更できます：",
  errors: { not_found: "このアンケートのリンクは無効です。", expired: "このアンケートは期限切れです。", invalid_score: "評価を選んでください。", invalid_reason: "理由を選んでください。", comment_too_long: "コメントが長すぎます（最大 1,000 文字）。" },
};

const STRINGS: Record<SurveyLanguage, SurveyStrings> = { en, "zh-CN": zhCN, es, fr, de, ja };

/** The first supported language among the candidates ("zh", "zh-Hans" → zh-CN; "es-MX" → es). */
export function surveyLanguage(...candidates: (string | null | undefined)[]): SurveyLanguage {
  for (const candidate of candidates) {
    const value = (candidate ?? "").toLowerCase();
    if (!value) continue;
    if (value.startsWith("zh")) return "zh-CN";
    const base = value.split(/[-_]/)[0];
    const match = SURVEY_LANGUAGES.find((language) => language === base);
    if (match) return match;
  }
  return "en";
}

export function surveyStrings(language: SurveyLanguage): SurveyStrings {
  return STRINGS[language];
}
