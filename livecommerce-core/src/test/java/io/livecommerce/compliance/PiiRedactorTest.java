package io.livecommerce.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PiiRedactorTest {

  private final PiiRedactor redactor = PiiRedactor.create();

  @Test
  void redactsEveryKindAndRestores() {
    // 11010519491231002X is the standard's worked example with a valid check digit; 4111 1111 1111 1111 passes Luhn.
    String text = "收货人电话13800138000，身份证11010519491231002X，卡号4111 1111 1111 1111，"
        + "邮箱 zhang.san@example.com，地址北京市朝阳区建国路88号2栋1单元，再打一次13800138000";
    Redaction r = redactor.redact(text);
    assertFalse(r.text().contains("13800138000"), r.text());
    assertFalse(r.text().contains("11010519491231002X"));
    assertFalse(r.text().contains("4111"));
    assertFalse(r.text().contains("zhang.san"));
    assertFalse(r.text().contains("建国路88号"), r.text());
    assertTrue(r.text().contains("[PHONE_1]") && r.text().contains("[ID_1]") && r.text().contains("[CARD_1]")
        && r.text().contains("[EMAIL_1]") && r.text().contains("[ADDRESS_1]"), r.text());
    assertFalse(r.text().contains("[PHONE_2]"), "the same number gets the same placeholder");
    assertEquals(text, r.restore(r.text()));
    assertFalse(r.toString().contains("13800138000"), "toString hides originals");
  }

  @Test
  void precisionInvalidNumbersAndOrdinaryTextStay() {
    String text = "订单号110105194912310021，价格12999元，今天卖了2000单，SPF50+ 防晒，编号4111111111111112";
    Redaction r = redactor.redact(text);
    assertEquals(text, r.text(), "wrong check digit, failed Luhn, ordinary numbers stay");
    assertFalse(r.redactedAnything());
    assertTrue(PiiRedactor.validId("11010519491231002X"));
    assertFalse(PiiRedactor.validId("110105194912310021"));
    assertTrue(PiiRedactor.luhn("4111-1111-1111-1111"));
  }

  @Test
  void phonesWithSeparatorsAndCountryCode() {
    Redaction r = redactor.redact("联系 +86 138-0013-8000 或 139 1234 5678");
    assertEquals("联系 [PHONE_1] 或 [PHONE_2]", r.text());
  }
}
