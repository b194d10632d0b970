import type { LanguageCues } from '../cues.ts';

/**
 * Arabic, Modern Standard and the Gulf, Levantine and Egyptian ways of saying the same
 * ("أبغى", "بدي", "عايز"). Written with hamza; it is folded away on both sides.
 */
export const AR: LanguageCues = {
  capture_lead: [
    [0.9, ['عرض سعر', 'عرض اسعار', 'عرض تجريبي', 'ديمو', 'تجربة مجانية', 'عرض توضيحي']],
    [0.8, ['مبيعات', 'فريق المبيعات', 'تواصل معي', 'يتواصل معي', 'تواصلوا معي', 'يكلمني', 'يحكي معي', 'اتصلوا بي']],
    [0.6, ['اسعار*', 'السعر', 'تسعير*', 'اشتراك للشركة', 'شراء']],
    [0.8, ['تجريبي', 'نبغى نشوف', 'بدنا نشوف', 'عايزين نشوف', 'كم سعر', 'بكم']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['نبحث عن', 'ندور على', 'نود معرفة المزيد', 'أرغب في معرفة المزيد', 'ابي اعرف عن']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['نبي نركب', 'نبغى نركب', 'نرغب في تركيب', 'نرغب في تطبيق']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['نحتاج شات بوت', 'نحتاج بوت', 'شات بوت لموقع']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['صعب القراءة', 'خطأ إملائي', 'الخط صغير', 'اللون غلط']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['ياريت', 'يا ريت', 'لو تضيفون', 'أتمنى إضافة', 'مقطوع', 'بالكاد يقرأ']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['ما يطابق', 'صححوا', 'ولا عميل', 'محد يستلم', 'ما يوصلهم', 'سووها لي', 'غيروها لي']],
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['ليش ما في', 'لماذا لا يمكن', 'ليش ما اقدر', 'اقتراح', 'أقترح', 'يا ريت', 'ياريت', 'أتمنى إضافة', 'تضيفون', 'تضيفوا', 'ميزة جديدة', 'خطأ إملائي']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["ما يحمل", "ما يرسل", "ما يوصل", "ما تظهر", "ما يظهر", "لا يظهر", "لا تظهر", "لا يصل", "لا تصل", "ما توصل", "فاضي", "فارغ*", "معلق", "يعلق", "بطء", "انقطاع", "انقطع", "منذ الصباح", "من الصبح", "من امبارح", "من امس", "منذ امس", "منذ ساعات", "كل مرة", "يشتكون", "ما نقدر", "ما يقدرون", "لا يستطيعون", "خسرنا", "ضاعت", "ضاع", "تكرر", "مكرر", "سحبوا", "رسالة خطا", "خلل"]],
    [0.85, ['ما اقدر', 'لا استطيع', 'لا يمكن', 'ما يمكن', 'ما قدرت', 'مقفل', 'انقفل', 'تم قفل', 'خصم زيادة', 'مبلغ خطا', 'ما اعرف هذا', 'كل العملاء', 'جميع العملاء', 'كل عملائنا', 'ولا عميل', 'احد ما يقدر', 'غيروا البطاقة', 'تغيير البطاقة', 'حلوا', 'صلحوا', 'اصلاح']],
    [0.95, ['ما اقدر ادخل', 'ما قدرت ادخل', 'لا استطيع الدخول', 'لا استطيع تسجيل الدخول', 'مش قادر ادخل', 'ما بقدر فوت', 'ما يفتح', 'ما بيفتح']],
    [0.95, ['خصم ... مرتين', 'انخصم ... مرتين', 'سحب ... مرتين', 'خصم مرتين', 'خصم مكرر', 'دفعت مرتين']],
    [0.9, ['لا يعمل', 'ما يشتغل', 'مو شغال', 'مش شغال', 'ما بيشتغل', 'معطل*', 'عطل', 'متوقف*', 'توقف*', 'خطا', 'يرجع خطا', 'ترجع خطا']],
    [0.9, ['اختراق', 'اخترق*', 'احد دخل', 'حد دخل', 'شخص دخل', 'دخل على حساب*', 'يحذف', 'تحذف', 'انحذف*', 'اختف*']],
    [0.9, ['حذف بيانات*', 'احذف بيانات*', 'حذف حساب*', 'احذفوا', 'مسح بيانات*', 'بياناتي الشخصية']],
    [0.85, ['الغاء الاشتراك', 'الغي اشتراك*', 'الغوا', 'الغاء', 'ابغى الغي', 'بدي الغي']],
    [0.85, ['ما وصلني', 'ما وصل', 'ما وصلت*', 'لم يصل*', 'لم تصل*', 'لم استلم', 'الاسترداد ... ما', 'المبلغ ... ما رجع']],
    [0.75, ['يرفض', 'مرفوض*', 'رفض', 'تتوقف', 'ستتوقف', 'سيتوقف', 'مشكل*', 'غلط', 'خاطئ*', 'شكوى']],
    [0.6, ['متاخر*', 'تتاخر', 'بطيء', 'بطيئ*', 'لون', 'الخط', 'رمادي']],
    [0.95, ['انسحب ... مرتين', 'انخصم ... مرتين', 'مرتين على نفس']],
    // Money taken, a correction asked for.
    [0.8, ['انسحب*', 'تصحيح', 'صححوا', 'تصليح']],
    [0.6, ['مرتين']],
    // On its own, every little while, more than it should be.
    [0.8, ['لحاله', 'لوحده', 'كل شوي', 'اكبر من', 'اكثر من قيمة', 'ما اقدر اسجل', 'ما قدرت اسجل']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['ياريت', 'يا ريت', 'نتمنى اضافة', 'اقتراح', 'ميزة']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['مشوش', 'غير واضح']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['متأخر', 'تأخير في', 'في تأخير', 'فيه تأخير', 'بتأخير', 'غير متصل']],
    // Something removed by mistake, to be restored.
    [0.85, ['استرجاع', 'بالغلط', 'بالخطأ', 'استعادة']],
    // Charged without notice or consent.
    [0.9, ['بدون اشعار', 'بدون علمي', 'بدون موافقتي']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['ما يطلع شي', 'لا توجد نتائج']],
    // Suddenly: something changed on its own.
    [0.75, ['فجأة', 'فجاة']],
    // Mail landing in spam.
    [0.8, ['البريد المزعج', 'السبام']],
    // Asking for a person to talk something over.
    [0.85, ['موظف حقيقي', 'اكلم موظف', 'احد من الدعم']],
    // Asking us to look at it.
    [0.55, ['شوفوا', 'تشوفوا', 'راجعوا', 'تراجعوا']],
    // Charged twice, in Arabizi (Maghrebi "jouj merrat", Gulf and Levantine "marratain") with the verbs of taking.
    [0.9, ['jouj ... merrat', 'jouj ... mrat', 'jouj ... marrat', 'zouj ... merrat', 'marratain', 'marratein', 'marratayn', 'marrateen', 'mrratin']],
    // Money taken, asked back, in Arabizi.
    [0.6, ['t9tat3*', 't9ta3*', '5asam*', 'khasam*', 'rddo liya', 'rdo liya', 'rje3o li', 'rja3o li', 'raj3o li']],
    // Records going away while you watch.
    [0.85, ['تختفي', 'يختفي', 'عم تختفي', 'تقل', 'عم يقل']],
    // A control that does nothing when used.
    [0.8, ['ما يصير شي', 'ما بيصير شي', 'لا يحدث شيء', 'ما يستجيب']],
    // Nobody can get in, a blank white page: a fault told by what customers see.
    [0.85, ['ولا واحد', 'ولا حد', 'ما حد يقدر', 'محد يقدر', 'ما احد يقدر', 'يقدر يدخل', 'يقدرون يدخلون', 'صفحة بيضا', 'صفحة بيضاء', 'شاشة بيضا', 'شاشة بيضاء']],
    // One thing shown instead of another (weak alone: it may compare two plans).
    [0.5, ['بدلا من', 'بدل من']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['إعادة إصدار الفاتورة', 'اعادة اصدار', 'باسم شركتنا الثانية', 'باسم شركة ثانية', 'باسم شركة أخرى', 'تعديل الفاتورة', 'تعديل اسم']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['رمز التحقق', 'كود التحقق', 'رقمي القديم', 'جوالي القديم']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['تضيفون ... الفاتورة', 'تضيفوا ... الفاتورة', 'اضافة ... للفاتورة', 'اضافة ... الى الفاتورة', 'تقسيم الفاتورة']],
    // The same charge taken twice, told as two identical charges.
    [0.9, ['خصمين', 'نفس المبلغ مرتين', 'انخصم مرتين']],
  ],
  check_billing: [
    [0.9, ['كم علي', 'كم ادفع', 'كم دفعت', 'متى يتم الخصم', 'متى التجديد', 'تاريخ التجديد', 'سجل المدفوعات', 'هل تم الدفع', 'تم الدفع', 'الدفع تم', 'خطتي الحالية', 'باقتي الحالية', 'اشتراكي الحالي']],
    [0.9, ['المبلغ المستحق', 'مستحق*', 'كم علي', 'فاتورت*', 'فواتير*', 'ايصال', 'وصل الدفع', 'رصيد*', 'الخصم الجاي', 'الخصم القادم', 'متى الخصم', 'الدفعة القادمة', 'التجديد']],
    [0.9, ['وصلت دفعت*', 'دفعتي', 'مدفوعات*', 'اشتراكي', 'باقتي', 'خطتي', 'حالة الاسترداد', 'وين الاسترداد']],
    [0.75, ['فاتورة', 'الفاتورة', 'دفع*', 'ضريبة', 'القيمة المضافة', 'اشتراك']],
    [0.9, ['كم المبلغ', 'الباقة اللي', 'اي باقة', 'وش الباقة', 'وصلتكم', 'استلمتوا']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['اي بطاقة', 'البطاقة المسجلة', 'الفترة التجريبية', 'التجربة المجانية ... تنتهي']],
    // What will be taken next, in the future tense of each dialect.
    [0.9, ['ينسحب', 'بينسحب', 'رح ينسحب', 'هينسحب', 'هيتخصم', 'حيتخصم', 'هيتسحب', 'بينخصم', 'رح ينخصم', 'راح ينخصم', 'سيتم خصم', 'سيخصم', 'قديش ... الشهر الجاي', 'كام ... الشهر الجاي', 'كم ... الشهر الجاي', 'كم ... الشهر القادم']],
    // Late fees are a question about the bill.
    [0.9, ['رسوم تأخير', 'رسوم التأخير', 'غرامة تأخير', 'غرامة التأخير']],
    // What the next charge takes, what is still owed, where a refund is, in everyday words.
    [0.9, ['علي فلوس', 'علي مبلغ', 'تم استرداد', 'الاسترداد تبعي', 'الاسترداد حقي', 'وين صار ... استرداد']],
  ],
};
