package io.livecommerce.examples.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.livecommerce.examples.csv.CsvFormatException;
import io.livecommerce.examples.csv.CsvTable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CSV reader on hostile files: only {@link CsvFormatException} escapes, its message names the file, and every
 * typed accessor fails only with it too.
 */
class CsvTableFuzzTest {

  @FuzzTest(maxDuration = "24h")
  void reader(FuzzedDataProvider data) throws IOException {
    Charset cs = data.consumeBoolean() ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    byte[] bytes = data.consumeRemainingAsBytes();
    Path file = Files.createTempFile("fuzz", ".csv");
    try {
      Files.write(file, bytes);
      CsvTable t = CsvTable.read(file, cs);
      for (CsvTable.Row r : t.rows()) {
        assertTrue(r.line() >= 2, "rows start after the header: " + r.line());
        for (String c : t.header()) {
          try {
            r.getDouble(c, -1e15, 1e15);
          } catch (CsvFormatException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
          }
          try {
            r.getLong(c);
          } catch (CsvFormatException e) {
            assertTrue(e.getMessage().contains("column '" + c + "'"), e.getMessage());
          }
        }
      }
    } catch (CsvFormatException e) {
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
