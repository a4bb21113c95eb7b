package io.livecommerce.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The third PII round, table-driven: each positive case names the values that must be gone from the redacted text
 * (separated by '|'); each negative case must come back unchanged. At least 0.95 of the positives fully redacted,
 * and no false positive.
 */
class PiiRound3Test {

  // 11010519491231002X is the standard's worked example; 4111111111111111 and 6222021234567891233 pass Luhn.
  static final String[][] POSITIVE = {
    // Phones: groupings, country code, brackets, dots.
    {"电话 +86 (138) 1234 5678 找我", "1234 5678"},
    {"打 138.1234.5678", "138.1234.5678"},
    {"手机1381 234 5678", "1381 234 5678"},
    {"联系 138-1234-5678", "138-1234-5678"},
    {"+8613812345678", "13812345678"},
    {"86 138 1234 5678", "138 1234 5678"},
    {"电话(0)13812345678", "13812345678"},
    // Phones in Chinese numerals.
    {"电话一三八一二三四五六七八", "一三八一二三四五六七八"},
    {"打幺三八幺二三四五六七八", "幺三八幺二三四五六七八"},
    {"壹叁捌壹贰叁肆伍陆柒捌", "壹叁捌壹贰叁肆伍陆柒捌"},
    {"一三八 一二三四 五六七八", "一二三四 五六七八"},
    // Landlines, Hong Kong, Taiwan.
    {"座机010-12345678", "010-12345678"},
    {"门店电话0755 1234 5678", "0755 1234 5678"},
    {"总机 021-6543-2100", "021-6543-2100"},
    {"香港 +852 9123 4567", "9123 4567"},
    {"香港电话 852-6123-4567", "6123-4567"},
    {"台湾 +886 912 345 678", "912 345 678"},
    {"台湾手机 0912-345-678", "0912-345-678"},
    // IDs: lowercase x, dashes, spaces, 15 digits, passports and permits.
    {"身份证11010519491231002x", "11010519491231002x"},
    {"身份证 110105-19491231-002X", "110105-19491231-002X"},
    {"证件号 110105 1949 1231 002X", "110105 1949 1231 002X"},
    {"身份证号 110105491231002", "110105491231002"},
    {"护照号 E12345678", "E12345678"},
    {"护照 G12345678 已寄出", "G12345678"},
    {"港澳通行证 C12345678", "C12345678"},
    {"回乡证 H12345678", "H12345678"},
    {"台胞证 12345678", "12345678"},
    // E-mails, plain and obfuscated.
    {"邮箱 zhang.san@example.com", "zhang.san"},
    {"发到 zhangsan at qq dot com", "zhangsan"},
    {"邮箱 zhangsan#qq.com", "zhangsan"},
    {"zhangsan(at)163.com 联系", "zhangsan"},
    {"邮箱zhangsan@qq。com", "zhangsan"},
    {"邮箱 zhangsan @ qq.com", "zhangsan"},
    {"lisi[at]gmail[dot]com", "lisi"},
    // Cards.
    {"打到这张卡 6222021234567891233", "6222021234567891233"},
    {"转账到 4111.1111.1111.1111", "4111.1111.1111.1111"},
    {"卡号：4111 1111 1111 1111", "4111 1111 1111 1111"},
    {"收款卡 6222-0212-3456-7891-233", "6222-0212-3456-7891-233"},
    // Contact ids.
    {"企鹅号 12345678", "12345678"},
    {"Q：87654321 加我", "87654321"},
    {"➕V：zhangsan_88", "zhangsan_88"},
    {"加v zhangsan_88", "zhangsan_88"},
    {"微信号：zs_2026abc", "zs_2026abc"},
    {"QQ 123456789", "123456789"},
    // Names after their words, licence plates.
    {"收件人：张三，电话13812345678", "张三|13812345678"},
    {"收件人王小明", "王小明"},
    {"收货人 李四 已签收", "李四"},
    {"车牌京A12345", "京A12345"},
    {"我的车是粤B·D12345", "D12345"},
    {"车牌号 沪C-88888", "88888"},
    // Addresses with building, unit and room.
    {"寄到北京市朝阳区建国路88号3号楼2单元501室", "建国路88号|3号楼|2单元|501"},
    {"地址：杭州市西湖区文三路100号B座1203", "文三路100号|1203"},
    {"住在上海市浦东新区世纪大道1号2栋3-2-501", "世纪大道1号|3-2-501"},
    {"送到深圳市南山区科技路8号5栋1801", "科技路8号|1801"},
  };

  static final String[] NEGATIVE = {
    "快递单号 1234 5678 9012 3456 已发出",
    "运单号：4111 1111 1111 1111",
    "订单号110105194912310021",
    "价格12999元，今天卖了2000单",
    "SPF50+ 防晒，编号4111111111111112",
    "第一二三四五六七八个福袋",
    "一二三四五六七八九十都数一遍",
    "三五成群的家人们",
    "买一送一，第二件半价",
    "时间 2026-12-05 20:00",
    "尺码 165/84A",
    "颜色编号 E12 和 G34",
    "满300减40，领券再减20",
    "京东同款，天猫也有",
    "A12345 是货号",
    "收件人请当面验货",
    "联系客服处理",
    "我们在3号楼直播",
    "型号 C12345678 的充电器",
    "at the store dot matrix",
    "限时 10:00-12:00",
    "今天第 138 单",
    "销量 1381 2345 件",
    "版本 4.1.1.1",
    "早上8点开播",
    "宝贝编号 20261205123456",
    "积分 138.12 分",
  };

  @Test
  void round3CasesAreRedactedAndNegativesStay() {
    PiiRedactor r = PiiRedactor.create();
    assertTrue(POSITIVE.length + NEGATIVE.length >= 80);
    int full = 0;
    List<String> missed = new ArrayList<>();
    for (String[] c : POSITIVE) {
      String out = r.redact(c[0]).text();
      boolean ok = true;
      for (String v : c[1].split("\\|")) {
        ok &= !out.contains(v);
      }
      if (ok) {
        full++;
      } else {
        missed.add(c[0] + " => " + out);
      }
    }
    List<String> wrong = new ArrayList<>();
    for (String n : NEGATIVE) {
      String out = r.redact(n).text();
      if (!out.equals(n)) {
        wrong.add(n + " => " + out);
      }
    }
    System.out.println("PII missed " + missed.size() + ": " + missed);
    System.out.println("PII false positives " + wrong.size() + ": " + wrong);
    assertEquals(List.of(), wrong, "no false positive");
    assertTrue(full >= 0.95 * POSITIVE.length, full + " of " + POSITIVE.length + " fully redacted: " + missed);
  }
}
