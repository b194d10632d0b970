import type { LanguageCues } from '../cues.ts';

/** French (France and Québec) beyond the keyword rules in `../<tool>.ts`. */
export const FR: LanguageCues = {
  capture_lead: [
    [0.85, ["qu'un commercial", 'un commercial', 'les sales', 'un meeting', 'un rendez-vous', 'demande de demo', 'nous contacter', 'me rappeler', 'tester votre']],
    [0.85, ['soumission', 'combien ... couter*', 'combien ... coute*', 'une presentation']],
    [0.85, ['une offre pour', 'recevoir une offre', 'une proposition commerciale']],
    [0.45, ['postes', 'licences']],
    // Whether there is a trial before buying.
    [0.6, ["y a-t-il une période d'essai", "avez-vous une période d'essai", "il y a une période d'essai"]],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['nous cherchons', 'on cherche un', 'on cherche une', 'à la recherche d', 'en savoir plus']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['mettre en place', 'nous voulons installer', 'on veut installer', 'on aimerait installer']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['nous voudrions un chatbot', 'un chatbot pour', 'nous voudrions un outil', 'il nous faut un chatbot']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['faute d\'orthographe', 'coquille', 'difficile à lire', 'mal aligné', 'trop petit', 'mauvaise couleur']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['vous pourriez faire', 'ce serait utile', 'pourriez-vous faire', 'on lit à peine', 'dépasse de l\'écran', 'facturé deux fois']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['ne correspond pas', 'aucun de nos clients', 'personne ne reçoit', 'ne reçoivent', 'faites-le pour moi', 'pouvez-vous le faire']],
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
    [0.9, ['effacer ... donnees', 'supprimer ... donnees', 'donnees me concernant', "droit a l'oubli", "droit d'acces"]],
    // A display fault, a small worry.
    [0.75, ["souci d'affichage", 'souci', 'soucis', 'affichage', 'mal affiche', 'en carre']],
    // No longer, twice, deletion, in any person.
    [0.85, ["ne s' ... plus", 'ne se ... plus', "n'arrive plus", "n'arrivent plus", 'ne peux plus', 'ne peut plus', 'ne peuvent plus', 'ne charge plus', 'ne recois plus', 'ne recoit plus', 'ne recoivent plus', 'plus rien', 'encaisse ... deux fois', 'supprim*', 'resili*']],
    [0.7, ['deux fois']],
    [0.45, ['nos clients', 'mes clients']],
    [0.75, ['faux', 'fausse', 'errone*', 'incorrect*']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['serait bien', 'serait top', 'ajoutez', 'pourriez-vous ajouter', 'il manque']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['flou', 'floue', 'pixelise*']],
    // Customers report it: a fault told at second hand.
    [0.8, ['clients disent', 'clients signalent', 'clients nous disent']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['en retard', 'hors ligne', 'avec du retard']],
    // Something removed by mistake, to be restored.
    [0.85, ['restaurer', 'par erreur', 'recuperer']],
    // Charged without notice or consent.
    [0.9, ['sans prevenir', 'sans preavis', 'sans mon accord']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['aucun resultat', 'ne trouve rien', "n'affiche rien"]],
    // Suddenly: something changed on its own.
    [0.75, ['soudain', 'tout a coup', 'du jour au lendemain']],
    // Mail landing in spam.
    [0.8, ['dans les spams', 'en spam', 'courrier indesirable']],
    // Asking for a person to talk something over.
    [0.85, ['un humain', 'une vraie personne', 'un conseiller']],
    // Asking us to look at a report passed on from someone else (weak alone).
    [0.55, ['peut regarder', 'pouvez regarder', 'pouvez-vous regarder', 'jeter un oeil', "jeter un coup d'oeil", 'y jeter un', 'transféré', 'je vous transfère']],
    // Records going away while you watch.
    [0.85, ['dispara*', 'de moins en moins']],
    // Changes only a person can make, asked of us.
    [0.85, ['changer le nom', 'modifier la raison sociale', 'merci de changer', 'merci de modifier', 'merci de supprimer', 'faites-le']],
    // A takeover told by its signs.
    [0.9, ["ce n'est pas moi", "ce n'etait pas moi", "n'est plus le mien", 'alerte de connexion', "quelqu'un a changé", "quelqu'un a modifié", 'appareil inconnu']],
    // A control that does nothing when used.
    [0.8, ['ne fait rien', 'il ne se passe rien', 'rien ne se passe']],
    // None of them receives: the negative scope that comes before the verb ("aucun de nos patients ne reçoit").
    [0.85, ['aucun de ... ne', 'aucune de ... ne', "aucun de ... n'", "aucune de ... n'", 'aucun client', 'aucun utilisateur', 'aucun patient', 'aucun salarié', 'ne reçoit', "ne s'affiche"]],
    // One thing shown instead of another (weak alone: it may compare two plans).
    [0.5, ['au lieu de', 'sans accent']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['refaire la facture', 'refaire ma facture', 'réémettre', 'rééditer la facture', 'modifier la facture', 'corriger la facture', 'au nom de notre autre', "au nom d'une autre", "au nom de l'autre", 'changer le nom sur la facture']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['barré de mon compte', 'barrée de mon compte', 'barré hors', 'bloqué hors de mon compte', 'bloquée hors de mon compte', 'code de vérification', 'mon ancien numéro', 'mon ancien cellulaire', 'mon ancien téléphone']],
    // Asking us to put right an amount that came without explanation.
    [0.85, ['merci de régulariser', 'régulariser', 'sans aucune explication', 'sans explication']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['ajouter ... sur la facture', 'ajouter ... à la facture', 'ajoutez ... facture', 'mettre ... sur la facture', 'faire figurer', 'scinder la facture', 'modifier ... sur la facture']],
  ],
  check_billing: [
    [0.9, ['ma facture', 'mes factures', 'mon recu', 'mon solde', 'combien je dois', 'combien ai-je paye', 'quand serai-je preleve', 'quand suis-je preleve', 'date de renouvellement', 'prochain paiement', 'mon forfait', 'historique de paiement*', 'bien passe', 'bien ete paye']],
    [0.9, ['combien je vous dois', 'je vous dois', 'quelle formule', 'mon paiement', 'prochain prelevement', 'prochaine facture', 'mon abonnement', 'mon remboursement']],
    [0.75, ['tva']],
    [0.9, ['mon dernier prelevement', 'dernier prelevement', 'prelevement ... passe']],
    [0.9, ['echeance', 'montant de ma', 'montant de mon', 'montant du prochain', 'mes factures']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['quelle carte', 'carte enregistree', "periode d'essai", 'mon essai']],
    // What will be taken next, and one's own trial.
    [0.9, ['combien je vais payer', 'combien vais-je payer', 'combien ... prélevé', 'prochain prélèvement', "ma période d'essai", "période d'essai ... se termine"]],
    // Late fees are a question about the bill, not a delay to fix.
    [0.9, ['frais de retard', 'pénalités de retard', 'pénalité de retard', 'reste à payer', 'reste-t-il à payer']],
    // A charge seen on the caller's own card or statement.
    [0.8, ['sur ma carte', 'sur mon relevé']],
  ],
};
