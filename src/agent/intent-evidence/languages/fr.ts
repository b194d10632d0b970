import type { LanguageCues } from '../cues.ts';

/** French (France and Québec) beyond the keyword rules in `../<tool>.ts`. */
export const FR: LanguageCues = {
  capture_lead: [
    [0.85, ["qu'un commercial", 'un commercial', 'les sales', 'un meeting', 'un rendez-vous', 'demande de demo', 'nous contacter', 'me rappeler', 'tester votre']],
  ],
  escalate_ticket: [
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['pourquoi on ne peut pas', "pourquoi il n'y a pas moyen", 'pourquoi je ne peux pas', 'suggestion', 'ce serait bien', 'ce serait pratique', 'ce serait top', 'serait utile', 'pourriez-vous ajouter', 'vous pourriez ajouter', 'nouvelle fonctionnalité', 'se chevauche*', 'faute de frappe']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["ne charge pas", "ne s'affiche pas", "n'arrive pas", "n'arrivent pas", "ne s'envoie pas", "n'enregistre pas", "page blanche", "écran blanc", "bloqué", "bloquée", "planté", "rame", "en panne", "depuis ce matin", "depuis hier", "depuis des heures", "à chaque fois", "clients se plaignent", "on perd", "prélevé", "débité", "en double"]],
    [0.85, ['ne fonctionne', 'ne marche', 'ne charge', "n'arrive pas", "je n'arrive", 'impossible de', 'erreur', 'en panne', 'bloque', 'facture en trop', 'preleve en trop', 'prelevement en double', 'je ne reconnais pas', 'tous nos clients', 'aucun client', 'personne ne peut', 'supprimer mon compte', 'changer la carte', 'changez la carte', 'corriger', 'reglez']],
    // Asking for a refund (not asking where one is) needs a person.
    [0.85, ['je veux un remboursement', 'rembourser', 'remboursez']],
    [0.95, ['preleve ... deux fois', 'deux prelevements', 'facture deux fois', 'debite ... deux fois', "n'a plus acces", 'plus acces', 'plus aucun']],
    [0.9, ['ne peut envoyer', 'ne peut plus', 'ne peuvent plus', 'tourne dans le vide', 'ne charge pas', 'ne s\'affiche', 'bug*', 'plante']],
    [0.9, ["quelqu'un a change", "quelqu'un s'est connecte", 'pirate', 'supprimer mes donnees', 'effacer mes donnees', 'mes donnees personnelles', 'resilier']],
    [0.85, ['toujours pas recu', "n'ai toujours pas", 'pas encore recu']],
    [0.7, ['est refuse', 'refuse a chaque', 'sera coupe', 'renvoie toujours', 'couleur', 'pas tout a fait', 'lent', 'parfois']],
  ],
  check_billing: [
    [0.9, ['ma facture', 'mes factures', 'mon recu', 'mon solde', 'combien je dois', 'combien ai-je paye', 'quand serai-je preleve', 'quand suis-je preleve', 'date de renouvellement', 'prochain paiement', 'mon forfait', 'historique de paiement*', 'bien passe', 'bien ete paye']],
    [0.9, ['combien je vous dois', 'je vous dois', 'quelle formule', 'mon paiement', 'prochain prelevement', 'prochaine facture', 'mon abonnement', 'mon remboursement']],
    [0.75, ['tva']],
  ],
};
