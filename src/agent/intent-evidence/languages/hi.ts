import type { LanguageCues } from '../cues.ts';

/** Hindi in Devanagari and in the Latin letters of Hinglish chat ("payment success hua?"). */
export const HI: LanguageCues = {
  capture_lead: [
    [0.9, ['डेमो', 'कोटेशन', 'कोट', 'quotation chahiye', 'demo chahiye']],
    [0.8, ['sales wala', 'sales wale', 'call kar sakta', 'call kar sakte', 'संपर्क करें', 'कॉल करें', 'मुझसे संपर्क']],
    [0.6, ['कीमत', 'प्राइसिंग', 'दाम', 'कितने का']],
  ],
  escalate_ticket: [
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['kyun nahi kar sakte', 'क्यों नहीं कर सकते', 'सुझाव', 'add kar do', 'add kar dijiye', 'add karo', 'जोड़ दो', 'जोड़ दीजिए', 'hona chahiye', 'होना चाहिए']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["नहीं दिख रहा", "नहीं दिख रही", "नहीं दिख रहे", "नहीं आ रहा", "नहीं आ रही", "नहीं आ रहे", "नहीं जा रहा", "नहीं जा रहे", "नहीं पहुँच", "नहीं पहुंच", "अटक*", "लटक*", "हैंग", "सुबह से", "कल से", "घंटे से", "घंटों से", "हर बार", "शिकायत", "पैसे कट", "कट गए", "कटे", "बेकार", "नुकसान", "nahi dikh", "nahi aa raha", "nahi aa rahe", "nahi ja raha", "atak", "hang ho", "subah se", "kal se", "ghante se", "har baar", "paise kat", "kat gaye", "bekaar", "nuksan"]],
    [0.85, ['नहीं हो रहा', 'नहीं खुल रहा', 'नहीं चल', 'नहीं कर पा', 'लॉक', 'ब्लॉक', 'ज्यादा पैसे', 'गलत चार्ज', 'सारे ग्राहक', 'सभी ग्राहक', 'कोई भी ... नहीं', 'अकाउंट डिलीट', 'कार्ड बदल', 'ठीक करो', 'ठीक कर दो', 'nahi ho raha', 'nahi khul raha', 'open nahi', 'block ho', 'lock ho', 'zyada paise', 'extra charge', 'sab customers', 'saare customers', 'theek karo', 'fix karo', 'delete kar do']],
    [0.95, ['घुस नहीं', 'लॉगिन नहीं', 'लॉग इन नहीं', 'नहीं पा रहा', 'नहीं पा रही', 'login nahi', 'login nahin', 'access nahi']],
    [0.95, ['दो बार कट', 'do baar kat', 'do bar kat', 'दो बार ... कट', 'do baar ... kat', 'double charge']],
    [0.9, ['काम नहीं कर', 'नहीं चल रहा', 'बंद है', 'बंद हो गया', 'एरर', 'खराब', 'kaam nahi kar', 'nahi chal raha', 'band ho gaya', 'kharab']],
    [0.9, ['हैक', 'किसी ने ... बदल', 'बाहर हो गए', 'बाहर कर दिया', 'डेटा गायब', 'गायब', 'डिलीट हो', 'hack']],
    [0.85, ['रिफंड ... नहीं', 'refund ... nahi', 'पैसे नहीं आए', 'paise nahi aaye', 'अभी तक नहीं']],
    [0.85, ['मेरा डेटा ... हटा', 'डेटा ... डिलीट', 'अकाउंट ... बंद कर', 'अकाउंट ... डिलीट', 'रद्द कर', 'cancel kar do']],
    [0.6, ['धीरे', 'धीमा', 'slow', 'ओटीपी ... नहीं', 'otp nahi', 'समस्या', 'दिक्कत', 'परेशानी', 'dikkat', 'problem hai', 'chhota lag', 'गलत', 'galat']],
    [0.4, ['तुरंत', 'जल्दी', 'urgent hai']],
  ],
  check_billing: [
    [0.9, ['कितना देना', 'कितना बाकी', 'कब कटेंगे', 'रिन्यू', 'पेमेंट हिस्ट्री', 'भुगतान हुआ', 'मेरा सब्सक्रिप्शन', 'kitna dena', 'kab katenge', 'kab kategi', 'renew kab', 'invoice bhejo', 'bill bhejo', 'payment hua', 'payment ho gaya', 'mera subscription']],
    [0.9, ['बकाया', 'bakaya', 'kitna baki', 'इनवॉइस', 'बिल', 'रसीद', 'अगला पेमेंट', 'कब कटेगा', 'kab katega', 'success hua', 'पेमेंट ... हुआ', 'payment ... hua']],
    [0.9, ['मेरा प्लान', 'कौन सा प्लान', 'mera plan', 'kaunsa plan', 'konsa plan', 'रिफंड का स्टेटस', 'रिफंड ... स्टेटस', 'refund ka status']],
    [0.7, ['पेमेंट', 'भुगतान', 'सब्सक्रिप्शन', 'जीएसटी']],
  ],
};
