import type { LanguageCues } from '../cues.ts';

/**
 * English beyond the keyword rules in `../<tool>.ts`: problems described by what
 * happens rather than named, requests for an action only a person can take, and
 * billing questions in customers' own words.
 */
export const EN: LanguageCues = {
  capture_lead: [
    [0.85, ['give me a ring', 'callback', 'call back', 'sales rep', 'have someone call', 'a quick call', 'meeting with']],
  ],
  escalate_ticket: [
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['why is there no way', "why can't i", 'why cant i', "why isn't there", 'why is it not possible', 'feature request', 'feature suggestion', 'suggestion', 'would be nice', 'would be great', "it'd be nice", "it'd be great", 'would love to see', 'please add a', 'please add an', 'could you add a', 'could you add an', 'can you add a', 'can you add an', 'add an option', 'add a way', 'wish there was', 'overlap*', 'blurry', 'spelling mistake', 'looks off', 'hard to read']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["won't load", "doesn't load", "loading forever", "keeps loading", "keeps spinning", "spinning wheel", "hangs", "stuck at", "stuck in", "blank page", "empty page", "comes up empty", "nothing shows", "not showing up", "doesn't show", "don't show", "not going through", "won't go through", "internal server error", "bad gateway", "500 error", "timed out", "timeout*", "access denied", "permission denied", "keeps logging", "kicked out", "disconnect*", "not delivered", "undelivered", "went missing", "got wiped", "wiped", "corrupt*", "garbled", "out of sync", "doesn't match", "duplicated", "doubled", "charged for", "charged again", "taken twice", "since this morning", "since yesterday", "since last night", "for hours", "all day", "every time i", "each time i", "customers report*", "users report*", "losing sales", "losing money", "lost orders"]],
    [0.85, ['not able to', 'unable to', 'keeps failing', 'keeps crashing', 'error message', 'went down', 'is down', 'outage', 'glitch', 'frozen', 'overcharged', 'wrong amount', 'extra charge', 'unexpected charge', 'charged me', "didn't authori*", 'fraud*', 'suspicious', 'breach', 'locked out', 'reset link', 'verification code', 'please fix', 'fix this', 'investigate']],
    [0.85, ['all our customers', 'all of our customers', 'every customer', 'nobody can', 'no one can', 'none of our', 'customers are complaining', "customers can't", 'shows 0', 'shows zero', 'wrong data', 'bounced', 'not arriving', 'delayed', 'close my account', 'remove my account', 'delete all my data', 'copy of my data', 'export my data', 'change my email', 'update my email', 'transfer ownership']],
    // Asking for a refund (not asking where one is) needs a person.
    [0.85, ['i want a refund', 'want my money back', 'need a refund', 'refund me', 'like a refund', 'request a refund']],
    [0.85, ['not loading', 'not loaded', "hasn't loaded", 'not showing', 'not sending', 'not syncing', 'not receiving', 'stopped', 'no longer']],
    [0.9, ['times out', 'timing out', 'returns 5', 'spinner forever', 'logs me out', 'logged out', 'vanishing', 'disappearing', 'dropping', 'completely dead', 'can not process', "can't process", 'stuck on']],
    [0.9, ['two payments', 'charged twice', 'billed twice', 'charged ... twice', 'paid twice', 'instead of']],
    [0.9, ['subject access request', 'data you store about me', 'data you hold', 'personal information about me', 'delete my data', 'erase my data', 'right to be forgotten']],
    // A law named alone may be a question about it ("do you handle GDPR?"); a request says what to do.
    [0.4, ['gdpr', 'ccpa', 'data protection', 'rgpd', 'lgpd', 'lopd', 'dsgvo', '152-фз', 'appi']],
    [0.9, ["i didn't do that", "didn't write", 'not me', 'guessed my password', 'someone logged', 'someone accessed', 'hacked', 'compromised', 'unauthori*']],
    [0.85, ['change the card', 'update the card', 'change our card', 'update the billing address', 'update our billing', 'change the billing', 'cancel my subscription now', 'cancel it now', 'delete my account']],
    [0.85, ['nothing on my card', "haven't received", 'still not', 'still no', 'never received', 'was promised', 'you told me']],
    [0.75, ['look into it', 'looks weird', 'look weird', 'suspended', 'keeps getting', 'keep getting', 'cut off', 'misaligned', 'pixelated', 'typo', 'says 0']],
  ],
  check_billing: [
    [0.9, ['my balance', 'amount due', 'due date', 'payment due', 'renewal date', 'billing history', 'payment history', 'last charge', 'latest charge', 'how much did i pay', 'how much did we pay', 'how much was i charged', 'was i charged', 'have i paid', 'paid yet', 'tax invoice', 'vat invoice', 'send me my invoice', 'download my invoice', 'copy of my invoice', 'copy of invoice', 'what am i paying', 'my subscription', 'current plan', 'trial end*', 'when does my trial', 'went through', 'go through']],
    [0.9, ['past due', 'last payments', 'last ... payments', 'next bill', 'update on my refund', 'refund ... processed', 'refund status', 'status of my refund', 'trial converts', 'what do i owe', 'paid?']],
    [0.8, ['vat', 'gst', 'tax', 'account active']],
  ],
};
