import type { LanguageCues } from '../cues.ts';

/** German (Germany, Austria, Switzerland) beyond the keyword rules in `../<tool>.ts`. */
export const DE: LanguageCues = {
  capture_lead: [
    [0.85, ['ein kurzes call', 'ein gespräch', 'rückruf', 'rufen sie mich', 'angebot für', 'preise für', 'interessieren uns']],
    [0.85, ['produktvorstellung', 'präsentation', 'einen termin']],
    // Asking for an adviser to get in touch, and whether there is a trial before buying.
    [0.85, ['soll sich ... melden', 'berater', 'meldet euch', 'melden sie sich', 'ruft mich an', 'rufen sie mich an', 'gibt es eine testphase', 'gibt es eine testversion']],
    // Wanting to try a plan before buying it.
    [0.6, ['möchten ... testen', 'würden gern ... testen', 'würden gerne ... testen', 'möchte ... ausprobieren', 'möchten ... ausprobieren']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['wir suchen', 'suchen ein', 'suchen eine', 'auf der suche nach', 'mehr erfahren', 'mehr über ihr']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['möchten ... einführen', 'wollen ... einführen', 'möchten ... einsetzen', 'wollen ... einsetzen']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['wir bräuchten einen', 'einen chat für', 'einen chatbot für']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['rechtschreibfehler', 'tippfehler', 'schwer zu lesen', 'schlecht lesbar', 'zu klein', 'falsche farbe', 'verrutscht']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['könntet ihr', 'wäre hilfreich', 'wäre schön, wenn', 'es wäre toll', 'kaum lesbar', 'abgeschnitten', 'zweimal abgebucht']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['stimmt nicht', 'bitte korrigieren', 'keiner unserer kunden', 'niemand bekommt', 'kommen nicht an', 'macht das für mich', 'für mich ändern', 'könnt ihr das']],
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['warum kann man nicht', 'warum gibt es keine möglichkeit', 'wieso kann man nicht', 'vorschlag', 'verbesserungsvorschlag', 'funktionswunsch', 'wäre super', 'wäre schön', 'wäre toll', 'wäre praktisch', 'könntet ihr ... hinzufügen', 'bitte fügt', 'neue funktion', 'überlapp*', 'tippfehler']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["lädt nicht", "wird nicht angezeigt", "kommt nicht an", "kommen nicht an", "nicht gesendet", "speichert nicht", "weiße seite", "leere seite", "stürzt ab", "abgestürzt", "nicht erreichbar", "geht gar nichts", "seit heute morgen", "seit gestern", "seit stunden", "jedes mal", "kunden beschweren", "wurde abgebucht", "wurden abgebucht", "hat ... abgebucht", "habt ... abgebucht", "haben ... abgebucht", "trotzdem abgebucht", "wieder abgebucht", "zweimal"]],
    [0.85, ['funktioniert nicht', 'geht nicht', 'lädt nicht', 'kann nicht', 'nicht möglich', 'fehlgeschlagen', 'gesperrt', 'zu viel abgebucht', 'falsch abgebucht', 'falscher betrag', 'nicht autorisiert', 'alle unsere kunden', 'alle kunden', 'kein kunde', 'niemand kann', 'konto löschen', 'karte ändern', 'bitte beheben', 'bitte prüfen']],
    // Asking for a refund (not asking where one is) needs a person.
    [0.85, ['möchte eine rückerstattung', 'erstatten sie', 'geld zurück']],
    [0.95, ['zweimal abgebucht', 'doppelt abgebucht', 'zweimal ... abgebucht', 'zweimal belastet', 'komme nicht mehr in', 'komme nicht in', 'kein zugriff', 'kein zugang']],
    [0.9, ['tut einfach nichts', 'passiert einfach nichts', 'fehler*', 'hängt', 'hängen', 'klappt nicht', 'lädt nicht', 'abgestürzt', 'geht zurück', 'gehackt', 'niemand von uns', 'unbekannte']],
    [0.9, ['ändern sie', 'bitte ändern', 'daten löschen', 'meine daten', 'auskunft nach', 'kündigen sie', 'bitte kündigen']],
    [0.85, ['noch nicht erhalten', 'immer noch nicht', 'nicht angekommen']],
    [0.7, ['statt', 'manchmal', 'langsam', 'verschoben', 'farbe']],
    [0.8, ['leere', 'leeres', 'leer']],
    // No longer, none any more, deletion: in any person.
    [0.85, ['nicht mehr', 'keine ... mehr', 'kein ... mehr', 'keine antwort*', 'bekommen keine', 'erhalten keine', 'lösch*', 'gelöscht']],
    [0.7, ['zweimal', 'doppelt']],
    [0.45, ['unsere kunden', 'meine kunden']],
    // Wrong in any ending, charged although cancelled.
    [0.8, ['falsch*', 'belastet', 'obwohl ich']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['wäre toll', 'wäre schön', 'wäre gut', 'wäre praktisch', 'wenn man ... könnte', 'bitte fügen', 'fehlt eine funktion']],
    // Someone else signed in.
    [0.9, ['jemand hat sich', 'eingeloggt', 'unbekanntes gerät', 'fremde anmeldung']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['unscharf', 'verschwommen', 'pixelig']],
    // German puts the verb last in a subordinate clause: "dass es nicht öffnet".
    [0.9, ['nicht öffnet', 'nicht lädt', 'nicht funktioniert', 'nicht geht', 'nicht ankommt', 'nicht ankommen', 'nicht angezeigt wird', 'nicht klappt', 'nicht mehr geht']],
    // Customers report it: a fault told at second hand.
    [0.8, ['kunden melden', 'kunden sagen', 'kunden berichten', 'nutzer melden', 'abgelehnt', 'wird bald gesperrt']],
    // Colloquial: acting up, on strike, thrown out.
    [0.85, ['spinnt', 'streikt', 'zickt', 'ausgeloggt', 'rausgeworfen', 'rausgeflogen', 'bekomme keine', 'erhalte keine', 'kriege keine']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['zu spät', 'verspätet', 'verzögert', 'offline']],
    // A count that reads zero, or contradicts what happened.
    [0.75, ['zeigt ... 0', 'obwohl']],
    // Something removed by mistake, to be restored.
    [0.85, ['wiederherstell*', 'versehentlich', 'aus versehen', 'korrigieren']],
    // Separable verbs split by the sentence: "stürzt beim Start ab".
    [0.85, ['stürzt ... ab', 'bricht ... ab', 'hängt ... auf', 'fällt ... aus', 'lädt ... neu', 'meldet ... ab', 'fliegt ... raus']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['keine ergebnisse', 'liefert keine', 'findet nichts', 'zeigt nichts']],
    // Charged without notice or consent.
    [0.9, ['ohne vorwarnung', 'ohne zustimmung', 'ohne ankündigung', 'ungefragt']],
    [0.75, ['konkurrent*', 'der bot nennt', 'der bot gibt']],
    // Suddenly: something changed on its own.
    [0.75, ['plötzlich', 'auf einmal']],
    // Mail landing in spam.
    [0.8, ['im spam', 'spamordner', 'spam-ordner']],
    // Asking for a person to talk something over.
    [0.85, ['mit einem menschen', 'mit einem mitarbeiter', 'mit jemandem sprechen', 'mit einer person']],
    // Cannot, in any person and word order; gone; odd characters; store a new card.
    [0.8, ['lässt sich ... nicht', 'können ... nicht', 'können ... nicht', 'sind weg', 'ist weg', 'komische*', 'hinterlegen sie', 'bitte hinterlegen']],
    // Data requests, card changes, wrong details, things gone.
    [0.85, ['kopie aller daten', 'über mich', 'kreditkarte ändern', 'zahlungsmethode ändern', 'möchte ... ändern', 'stimmt nicht', 'verschwunden', 'von meinem konto', 'wäre super']],
    [0.7, ['verrutscht']],
    // Asking us to look at a report passed on from someone else (weak alone).
    [0.55, ['jemand anschauen', 'jemand ansehen', 'wer anschauen', 'wer ansehen', 'sich das ... anschauen', 'sich das ... ansehen', 'schaut euch', 'schauen sie sich', 'mal anschauen', 'mal ansehen', 'weitergeleitet']],
    // Records going away while you watch.
    [0.85, ['verschwind*', 'immer weniger', 'laufend weniger', 'nix mehr da', 'nichts mehr da']],
    // Changes only a person can make, asked of us.
    [0.85, ['umstellen', 'umschreiben', 'bitte ändern', 'ändern sie', 'macht das für mich', 'macht das bitte', 'für mich erledigen']],
    // A control that does nothing when used.
    [0.8, ['passiert nichts', 'tut sich nichts', 'reagiert nicht']],
    // Freezes, stragglers, typed in again by hand: a fault with a workaround.
    [0.85, ['friert', 'einfrieren', 'eingefroren', 'jedes zweite mal', 'jedes dritte mal', 'jedes fünfte mal', 'jedes zehnte mal', 'händisch', 'von hand', 'nachtippen', 'tippen ... nach', 'manche gar nicht', 'manche gar ned']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['neu ausstellen', 'rechnung ... umschreiben', 'auf unsere andere firma', 'auf eine andere firma', 'auf den namen', 'rechnung korrigieren', 'korrigierte rechnung']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['bestätigungscode', 'verifizierungscode', 'meine alte nummer', 'meine alte handynummer', 'mein altes handy']],
    // Asking us to put right an amount that came without explanation.
    [0.85, ['ohne erklärung', 'ohne jede erklärung', 'richtigstellen']],
    // Charged on a free plan, or charged anyway.
    [0.9, ['trotzdem ... abgebucht', 'trotzdem ... berechnet', 'kostenlos* ... abgebucht', 'gratis ... abgebucht']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['auf der rechnung ergänzen', 'auf der rechnung hinzufügen', 'auf die rechnung setzen', 'auf die rechnung schreiben', 'rechnung ... ergänzen', 'rechnung ... aufteilen', 'rechnung ... hinzufügen']],
    // Nothing works any more.
    [0.85, ['geht nichts mehr', 'nichts geht mehr', 'geht gar nichts', 'geht gar nicht']],
    // The same charge taken twice, told as two identical charges.
    [0.9, ['zwei gleiche', 'zwei identische', 'doppelte abbuchung*', 'doppelte belastung*']],
  ],
  check_billing: [
    [0.9, ['meine rechnungen', 'mein guthaben', 'offene rechnung*', 'wie viel schulde', 'wieviel schulde', 'wann wird abgebucht', 'wann wird ... abgebucht', 'nächste rechnung', 'mein abo', 'mein tarif', 'zahlung ... durchgegangen', 'zahlung ... angekommen', 'zahlungsverlauf', 'ist bezahlt', 'bezahlt?']],
    [0.9, ['welchen tarif', 'tarif hab', 'welcher tarif', 'stand meiner', 'meine rechnung', 'nächste abbuchung', 'nächste zahlung', 'offener betrag']],
    [0.75, ['mwst', 'mehrwertsteuer', 'ust']],
    [0.9, ['offene betr*', 'offenen betr*', 'noch offen', 'eingezogen', 'abbuchung', 'lastschrift']],
    [0.9, ['eingegangen', 'wie hoch ist meine', 'wie viel zahle', 'wieviel zahle']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['welche karte', 'hinterlegt', 'testphase', 'bis wann läuft', 'erstattung schon', 'erstattung ... unterwegs', 'stand der erstattung']],
    [0.85, ['mein vertrag', 'meinen vertrag', 'meines vertrags', 'vertragslaufzeit', 'beleg*']],
    // What the total comes to this month.
    [0.85, ['monatssumme', 'gesamtbetrag', 'summe', 'monatlich zahlen']],
    [0.9, ['welches paket', 'paket haben', 'welchen plan', 'welcher plan']],
    [0.9, ['erstattung ... bearbeitet', 'verlängert sich', 'wann verlängert']],
    // What will be taken next, and one's own trial.
    [0.9, ['wird ... abgebucht', 'nächste abbuchung', 'nächsten monat abgebucht', 'meine testphase', 'unsere testphase', 'testphase ... endet', 'testphase ... läuft ... ab']],
    // Late fees are a question about the bill, not a delay to fix.
    [0.9, ['mahngebühr*', 'säumniszuschlag*', 'verzugszinsen', 'verspätungsgebühr*']],
    // What the next charge takes, what is still owed, where a refund is, in everyday words.
    [0.9, ['wie viel zieht', 'wieviel zieht', 'zieht ihr ... ein', 'zieht ... ein', 'ziehen sie ... ein', 'schulde ich', 'schulden wir', 'wo bleibt meine rückerstattung', 'wo bleibt die rückerstattung', 'wo bleibt meine erstattung']],
    // A charge seen on the caller's own card or statement.
    [0.8, ['auf meiner karte', 'auf meinem kontoauszug', 'von meiner karte']],
  ],
};
