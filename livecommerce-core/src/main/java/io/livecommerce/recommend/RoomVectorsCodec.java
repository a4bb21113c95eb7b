package io.livecommerce.recommend;

import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file of {@link LiveRoomIndex#saveVectors}: per room its id, its text and its unit vector. Read into a map
 * from room id; a repeated id, a vector of another length or a non-finite value is a format error. Stateless and
 * thread-safe.
 */
final class RoomVectorsCodec implements ModelCodec<Map<String, RoomStore.Warm>> {

  static final RoomVectorsCodec INSTANCE = new RoomVectorsCodec();

  @Override
  public String type() {
    return "live-room-vectors";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public void write(Map<String, RoomStore.Warm> rooms, DataOutput out) throws IOException {
    out.writeInt(rooms.size());
    out.writeInt(rooms.isEmpty() ? 0 : rooms.values().iterator().next().vector().length);
    for (Map.Entry<String, RoomStore.Warm> e : rooms.entrySet()) {
      out.writeUTF(e.getKey());
      ModelFiles.writeStrings(out, List.of(e.getValue().text()));
      ModelFiles.writeFloats(out, e.getValue().vector());
    }
  }

  @Override
  public Map<String, RoomStore.Warm> read(DataInput in, int version) throws IOException {
    int n = ModelFiles.readCount(in, 50_000_000, 8, "room count");
    int dim = ModelFiles.readCount(in, 1 << 16, 0, "dimension");
    Map<String, RoomStore.Warm> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String id = in.readUTF();
      List<String> text = ModelFiles.readStrings(in, 1);
      float[] v = ModelFiles.readFloats(in, dim);
      if (v.length != dim || text.size() != 1) {
        throw new IOException("room " + i + " ('" + id + "'): " + v.length + " values for dimension " + dim);
      }
      for (float x : v) {
        if (!Float.isFinite(x)) {
          throw new IOException("room " + i + " ('" + id + "'): a value is not finite");
        }
      }
      if (out.put(id, new RoomStore.Warm(text.get(0), v)) != null) {
        throw new IOException("room id '" + id + "' appears twice");
      }
    }
    return out;
  }
}
