import type { LanguageCues } from '../cues.ts';

/** Hindi in Devanagari and in the Latin letters of Hinglish chat ("payment success hua?"). */
export const HI: LanguageCues = {
  capture_lead: [
    [0.9, ['डेमो', 'कोटेशन', 'कोट', 'quotation chahiye', 'demo chahiye']],
    [0.8, ['sales wala', 'sales wale', 'call kar sakta', 'call kar sakte', 'संपर्क करें', 'कॉल करें', 'मुझसे संपर्क']],
    [0.6, ['कीमत', 'प्राइसिंग', 'दाम', 'कितने का']],
    [0.85, ['license lena', 'लाइसेंस', 'kharidna', 'खरीदना', 'pricing kya', 'price kya', 'rate kya', 'kitne ka']],
    [0.6, ['baat karni', 'baat karna', 'बात करनी', 'बात करना']],
    [0.6, ['jaankari chahiye', 'जानकारी चाहिए', 'call karwa', 'कॉल करवा']],
    [0.8, ['lena chahte', 'product lena', 'contact karo', 'संपर्क कीजिए']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['dhoondh rahe', 'dhund rahe', 'jaankari chahiye', 'जानकारी चाहिए', 'ढूंढ रहे']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['lagwana hai', 'lagwana chahte', 'implement karna', 'लगवाना है']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['chatbot chahiye', 'website ke liye chatbot', 'वेबसाइट के लिए चैटबॉट']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['padhne me mushkil', 'spelling galat', 'font chhota', 'rang galat', 'पढ़ने में मुश्किल', 'स्पेलिंग गलत']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['add kar do', 'hona chahiye', 'option de do', 'mushkil se padh', 'do baar kat']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['match nahi', 'theek kar do', 'kisi customer ko', 'nahi mil raha', 'aap kar do', 'ठीक कर दो']],
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['kyun nahi kar sakte', 'क्यों नहीं कर सकते', 'सुझाव', 'add kar do', 'add kar dijiye', 'add karo', 'जोड़ दो', 'जोड़ दीजिए', 'hona chahiye', 'होना चाहिए']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["नहीं दिख रहा", "नहीं दिख रही", "नहीं दिख रहे", "नहीं आ रहा", "नहीं आ रही", "नहीं आ रहे", "नहीं जा रहा", "नहीं जा रहे", "नहीं पहुँच", "नहीं पहुंच", "अटक*", "लटक*", "हैंग", "सुबह से", "कल से", "घंटे से", "घंटों से", "हर बार", "शिकायत", "पैसे कट", "कट गए", "कटे", "बेकार", "नुकसान", "nahi dikh", "nahi aa raha", "nahi aa rahe", "nahi ja raha", "atak", "hang ho", "subah se", "kal se", "ghante se", "har baar", "paise kat", "kat gaye", "bekaar", "nuksan"]],
    [0.85, ['नहीं हो रहा', 'नहीं खुल रहा', 'नहीं चल', 'नहीं कर पा', 'लॉक', 'ब्लॉक', 'ज्यादा पैसे', 'गलत चार्ज', 'सारे ग्राहक', 'सभी ग्राहक', 'कोई भी ... नहीं', 'अकाउंट डिलीट', 'कार्ड बदल', 'ठीक करो', 'ठीक कर दो', 'nahi ho raha', 'nahi khul raha', 'open nahi', 'block ho', 'lock ho', 'zyada paise', 'extra charge', 'sab customers', 'saare customers', 'theek karo', 'fix karo', 'delete kar do']],
    [0.95, ['घुस नहीं', 'लॉगिन नहीं', 'लॉग इन नहीं', 'नहीं पा रहा', 'नहीं पा रही', 'login nahi', 'login nahin', 'login hi nahi', 'access nahi']],
    [0.95, ['दो बार कट', 'do baar kat', 'do bar kat', 'दो बार ... कट', 'do baar ... kat', 'double charge']],
    [0.9, ['काम नहीं कर', 'नहीं चल रहा', 'बंद है', 'बंद हो गया', 'एरर', 'खराब', 'kaam nahi kar', 'nahi chal raha', 'band ho gaya', 'kharab']],
    [0.9, ['हैक', 'किसी ने ... बदल', 'बाहर हो गए', 'बाहर कर दिया', 'डेटा गायब', 'गायब', 'डिलीट हो', 'hack']],
    [0.85, ['रिफंड ... नहीं', 'refund ... nahi', 'पैसे नहीं आए', 'paise nahi aaye', 'अभी तक नहीं']],
    [0.85, ['मेरा डेटा ... हटा', 'डेटा ... डिलीट', 'अकाउंट ... बंद कर', 'अकाउंट ... डिलीट', 'रद्द कर', 'cancel kar do']],
    [0.6, ['धीरे', 'धीमा', 'slow', 'ओटीपी ... नहीं', 'otp nahi', 'समस्या', 'दिक्कत', 'परेशानी', 'dikkat', 'problem hai', 'chhota lag', 'गलत', 'galat']],
    [0.4, ['तुरंत', 'जल्दी', 'urgent hai']],
    // Inability and things not received, in Hinglish and Devanagari.
    [0.85, ['nahi ho pa', 'nahi kar pa', 'nahi pa raha', 'nahi pa rahi', 'nahi mil raha', 'nahi mila', 'नहीं मिल रहा', 'नहीं मिला', 'नहीं हो पा']],
    // Broken or odd-looking: cosmetic faults.
    [0.7, ['toota', 'tuta', 'टूटा', 'टूटी', 'ajeeb', 'अजीब']],
    // Cannot do something, in any verb: "nahi ... pa raha".
    [0.85, ['nahi ... pa raha', 'nahi ... pa rahe', 'nahi ... pa rahi', 'नहीं ... पा रह*', 'down hai', 'band ho jata', 'band ho jaata', 'बंद हो जाता', 'फेल', 'कैंसल', 'cancel kar', 'cancel karo']],
    // Again and again, twice.
    [0.7, ['baar baar', 'बार बार', 'do baar', 'दो बार']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['option chahiye', 'feature chahiye', 'add kar do', 'ऑप्शन चाहिए', 'फीचर चाहिए']],
    // Someone else signed in.
    [0.9, ['kisi ne ... login', 'किसी ने ... लॉगिन', 'kisi aur ne']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['dhundhla', 'धुंधला']],
    // Hinglish puts "hi" and other particles between the verb and "nahi".
    [0.85, ['open ... nahi', 'khul ... nahi', 'nahi hota', 'nahi khulta', 'नहीं खुलता', 'decline ho', 'band ho jayegi', 'बंद हो जाएगी', 'badal do', 'बदल दो', 'change kar do', 'update kar do', 'customers bol', 'customers keh', 'ग्राहक कह']],
    // A progressive with "nahi": something is not happening.
    [0.8, ['nahi ... raha', 'nahi ... rahi', 'nahi ... rahe', 'नहीं ... रहा', 'नहीं ... रही', 'नहीं ... रहे', 'nahin ... raha']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['late aate', 'late aa rahe', 'der se aate', 'देर से', 'offline dikh']],
    // A count that reads zero, or contradicts what happened.
    [0.75, ['0 ... dikha', 'dikha ... 0', 'jabki', 'जबकि']],
    // Something removed by mistake, to be restored.
    [0.85, ['galti se', 'गलती से', 'restore', 'wapas la do', 'वापस ला']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['kuch bhi nahi', 'kuch nahi dikh', 'कुछ भी नहीं', 'कुछ नहीं दिख']],
    // Charged without notice or consent.
    [0.9, ['bina bataye', 'बिना बताए', 'bina pooche', 'बिना पूछे']],
    // Suddenly: something changed on its own.
    [0.75, ['achanak', 'अचानक']],
    // Mail landing in spam.
    [0.8, ['spam me', 'spam mein', 'स्पैम']],
    // Asking for a person to talk something over.
    [0.85, ['insaan se baat', 'kisi insaan', 'human se baat', 'इंसान से बात']],
    [0.6, ['kar dijiye', 'कर दीजिए', 'badal dijiye', 'hat gaya', 'हट गया']],
    // Hinglish spellings of the Devanagari cues, data requests, cancel and card changes.
    [0.85, ['gayab', 'delete karo', 'delete kar', 'data ki copy', 'मेरे बारे में', 'डेटा ... कॉपी', 'band karo', 'band kar do', 'card badal', 'naya card', 'koi mere account', 'maine nahi']],
    [0.7, ['khisak', 'खिसक']],
    // Not coming, lying shut, different, by itself, someone else's: in Hinglish.
    [0.85, ['hota hi nahi', 'hi nahi', 'band pada', 'band padi', 'nahi aati', 'nahi aata', 'nahi aate', 'नहीं आती', 'नहीं आता', 'apne aap', 'अपने आप', 'dusre customer', 'doosre customer', 'दूसरे ग्राहक', 'change karna hai']],
    [0.8, ['alag hai', 'अलग है']],
    [0.75, ['शून्य', 'zero dikh']],
    // Asking us to look at it.
    [0.55, ['dekh lo', 'dekh lijiye', 'check karo', 'check kar lo', 'देख लो', 'देख लीजिए']],
    // Having something done that only a person can (the causative: karwana), and stopping deductions.
    [0.85, ['delete karw*', 'band karw*', 'cancel karw*', 'hata do', 'hatwa*', 'डिलीट करवा*', 'बंद करवा*', 'रद्द करवा*', 'katne band', 'katna band', 'कटना बंद', 'कटने बंद']],
    // Records going away while you watch.
    [0.85, ['kam hote ja', 'कम होते जा', 'kam ho rahe', 'कम हो रहे']],
    // A control that does nothing when used.
    [0.8, ['kuch nahi hota', 'कुछ नहीं होता']],
    // One thing shown instead of another (weak alone: it may compare two plans).
    [0.5, ['ki jagah', 'की जगह']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['dobara invoice', 'invoice dobara', 'naam se invoice', 'naam par invoice', 'invoice ... naam change', 'दोबारा इनवॉइस']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['purane number', 'purana number', 'पुराने नंबर']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['invoice me ... add', 'invoice mein ... add', 'invoice pe ... add', 'invoice par ... add', 'invoice me ... daal', 'invoice split']],
    // The same charge taken twice, told as two identical charges.
    [0.9, ['do same charges', 'do baar charge', 'do baar kata', 'double charge']],
  ],
  check_billing: [
    [0.9, ['कितना देना', 'कितना बाकी', 'कब कटेंगे', 'रिन्यू', 'पेमेंट हिस्ट्री', 'भुगतान हुआ', 'मेरा सब्सक्रिप्शन', 'kitna dena', 'kab katenge', 'kab kategi', 'renew kab', 'invoice bhejo', 'bill bhejo', 'payment hua', 'payment ho gaya', 'mera subscription']],
    [0.9, ['बकाया', 'bakaya', 'kitna baki', 'इनवॉइस', 'बिल', 'रसीद', 'अगला पेमेंट', 'कब कटेगा', 'kab katega', 'success hua', 'पेमेंट ... हुआ', 'payment ... hua']],
    [0.9, ['मेरा प्लान', 'कौन सा प्लान', 'mera plan', 'kaunsa plan', 'konsa plan', 'रिफंड का स्टेटस', 'रिफंड ... स्टेटस', 'refund ka status']],
    [0.7, ['पेमेंट', 'भुगतान', 'सब्सक्रिप्शन', 'जीएसटी']],
    [0.9, ['kitne paise', 'kitna pay', 'कितना पेमेंट', 'kab tak valid', 'plan pe hoon', 'plan par hoon', 'प्लान पर', 'payment status', 'rasid', 'raseed', 'invoice chahiye', 'इनवॉइस चाहिए']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['कौन सा कार्ड', 'kaunsa card', 'konsa card', 'card laga', 'कार्ड लगा', 'trial kab', 'trial khatam', 'refund kahan', 'रिफंड कहाँ']],
    // What the total comes to this month.
    [0.85, ['total kitna', 'kul kitna', 'कुल कितना', 'टोटल']],
    [0.9, ['kaunse plan', 'konse plan', 'plan pe hain', 'plan par hain', 'कौन से प्लान', 'bill kab', 'बिल कब']],
    [0.9, ['katega', 'कटेगा', 'kitna kat']],
    [0.9, ['refund ... process', 'रिफंड ... प्रोसेस']],
    [0.9, ['किस्त', 'kist', 'कब कटेगी', 'kab kategi']],
  ],
};
