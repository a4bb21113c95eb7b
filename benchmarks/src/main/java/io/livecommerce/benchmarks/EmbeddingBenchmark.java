package io.livecommerce.benchmarks;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.livecommerce.embedding.OnnxTextEmbedder;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentences per second on the same 256 live-commerce texts: our {@code OnnxTextEmbedder.bgeSmallZh()}, langchain4j's
 * {@code BgeSmallZhV15QuantizedEmbeddingModel}, and raw ONNX Runtime loops over pre-tokenized input (no tokenizing,
 * pooling or normalizing), which bound what any wrapper of this model can do here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@OperationsPerInvocation(EmbeddingBenchmark.TEXTS)
public class EmbeddingBenchmark {

  static final int TEXTS = 256;

  List<String> texts;
  List<TextSegment> segments;
  OnnxTextEmbedder ours;
  BgeSmallZhV15QuantizedEmbeddingModel langchain4j;
  OrtEnvironment env;
  OrtSession rawSession;
  OrtSession rawSessionIntraOp2;
  long[][] ids;
  ExecutorService rawPool;

  /** 256 deterministic texts of about 20 to 40 tokens. */
  static List<String> texts() {
    String[] products = {"补水保湿面霜", "无线蓝牙耳机", "儿童保温杯", "轻薄羽绒服", "冰糖心苹果", "扫地机器人",
        "氨基酸洗面奶", "跑步鞋", "五常大米", "空气炸锅", "Wireless earbuds", "running shoes"};
    String[] pitches = {"家人们今天直播间专属价，拍一发二", "敏感肌也能放心用，主播亲测一个月",
        "库存不多了，喜欢的宝宝抓紧下单", "满300减50还能叠加店铺优惠券", "限时秒杀，前一百单送同款小样",
        "this one is our best seller tonight", "点赞到一万给大家上福利"};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < TEXTS; i++) {
      out.add(products[i % products.length] + "，" + pitches[(i * 5) % pitches.length] + "，" + (i + 1) + "号链接");
    }
    return out;
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    texts = texts();
    segments = texts.stream().map(TextSegment::from).toList();
    ours = OnnxTextEmbedder.bgeSmallZh();
    langchain4j = new BgeSmallZhV15QuantizedEmbeddingModel();
    env = OrtEnvironment.getEnvironment();
    byte[] model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bge-small-zh-v1.5-q.onnx")) {
      model = in.readAllBytes();
    }
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(1);
      rawSession = env.createSession(model, o);
    }
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(2);
      rawSessionIntraOp2 = env.createSession(model, o);
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bge-small-zh-v1.5-q-tokenizer.json");
        HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "maxLength", "512"))) {
      ids = new long[TEXTS][];
      for (int i = 0; i < TEXTS; i++) {
        Encoding e = tok.encode(texts.get(i).toLowerCase(java.util.Locale.ROOT));
        ids[i] = e.getIds();
      }
    }
    rawPool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    System.out.printf("mean tokens per text: %.1f%n", Arrays.stream(ids).mapToInt(a -> a.length).average().orElse(0));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws OrtException {
    ours.close();
    rawSession.close();
    rawSessionIntraOp2.close();
    rawPool.shutdownNow();
  }

  @Benchmark
  public List<float[]> ours() {
    return ours.embedAll(texts);
  }

  @Benchmark
  public Object langchain4j() {
    return langchain4j.embedAll(segments).content();
  }

  /** Ceiling for our design: one shared session, two threads, one pre-tokenized sequence per run. */
  @Benchmark
  public float rawOrtTwoThreads() throws Exception {
    List<Future<Float>> parts = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      final int part = p;
      parts.add(rawPool.submit(() -> {
        float s = 0;
        for (int i = part; i < TEXTS; i += 2) {
          s += runRaw(rawSession, ids[i]);
        }
        return s;
      }));
    }
    float s = 0;
    for (Future<Float> f : parts) {
      s += f.get();
    }
    return s;
  }

  /** The other shape of a ceiling: one thread, the session's own two intra-op threads. */
  @Benchmark
  public float rawOrtIntraOp2() throws OrtException {
    float s = 0;
    for (long[] seq : ids) {
      s += runRaw(rawSessionIntraOp2, seq);
    }
    return s;
  }

  private float runRaw(OrtSession session, long[] seq) throws OrtException {
    long[] shape = {1, seq.length};
    long[] mask = new long[seq.length];
    Arrays.fill(mask, 1);
    try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(seq), shape);
        OnnxTensor b = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor c = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[seq.length]), shape);
        OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
      FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
      return fb.get(0);
    }
  }
}
