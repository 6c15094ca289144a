// Triage keyword lists as data: a default set (DEFAULT_TRIAGE_KEYWORDS) and merchant overrides
// merged in (add and remove terms per list). Term syntax: see matcher.ts. Category terms live in
// keywords-categories.ts.

import { z } from "zod";
import type { TicketCategory } from "../ticket-fields";
import { DEFAULT_CATEGORY_KEYWORDS, DEFAULT_GREETING_KEYWORDS } from "./keywords-categories";

export type KeywordCategory = Exclude<TicketCategory, "other">;
export const L1_SIGNALS = ["safety", "fraud", "chargeback", "legal", "public"] as const;
export const L2_SIGNALS = ["quality", "late_delivery", "staff_conduct"] as const;
export type L1Signal = (typeof L1_SIGNALS)[number];
export type L2Signal = (typeof L2_SIGNALS)[number];

export interface CategoryKeywords {
  strong: readonly string[];
  weak: readonly string[];
}

export interface TriageKeywords {
  categories: Record<KeywordCategory, CategoryKeywords>;
  greetings: readonly string[];
  severityL1: Record<L1Signal, readonly string[]>;
  severityL2: Record<L2Signal, readonly string[]>;
  /** Anger and escalation words: a human takes over and automated answers stop. */
  escalation: readonly string[];
  urgency: readonly string[];
  /** "Tracking says delivered" phrases; with notReceived they mean a missing parcel. */
  deliveredClaim: readonly string[];
  notReceived: readonly string[];
  negations: readonly string[];
}

export const DEFAULT_TRIAGE_KEYWORDS: TriageKeywords = {
  categories: DEFAULT_CATEGORY_KEYWORDS,
  greetings: DEFAULT_GREETING_KEYWORDS,
  severityL1: {
    safety: [
      "caught fire", "catch fire", "on fire", "fire hazard", "smoking", "smoke came", "melted", "exploded", "explode*", "burned", "burnt my", "burns",
      "stromschlag", "lebensgefahrlich", "descarga electrica", "choc electrique", "感電", "electric shock", "injur*", "hospital", "emergency room", "the er", "allergic reaction", "choke*", "choking", "swallowed", "poison*", "dangerous", "unsafe",
      "着火", "起火", "冒烟", "爆炸", "烧坏", "烧焦", "烫伤", "触电", "受伤", "过敏", "医院", "窒息", "危险",
      "echar humo", "echa humo", "sale humo", "incendi*", "quemadura*", "explot*", "alergica", "herido", "hospital", "peligroso",
      "feuer", "raucht", "explodiert", "verletzt", "allergische", "krankenhaus", "gefahrlich",
      "de la fumee", "incendie", "prend feu", "pris feu", "explose", "blesse*", "allergique", "hopital", "dangereux",
      "発火", "発煙", "煙が出", "爆発", "やけど", "けが", "怪我", "アレルギー", "病院", "危険",
    ],
    fraud: [
      "fraud*", "scam*", "stolen card", "card was stolen", "card stolen", "that i did not make", "that i didn't make", "unauthorized", "unauthorised", "identity theft",
      "诈骗", "骗子", "骗局", "盗刷", "被盗", "不是我买的",
      "fraude", "estafa", "no reconozco",
      "betrug", "betruger", "nicht autorisiert",
      "arnaque", "escroquerie", "frauduleu*",
      "詐欺", "不正利用", "身に覚えのない",
    ],
    chargeback: [
      "chargeback", "charge back", "dispute", "disputing", "contacting my bank", "contact my bank", "credit card company",
      "拒付", "申诉到银行", "银行申诉",
      "contracargo", "disputa", "reclamar al banco",
      "ruckbuchung", "ruckbelastung", "widerspruch bei meiner bank",
      "faire opposition", "contester le paiement", "retrofacturation", "litige",
      "チャージバック", "異議申し立て",
    ],
    legal: [
      "lawyer", "attorney", "sue you", "sue your", "suing", "legal action", "to court", "in court", "small claims", "consumer protection", "better business bureau", "bbb", "trading standards",
      "律师", "起诉", "法院", "12315", "消协", "消费者协会", "工商局", "法律途径", "法律手段",
      "abogado", "denuncia", "demanda judicial", "tribunal", "oficina del consumidor",
      "anwalt", "klage", "verbraucherzentrale", "vor gericht", "rechtliche schritte",
      "avocat", "porter plainte", "porte plainte", "tribunal", "poursuite*", "en justice",
      "弁護士", "訴訟", "消費者センター", "法的",
    ],
    public: [
      "post* ~ tiktok", "post* ~ twitter", "post* ~ instagram", "post* ~ facebook", "post* ~ reddit", "post* ~ social media", "post* ~ online",
      "to the news", "going to the news", "go viral", "the press", "journalist", "1-star review*", "one star review*", "reviews everywhere", "tell everyone",
      "曝光", "发到 ~ 微博", "发到 ~ 小红书", "发 ~ 抖音", "媒体",
      "publicar ~ redes sociales", "en redes sociales",
      "soziale medien", "offentlich machen", "presse",
      "publier ~ reseaux sociaux", "sur les reseaux", "avis negatifs partout", "les medias",
      "sns", "拡散", "炎上",
    ],
  },
  severityL2: {
    quality: [
      "poor quality", "bad quality", "low quality", "quality is", "quality issue*", "quality problem*", "disappointed ~ quality", "cheap", "falling apart", "coming loose",
      "broke after", "stopped working", "fell apart", "defective", "faulty", "after one wash",
      // recurring problems
      "second time in a row", "third time in a row", "yet again", "keeps happening", "又一次", "再次出现",
      "做工 ~ 差", "线头", "质量 ~ 差", "质量问题", "质量不好", "做工差", "就坏了", "起球", "掉色",
      "mala calidad", "decepcionad* ~ calidad", "defectuoso", "dejo de funcionar",
      "mangelhaft", "schlechte qualitat", "qualitat ~ schlecht", "defekt", "funktioniert nicht mehr",
      "mauvaise qualite", "decu* ~ qualite", "defectueux", "ne fonctionne plus", "billig verarbeitet", "schlecht verarbeitet",
      "品質 ~ がっかり", "品質が悪", "不良品", "故障",
    ],
    late_delivery: [
      "supposed to arrive", "supposed to be delivered", "promised delivery", "you promised", "still hasn't arrived", "still has not arrived",
      "still not arrived", "still nothing", "hasn't even shipped", "overdue", "late delivery", "delivery is late", "days late", "weeks late",
      "说好的", "超时", "延迟", "迟迟", "了还没发货", "了还没收到",
      "prometieron", "retraso", "ya van",
      "angekundigt", "immer noch nicht", "verspatung", "verspatet",
      "prevue", "toujours rien", "en retard",
      "予定日を ~ 過ぎ", "遅延", "遅れて",
    ],
    staff_conduct: [
      "rude", "hung up", "unprofessional", "your agent", "your staff", "your employee", "support agent", "insulted", "yelled",
      "态度", "骂人", "不理人", "挂电话",
      "maleducado", "grosero", "mala atencion",
      "unverschamt", "unfreundlich", "ihr mitarbeiter",
      "impoli", "grossier", "mal accueilli",
      "失礼", "態度", "対応が悪", "appalling service", "no answer", "pesima", "nadie responde", "返事がありません", "返事がない", "全然返事",
    ],
  },
  escalation: [
    "disappointed", "disappointing", "unacceptable", "ridiculous", "outraged", "furious", "angry", "disgusted", "worst", "terrible service", "horrible",
    "manager", "supervisor", "speak to someone", "lawyer", "attorney", "chargeback", "complaint",
    "失望", "投诉", "律师", "气死", "愤怒", "找你们领导", "经理", "主管",
    "decepcionado", "decepcionada", "inaceptable", "un responsable", "abogado", "queja", "furioso",
    "enttauscht", "inakzeptabel", "vorgesetzten", "beschwerde", "anwalt", "unverschamt", "frechheit",
    "decu", "decue", "decevant", "inacceptable", "avocat", "plainte", "scandaleux",
    "がっかり", "責任者", "上司", "弁護士", "ふざけ", "クレーム", "許せない", "appalling", "verguenza", "いい加減",
  ],
  urgency: ["urgent", "asap", "as soon as possible", "immediately", "emergency", "紧急", "急", "尽快", "urgente", "dringend", "sofort", "au plus vite", "至急", "急ぎ"],
  deliveredClaim: [
    "says delivered", "shows delivered", "marked as delivered", "marked it as delivered", "tracking says delivered", "status says delivered", "delivered yesterday",
    "显示已签收", "已签收", "显示签收", "显示已送达",
    "dice entregado", "figura como entregado", "aparece como entregado",
    "als zugestellt", "zugestellt",
    "indique livre", "marque comme livre", "indique que le colis a ete livre",
    "配達完了", "配達済み",
  ],
  notReceived: [
    "never got", "never received", "not received", "haven't received", "have not received", "didn't receive", "did not receive", "no package", "nothing arrived",
    "where is my order", "where is my package",
    "没收到", "没有收到", "未收到",
    "no he recibido", "no recibi", "no ha llegado",
    "nicht erhalten", "nicht bekommen", "nie angekommen", "nicht angekommen",
    "jamais recu", "pas recu", "rien recu",
    "受け取っていません", "届いていません", "受け取れていません",
  ],
  negations: [
    "not", "no", "never", "isn't", "wasn't", "aren't", "don't", "didn't", "won't", "nor", "without",
    "不", "没", "没有", "并非",
    "nunca", "sin", "nicht", "kein", "keine", "nie", "ne", "pas", "jamais", "sans",
  ],
};

const termList = z.array(z.string().trim().min(1).max(200)).max(1000);
const categoryPatch = z.object({ strong: termList.optional(), weak: termList.optional() });
const keywordPatchSchema = z
  .object({
    categories: z.record(z.enum(Object.keys(DEFAULT_CATEGORY_KEYWORDS) as [KeywordCategory, ...KeywordCategory[]]), categoryPatch).optional(),
    greetings: termList.optional(),
    severityL1: z.record(z.enum(L1_SIGNALS), termList).optional(),
    severityL2: z.record(z.enum(L2_SIGNALS), termList).optional(),
    escalation: termList.optional(),
    urgency: termList.optional(),
    deliveredClaim: termList.optional(),
    notReceived: termList.optional(),
    negations: termList.optional(),
  })
  .strict();

/** A merchant's edits: terms to add and terms to remove, per list. */
export const keywordOverridesSchema = z.object({ add: keywordPatchSchema.optional(), remove: keywordPatchSchema.optional() }).strict();
export type KeywordOverrides = z.infer<typeof keywordOverridesSchema>;
type KeywordPatch = z.infer<typeof keywordPatchSchema>;

function edit(base: readonly string[], add: readonly string[] | undefined, remove: readonly string[] | undefined): readonly string[] {
  const removed = new Set((remove ?? []).map((t) => t.toLowerCase()));
  const kept = base.filter((t) => !removed.has(t.toLowerCase()));
  return [...kept, ...(add ?? []).filter((t) => !kept.includes(t))];
}

function editRecord<K extends string>(base: Record<K, readonly string[]>, add?: Partial<Record<K, string[]>>, remove?: Partial<Record<K, string[]>>): Record<K, readonly string[]> {
  const result = { ...base };
  for (const key of Object.keys(base) as K[]) result[key] = edit(base[key], add?.[key], remove?.[key]);
  return result;
}

/** The defaults with a merchant's additions and removals applied (removal is case-insensitive). */
export function mergeKeywordOverrides(base: TriageKeywords, overrides: KeywordOverrides | undefined): TriageKeywords {
  if (!overrides) return base;
  const add: KeywordPatch = overrides.add ?? {};
  const remove: KeywordPatch = overrides.remove ?? {};
  const categories = { ...base.categories };
  for (const category of Object.keys(base.categories) as KeywordCategory[]) {
    categories[category] = {
      strong: edit(base.categories[category].strong, add.categories?.[category]?.strong, remove.categories?.[category]?.strong),
      weak: edit(base.categories[category].weak, add.categories?.[category]?.weak, remove.categories?.[category]?.weak),
    };
  }
  return {
    categories,
    greetings: edit(base.greetings, add.greetings, remove.greetings),
    severityL1: editRecord(base.severityL1, add.severityL1, remove.severityL1),
    severityL2: editRecord(base.severityL2, add.severityL2, remove.severityL2),
    escalation: edit(base.escalation, add.escalation, remove.escalation),
    urgency: edit(base.urgency, add.urgency, remove.urgency),
    deliveredClaim: edit(base.deliveredClaim, add.deliveredClaim, remove.deliveredClaim),
    notReceived: edit(base.notReceived, add.notReceived, remove.notReceived),
    negations: edit(base.negations, add.negations, remove.negations),
  };
}
