import type { LanguageCues } from '../cues.ts';

/**
 * English beyond the keyword rules in `../<tool>.ts`: problems described by what
 * happens rather than named, requests for an action only a person can take, and
 * billing questions in customers' own words.
 */
export const EN: LanguageCues = {
  capture_lead: [
    [0.85, ['give me a ring', 'callback', 'call back', 'sales rep', 'have someone call', 'a quick call', 'meeting with']],
    [0.85, ['proposal', 'enterprise contract', 'enterprise plan', 'enterprise pricing', 'enterprise tier']],
    // Evaluating the product and asking to be shown it.
    [0.6, ['show us', 'show me how', 'evaluating', 'shortlisting', 'comparing vendors']],
    // Asking for a salesperson to write or call, in so many words.
    [0.85, ['have a rep', 'have sales', 'have someone reach out', 'sales team reach out', 'get a rep']],
    // Asking to be shown the product.
    [0.8, ['walk us through', 'walk me through', 'show us around']],
    // Interest in a package, plan or tier, named as such.
    [0.6, ['interested in the', 'interested in a', 'interested in an']],
    // Wanting to try a plan before buying it.
    [0.6, ['want to try the', 'like to try the', 'want to trial', 'like to trial', 'try out the', 'try the pro']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['we are looking for', "we're looking for", 'looking for a tool', 'looking for a solution', 'looking for a platform', 'like to learn more', 'want to learn more', 'find out more about']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['we want to set up', 'we want to add a', 'want to implement', 'planning to roll out', 'want to roll out', 'we need a chat']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['we need something to', 'we need a chatbot', 'need a chatbot', 'want a chatbot', 'a chatbot for our', 'chat widget for our']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['hard to read', 'too small to read', 'spelling error', 'misspelled', 'wrong colour', 'wrong color', 'wrong shade', 'slightly off']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['you should let us', 'should let us pick', 'would be really helpful', 'would be helpful if', 'would be really nice', 'can barely read', 'can barely see', 'sticks out', 'charged ... two times', 'two times on']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ["doesn't add up", 'does not add up', 'please correct', 'invoice says', 'nobody receives', 'none of our customers receive', 'can you do it for me', 'please do it for me']],
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
    [0.9, ['two payments', 'charged twice', 'billed twice', 'charged ... twice', 'paid twice', 'instead of', 'take ... twice', 'took ... twice', 'taken ... twice', 'debited ... twice', 'deducted ... twice']],
    [0.9, ['subject access request', 'data you store about me', 'data you hold', 'personal information about me', 'delete my data', 'erase my data', 'right to be forgotten']],
    // A law named alone may be a question about it ("do you handle GDPR?"); a request says what to do.
    [0.4, ['gdpr', 'ccpa', 'data protection', 'rgpd', 'lgpd', 'lopd', 'dsgvo', '152-фз', 'appi']],
    [0.9, ["i didn't do that", "didn't write", 'not me', 'guessed my password', 'someone logged', 'someone accessed', 'hacked', 'compromised', 'unauthori*']],
    [0.85, ['change the card', 'update the card', 'change our card', 'update the billing address', 'update our billing', 'change the billing', 'cancel my subscription now', 'cancel it now', 'delete my account']],
    [0.85, ['nothing on my card', "haven't received", 'still not', 'still no', 'never received', 'was promised', 'you told me']],
    [0.75, ['look into it', 'looks weird', 'look weird', 'suspended', 'keeps getting', 'keep getting', 'cut off', 'misaligned', 'pixelated', 'typo', 'says 0']],
    // A feature asked for is a (low-priority) ticket.
    [0.85, ['feature request', 'please add', 'could you add', 'can you add', 'would love to see', 'it would be great if', 'would be nice if', 'wish it had', 'wish there was']],
    // Doing by hand what the product should: a fault with a workaround.
    [0.7, ['by hand', 'manually', 'for a week', 'for days']],
    // Data-protection requests in their own words.
    [0.85, ['requesting a copy', 'request a copy', 'a copy of all', 'personal information you', 'personal data you', 'information you have collected', 'data you have collected', 'data you collected']],
    // An amount the customer cannot account for.
    [0.85, ["where's the extra", 'where is the extra', 'why was i charged', 'why am i being charged', 'why did you charge', 'sort this out', 'sort it out', 'more than my plan']],
    // Symptoms without a problem word.
    [0.8, ['mixed up', 'spinning', 'forever', 'go to spam', 'goes to spam', 'going to spam', 'spam folder', 'are gone', 'is gone', 'have gone', 'has gone', 'overlap*', 'covers our', 'covers the', 'after i cancelled', 'after i canceled', 'after cancelling']],
    // Twice.
    [0.45, ['twice', 'two times']],
    [0.85, ['close my account', 'close our account', 'remove my account', 'erase my account', 'delete our account', 'delete my profile']],
    // Our customers: whom a fault hits (weak alone, since a sales question names them too).
    [0.45, ['our customers', 'our users', 'my customers', 'our clients']],
    // Someone else's data shown, a state that contradicts what happened, an action asked of us.
    [0.8, ['someone else', 'still shows', 'still says', 'still showing', 'even though i', 'please change', 'pls change', 'plz change', 'pls fix', 'plz fix', 'pls correct', 'billed for', 'but only have']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['would help if', 'an option to', 'add support for', 'supported file', 'would be great to have']],
    // Someone else signed in.
    [0.9, ['logged into my account', 'logged in to my account', 'logged in from', 'login from']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['blurry', 'fuzzy', 'low-res']],
    // Empty where content was, loops, rejected cards.
    [0.8, ['are blank', 'is blank', 'are empty', 'is empty', 'loops', 'redirect loop', 'reject*', 'service ends', 'will be suspended', 'will be cut off']],
    // Customers report it: a fault told at second hand.
    [0.8, ['customers say', 'customers tell', 'users say', 'users tell', 'clients say', 'people tell us']],
    // Colloquial faults.
    [0.8, ['acting up', 'wonky', 'messed up', 'screwed up', 'borked', 'janky', "won't let me", "doesn't let me", 'nothing happens', 'not firing', 'stopped firing', 'glitchy']],
    [0.55, ["can't", 'cannot']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['offline', 'hours late', 'arrive late', 'arrives late', 'useless', 'downtime', 'a mess']],
    // A count that reads zero, or contradicts what happened.
    [0.75, ['shows ... 0', 'says ... 0', 'say ... 0', 'showing ... 0', 'half ... half']],
    [0.45, ['although']],
    // Something removed by mistake, to be restored.
    [0.85, ['accidentally deleted', 'deleted by mistake', 'restore', 'recover', 'undo']],
    // A promised credit that never came, an answer to correct.
    [0.85, ['promised a credit', 'credit for', 'never showed up', 'never came', 'fix the answers', 'fix the', 'the bot told']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['returns nothing', 'shows nothing', 'nothing comes up', 'no results', 'nothing on my', "there's nothing", 'there is nothing']],
    // Passive and progressive negatives: "aren't being sent".
    [0.85, ['not being', "aren't being", "isn't being", "weren't being", "aren't sent", "aren't sending", "isn't sending", "isn't saving", "aren't saving"]],
    // Charged without notice or consent.
    [0.9, ['without notice', 'without warning', 'without asking', 'without my consent', 'charged after']],
    // Asked to do something only a person can, reloading loops, sign-outs, a bot handing out wrong details.
    [0.85, ['please switch', 'refund the', 'i was told', 'just refreshes', 'refreshes', 'reloads', 'signed out', 'randomly', 'giving out', 'competitor']],
    [0.45, ['the bot', 'our bot', 'your bot']],
    // Suddenly: something changed on its own.
    [0.75, ['suddenly', 'all of a sudden', 'out of nowhere']],
    // Mail landing in spam.
    [0.8, ['in spam', 'into spam', 'junk folder']],
    // Asking for a person to talk something over.
    [0.85, ['talk to a human', 'speak to a human', 'talk to a person', 'speak to a person']],
    // Asking us to look at a report passed on from someone else (weak alone: "take a look at my invoice" stays a lookup).
    [0.55, ['take a look', 'have a look', 'look at this', 'check this out', 'someone look', 'somebody look']],
    // A report forwarded from a colleague: the problem is in the quoted part, the ask in the user's own words.
    [0.45, ['forwarding', 'fwd', 'forwarded', 'passing this on', 'passing on']],
    // Getting someone back into their account: a lock-out told for them.
    [0.85, ['get her back in', 'get him back in', 'get me back in', 'get us back in', 'get them back in', 'let me back in', 'let her back in', 'let him back in']],
    // A takeover told by its signs: an alert, a device nobody knows, details changed by someone else.
    [0.9, ['sign-in alert', 'login alert', 'log-in alert', 'security alert', 'new device', 'new sign-in', "don't recognise", "don't recognize", 'do not recognise', 'do not recognize', 'none of us recognise', 'none of us recognize', 'nobody recognises', 'nobody recognizes', 'no one on our team recogni*', 'someone changed', 'somebody changed', 'recovery phone', 'recovery email']],
    // Records going away while you watch.
    [0.85, ['fewer and fewer', 'less and less', 'keeps dropping', 'keep disappearing', 'keeps disappearing']],
    // Changes to invoices and accounts only a person can make.
    [0.85, ['change the payer', 'change the company name', 'reissue', 're-issue', 'need you to change', 'need you to update']],
    // A control that does nothing when used, and no other way round it.
    [0.8, ['does nothing', 'did nothing', 'do nothing', 'no other way']],
    // Turning people away, a paper list as a backup: a fault told by its workaround.
    [0.85, ['turning people away', 'turning ppl away', 'turn people away', 'paper list', 'as a backup', 'not on my roster', 'not on the roster', 'not on the list']],
    // An invoice made out to another name: only a person can re-issue it.
    [0.85, ['in the name of our other', 'under our other company', 'to our other company', 'redo the invoice', 'correct the invoice', 'make out the invoice']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['my old number', 'my old phone', 'old phone number']],
    // Asking us to put right an amount that came without explanation.
    [0.85, ['without explanation', 'without any explanation', 'with no explanation']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['add ... to the invoice', 'add ... to our invoice', 'add ... on the invoice', 'put ... on the invoice', 'put ... on the invoices', 'put ... on our invoices', 'include ... on the invoice', 'split the invoice', 'switch us to', 'switch me to', 'change ... on the invoice']],
    // The same charge taken twice, told as two identical charges.
    [0.9, ['two identical', 'identical charges', 'two of the same charge', 'same charge twice', 'two same charges', 'duplicate charge*', 'duplicate payment*']],
  ],
  check_billing: [
    [0.9, ['my balance', 'amount due', 'due date', 'payment due', 'renewal date', 'billing history', 'payment history', 'last charge', 'latest charge', 'how much did i pay', 'how much did we pay', 'how much was i charged', 'was i charged', 'have i paid', 'paid yet', 'tax invoice', 'vat invoice', 'send me my invoice', 'download my invoice', 'copy of my invoice', 'copy of invoice', 'what am i paying', 'my subscription', 'current plan', 'trial end*', 'when does my trial', 'went through', 'go through']],
    [0.9, ['past due', 'last payments', 'last ... payments', 'next bill', 'update on my refund', 'refund ... processed', 'refund status', 'status of my refund', 'trial converts', 'what do i owe', 'paid?']],
    [0.8, ['vat', 'gst', 'tax', 'account active']],
    [0.9, ['what did i pay', 'what did we pay', 'did i pay', 'did we pay', 'paid up', 'how much do i pay', 'how much do we pay']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['which card', 'card on file', 'trial over', 'trial expire*', 'when does my trial', 'where is my refund', "where's my refund", 'refund at', 'good standing', 'account status', 'am i paying', 'are we paying', 'seats am i']],
    [0.85, ['statement', 'how much was', 'what was the charge', 'auto-renew*', 'autorenew*', 'my bill']],
    // What the total comes to this month.
    [0.85, ['monthly total', 'current total', 'get billed', 'billed yet', 'been billed', 'charged yet']],
    [0.9, ['what tier', 'which tier', 'tier are we', 'tier am i']],
    [0.8, ['on my card', 'on my statement', 'on our card']],
    // What the next charge will be, asked in the future tense.
    [0.9, ['will i be charged', 'will we be charged', 'going to be charged', 'will be charged next', 'will i be billed', 'will we be billed', 'will you charge']],
    // Billing questions asked inside another sentence ("tell me what we paid"), without the question's auxiliary.
    [0.9, ['what we paid', 'what i paid', 'how much we paid', 'how much i paid', 'what we owe', 'what i owe', 'how much we owe', 'how much i owe', 'when we were charged', 'when i was charged', "what we're paying", 'what we are paying', 'what card', 'card are you charging']],
    // Whether a payment went through, typed as it is said.
    [0.9, ['go thru', 'went thru', 'gone thru', 'payment pending', 'says pending', 'still pending']],
    // Late fees are a question about the bill, not a delay to fix.
    [0.9, ['late fee*', 'late charge*', 'late payment fee*']],
    // When the next payment is taken, in everyday words.
    [0.9, ['taking money', 'take money off', 'money off my card', 'next debit', 'next direct debit', 'next payment come out', 'next payment go out', 'next payment leave']],
    // What the next charge takes, what is still owed, where a refund is, in everyday words.
    [0.9, ['how much ... going to take', 'how much will you take', 'how much are you taking', 'come out of my account', 'comes out of my account', 'come off my card', 'taken from my account', 'take from my card', 'do i owe', 'do we owe', 'do i still owe', 'do we still owe']],
  ],
};
