import type { LanguageCues } from '../cues.ts';

/** Chinese (simplified and traditional): how people ask for sales, report problems and ask about their bill. */
export const ZH: LanguageCues = {
  capture_lead: [
    [0.9, ['演示', '預約演示', '试用账号', '报价', '報價', '询价', '詢價']],
    [0.85, ['销售 ... 联系', '銷售 ... 聯繫', '联系我', '聯繫我', '聯絡我', '请销售', '找销售']],
    [0.6, ['价格', '價格', '企业版', '企業版', '采购', '購買', '购买']],
    [0.9, ['展示', '產品展示', '产品展示', '方案报价']],
    [0.6, ['介绍一下', '介紹一下', '多少钱', '多少錢']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['想了解一下', '想了解你们', '想了解貴', '我们在找', '我們在找', '正在找一款', '正在物色']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['想接入', '想部署', '打算上线', '打算上線', '想在网站上', '想在網站上']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['网站客服机器人', '網站客服機器人', '客服机器人', '客服機器人']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['看不清', '错别字', '字太小', '颜色不对', '错位']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['能不能加', '希望能', '建议增加', '最好能', '显示不全', '被挡住', '一条条消失', '在消失', '用我的账号', '没操作过']],
    // "V不了": the verb cannot be done (付不了, 下不了单); money taken in two transactions (两笔).
    [0.85, ['付不了', '下不了', '登不了', '发不了', '收不了', '进不了', '提交不了', '保存不了', '上传不了', '打开不了', '一单都', '两笔', '扣了两笔', '重复收费', '多收了']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['对不上', '请更正', '没有一个客户', '都收不到', '帮我改', '帮我处理']],
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['为什么不能', '为什么没有办法', '怎么不能', '建议', '希望能', '能不能加', '能否增加', '可以加个', '加一个', '增加一个', '新功能', '功能需求', '错别字', '重叠']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["打不开", "登不上", "进不去", "加载不出", "显示不出", "不显示", "收不到", "发不出", "白屏", "卡住", "卡死", "很慢", "从早上", "从昨天", "几个小时", "每次", "投诉", "所有客户", "多扣", "重复扣款", "扣了两次", "扣款两次", "丢失", "不见了", "崩溃", "闪退", "报错", "出错", "异常", "无法", "不能用", "用不了", "打不開", "登不進", "載入", "當機", "錯誤"]],
    [0.85, ['不能用', '不能登录', '不能访问', '不能打开', '无法', '無法', '失效', '登不了', '多收', '收错', '乱扣', '不是我', '所有客户', '全部客户', '所有用户', '没有人能', '删除账号', '删除帐号', '换卡', '更换 ... 卡', '请处理', '请尽快处理', '请修复', '修一下']],
    [0.95, ['扣了两次', '扣了兩次', '扣 ... 两次', '扣 ... 兩次', '重复扣', '重複扣', '多扣', '扣了双倍']],
    [0.95, ['无法登录', '無法登入', '登不上', '登录不了', '登不进', '进不去', '進不去']],
    [0.9, ['打不开', '打不開', '用不了', '无法使用', '無法使用', '不能用', '报错', '報錯', '故障', '崩溃', '崩潰', '宕机', '挂了', '白屏', '卡住', '卡死', '没反应', '沒反應']],
    [0.9, ['退款 ... 没到', '退款 ... 還沒', '退款 ... 还没', '还没到账', '還沒到帳', '没收到退款']],
    [0.9, ['删除 ... 个人信息', '刪除 ... 個人資料', '删除 ... 数据', '注销账号', '註銷帳號', '个人信息保护法', '個資法', '查阅 ... 个人信息']],
    [0.85, ['取消订阅', '取消訂閱', '退订', '帮我取消', '马上取消', '立即取消']],
    [0.9, ['被盗', '被盜', '被黑', '陌生 ... 登录', '有人登录', '有人登入', '数据丢失', '數據丟失', '被删除', '被刪除']],
    [0.75, ['出错', '出錯', '错误', '錯誤', '异常', '異常', '失败', '失敗', '不对', '不對', '有误', '有誤', '乱码', '亂碼']],
    [0.6, ['有问题', '出问题', '有問題', '出問題', '投诉', '投訴', '很慢', '偶尔', '偶爾', '颜色', '顏色', '字体', '錯字']],
    [0.7, ['两次', '兩次', '重复', '重複']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['希望增加', '希望能', '建议增加', '能不能加', '能否增加', '希望支持']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['模糊']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['延迟', '延遲', '离线', '離線']],
    // Something removed by mistake, to be restored.
    [0.85, ['误删', '誤刪', '恢复', '恢復']],
    // Charged without notice or consent.
    [0.9, ['没有通知', '沒有通知', '未经同意', '未經同意']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['搜不到', '什么都没有', '什麼都沒有']],
    // Suddenly: something changed on its own.
    [0.75, ['突然']],
    // Mail landing in spam.
    [0.8, ['垃圾邮件', '垃圾郵件']],
    // Asking for a person to talk something over.
    [0.85, ['人工客服', '转人工', '轉人工', '真人']],
    // Asking us to look at it.
    [0.55, ['帮忙看一下', '幫忙看一下', '帮我看看', '幫我看看', '帮忙看看', '幫忙看看']],
    // Records going away while you watch; lists that come back empty.
    [0.85, ['越来越少', '越來越少', '消失', '是空的', '一片空白', '空白']],
    // Stopping an account and its charges: only a person can.
    [0.85, ['停用', '别再扣', '別再扣', '不要再扣', '停止扣', '不再扣', '关闭账号', '關閉帳號', '关闭帐号', '關掉帳號']],
    // One thing shown instead of another (weak alone: it may compare two plans).
    [0.5, ['而不是', '显示成', '顯示成']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['重开发票', '重開發票', '重新开票', '重新開票', '改抬头', '改抬頭', '抬头改', '抬頭改', '发票抬头', '發票抬頭']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['验证码', '驗證碼', '旧号码', '舊號碼', '旧手机号', '舊手機號']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['发票上加', '發票上加', '发票上 ... 加上', '發票上 ... 加上', '拆分发票', '拆分發票', '发票拆', '發票拆', '修改发票', '修改發票']],
  ],
  check_billing: [
    [0.9, ['我的账户余额', '应付', '待付', '要交多少', '要付多少', '什么时候扣', '什么时候续费', '到期', '付了没', '付款成功', '交易记录', '消费记录', '缴费', '扣了多少']],
    [0.9, ['账单', '帳單', '欠多少', '还欠', '欠费', '余额', '餘額', '扣费', '扣費', '续费', '續費', '发票', '發票', '收据', '收據']],
    [0.9, ['付款 ... 成功', '支付 ... 成功', '付的款', '付款记录', '付款紀錄', '支付记录', '扣款记录', '缴费记录']],
    [0.9, ['我的套餐', '什么套餐', '哪个套餐', '当前套餐', '我的方案', '哪个方案', '哪個方案', '退款 ... 进度', '退款 ... 進度', '退款 ... 状态', '退款 ... 到哪']],
    [0.6, ['付款', '支付', '费用', '費用', '订阅', '訂閱']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['哪张卡', '绑定的卡', '試用期', '试用期 ... 到', '试用 ... 到期']],
    // The next charge, in traditional or simplified characters.
    [0.9, ['下次扣款', '下次扣费', '下次扣費', '下次付款', '下次續費', '下次续费', '什麼時候扣', '什么时候收费', '什麼時候收費', '下個月扣', '下个月扣']],
    // What the next charge takes, what is still owed, where a refund is, in everyday words.
    [0.9, ['扣我多少', '要扣多少', '扣多少钱', '扣多少錢', '我还欠', '我還欠', '还欠你们', '還欠你們']],
  ],
};
