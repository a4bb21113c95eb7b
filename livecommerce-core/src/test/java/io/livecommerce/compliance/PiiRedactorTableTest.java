package io.livecommerce.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a host or viewer actually types, and the numbers that look like personal data but are not. The Luhn-valid
 * test numbers were completed by hand: 6222 0212 3456 7890 128 (19 digits), 4111 1111 1111 1111, 3782 822463 10005;
 * the order number 2026112900001230, the millisecond timestamp 1732876543205 and the EAN 6901234567801 pass Luhn
 * too, and must stay.
 */
class PiiRedactorTableTest {

  private static final PiiRedactor REDACTOR = PiiRedactor.create();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    // phones
    "电话13800138000|电话[PHONE_1]",
    "打 138 0013 8000 找我|打 [PHONE_1] 找我",
    "+86-139-1234-5678|[PHONE_1]",
    "手机号：１３８００１３８０００|手机号：[PHONE_1]",
    "12800138000 不是手机号|12800138000 不是手机号",
    // resident ids
    "身份证11010519491231002X|身份证[ID_1]",
    "身份证１１０１０５１９４９１２３１００２Ｘ|身份证[ID_1]",
    "身份证110105194912310021写错了|身份证110105194912310021写错了",
    // cards: grouping or context, always Luhn
    "卡号4111 1111 1111 1111|卡号[CARD_1]",
    "4111-1111-1111-1111|[CARD_1]",
    "6222 0212 3456 7890 128|[CARD_1]",
    "银行卡6222021234567890128|银行卡[CARD_1]",
    "卡号是：6222021234567890128|卡号是：[CARD_1]",
    "信用卡 4111111111111111|信用卡 [CARD_1]",
    "card 4111111111111111|card [CARD_1]",
    "3782 822463 10005|[CARD_1]",
    "卡号６２２２０２１２３４５６７８９０１２８|卡号[CARD_1]",
    "卡号4111 1111 1111 1112|卡号4111 1111 1111 1112",
    // numbers that pass Luhn but are not cards
    "订单号2026112900001230|订单号2026112900001230",
    "时间戳1732876543205|时间戳1732876543205",
    "条码6901234567801|条码6901234567801",
    "4111111111111111|4111111111111111",
    "编号6222021234567890128已发货|编号6222021234567890128已发货",
    "价格12999元，卖了2000单|价格12999元，卖了2000单",
    // e-mail
    "邮箱 zhang.san@example.com|邮箱 [EMAIL_1]",
    "邮箱 zhang.san＠example.com|邮箱 [EMAIL_1]",
    "ｌｉｓｉ＠ｅｘａｍｐｌｅ．ｃｎ|[EMAIL_1]",
    "@所有人 今晚八点开播|@所有人 今晚八点开播",
    // WeChat and QQ after their context words
    "加我微信 zhangsan_88|加我微信 [WECHAT_1]",
    "VX：lisi-2024 私聊|VX：[WECHAT_1] 私聊",
    "wx号 abc12345|wx号 [WECHAT_1]",
    "微信号是Wang_Mei01|微信号是[WECHAT_1]",
    "QQ 123456789|QQ [QQ_1]",
    "扣扣：10001234|扣扣：[QQ_1]",
    "qq号码 987654321 加我|qq号码 [QQ_1] 加我",
    "微信支付满减|微信支付满减",
    "QQ音乐会员|QQ音乐会员",
    "abc12345 是货号|abc12345 是货号",
    // addresses start at the address
    "寄到北京市朝阳区建国路88号2栋|寄到[ADDRESS_1]",
    "我家住在上海市浦东新区世纪大道100号|我家住在[ADDRESS_1]",
    "地址是杭州市西湖区文三路90号3单元|地址是[ADDRESS_1]",
    "发到广州市天河区体育东路12号|发到[ADDRESS_1]",
    // several kinds, repeated values share a placeholder
    "电话13800138000，微信 zhangsan_88，再打13800138000|电话[PHONE_1]，微信 [WECHAT_1]，再打[PHONE_1]",
    "这款面霜最好用|这款面霜最好用",
  })
  void redactsWhatIsPersonalAndLeavesTheRest(String text, String expected) {
    Redaction r = REDACTOR.redact(text);
    assertEquals(expected, r.text());
    assertEquals(text, r.restore(r.text()), "restoring gives back the exact original");
  }
}
