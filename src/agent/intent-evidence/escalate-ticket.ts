import { anyPhrase } from './cues.ts';
import type { IntentRule } from './index.ts';

/** Words that describe a problem a human should look at: access, money gone wrong, malfunction, complaints. */
export const ESCALATE_TICKET_EVIDENCE: readonly IntentRule[] = [
  [/\b(can ?not|can't|cant|unable to|could ?n't|couldnt|can't seem to) (log ?in|login|sign ?in|access|get into|connect)\b/, 0.95],
  [/\b(no puedo|no consigo) (entrar|iniciar sesion|acceder|conectarme)\b/, 0.95],
  [/\b(n'arrive pas a|impossible de) (me connecter|se connecter|acceder)\b/, 0.95],
  [/\bkann mich nicht (anmelden|einloggen)\b|\blogin funktioniert nicht\b/, 0.95],
  [/\b(charged|billed) (me )?(twice|double)\b|\bdouble[- ](charged|billed|charge)\b|\bcobraron dos veces\b|\bcobro doble\b|\bdebite deux fois\b|\bdoppelt (belastet|abgebucht|berechnet)\b/, 0.95],
  // A refund alone is as often a status question (check_billing) as a complaint; the
  // complaint says it has not arrived (see the cue phrases per language).
  [/\brefund(s|ed)?\b|\breembols|\brembours|\bruckerstattung|\berstatt/, 0.5],
  [/\bbroken\b|\bkaputt\b|\bcasse\b|\broto\b/, 0.85],
  [/\berrors?\b|\berreur\b|\bfehler\b/, 0.8],
  [/\bbugs?\b|\bbuggy\b/, 0.85],
  [/\boutage\b|\bpanne\b|\bausfall\b|\bcaida\b/, 0.9],
  [/\b(is|are|been|went|goes|was) down\b|\bdown (again|for)\b/, 0.85],
  [/\bnot working\b|\b(does ?n't|doesnt|does not|do ?n't|dont|is ?n't|isnt|won't|wont|will not) (work|load|open|start|sync|save)\b|\bstopped working\b|\bnothing (works|loads|happens)\b|\bno funciona\b|\bne (fonctionne|marche) (pas|plus)\b|\bfunktioniert nicht\b|\bgeht nicht\b/, 0.9],
  [/\bcrash(es|ed|ing)?\b|\bfreez(es|ing)\b|\bhangs\b/, 0.85],
  // "I get a 403", "it returns 502": an HTTP error status someone ran into.
  [/\b(get|gets|got|getting|see|shows?|returns?|returning|throws?) (a |an )?[45]\d\d\b/, 0.85],
  // Russian "не" before a verb in the present or past ("не видят", "не падают", "не пришло"): a
  // function that does not happen. Endings, not a word list, since every verb inflects.
  [/(?<![\p{L}])не \p{Script=Cyrillic}+(ет|ют|ит|ят|ется|ются|ится|ятся|ут|ал|ала|ало|али|ло|лись)(?![\p{L}])/u, 0.7],
  // "It keeps replying in Spanish", "keeps logging me out": the product repeating something unwanted.
  [/\b(it|that|this|the \w+|which) keeps (on )?[a-z]+ing\b/, 0.75],
  [/\bcomplain(t|ts|ing)?\b|\bqueja\b|\breclamacion\b|\bplainte\b|\breclamation\b|\bbeschwerde\b/, 0.85],
  [/\bproblems?\b|\bproblemas?\b|\bprobleme\b/, 0.7],
  [/\bissues?\b|\btrouble\b/, 0.6],
  [/\bcancel(l?ation|led|ling)?\b|\bcancelar\b|\bannuler\b|\bresilier\b|\bkundigen\b|\bstornieren\b/, 0.85],
  [/\blocked( out)?\b|\bbloque(ado|e)?\b|\bgesperrt\b/, 0.8],
  [/\bfail(s|ed|ing|ure)?\b/, 0.75],
  [/\bescalat(e|ion)\b|\bsupport ticket\b|\bopen a ticket\b/, 0.85],
  [/\b(speak|talk) (to|with) (a )?(human|person|real person|agent|support)\b/, 0.65],
  [/\bdisput(e|ing)\b|\bchargeback\b/, 0.85],
  [/\bwrong\b|\bincorrect[oa]?\b|\bfalsch\b/, 0.65],
  [/\b(deleted|disappeared|vanished|lost)\b/, 0.7],
  [/\bmissing\b/, 0.55],
  [/\bblank (screen|page)\b|\bwhite screen\b/, 0.8],
  [/\b(never|not|doesn't|didn't|did not|does not|haven't|have not) (arrive|arrives|arrived|receive|received|come|coming)\b/, 0.7],
  [/\bnot (being )?accepted\b|\brejected\b|\bdeclined\b/, 0.7],
  [/\bunacceptable\b|\bfrustrat/, 0.6],
  [/\bnot responding\b|\bunresponsive\b|\bslow\b/, 0.7],
  [/\bpassword\b|\b2fa\b|\btwo[- ]factor\b|\bcontrasena\b|\bmot de passe\b|\bpasswort\b/, 0.5],
  [/\bsupport\b|\bsoporte\b/, 0.4],
  [/\bhelp\b|\bayuda\b|\baide\b|\bhilfe\b/, 0.35],
  [/\baccount\b|\bcuenta\b|\bcompte\b|\bkonto\b/, 0.35],
  // Charged at the old price after a change of plan: an incorrect charge told by its story.
  [
    anyPhrase([
      'as if i was still', 'as if i were still', 'even though i downgraded', 'after i downgraded', 'although i downgraded', 'despite downgrading',
      'como si siguiera', 'como si todavia estuviera', 'aunque baje de plan', "comme si j'etais encore", "vous m'avez quand meme", "m'avez quand meme charge", "vous m'avez charge",
      'als ob ich noch', 'obwohl ich ... gewechselt', 'obwohl ich ... gekundigt', 'como se eu ainda', 'como se ainda estivesse', 'mesmo depois de mudar',
      'как будто я ещё', 'как будто я еще', 'хотя я перешёл', 'хотя я перешел', 'хотя я перешла', '还是按原来的', '還是按原來的', '还是按旧', '還是按舊', '降级了还', '降級了還',
      'のままの料金', 'ダウングレードしたのに', 'كأني لسا', 'كأني ما زلت', 'رغم اني نزلت', 'jaise main abhi bhi', 'downgrade ke baad bhi', 'nhu the toi van', 'da ha goi ma van',
      // Charged after cancelling ("Abbuchung trotz Kündigung", "me di de baja ... y me habéis pasado un recibo").
      'despite cancelling', 'after i cancelled', 'after cancelling', 'even though i cancelled', 'trotz kundigung', 'obwohl ich gekundigt', 'aunque me di de baja', 'me di de baja ... cobr*', 'me di de baja ... recibo', 'aunque cancele',
      'apesar de cancelar', 'mesmo depois de cancelar', 'malgre la resiliation', 'apres ma resiliation', 'после отмены подписки', 'хотя я отменил*', '取消了还扣', '退订了还扣', '解約したのに', 'رغم الالغاء', 'رغم إلغاء', 'cancel karne ke baad bhi', 'da huy ma van',
    ]),
    0.85,
  ],
  // A change to how the account is billed, asked of us: fewer or more seats, another billing period, payer or name
  // on the invoices, another plan, card, bank account, billing date or invoice split, the renewal stopped. Only a
  // person can make it, though it names the invoice or the plan. How to make it oneself is a how-to question.
  [
    anyPhrase([
      'please remove ... seats', 'please reduce ... seats', 'can you remove ... seats', 'can you reduce ... seats', 'please remove ... licenses', 'please remove ... licences', 'from monthly to annual', 'from monthly to yearly', 'switch us to annual', 'switch us to yearly', 'move us to annual', 'bill ... to our new company', 'invoice ... in the name of',
      'quitar ... licencias', 'eliminar ... licencias', 'reducir ... licencias', 'agregar ... licencias', 'de mensual a anual', 'pasar ... a anual', 'facturar a nombre de', 'facturen a nombre de',
      'retirer ... licences', 'supprimer ... licences', 'reduire ... licences', 'ajouter ... licences', 'de mensuel a annuel', 'passer ... en annuel', "passer ... a l'annuel", 'facturer au nom de',
      'lizenzen ... entfernen', 'lizenzen ... reduzieren', 'lizenzen ... streichen', 'von monatlich auf jahrlich', 'auf jahrliche zahlung', 'auf jahrliche abrechnung', 'rechnung ... auf ... firma ausstellen',
      'remover ... licencas', 'reduzir ... licencas', 'adicionar ... licencas', 'de mensal para anual', 'mudar ... para o plano anual', 'passar ... para anual', 'faturar em nome de', 'emitir ... em nome de',
      'перевести ... на годов*', 'с помесячной ... на годов*', 'выставить счет на юрид*', 'выставлять счета на', 'сменить плательщик*', 'убрать ... лицензи*', 'уменьшить ... лицензи*', 'сократить ... лицензи*',
      '改成年付', '改为年付', '转为年付', '换成年付', '减少 ... 席位', '减少 ... 账号数', '发票抬头改', '抬头改成', '年払いに変更', '年額プランに変更', '年間契約に変更', 'ライセンスを減ら', 'ライセンス数を減ら', '請求書の宛名を変更',
      'للاشتراك السنوي', 'الى الدفع السنوي', 'إلى الدفع السنوي', 'تقليل ... التراخيص', 'تقليل عدد المستخدمين', 'الفاتورة باسم الشركة',
      'agle invoice se', 'agli invoice se', 'अगले इनवॉइस से', 'annual plan pe shift', 'yearly plan pe shift', 'license kam', 'seats kam',
      'chuyen sang goi nam', 'chuyen sang thanh toan theo nam', 'giam so license', 'giam so tai khoan', 'xuat hoa don ten cong ty',
      // Another billing period asked of us, in the words of a request, not of a question whether one could
      // ("we'd like to move from the monthly plan to the yearly one", not "can we move to yearly later?").
      'like to move ... to the yearly', 'like to move ... to the annual', 'like to switch ... to the yearly', 'like to switch ... to the annual', 'please move ... to the yearly', 'please move ... to the annual', 'please switch ... to the yearly', 'please switch ... to the annual',
      'cambiarnos ... al anual', 'cambiarnos al plan anual', 'pasarnos al plan anual', 'queremos pasar ... anual', 'quiero pasar ... anual',
      'souhaitons passer ... annuel', 'voudrions passer ... annuel', 'voulons passer ... annuel', 'basculer ... mensuel en annuel', 'gostaria* de mudar ... anual', 'queremos mudar ... anual', 'quero mudar ... anual',
      'переведите ... на годов*', 'переведите ... на ежегодн*', '年間プランに切り替えて', '年額プランに切り替えて', '年払いに切り替えて', '年額プランへの変更をお願い', '年間プランへの変更をお願い', '年払いへの変更をお願い',
      '把 ... 改成按年', '把 ... 改为按年', '帮 ... 改成按年', '麻烦 ... 改成按年', '想 ... 换到年付', 'giup ... sang goi nam', 'sang goi nam giup', 'monthly se yearly kar do', 'monthly se annual kar do', 'تحولوا اشتراكنا ... سنوي', 'حولوا اشتراكنا ... سنوي',
      'want to cancel', 'want to downgrade', 'like to downgrade', 'downgrade us', 'downgrade my', 'downgrade our', 'change my plan to', 'move us to the',
      'change the card on file', 'replace the card', 'update the card on file', 'swap the card', 'change the bank account', 'stop the auto-renewal', 'turn off auto-renew', 'stop auto-renew', 'change the billing date', 'move the billing date',
      'dar de baja', 'bajar el plan', 'bajar al plan', 'cambiar el plan', 'cambiarme al plan', 'cambiar de plan', 'cambiar la tarjeta', 'carguen ... en la nueva cuenta', 'cuenta de domiciliacion', 'cancelar la renovacion', 'que no se renueve',
      'trocar meu plano', 'trocar o plano', 'mudar meu plano', 'mudar o plano', 'mudar de plano', 'baixar o plano', 'alterar o plano', 'alterar o nif', 'alterar o cnpj', 'trocar o cartao', 'alterar o cartao', 'cancelar a renovacao',
      'changer de formule', 'changer mon forfait', 'changer de forfait', 'passer a la formule', 'passer au forfait', 'changer la carte', 'remplacer la carte', 'changer le rib', 'nouveau rib', 'changer le compte bancaire', 'arreter le renouvellement', 'desactiver le renouvellement', 'resilier mon abonnement',
      'kreditkarte ... austauschen', 'karte ... austauschen', 'neue kreditkarte hinterlegen', 'bankverbindung ... andern', 'neue bankverbindung', 'tarif ... wechseln', 'downgraden', 'automatische verlangerung ... stoppen', 'automatische verlangerung ... deaktivieren',
      'сменить тариф', 'перейти на тариф', 'понизить тариф', 'поменять тариф', 'поменять карту', 'сменить карту', 'заменить карту', 'привязать новую карту', 'отключить автопродление', 'сменить реквизиты',
      '换成基础版', '降级到', '换套餐', '改套餐', '更换银行卡', '换绑', '取消自动续费', '关闭自动续费',
      'プランを変更', 'プラン変更', 'ダウングレード', 'カードを変更', 'カード情報を変更', 'クレジットカードを変更', '自動更新を停止', '自動更新を止め', '解約したい', '引き落とし口座を変更',
      'تغيير الباقة', 'تغيير الخطة', 'تخفيض الباقة', 'تغيير البطاقة', 'الغاء التجديد', 'إلغاء التجديد', 'ايقاف التجديد', 'إيقاف التجديد',
      'plan change kar', 'plan badal', 'plan downgrade', 'card change kar', 'card badal', 'auto renew band', 'auto-renewal band', 'प्लान बदल', 'कार्ड बदल', 'subscription cancel kar',
      'doi goi', 'chuyen xuong goi', 'ha goi', 'doi the thanh toan', 'huy gia han', 'tat gia han', 'doi tai khoan ngan hang',
      // The same asked as a question ("dá pra mudar o vencimento?", "請求書を2枚に分けてもらえますか？").
      'split the invoice', 'dividir la factura', 'dividir a fatura', 'diviser la facture', 'rechnung aufteilen', 'разделить счет', 'разделить счёт', '拆分发票', '分开开票', '請求書を ... 分けて',
      'mudar o vencimento', 'alterar o vencimento', 'trocar o vencimento', 'cambiar la fecha de cobro', 'changer la date de prelevement', 'abbuchungsdatum ... andern', 'перенести дату списания', '引き落とし日 ... 変更', '扣款日 ... 改',
      '扣款卡 ... 换', 'la factura a nombre de', 'poner la factura a nombre', 'downgrade kar', 'プラン ... 下げて',
      'lo pueden cambiar ustedes', 'pueden cambiarlo ustedes', 'pasar del plan', 'podem mudar ... plano', 'vous pouvez ... changer ... formule',
      'change it over', 'put all my invoices under', 'made out to', 'need reissuing', 'transfer ownership', 'transfer the account', 'transferir la propiedad', 'transferir a titularidade', 'transferer la propriete', 'eigentumer ... ubertragen', 'передать ... владельца', '转让 ... 账号', '譲渡',
      'chuyen quyen chu tai khoan', 'doi email nhan hoa don', 'nguoi thanh toan sang', 'أغير الإيميل اللي توصل', 'ايميل الفواتير', 'tirarem o acesso', 'tirar o acesso', 'remove ... access', 'quitar el acceso', 'retirer l\'acces', 'zugang ... entfernen', 'убрать доступ', 'отключить тариф', 'перейти на самый дешев*',
      '降到基础版', '作废后重新开', '作廢後重新開', '重新開立', '重新开立', 'プランに変更していただけ', '口座 ... 変えたい', '引き落とし日を ... 変え', 'выставлялись на', 'выставлять на', 'redo the', '請求書の名前を', '請求先を ... 変更', '請求先 ... 変更して', 'تغيرونها لي', 'تغيرها لي', 'списывать ... с карты', 'отключить ... подписку', 'отключите ... подписку',
      'alterar a forma de pagamento', 'alterarem a forma de pagamento', 'mudar a forma de pagamento', 'neue anschrift', 'noch einmal ... ausstellen', 'chuyen goi', 'nang goi', 'tratar da alteracao', 'passem a sair em nome', 'passe a sair em nome', 'sair em nome de', 'debito ... na conta da empresa',
    ]),
    0.85,
  ],
  // Asked whether the product could have an option for something: a feature request, though it names what the option is for.
  [
    anyPhrase([
      'possible to have the option', 'possible to have an option', 'seria posible tener la opcion', 'seria posible tener una opcion', "possible d'avoir l'option", "possible d'avoir une option",
      'ware es moglich ... option', 'seria possivel ter a opcao', 'seria possivel ter uma opcao', 'можно ли добавить ... возможность', 'можно ли сделать ... возможность',
      '能否增加 ... 选项', '能不能加 ... 选项', 'オプションを追加してほしい', 'できるようにしてほしい', 'ضيفوا خيار', 'اضيفوا خيار', 'ممكن تضيفوا خيار', 'option add kar sakte', 'co the them tuy chon',
    ]),
    0.8,
  ],
  // The difference or the charge itself asked back: work for a person, though it names the refund.
  [
    anyPhrase([
      // "कृपया जो अंतर है वो वापस करें", "quero o estorno", "hoan lai giup em".
      'refund the difference', 'devuelvan la diferencia', 'devolvam a diferenca', 'rembourser la difference', 'differenz erstatten', 'differenz zuruck', 'вернуть разницу', '退差价', '退還差價', '差額を返金', 'अंतर है वो वापस', 'फर्क वापस', 'hoan lai phan chenh lech',
      'quero o estorno', 'quero meu estorno', 'quero o reembolso', 'quiero el reembolso', 'je veux etre rembourse', 'ich mochte mein geld zuruck', '返金してください', 'paisa wapas karo', 'hoan tien cho toi',
      'hoan lai giup', 'hoan tien giup', 'hoan lai cho em', 'hoan lai cho minh', 'should not be there', "shouldn't be there", 'put it back',
      // A fee or an overcharge asked off ("please take the fee off", "đề nghị bỏ khoản phí này", "hoàn phần dư").
      'take the fee off', 'remove the fee', 'waive the fee', 'take it off', 'refund the extra', 'quiten el recargo', 'quitar el recargo', 'anulen el recargo', 'retirer les frais', 'annuler les frais', 'gebuhr ... streichen', 'gebuhr ... zuruck',
      'retirar a multa', 'tirar a taxa', 'убрать комиссию', 'уберите штраф', 'снимите штраф', '免除 ... 费', '取消 ... 滞纳金', '延滞金 ... 取り消', 'bo khoan phi', 'hoan phan du', 'sua lai va hoan', 'الغاء الغرامة', 'late fee hata',
      'me lo devuelvan', 'devuelvanme', 'reembolsen', 'zuruckbuchen', 'zuruckzubuchen', '退回来', '退給我', '退给我', 'верните', 'rembourser ce', 'me rembourser', 'уберите ... долг', 'спишите ... долг', 'muon duoc hoan lai',
    ]),
    0.85,
  ],
  // The app closing by itself: a crash told in words.
  [
    anyPhrase([
      'closes by itself', 'closes on its own', 'fecha sozinha', 'fecha sozinho', 'se cierra sola', 'se cierra solo', 'se ferme toute seule', 'se ferme tout seul', 'schliesst sich von selbst', 'schliesst sich einfach',
      'закрывается сама', 'закрывается сам', '自己关闭', '闪退', '閃退', '勝手に閉じ', 'tu dong tat', 'tu thoat', 'apne aap band', 'अपने आप बंद', 'يقفل لحاله', 'يسكر لحاله',
    ]),
    0.85,
  ],
  // An invoice to be corrected or issued again (wrong name, tax number or address on it): work for a
  // person, though it names the invoice.
  [
    anyPhrase([
      'reissue', 're-issue', 'issue a corrected', 'correct the invoice', 'correct the invoices', 'amend the invoice', 'send them again', 'send it again', 'put it right',
      'corregir la factura', 'corrijan la factura', 'factura rectificativa', 'reemitir', 'volver a emitir', 'emitir de nuevo',
      'corrigir a fatura', 'correcao da fatura', 'sejam corrigidas', 'seja corrigida', 'reemitir a fatura', 'emitir uma nova fatura', 'emitissem uma nova fatura', 'refazer a fatura',
      'refaire la facture', 'la refaire', 'les refaire', 'corriger la facture', 'rectifier la facture', 'facture rectificative', 'reediter la facture', 
      'rechnung korrigieren', 'rechnung ... korrigieren', 'rechnung neu ausstellen', 'neue rechnung ausstellen', 'rechnung ... neu ausstellen', 'korrigiert neu aus', 'rechnung ... neu aus', 
      'исправить счет', 'исправить счёт', 'исправьте счет', 'исправьте счёт', 'перевыставить', 'перевыставьте', 'переоформить', 'поменять реквизиты', 'изменить реквизиты', 'выставляйте на', 
      '重开', '重開', '重新开', '重新開', '开错', '開錯', '再発行', '訂正',
      'تعدلونها', 'تعديل الفاتورة', 'تصحيح الفاتورة', 'فاتورة جديدة', 'ترسلونها من جديد', 'invoice sahi kar', 'bill sahi kar', 'invoice dobara', 'bill dobara', 'दोबारा भेज', 'सही करके',
      'xuat lai hoa don', 'sua hoa don', 'dieu chinh hoa don', 'xuat hoa don moi',
      // Issued again with the right details ("refacturar", "rehacer", "com o NIF correto", "dobara bana do").
      'refacturar', 'refacturen', 'rehacer', 'nif correcto', 'rfc correcto', 'cambiar los datos fiscales', 'nif correto', 'com o nif', 'dobara bana', 'galat naam', 'wrong name on the invoice',
    ]),
    0.85,
  ],
  // Asked to fix something, in Japanese ("直してほしい") or Hinglish ("fix kar dena"): work for a person, though it names the invoice.
  [anyPhrase(['直してほしい', '直してください', '修正してほしい', '修正してください', '直していただけ', '修正していただけ', 'fix kar dena', 'fix kar do', 'theek kar dena']), 0.8],
  // Actions only a person can take: a new billing address on the account, the whole account deleted.
  [
    anyPhrase([
      'change our billing address', 'change my billing address', 'new billing address', 'billing address needs', 'billing address badal*', 'billing address change kar*', 'address badalna', 'address badal do',
      'cambien la direccion de facturacion', 'cambiar la direccion de facturacion', 'actualicen la direccion de facturacion', 'actualizar la direccion de facturacion', 'nueva direccion de facturacion',
      "mettre a jour l'adresse de facturation", "changer l'adresse de facturation", "modifier l'adresse de facturation", 'nouvelle adresse de facturation',
      'rechnungsadresse ... andern', 'rechnungsadresse ... aktualisieren', 'rechnungsadresse ... anpassen', 'neue rechnungsadresse',
      'atualizar o endereco de cobranca', 'alterar o endereco de cobranca', 'mudar o endereco de cobranca', 'alterar o endereco de faturamento', 'mudar o endereco de faturamento', 'alterar a morada de faturacao', 'nova morada de faturacao', 'novo endereco de cobranca',
      'изменить адрес ... счет*', 'поменять адрес ... счет*', 'смените адрес', 'поменяйте адрес', 'измените адрес', 'новый юридический адрес', 'новый адрес для счетов',
      '更改账单地址', '修改账单地址', '更新账单地址', '账单地址改', '請求先住所を変更', '請求先の住所を変更', '請求書の住所を変更',
      'تغيير عنوان الفوترة', 'تحديث عنوان الفوترة', 'تغيير عنوان الفاتورة', 'عنوان الفوترة الجديد', 'doi dia chi hoa don', 'cap nhat dia chi hoa don', 'doi dia chi xuat hoa don',
      'احذف حسابي', 'حذف حسابي', 'امسح حسابي', 'احذفوا حسابي', 'eliminar mi cuenta', 'borrar mi cuenta', 'eliminen mi cuenta', 'supprimer mon compte', 'supprimez mon compte',
      'mein konto ... loschen', 'konto ... loschen lassen', 'loscht mein konto', 'loschen sie mein konto', 'excluir minha conta', 'apagar minha conta', 'apaguem minha conta', 'excluam minha conta',
      'удалить мой аккаунт', 'удалите мой аккаунт', 'удалить аккаунт', 'удалите аккаунт', 'удалить мою учетную запись', '删除我的账号', '删除我的帐号', '注销我的账号', '刪除我的帳號', '註銷我的帳號',
      'アカウントを削除', 'アカウント削除', 'account delete kar*', 'mera account delete', 'xoa tai khoan cua toi', 'xoa tai khoan',
    ]),
    0.9,
  ],
];

/**
 * "URGENT", "СРОЧНО", "至急": how the writer feels, not what is wrong. It adds to a request the other
 * words already make (`URGENCY_WEIGHT`), never makes one out of a topic word ("URGENT!!! what time
 * does support open?" is a question). In each corpus language.
 */
export const URGENCY = anyPhrase(['urgent', 'urgente', 'urgently', 'asap', 'dringend', 'срочно', '紧急', '緊急', '至急', 'عاجل', 'ضروري', 'gấp']);
export const URGENCY_WEIGHT = 0.35;
