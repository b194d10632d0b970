import type { LanguageCues } from '../cues.ts';

/** German (Germany, Austria, Switzerland) beyond the keyword rules in `../<tool>.ts`. */
export const DE: LanguageCues = {
  capture_lead: [
    [0.85, ['ein kurzes call', 'ein gespräch', 'rückruf', 'rufen sie mich', 'angebot für', 'preise für', 'interessieren uns']],
  ],
  escalate_ticket: [
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['warum kann man nicht', 'warum gibt es keine möglichkeit', 'wieso kann man nicht', 'vorschlag', 'verbesserungsvorschlag', 'funktionswunsch', 'wäre super', 'wäre schön', 'wäre toll', 'wäre praktisch', 'könntet ihr ... hinzufügen', 'bitte fügt', 'neue funktion', 'überlapp*', 'tippfehler']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["lädt nicht", "wird nicht angezeigt", "kommt nicht an", "kommen nicht an", "nicht gesendet", "speichert nicht", "weiße seite", "leere seite", "stürzt ab", "abgestürzt", "nicht erreichbar", "geht gar nichts", "seit heute morgen", "seit gestern", "seit stunden", "jedes mal", "kunden beschweren", "abgebucht", "zweimal"]],
    [0.85, ['funktioniert nicht', 'geht nicht', 'lädt nicht', 'kann nicht', 'nicht möglich', 'fehlgeschlagen', 'gesperrt', 'zu viel abgebucht', 'falsch abgebucht', 'falscher betrag', 'nicht autorisiert', 'alle unsere kunden', 'alle kunden', 'kein kunde', 'niemand kann', 'konto löschen', 'karte ändern', 'bitte beheben', 'bitte prüfen']],
    // Asking for a refund (not asking where one is) needs a person.
    [0.85, ['möchte eine rückerstattung', 'erstatten sie', 'geld zurück']],
    [0.95, ['zweimal abgebucht', 'doppelt abgebucht', 'zweimal ... abgebucht', 'zweimal belastet', 'komme nicht mehr in', 'komme nicht in', 'kein zugriff', 'kein zugang']],
    [0.9, ['fehler*', 'hängt', 'hängen', 'klappt nicht', 'lädt nicht', 'abgestürzt', 'geht zurück', 'gehackt', 'niemand von uns', 'unbekannte']],
    [0.9, ['ändern sie', 'bitte ändern', 'daten löschen', 'meine daten', 'auskunft nach', 'kündigen sie', 'bitte kündigen']],
    [0.85, ['noch nicht erhalten', 'immer noch nicht', 'nicht angekommen']],
    [0.7, ['statt', 'manchmal', 'langsam', 'verschoben', 'farbe']],
  ],
  check_billing: [
    [0.9, ['meine rechnungen', 'mein guthaben', 'offene rechnung*', 'wie viel schulde', 'wieviel schulde', 'wann wird abgebucht', 'wann wird ... abgebucht', 'nächste rechnung', 'mein abo', 'mein tarif', 'zahlung ... durchgegangen', 'zahlung ... angekommen', 'zahlungsverlauf', 'ist bezahlt', 'bezahlt?']],
    [0.9, ['welchen tarif', 'tarif hab', 'welcher tarif', 'stand meiner', 'meine rechnung', 'nächste abbuchung', 'nächste zahlung', 'offener betrag']],
    [0.75, ['mwst', 'mehrwertsteuer', 'ust']],
  ],
};
