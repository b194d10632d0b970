import type { LanguageCues } from '../cues.ts';

/** Vietnamese, with and without its tone marks (both are typed). */
export const VI: LanguageCues = {
  capture_lead: [
    [0.9, ['báo giá', 'xem demo', 'book demo', 'đặt lịch demo', 'dùng thử']],
    [0.8, ['bộ phận sales', 'bộ phận kinh doanh', 'liên hệ với tôi', 'liên hệ mình', 'gọi cho tôi', 'gọi cho mình', 'tư vấn']],
    [0.6, ['giá', 'gói doanh nghiệp', 'mua']],
    [0.6, ['bảng giá', 'bao nhiêu tiền', 'chi phí']],
    // Looking for a product like ours, or wanting to learn about it: a lead when they leave an address (weak alone).
    [0.45, ['tìm hiểu gói', 'tìm hiểu sản phẩm', 'tìm hiểu dịch vụ', 'tìm hiểu phần mềm', 'gói cho doanh nghiệp', 'đang tìm một', 'đang tìm giải pháp']],
    // Wanting to put a product like ours in place: a lead when they leave an address (weak alone).
    [0.45, ['muốn triển khai', 'muốn lắp đặt', 'muốn đưa chatbot', 'muốn gắn']],
    // A product like ours wanted for the writer's own site: a lead when they leave an address (weak alone).
    [0.45, ['cần chatbot', 'chatbot cho website', 'cần một chatbot']],
  ],
  escalate_ticket: [
    // Cosmetic faults as people put them (hard to read, a spelling mistake, the wrong colour).
    [0.75, ['khó đọc', 'sai chính tả', 'chữ nhỏ', 'sai màu', 'màu hơi nhạt', 'lệch']],
    // Suggestions, parts of the screen cut off or too small to use, the same charge taken again.
    [0.8, ['nên cho phép', 'mong muốn có', 'thêm giúp', 'bị cắt', 'khó bấm', 'bị trừ 2 lần']],
    // An amount that does not match, nobody receiving, work asked of a person.
    [0.85, ['không khớp', 'sửa giúp', 'không khách nào', 'không ai nhận được', 'làm giúp', 'đổi giúp']],
    // Feature requests and cosmetic faults: low-priority work for a person, not a problem to fix now.
    [0.75, ['sao không thể', 'tại sao không có cách', 'góp ý', 'đề xuất', 'nên có', 'mong có', 'thêm tính năng', 'tính năng mới', 'bổ sung', 'lỗi chính tả', 'bị đè']],
    // Symptoms as people describe them, with when and whom it hits, but no keyword for "problem".
    [0.8, ["không vào được", "không hiện", "không hiển thị", "không gửi được", "không nhận được", "không lưu được", "không load", "bị lỗi", "treo", "chậm", "trắng trang", "màn hình trắng", "từ sáng", "từ hôm qua", "mấy tiếng", "mỗi lần", "phàn nàn", "mất dữ liệu", "bị trừ tiền", "trừ hai lần", "trừ 2 lần", "không truy cập được", "bị khóa", "không đăng nhập được"]],
    [0.85, ['không được', 'không thể', 'bị khóa', 'trừ nhầm', 'trừ sai', 'trừ thừa', 'tất cả khách hàng', 'toàn bộ khách hàng', 'không ai', 'xóa tài khoản', 'đổi thẻ', 'sửa giúp', 'kiểm tra giúp', 'xử lý giúp']],
    // Asking for a refund (not asking where one is) needs a person.
    [0.85, ['hoàn tiền cho mình', 'muốn hoàn tiền', 'trả lại tiền']],
    [0.95, ['không vào được', 'không đăng nhập được', 'ko vào được', 'k vào được', 'không truy cập được']],
    [0.95, ['trừ ... hai lần', 'trừ ... 2 lần', 'bị trừ tiền hai lần', 'thu hai lần']],
    [0.9, ['bị lỗi', 'báo lỗi', 'gặp lỗi', 'về lỗi', 'lỗi 5', 'không dùng được', 'không hoạt động', 'không chạy', 'bị sập', 'sập rồi', 'web sập', 'app sập', 'treo', 'không load']],
    [0.9, ['người lạ', 'bị hack', 'xâm nhập', 'đang xóa', 'bị xóa', 'mất dữ liệu', 'biến mất']],
    [0.9, ['xóa toàn bộ dữ liệu', 'xóa dữ liệu', 'dữ liệu cá nhân', 'xóa tài khoản']],
    [0.85, ['hủy gói', 'hủy đăng ký', 'hủy dịch vụ', 'ngừng gia hạn']],
    [0.85, ['hoàn tiền ... chưa', 'chưa nhận được', 'chưa thấy tiền']],
    [0.75, ['bị từ chối', 'sai', 'chậm', 'vấn đề', 'khiếu nại', 'bị khóa', 'thỉnh thoảng']],
    [0.6, ['màu sắc', 'màu chữ', 'font chữ', 'lệch']],
    [0.7, ['hai lần', '2 lần']],
    // A feature asked for is a (low-priority) ticket.
    [0.8, ['thêm tính năng', 'mong có', 'đề xuất', 'nên có']],
    // Blurred or fuzzy: cosmetic.
    [0.75, ['bị mờ', 'mờ quá']],
    // Offline, late, delayed: the service not there when it should be.
    [0.8, ['bị trễ', 'chậm trễ', 'offline']],
    // Something removed by mistake, to be restored.
    [0.85, ['xóa nhầm', 'khôi phục']],
    // Charged without notice or consent.
    [0.9, ['không báo trước', 'tự ý trừ']],
    // Nothing comes back: a search or a list that stays empty.
    [0.8, ['không ra kết quả', 'không tìm thấy']],
    // Suddenly: something changed on its own.
    [0.75, ['đột nhiên', 'tự nhiên bị']],
    // Mail landing in spam.
    [0.8, ['vào spam', 'thư rác']],
    // Asking for a person to talk something over.
    [0.85, ['gặp nhân viên', 'nói chuyện với người']],
    // Asking us to look at it.
    [0.55, ['xem giúp', 'kiểm tra giúp', 'check giúp', 'xem hộ']],
    // Records going away while you watch.
    [0.85, ['biến mất', 'mất dần', 'ngày càng ít']],
    // Changes only a person can make, asked of us.
    [0.85, ['đổi tên', 'đổi giúp', 'sửa giúp', 'hủy giúp', 'khóa giúp', 'ngừng trừ tiền', 'nhờ bên bạn đổi']],
    // A control that does nothing when used.
    [0.8, ['không có phản ứng', 'không phản hồi', 'bấm không được', 'không có gì xảy ra']],
    // Deleting an account or its data, with words between ("xoá hẳn tài khoản").
    [0.9, ['xóa ... tài khoản', 'xóa ... dữ liệu', 'xóa hẳn', 'xóa vĩnh viễn']],
    // One thing shown instead of another (weak alone: it may compare two plans).
    [0.5, ['thay vì']],
    // An invoice made out again or to another name: only a person can re-issue it.
    [0.85, ['xuất lại', 'tên công ty khác', 'xuất lại hóa đơn', 'xuất lại hoá đơn', 'đổi tên trên hóa đơn', 'điều chỉnh hóa đơn', 'sửa hóa đơn', 'sửa hoá đơn']],
    // Locked out when the sign-in code goes to an old phone number or address.
    [0.85, ['mã xác nhận', 'mã xác thực', 'số cũ', 'số điện thoại cũ']],
    // Something added to, changed on or split off an invoice: work only a person can do, though it names the invoice.
    [0.85, ['thêm ... vào hóa đơn', 'thêm ... vào hoá đơn', 'ghi ... vào hóa đơn', 'ghi ... vào hoá đơn', 'tách hóa đơn', 'tách hoá đơn', 'sửa ... trên hóa đơn']],
    // Still failing after the caller tried it themselves.
    [0.85, ['vẫn lỗi', 'vẫn bị lỗi', 'vẫn không được']],
    // The same charge taken twice, told as two identical charges.
    [0.9, ['hai khoản giống nhau', 'trừ hai lần', 'trừ tiền hai lần']],
  ],
  check_billing: [
    [0.9, ['hóa đơn của mình', 'phải trả', 'còn phải trả', 'khi nào trừ', 'ngày gia hạn', 'gói của tôi', 'đã thanh toán', 'thanh toán thành công', 'lịch sử giao dịch', 'biên nhận']],
    [0.9, ['hóa đơn', 'hoá đơn', 'biên lai', 'trừ tiền kỳ tới', 'kỳ tới', 'thanh toán ... chưa', 'lịch sử thanh toán', 'còn nợ', 'số dư', 'gia hạn']],
    [0.9, ['gói nào', 'gói hiện tại', 'gói của mình', 'tiền hoàn', 'hoàn tiền ... tới đâu', 'hoàn tiền ... đến đâu']],
    [0.7, ['thanh toán', 'trừ tiền', 'vat']],
    // The card on file, the trial end, where a refund is.
    [0.9, ['thẻ nào', 'thẻ đã lưu', 'dùng thử ... hết', 'hết hạn dùng thử']],
    // What will be taken next.
    [0.9, ['bị trừ bao nhiêu', 'trừ bao nhiêu', 'tháng sau ... bao nhiêu', 'kỳ sau ... bao nhiêu']],
  ],
};
