package io.livecommerce.llm.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.script.ScriptGenerationException;
import io.livecommerce.script.ScriptRequest;
import io.livecommerce.script.ScriptSegment;
import io.livecommerce.script.SegmentKind;
import io.livecommerce.script.TemplateScriptGenerator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts a generated script must have: which, in what order, the JSON schema that makes a grammar enforce them,
 * and the repair of a script that lacks some. Stateless and thread-safe. Package-private.
 */
final class ScriptParts {

  private static final Logger LOG = LoggerFactory.getLogger(ScriptParts.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptParts() {}

  /**
   * The script's JSON schema: with {@code kinds}, exactly those segments in that order (a tuple, so a grammar built
   * from it cannot stop after one segment); without, 1 to 7 segments of any kind.
   */
  static JsonNode schema(List<SegmentKind> kinds) {
    ObjectNode root = JSON.createObjectNode().put("type", "object");
    ObjectNode segments = root.putObject("properties").putObject("segments").put("type", "array");
    if (kinds.isEmpty()) {
      segments.put("minItems", 1).put("maxItems", 7);
      segment(segments.putObject("items"), List.of(SegmentKind.values()), 160);
    } else {
      // All parts must fit the default 1,500 tokens of a character-level model too: 840 characters for seven.
      segments.put("minItems", kinds.size()).put("maxItems", kinds.size());
      ArrayNode tuple = segments.putArray("prefixItems");
      for (SegmentKind k : kinds) {
        segment(tuple.addObject(), List.of(k), Math.min(160, 840 / kinds.size()));
      }
    }
    root.putArray("required").add("segments");
    root.put("additionalProperties", false);
    return root;
  }

  private static void segment(ObjectNode item, List<SegmentKind> kinds, int maxLength) {
    item.put("type", "object");
    ObjectNode props = item.putObject("properties");
    ArrayNode enumeration = props.putObject("kind").putArray("enum");
    kinds.forEach(k -> enumeration.add(k.name()));
    props.putObject("text").put("type", "string").put("minLength", 1).put("maxLength", maxLength);
    props.putObject("seconds").put("type", "integer").put("minimum", 1).put("maximum", 600);
    item.putArray("required").add("kind").add("text").add("seconds");
    item.put("additionalProperties", false);
  }

  /** The segments a script for {@code request} must have, in order: PROMOTION only when it has a promotion. */
  static List<SegmentKind> required(Set<SegmentKind> required, ScriptRequest request) {
    List<SegmentKind> out = new ArrayList<>();
    for (SegmentKind k : SegmentKind.values()) {
      if (required.contains(k) && (k != SegmentKind.PROMOTION || request.promotion() != null)) {
        out.add(k);
      }
    }
    return out;
  }

  /**
   * {@code segments} with every required kind: a missing one is taken from the template generator's script for the
   * same request and put where its kind belongs; when the kinds present are out of order they are put in order
   * (stable, so several products' pitches keep theirs). Rejects instead when repair is off.
   */
  static List<ScriptSegment> complete(List<ScriptSegment> segments, ScriptRequest request, List<SegmentKind> need,
      boolean repairIncomplete) {
    Set<SegmentKind> have = EnumSet.noneOf(SegmentKind.class);
    segments.forEach(x -> have.add(x.kind()));
    List<SegmentKind> missing = need.stream().filter(k -> !have.contains(k)).toList();
    boolean ordered = true;
    SegmentKind last = null;
    for (ScriptSegment x : segments) {
      if (last != null && x.kind().ordinal() < last.ordinal() && need.contains(x.kind())) {
        ordered = false;
      }
      last = x.kind();
    }
    if (missing.isEmpty() && ordered) {
      return segments;
    }
    if (!repairIncomplete) {
      throw new ScriptGenerationException("the model's script " + (missing.isEmpty() ? "has its parts out of order"
          : "lacks " + missing) + "; required, in order: " + need);
    }
    List<ScriptSegment> out = new ArrayList<>(segments);
    if (!missing.isEmpty()) {
      LOG.info("the model's script lacked {}; taken from the template generator", missing);
      for (ScriptSegment t : TemplateScriptGenerator.create().generate(request).segments()) {
        if (missing.contains(t.kind()) && out.stream().noneMatch(x -> x.kind() == t.kind())) {
          int at = 0;
          while (at < out.size() && out.get(at).kind().ordinal() <= t.kind().ordinal()) {
            at++;
          }
          out.add(at, t);
        }
      }
    }
    out.sort(Comparator.comparingInt(x -> x.kind().ordinal()));
    return out;
  }

}
