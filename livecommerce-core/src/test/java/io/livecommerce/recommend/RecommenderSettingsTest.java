package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RecommenderSettingsTest {

  @Test
  void printedSettingsParseBackToTheSameRecord() {
    assertEquals("factors=32,iterations=10,regularization=0.1,alpha=5,seed=42", AlsSettings.DEFAULTS.toString());
    Random r = new Random(1);
    for (int i = 0; i < 200; i++) {
      AlsSettings s = new AlsSettings(1 + r.nextInt(1024), 1 + r.nextInt(1000), r.nextDouble() * 100 + 1e-9,
          r.nextInt(3) == 0 ? r.nextInt(50) : r.nextDouble() * 40, r.nextLong());
      assertEquals(s, AlsSettings.parse(s.toString()), s.toString());
    }
    assertEquals(AlsSettings.DEFAULTS.withAlpha(1), AlsSettings.parse(" alpha = 1 "));
    assertEquals(AlsSettings.DEFAULTS, AlsSettings.parse(""));
  }

  @Test
  void everyTrainerStartsFromTheSameDefaults() {
    assertEquals(AlsSettings.DEFAULTS, ImplicitAls.newBuilder().build().settings());
    AlsSettings s = AlsSettings.parse("factors=8,alpha=2,seed=3");
    assertEquals(s, ImplicitAls.newBuilder().settings(s).build().settings());
  }

  @Test
  void badSettingsNameTheKeyAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlsSettings.parse("alpha=-1"));
    assertTrue(e.getMessage().contains("alpha") && e.getMessage().contains("-1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AlsSettings.parse("factor=8"));
    assertTrue(e.getMessage().contains("unknown ALS setting \"factor\""), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AlsSettings.parse("factors=8,factors=9"));
    assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AlsSettings.parse("iterations=ten"));
    assertTrue(e.getMessage().contains("iterations=\"ten\" is not a number"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new AlsSettings(0, 10, 0.1, 5, 1));
    assertTrue(e.getMessage().contains("factors"), e.getMessage());
  }

  @Test
  void aFixedFamilyAndSettingsOfAnotherAreRefusedNamingBoth() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ImplicitTuner.newBuilder().factors(8).family(ModelFamily.EASE).build());
    assertTrue(e.getMessage().startsWith("family(EASE) and factors(8) conflict"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> ImplicitTuner.newBuilder().family(ModelFamily.ALS).easeLambda(0.5).build());
    assertTrue(e.getMessage().startsWith("family(ALS) and easeLambda(0.5) conflict"), e.getMessage());
    ImplicitTuner.newBuilder().family(ModelFamily.BLEND).factors(8).easeLambda(0.5).build(); // no conflict
  }

  @Test
  void theFamilyRuleIsOne() {
    assertNull(ModelFamily.impliedBy(false, false));
    assertEquals(ModelFamily.ALS, ModelFamily.impliedBy(true, false));
    assertEquals(ModelFamily.EASE, ModelFamily.impliedBy(false, true));
    assertEquals(ModelFamily.BLEND, ModelFamily.impliedBy(true, true));
  }

  @Test
  void printedTrialSettingsParseBackToTheSameRecord() {
    Random r = new Random(2);
    for (int i = 0; i < 300; i++) {
      ModelFamily family = ModelFamily.values()[r.nextInt(3)];
      ImplicitTuner.Trial t = new ImplicitTuner.Trial(family, ConfidenceTransform.values()[r.nextInt(3)],
          r.nextInt(4) * 2.5, 1 + r.nextInt(128), 0.01 + r.nextInt(100) / 10.0, 1 + r.nextInt(30),
          Math.pow(10, r.nextInt(7) / 4.0 - 1), new BlendWeights(1, r.nextInt(3) / 4.0, r.nextInt(3) / 10.0, 0),
          r.nextDouble());
      String printed = t.describe();
      assertEquals(t.settings(), ImplicitSettings.parse(printed), printed);
      assertEquals(t.settings(), ImplicitSettings.parse(t.settings().format(", ")), printed);
    }
    assertEquals("family=ease,confidence=binary,easeLambda=0.316xmeanDiag,content=0,popularity=0",
        ImplicitSettings.parse("family=ease, confidence=binary, easeLambda=0.316xmeanDiag, content=0, popularity=0")
            .toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImplicitSettings.parse("family=svd,content=0"));
    assertTrue(e.getMessage().contains("family=\"svd\" is not one of [als, ease, blend]"), e.getMessage());
  }
}
