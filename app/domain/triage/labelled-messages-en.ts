// English customer messages (labels: category, severity, escalate to a human).

import { labelled as m, type LabelledMessage } from "./labelled-message";

export const ENGLISH_MESSAGES: readonly LabelledMessage[] = [
  // Order status / where is my order
  m("en", "order_status", "L3", false, "Hi, I placed order #1043 on Monday and haven't received a shipping confirmation yet. Can you tell me when it will ship?"),
  m("en", "order_status", "L3", false, "Where is my order?? Tracking hasn't updated in 4 days", "Order #2291"),
  m("en", "order_status", "L3", false, "Could you send me the tracking number for my order please"),
  m("en", "order_status", "L3", false, "hey just checking on the status of my package, any idea when it'll get here?"),
  m("en", "order_status", "L2", false, "My order was supposed to arrive last Friday according to your website (2-3 day delivery). It's now Wednesday and still nothing. What is going on?"),
  m("en", "order_status", "L2", false, "It's been three weeks and my order still hasn't arrived. You promised delivery within 7 days."),
  m("en", "order_status", "L3", false, "I'm not disappointed at all, just wondering when my order ships :)"),
  m("en", "order_status", "L3", false, "The tracking link you emailed me says 'label created' since Tuesday. Has it actually been shipped?"),
  m("en", "order_status", "L3", false, "When will the backordered lamp be shipped? Order 5521"),
  m("en", "order_status", "L3", false, "Has my order been dispatched yet? I need it before the 20th for a birthday"),
  m("en", "order_status", "L1", true, "Is this a scam?? I paid 3 weeks ago, no tracking, no reply to my emails. I'm contacting my bank to dispute the charge."),
  // Delivered but not received / damaged / wrong / missing
  m("en", "damaged_wrong_missing", "L2", false, "Tracking says delivered yesterday but there is no package at my door or with my neighbours."),
  m("en", "damaged_wrong_missing", "L2", false, "UPS marked it as delivered but I never got it. Where is my order?", "", {
    order: { displayFulfillmentStatus: "DELIVERED", deliveredAt: "2024-05-02T15:00:00Z" },
  }),
  m("en", "damaged_wrong_missing", "L3", false, "My package arrived today but the glass vase was shattered. Photos attached. Can you send a replacement?", "Broken vase", {
    attachments: [{ contentType: "image/jpeg", filename: "IMG_2231.jpg" }, { contentType: "image/jpeg", filename: "IMG_2232.jpg" }],
  }),
  m("en", "damaged_wrong_missing", "L3", false, "Box was crushed and the lid of the blender is cracked."),
  m("en", "damaged_wrong_missing", "L3", false, "You sent me the wrong item. I ordered the navy hoodie in size M and received a grey t-shirt."),
  m("en", "damaged_wrong_missing", "L3", false, "Only 2 of the 3 candles were in the box, one is missing."),
  m("en", "damaged_wrong_missing", "L3", false, "received wrong colour - ordered black got white"),
  m("en", "damaged_wrong_missing", "L3", false, "The package was open when it arrived and the earbuds case was empty."),
  m("en", "damaged_wrong_missing", "L2", true, "Second time in a row you've sent me a damaged item. Really disappointed. I want to speak to a manager."),
  m("en", "damaged_wrong_missing", "L3", false, "Hi! Parcel came but the mug has a chip on the rim. Not a big deal but wanted to let you know, pic attached", "", {
    attachments: [{ contentType: "image/png", filename: "mug.png" }],
  }),
  // Shipping address
  m("en", "shipping_address", "L3", false, "I just realised I put my old address on the order. Can you change it to 14 Elm Street, Springfield?"),
  m("en", "shipping_address", "L3", false, "Can I update the shipping address on order #3345? Apartment number is missing"),
  m("en", "shipping_address", "L3", false, "Wrong zip code entered at checkout, it should be 90210 not 90201. Please fix before it ships!"),
  m("en", "shipping_address", "L3", false, "Is it possible to redirect my package to my office instead of my home address?"),
  // Cancellation
  m("en", "cancellation", "L3", false, "Please cancel my order #4410, I ordered the wrong size by mistake."),
  m("en", "cancellation", "L3", false, "I'd like to cancel my subscription, how do I do that?"),
  m("en", "cancellation", "L3", false, "Can I still cancel? I placed the order 10 minutes ago"),
  m("en", "cancellation", "L3", false, "I changed my mind, I don't want the order anymore. Please don't ship it."),
  m("en", "cancellation", "L2", true, "Cancel my order. Two weeks and it hasn't even shipped, this is ridiculous and unacceptable."),
  // Returns and refunds
  m("en", "return_refund", "L3", false, "How do I return a pair of shoes? They're too small."),
  m("en", "return_refund", "L3", false, "I sent the return back 2 weeks ago, when will I get my refund?"),
  m("en", "return_refund", "L3", false, "Can I exchange this dress for a bigger size?"),
  m("en", "return_refund", "L3", false, "What is your return policy for sale items?"),
  m("en", "return_refund", "L3", false, "I'd like a refund for order 1882, the jacket doesn't fit well."),
  m("en", "return_refund", "L1", true, "I've asked for my refund three times. If I don't get my money back by Friday I will file a chargeback with my credit card company."),
  m("en", "return_refund", "L1", true, "This is my final notice. Refund me or my lawyer will be in touch."),
  m("en", "return_refund", "L2", false, "The zipper broke after two days of normal use. Poor quality. I'd like a refund please."),
  m("en", "return_refund", "L3", false, "Where do I print the return label?"),
  // Payment and invoices
  m("en", "payment_invoice", "L3", false, "I was charged twice for the same order, can you refund the duplicate payment?"),
  m("en", "payment_invoice", "L3", false, "Could you send me an invoice with my company VAT number on it?"),
  m("en", "payment_invoice", "L3", false, "My card was declined at checkout but the money left my account. What happened?"),
  m("en", "payment_invoice", "L1", true, "There's a charge from your store on my credit card that I did not make. I think my card was stolen. Please investigate."),
  m("en", "payment_invoice", "L3", false, "Do you accept PayPal or Klarna?"),
  m("en", "payment_invoice", "L3", false, "The discount code didn't apply and I paid full price. Can you refund the difference?"),
  m("en", "payment_invoice", "L1", true, "I have opened a dispute with PayPal for this order."),
  // Product questions
  m("en", "product_question", "L3", false, "Is the rain jacket fully waterproof or just water resistant?"),
  m("en", "product_question", "L3", false, "Does the linen shirt come in blue? And what's the difference between the regular and slim fit?"),
  m("en", "product_question", "L3", false, "Hello, will the Alpine backpack be back in stock soon?"),
  m("en", "product_question", "L3", false, "What size should I get? I'm 5'9 and usually wear a medium."),
  m("en", "product_question", "L3", false, "Is this serum safe to use during pregnancy? What are the ingredients?"),
  m("en", "product_question", "L3", false, "Do you ship to Canada, and how long does shipping take?"),
  m("en", "product_question", "L3", false, "Is the charger compatible with iPhone 15?"),
  m("en", "product_question", "L3", false, "Are your mugs dishwasher safe?"),
  // Complaints, safety, legal, public
  m("en", "complaint", "L2", true, "Your support agent on the phone was extremely rude and hung up on me. I expect an apology."),
  m("en", "complaint", "L1", true, "The phone charger I bought from you started smoking and melted, it nearly caught fire in my kid's room!"),
  m("en", "complaint", "L1", true, "My daughter had an allergic reaction after using your face cream. Her face is swollen and we went to the ER."),
  m("en", "complaint", "L1", true, "Unless this is fixed today I'm posting everything on TikTok and leaving 1-star reviews everywhere."),
  m("en", "complaint", "L2", true, "Very disappointed with the quality. The sweater pilled after one wash. Not what I expect for $120."),
  m("en", "complaint", "L1", true, "I will be reporting your company to the Better Business Bureau and consumer protection agency."),
  m("en", "complaint", "L2", false, "The fabric feels cheap and the stitching is coming loose already."),
  m("en", "complaint", "L1", true, "A small part broke off the toy and my son almost choked on it. This is dangerous."),
  m("en", "complaint", "L3", true, "This is the worst customer service I have ever experienced. Let me talk to your supervisor."),
  // Greetings, thanks, feedback, other
  m("en", "other", "L3", false, "Hi"),
  m("en", "other", "L3", false, "Thanks so much, got it today and love it!"),
  m("en", "other", "L3", false, "Just wanted to say your packaging is lovely. Maybe offer a gift wrap option?"),
  m("en", "other", "L3", false, "Suggestion: it would be great if your site had a dark mode."),
  m("en", "other", "L3", false, "Do you have any job openings?"),
  m("en", "other", "L3", false, "Are you interested in an influencer collaboration? I have 50k followers."),
  m("en", "other", "L3", false, "Thank you for the quick help yesterday!"),
];
