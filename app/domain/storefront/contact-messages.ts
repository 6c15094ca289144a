// What the contact endpoint says to a storefront visitor, in the six storefront languages. Field
// labels and topics come from the extension's own locale files (one source for both), see
// app/services/storefront/extension-locales.server.ts.
import type { StorefrontLanguage } from "./storefront-data";
import type { ContactErrorCode } from "./contact-form";

export type ContactMessageKey =
  | ContactErrorCode
  | "too_fast"
  | "rate_limited"
  | "retry"
  | "fix_errors"
  | "received"
  | "received_ticket"
  | "reply_by"
  | "back";

type Catalog = Record<ContactMessageKey, string>;

const MESSAGES: Record<StorefrontLanguage, Catalog> = {
  en: {
    required: "Please fill in this field.",
    email_invalid: "Please enter a valid email address, like name@example.com.",
    too_long: "This is too long: please shorten it to {max} characters.",
    order_invalid: "Please enter an order number like #1001, or leave it empty.",
    topic_invalid: "Please choose a topic from the list.",
    too_fast: "That was quick! Please check your message and send it again.",
    rate_limited: "You have sent several messages in a short time. Please try again in {minutes} minutes; your message is still here.",
    retry: "We could not save your message just now. It is still here: please send it again.",
    fix_errors: "Please correct the fields marked below.",
    received: "Thank you, we received your message.",
    received_ticket: "Your request number is #{number}.",
    reply_by: "We expect to reply by {time}.",
    back: "Back to the shop",
  },
  "zh-CN": {
    required: "请填写此项。",
    email_invalid: "请输入有效的电子邮箱，例如 name@example.com。",
    too_long: "内容过长，请缩短到 {max} 个字符以内。",
    order_invalid: "请输入类似 #1001 的订单号，或留空。",
    topic_invalid: "请从列表中选择问题类型。",
    too_fast: "提交得太快了！请检查留言后再发送一次。",
    rate_limited: "您在短时间内发送了多条消息，请在 {minutes} 分钟后重试；您的留言仍保留在表单中。",
    retry: "暂时无法保存您的留言，内容仍保留在表单中，请再发送一次。",
    fix_errors: "请修改下方标出的内容。",
    received: "谢谢，我们已收到您的留言。",
    received_ticket: "您的工单号是 #{number}。",
    reply_by: "我们预计在 {time} 前回复。",
    back: "返回商店",
  },
  es: {
    required: "Rellena este campo.",
    email_invalid: "Introduce un correo electrónico válido, como nombre@ejemplo.com.",
    too_long: "Es demasiado largo: acórtalo a {max} caracteres.",
    order_invalid: "Introduce un número de pedido como #1001 o déjalo vacío.",
    topic_invalid: "Elige un tema de la lista.",
    too_fast: "¡Qué rapidez! Revisa tu mensaje y envíalo de nuevo.",
    rate_limited: "Has enviado varios mensajes en poco tiempo. Inténtalo de nuevo en {minutes} minutos; tu mensaje sigue aquí.",
    retry: "No hemos podido guardar tu mensaje. Sigue aquí: envíalo de nuevo.",
    fix_errors: "Corrige los campos marcados.",
    received: "Gracias, hemos recibido tu mensaje.",
    received_ticket: "Tu número de solicitud es #{number}.",
    reply_by: "Esperamos responder antes de: {time}.",
    back: "Volver a la tienda",
  },
  fr: {
    required: "Veuillez remplir ce champ.",
    email_invalid: "Veuillez saisir une adresse e-mail valide, comme nom@exemple.com.",
    too_long: "C’est trop long : {max} caractères au maximum.",
    order_invalid: "Saisissez un numéro de commande comme #1001, ou laissez vide.",
    topic_invalid: "Veuillez choisir un sujet dans la liste.",
    too_fast: "C’était rapide ! Vérifiez votre message et envoyez-le à nouveau.",
    rate_limited: "Vous avez envoyé plusieurs messages en peu de temps. Réessayez dans {minutes} minutes ; votre message est conservé.",
    retry: "Nous n’avons pas pu enregistrer votre message. Il est toujours là : renvoyez-le.",
    fix_errors: "Veuillez corriger les champs signalés.",
    received: "Merci, nous avons bien reçu votre message.",
    received_ticket: "Votre numéro de demande est #{number}.",
    reply_by: "Réponse prévue avant : {time}.",
    back: "Retour à la boutique",
  },
  de: {
    required: "Bitte füllen Sie dieses Feld aus.",
    email_invalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.",
    too_long: "Zu lang: bitte auf {max} Zeichen kürzen.",
    order_invalid: "Bitte eine Bestellnummer wie #1001 eingeben oder leer lassen.",
    topic_invalid: "Bitte wählen Sie ein Thema aus der Liste.",
    too_fast: "Das ging schnell! Bitte prüfen Sie Ihre Nachricht und senden Sie sie erneut.",
    rate_limited: "Sie haben in kurzer Zeit mehrere Nachrichten gesendet. Bitte versuchen Sie es in {minutes} Minuten erneut; Ihre Nachricht bleibt erhalten.",
    retry: "Ihre Nachricht konnte gerade nicht gespeichert werden. Sie ist noch da: bitte erneut senden.",
    fix_errors: "Bitte korrigieren Sie die markierten Felder.",
    received: "Danke, wir haben Ihre Nachricht erhalten.",
    received_ticket: "Ihre Anfragenummer lautet #{number}.",
    reply_by: "Wir antworten voraussichtlich bis {time}.",
    back: "Zurück zum Shop",
  },
  ja: {
    required: "この項目を入力してください。",
    email_invalid: "有効なメールアドレスを入力してください（例：name@example.com）。",
    too_long: "長すぎます。{max} 文字以内にしてください。",
    order_invalid: "#1001 のような注文番号を入力するか、空欄のままにしてください。",
    topic_invalid: "一覧からお問い合わせの種類を選んでください。",
    too_fast: "送信が早すぎます。内容をご確認のうえ、もう一度送信してください。",
    rate_limited: "短時間に複数のメッセージが送信されました。{minutes} 分後にもう一度お試しください。入力内容は保持されています。",
    retry: "ただいまメッセージを保存できませんでした。入力内容は残っていますので、もう一度送信してください。",
    fix_errors: "下記の項目を修正してください。",
    received: "お問い合わせを受け付けました。ありがとうございます。",
    received_ticket: "受付番号は #{number} です。",
    reply_by: "{time} までにご返信の予定です。",
    back: "ショップに戻る",
  },
};

export function contactText(language: StorefrontLanguage, key: ContactMessageKey, values: Record<string, string | number> = {}): string {
  const template = MESSAGES[language][key] ?? MESSAGES.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function contactMessageCatalog(language: StorefrontLanguage): Readonly<Catalog> {
  return MESSAGES[language];
}
