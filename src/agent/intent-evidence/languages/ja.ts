import type { LanguageCues } from '../cues.ts';

/** Japanese: polite and plain forms of asking for sales, reporting problems and asking about billing. */
export const JA: LanguageCues = {
  capture_lead: [
    [0.9, ['デモ', '見積', 'お見積', '資料請求', '商談']],
    [0.85, ['営業 ... 連絡', '連絡ください', 'ご連絡ください', '導入 ... 検討']],
    [0.6, ['料金', '価格', '購入', '契約したい']],
    [0.85, ['営業']],
    // Considering, introducing, asking what it costs.
    [0.6, ['導入', '検討', '本契約', 'お話し', '説明', 'いくら', '費用']],
    [0.85, ['資料']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['探しています', '詳しく知りたい', '詳しく聞きたい', '導入を考え']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['チャットボットを入れ', 'チャットボットを導入', 'サイトにチャット']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['読みにくい', '見にくい', '誤字', '文字が小さ', '色が違', 'ずれて']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['できるようにしてほしい', 'あると便利', 'はみ出', '押しにくい', '見切れ', '2回引き落と', '二重に引き落と', '二重請求']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['合わない', '訂正して', '修正して', '誰も受け取', '届いていない', '代わりに', 'してもらえ']],
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['なぜできない', 'なんでできない', 'どうしてできない', '要望', '機能追加', '追加してほしい', '追加して欲しい', 'あると助かり', 'あったら嬉しい', 'あると嬉しい', '提案', '誤字', '重なって']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["反映されない", "反映されません", "届きません", "読み込", "真っ白", "重い", "落ちる", "できなくなり", "消えて", "タイムアウト", "繋がりません", "つながりません", "送信できな", "受信できな", "同期されな", "困って", "異常", "応答がな", "返事がな", "朝から", "昨日から", "数時間", "毎回", "顧客から", "クレーム"]],
    [0.85, ['できません', 'できない', '開かない', '開けません', '繋がらない', 'つながらない', 'ロックされ', '多く請求', '請求額が違', '覚えのない', '全ての顧客', 'すべてのお客様', '全員', '誰も', '変更してください', 'カードを変更', '直してください', '対応してください', '確認してください']],
    [0.95, ['ログインできない', 'ログインできません', 'ログインできず', '入れない', '入れません', 'アクセスできない', 'アクセスできません']],
    [0.95, ['二重請求', '二重に', '2回 ... 引き落と', '二回 ... 引き落と', '2回 ... 請求']],
    [0.9, ['表示されない', '表示されません', '使えない', '使えません', '動かない', '動きません', '障害', '不具合', 'エラー', '落ちて', '止まって', '止まりました']],
    [0.9, ['身に覚えのない', '不正アクセス', '不正 ... ログイン', '乗っ取', '勝手に', 'データが消え', '消えました']],
    [0.85, ['返金 ... まだ', '入金されていません', '届いていません', '届かない']],
    [0.85, ['解約', '退会', '削除してください', '消してほしい', 'アカウント ... 削除']],
    [0.9, ['個人情報保護法', '開示 ... 請求', '開示をお願い']],
    [0.75, ['文字化け', 'おかしい', '失敗', '間違', '遅い', '固まる', 'フリーズ']],
    [0.6, ['違います', '問題', 'ずれて', '色が', 'フォント', '誤字', '苦情']],
    // Something gone missing or not found.
    [0.85, ['見当たらない', '見当たりません', '見つからない', '見つかりません', 'なくなっ', '消え']],
    // Sometimes, halfway, on a retry: an intermittent fault.
    [0.75, ['時々', 'ときどき', 'たまに', '途中で', 'やり直すと', '止まる']],
    // Asking us to stop or change something in the contract.
    [0.85, ['止めてもらえ', '止めてください', '停止してください', '解除してください', '変更してもらえ']],
    // Negative potential and "will not start" forms of the things people do in an app.
    [0.85, ['起動しな', '起動しません', '起動できな', '進めな', '進めません', '開きません', '押せな', '押せません', '送れな', '送れません', '見れな', '見られな', '届かな']],
    // The same charge twice.
    [0.9, ['二件', '2件', '二通', '重複']],
    [0.7, ['二回', '2回', '何度も']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['機能がほしい', '機能が欲しい', '追加してほしい', '追加して欲しい', 'できるようにしてほしい', 'できるようにしてください', 'できるようにして欲しい', 'できるようにしていただけ', '機能を追加']],
    // Someone else signed in.
    [0.9, ['知らない端末', 'ログインされ', '不審なログイン', '不審な']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['ぼやけ', 'ぼやけて', 'にじんで']],
    // Customers report it: a fault told at second hand.
    [0.8, ['お客様から', '相次い', '通りません', '通らない']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['オフライン', '遅れて', '遅延', '使い物にならな']],
    // A count that reads zero, or contradicts what happened.
    [0.75, ['0になって', '0件', 'ゼロ', 'なのに']],
    // Something removed by mistake, to be restored.
    [0.85, ['復元', '誤って', '間違えて削除', '元に戻']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['何も出', '何も表示', '出てきません', '結果が出', 'ヒットしな']],
    // Charged without notice or consent.
    [0.9, ['予告なく', '予告なし', '無断で', '課金され']],
    [0.85, ['落ちま', '競合']],
    // "〜てしまう": an unintended result; negative potentials of other verbs.
    [0.8, ['てしまい', 'てしまう', 'てしまっ', 'ちゃう', 'ちゃった', 'げません', 'けません', 'せません', 'べません']],
    // Suddenly: something changed on its own.
    [0.75, ['急に', '突然', '外れ']],
    // Mail landing in spam.
    [0.8, ['迷惑メール']],
    // Asking for a person to talk something over.
    [0.8, ['人と話したい', '担当者と話したい', 'サポートの人', '相談があります']],
    [0.85, ['更新してください', '登録してください', '個人情報', '2回決済', '二回決済', '2回 ... 決済', '二重課金']],
    // Data requests and deletions, changing the card, money taken.
    [0.85, ['削除をお願い', '削除して', '私に関するデータ', 'データのコピー', 'カード ... 替え', '新しいカードに', 'があると嬉しい', 'があると助かる', '引かれた']],
    // Does not become, does not ring, stays stopped, suspended although paid, a procedure asked of us.
    [0.85, ['になりません', 'にならない', '鳴りません', '鳴らない', '遅すぎ', '止まった', 'まま', '利用停止', '支払い済みなのに', '支払ったのに', '手続きお願い', '手続きをお願い']],
    // Asking us to look into it.
    [0.55, ['見てもらえ', '確認してもらえ', '調べてください', '調べてもらえ']],
    // Records going away while you watch.
    [0.85, ['減って', '減っていき', '消えていき', '消えていく']],
    // A control that does nothing when used.
    [0.8, ['何も起きな', '何も起こらな', '反応しな', '反応がありません']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['宛名 ... 変更', '宛名を変え', '宛名を修正', '別の会社名', '請求書を作り直']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['認証コード', '確認コード', '古い電話番号', '前の電話番号', '以前の番号']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['請求書に ... 追加', '請求書に ... 記載して', '請求書を分け', '請求書を分割']],
  ],
  check_billing: [
    [0.9, ['支払い', 'お支払い', '請求金額', '請求はいくら', '支払いはいくら', '料金の確認', '更新日', '契約プラン', '利用明細', '入金 ... 確認', '支払い済み', '決済']],
    [0.9, ['請求書', '領収書', '引き落とし', '引落し', '次回 ... 請求', '請求額', '未払い', '残高', '支払い状況', '支払 ... 完了', '決済 ... 完了', '支払い履歴', '請求 ... 履歴']],
    [0.9, ['どのプラン', '今のプラン', '現在のプラン', '契約中のプラン', 'プラン ... 何', '返金 ... 状況', '返金 ... どう']],
    [0.75, ['請求', '支払', '消費税', '明細', '更新日']],
    [0.9, ['返金 ... 処理', '返金 ... され', '返金 ... 済', '返金 ... いつ']],
    [0.9, ['更新 ... いつ', '契約の更新', '更新日']],
    [0.9, ['契約内容', 'いくら払', 'いくら支払']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['登録しているカード', '登録カード', '登録済みのカード', 'どのカード', 'トライアル ... いつまで', '無料期間 ... いつまで', '試用期間']],
    // What the total comes to this month.
    [0.9, ['合計金額', '合計', '総額', '月額']],
    [0.9, ['引き落とされ', 'プランになって', 'プランに変わって']],
    [0.9, ['いつ更新', 'サブスク']],
    // What the next charge takes, what is still owed, where a refund is, in everyday words.
    [0.9, ['振り込まれましたか', '返金はもう', '返金 ... 振り込まれ']],
  ],
};
