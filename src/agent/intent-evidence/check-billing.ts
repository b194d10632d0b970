import { anyPhrase } from './cues.ts';
import type { IntentRule } from './index.ts';
import { ASKS_PAYMENT_STATUS } from './steering.ts';

/** Words that ask about the caller's own invoices, payments, plan and billing dates. */
export const CHECK_BILLING_EVIDENCE: readonly IntentRule[] = [
  [/\binvoices?\b|\bfacturas?\b|\bfactures?\b|\brechnung(en)?\b/, 0.75],
  [/\b(my|our|last|latest|unpaid|open|outstanding|mi|mis|ma|mes|nuestra|meine?|unsere?|offene) (last |latest |recent |current |next )?(invoices?|facturas?|factures?|rechnung(en)?|receipts?|bills?|billing)\b/, 0.9],
  [/\breceipts?\b|\brecibos?\b|\bquittung\b|\bbeleg\b/, 0.8],
  [/\bbilling\b|\bfacturacion\b|\bfacturation\b|\babrechnung\b/, 0.8],
  [/\bpayment status\b|\bstatus of (my )?payment\b|\bpayment (gone|go|went) through\b|\bestado (de mi|del) pago\b|\bstatut (de mon|du) paiement\b|\bzahlungsstatus\b/, 0.9],
  [/\b(my|mi|mon|meine) (last |latest |recent )?(payment|pago|paiement|zahlung)\b/, 0.85],
  [/\bpayments?\b|\bpagos?\b|\bpaiements?\b|\bzahlung(en)?\b/, 0.6],
  [/\b(my|our|mi|mon|notre|mein|meine|unser) (current |actual |subscription |billing )?(plan|tier|subscription|suscripcion|forfait|abonnement|abo|tarif)\b/, 0.85],
  [/\b(what|which) plan (am i|are we|do i|do we)\b|\bplan am i on\b|\bam i on (the|a)\b.*\bplan\b|\bare we on (the|a)\b.*\bplan\b|\bplan actual\b|\bforfait actuel\b|\baktuelle[rn]? (plan|tarif|abo)\b/, 0.9],
  [/\bsubscriptions?\b|\bsuscripcion\b|\babonnement\b|\babo\b/, 0.6],
  [/\bwhen (am i|will i be|do i get|are we|will we be) (charged|billed)\b|\bnext (bill|charge|payment|invoice)\b|\bbilling (cycle|date|period)\b|\brenew(s|al)?\b|\babgerechnet\b/, 0.9],
  [/\bunpaid\b|\boutstanding\b|\bowe\b|\bbalance\b|\bpendiente de pago\b|\bimpaye/, 0.8],
  [/\bon file\b|\bpayment method\b|\bmetodo de pago\b|\bmoyen de paiement\b|\bzahlungsmethode\b/, 0.85],
  [/\bin_[a-z0-9]{1,64}\b/, 0.9],
  [/\bbills?\b|\bcharges?\b|\bcharged\b/, 0.5],
  // Whether a payment came in or a refund went out, in each corpus language.
  [ASKS_PAYMENT_STATUS, 0.9],
  // Whether an invoice shows as paid, and the balance asked in one word ("NF 4471 já consta como paga?", "Kontostand?").
  [
    anyPhrase([
      'marked as paid', 'show as paid', 'showing as paid', 'shows as paid', 'consta como paga', 'consta como pago', 'aparece como pagada', 'aparece como paga', 'figura como pagada', 'marquee comme payee', 'als bezahlt',
      'kontostand', 'reste a payer', 'je vous dois', 'how much do i owe', 'cuanto les debo', 'cuanto debo', 'quanto devo', 'wie viel schulde ich', 'сколько я должен', 'сколько я должна', '还欠多少', '欠你们多少',
      // The plan the caller is on, asked in their words ("¿en qué plan estoy?", "welchen Tarif hab ich grad?").
      'en que plan estoy', 'que plan tengo', 'welchen tarif hab*', 'welches abo hab*', 'em que plano estou', 'qual plano eu tenho', "quel forfait j'ai", "quelle formule j'ai", 'какой у меня тариф', 'какой тариф у меня',
      '我是什么套餐', '我现在是哪个套餐', '今どのプラン', 'konsa plan hai', 'mera plan kaunsa', 'dang dung goi nao', '3la ay ba8a', 'على اي باقة', 'على أي باقة',
      // The tax amount on an invoice.
      'tax amount', 'vat amount', 'importe del iva', 'montant de la tva', 'mwst-betrag', 'сумма ндс', '税额', '税額', '消費税額',
      'оплачен ли', 'значится оплаченным', '显示已付', '顯示已付', '支払済みになって', 'مدفوعة؟', 'paid dikh', 'da duoc ghi nhan thanh toan',
    ]),
    0.85,
  ],
  // Whether an invoice includes the tax ("含没含税", "消費税が含まれているか"), in each corpus language.
  [
    anyPhrase([
      'vat included', 'include vat', 'includes vat', 'including vat', 'inclusive of vat', 'gst included', 'includes gst', 'tax included', 'include tax', 'includes tax',
      'incluye iva', 'incluye el iva', 'iva incluido', 'inclui iva', 'inclui o iva', 'tva incluse', 'tva comprise', 'inclut la tva', 'comprend la tva',
      'mwst enthalten', 'mehrwertsteuer enthalten', 'inkl. mwst', 'inklusive mwst', 'ust enthalten', 'umsatzsteuer enthalten',
      'ндс включен', 'включен ли ндс', 'включён ли ндс', 'с ндс или', 'включая ндс',
      '含税', '含稅', '含没含税', '含沒含稅', '含营业税', '含營業稅', '含增值税', '消費税 ... 含まれ', '税込みですか', '税込ですか',
      'شامل الضريبة', 'شاملة الضريبة', 'شامل ضريبة', 'gst included hai', 'gst shamil', 'जीएसटी शामिल', 'bao gom thue', 'da gom thue', 'co bao gom vat', 'gom vat',
    ]),
    0.8,
  ],
];
