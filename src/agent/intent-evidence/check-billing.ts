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
  // Whether an invoice includes the tax ("含没含税", "消費税が含まれているか"), in each corpus language.
  [
    anyPhrase([
      'vat included', 'include vat', 'includes vat', 'including vat', 'inclusive of vat', 'gst included', 'includes gst', 'tax included', 'include tax', 'includes tax',
      'incluye iva', 'incluye el iva', 'iva incluido', 'inclui iva', 'inclui o iva', 'iva incluido', 'tva incluse', 'tva comprise', 'inclut la tva', 'comprend la tva',
      'mwst enthalten', 'mehrwertsteuer enthalten', 'inkl. mwst', 'inklusive mwst', 'ust enthalten', 'umsatzsteuer enthalten',
      'ндс включен', 'включен ли ндс', 'включён ли ндс', 'с ндс или', 'включая ндс',
      '含税', '含稅', '含没含税', '含沒含稅', '含营业税', '含營業稅', '含增值税', '消費税 ... 含まれ', '税込みですか', '税込ですか',
      'شامل الضريبة', 'شاملة الضريبة', 'شامل ضريبة', 'gst included hai', 'gst shamil', 'जीएसटी शामिल', 'bao gom thue', 'da gom thue', 'co bao gom vat', 'gom vat',
    ]),
    0.8,
  ],
];
