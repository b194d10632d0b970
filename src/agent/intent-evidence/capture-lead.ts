import type { IntentRule } from './index.ts';

/** Words that ask to be contacted by sales: demos, prices, quotes, buying, in four languages. */
export const CAPTURE_LEAD_EVIDENCE: readonly IntentRule[] = [
  [/\bdemo(s|nstration)?\b|\bdemostracion\b|\bvorfuhrung\b/, 0.9],
  [/\bpricing\b|\bprices?\b|\bprecios?\b|\btarifs?\b|\bprix\b|\bpreise?\b/, 0.85],
  [/\bquotes?\b|\bquotation\b|\bcotizacion\b|\bpresupuesto\b|\bdevis\b|\bangebot\b/, 0.85],
  [/\b(talk|speak|chat|get in touch) (to|with) (sales|your sales|the sales|a sales|someone (from|in) sales)/, 0.95],
  [/\bsales\b|\bventas\b|\bcommercial\b|\bvertrieb\b/, 0.7],
  [/\bcontact (me|us)\b|\bget in touch\b|\breach out\b|\bcall (me|us)\b|\bcontactenme\b|\bcontactez[- ]moi\b|\bkontaktieren sie\b/, 0.6],
  [/\binterested in (buying|purchasing|your|a demo|the product|an? (plan|license|subscription))/, 0.85],
  [/\b(me interesa|nos interesa|interesse par|interesses par|interessiert an|interessieren uns)\b/, 0.6],
  [/\b(buy|buying|purchase|purchasing|comprar|acheter|kaufen|erwerben)\b/, 0.8],
  [/\bsign (up|on) (my|our) (team|company|org|organi[sz]ation)\b/, 0.85],
  [/\bsign up\b|\bonboard(ing)?\b/, 0.5],
  [/\bhow much (does|do|would|will|is|are)\b.*\b(cost|price)|\bhow much (is|does) (it|this|that)\b|\bwhat (does|would|will) (it|this|that)\b.*\bcost\b/, 0.85],
  [/\bcosts?\b|\bcuanto cuesta\b|\bcombien (ca )?coute\b|\bwas kostet\b|\bkosten\b/, 0.65],
  [/\bseats\b|\blicen[cs]es?\b|\busers\b|\bnutzer\b|\busuarios\b|\butilisateurs\b/, 0.45],
  [/\btrial\b|\bprueba gratis\b|\bessai gratuit\b|\btestversion\b/, 0.65],
  [/\bdiscounts?\b|\bdescuentos?\b|\bremises?\b|\brabatt\b/, 0.7],
  [/\benterprise\b|\bpremium\b|\bbusiness (tier|plan)\b/, 0.45],
  [/\b(set up|schedule|book|arrange) (a |an )?(call|meeting|demo|appointment)\b/, 0.85],
  [/\bsee (it|the product|the platform) in action\b|\bwalk ?through\b/, 0.6],
  [/\binquiry\b|\benquiry\b/, 0.4],
  [/\bfor (my|our) (team|company|organi[sz]ation|business|startup|org)\b|\bpara (mi|nuestra|nuestro) (empresa|equipo)\b|\bpour (mon|notre) (equipe|entreprise|societe)\b|\bfur (mein|unser|unsere) (team|unternehmen|firma)\b/, 0.4],
];

/** A refusal of sales contact ("no thanks, not interested in a demo") is not a lead. */
export const NOT_INTERESTED = /\bnot interested\b|\bno (thanks|thank you|gracias|merci|danke)\b|\bpas interesse\b|\bkein interesse\b|\bno me interesa\b/;

/** A hedged wish ("maybe someday have sales call me") is worth asking about before acting on. */
export const HEDGED = /\b(maybe|perhaps|not sure|one day|some ?day|sometime|at some point|i guess|possibly|quizas|tal vez|peut-etre|vielleicht)\b/;
