package io.livecommerce.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our vectors equal langchain4j's reference implementation of the same models. */
class ParityTest {

  static final List<String> TEXTS = List.of(
      "家人们，今天这款补水面霜真的太好用了",
      "敏感肌也能放心用的氨基酸洗面奶",
      "直播间专属价，拍一发二，库存有限",
      "这款蓝牙耳机降噪效果怎么样？",
      "宝宝辅食米粉，无添加，六个月以上可以吃",
      "冬季加厚羽绒服，零下二十度也不怕冷",
      "新疆阿克苏冰糖心苹果，脆甜多汁",
      "扫地机器人自动回充，一键清扫全屋",
      "主播亲测：这支口红黄皮也能驾驭",
      "点赞到一万，给大家上福利",
      "满300减50，叠加店铺券更划算",
      "今晚八点准时开播，不见不散",
      "Wireless earbuds with active noise cancelling",
      "Hydrating face cream for dry and sensitive skin",
      "Limited time offer: buy one get one free",
      "This stainless steel thermos keeps water hot for 12 hours",
      "Lightweight running shoes with breathable mesh",
      "Organic baby formula, gentle on little tummies",
      "Smart robot vacuum that maps your whole home",
      "Tap the cart below to grab yours before the stream ends",
      "Our host tried this lipstick on camera, swatches look great",
      "Free shipping on all orders over 99 yuan tonight",
      "这款iPhone手机壳防摔耐磨",
      "Winter down jacket 羽绒服 轻薄保暖");

  private static void assertParity(OnnxTextEmbedder ours, EmbeddingModel reference) {
    for (String text : TEXTS) {
      float[] expected = reference.embed(text).content().vector();
      float[] actual = ours.embed(text);
      assertEquals(expected.length, actual.length, text);
      for (int j = 0; j < expected.length; j++) {
        assertEquals(expected[j], actual[j], 1e-5, () -> "text '" + text + "'");
      }
    }
  }

  @Test
  void bgeSmallZhQuantizedMatchesLangchain4j() {
    // langchain4j does not lower-case, so compare with lower-casing off; the texts include upper case.
    try (OnnxTextEmbedder ours = OnnxTextEmbedder.newBuilder()
        .preset(ModelPreset.BGE_SMALL_ZH_Q).lowerCase(false).build()) {
      assertParity(ours, new BgeSmallZhV15QuantizedEmbeddingModel());
    }
  }

  @Test
  void allMiniLmL6QuantizedMatchesLangchain4j() {
    try (OnnxTextEmbedder ours = OnnxTextEmbedder.allMiniLmL6()) {
      assertParity(ours, new AllMiniLmL6V2QuantizedEmbeddingModel());
    }
  }
}
