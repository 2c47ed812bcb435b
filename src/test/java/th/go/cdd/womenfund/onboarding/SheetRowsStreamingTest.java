package th.go.cdd.womenfund.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The import reads a file row by row: 200,000 payment rows, as CSV and as .xlsx, pass through
 * {@link SheetRows} while the heap in use (after a GC, sampled every 20,000 rows) stays within a
 * few megabytes of where it started. The figures are printed for docs/guide/import.md.
 */
class SheetRowsStreamingTest {

  static final int ROWS = 200_000;
  static final long MAX_GROWTH = 32L * 1024 * 1024;

  Path file;

  @AfterEach
  void delete() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }

  static String[] row(int i) {
    return new String[] {
      "สญ." + (i % 5000) + "/2560",
      "RCPT-" + i,
      String.format("%02d/%02d/25%02d", 1 + i % 28, 1 + i % 12, 60 + i % 9),
      (100 + i % 900) + ".50",
      i % 3 == 0 ? "ชำระงวด " + i : ""
    };
  }

  @Test
  void twoHundredThousandCsvRowsStreamInBoundedMemory() throws IOException {
    file = Files.createTempFile("payments-", ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(String.join(",", PortfolioKind.PAYMENTS.columns()));
      w.write("\r\n");
      for (int i = 0; i < ROWS; i++) {
        w.write(String.join(",", row(i)));
        w.write("\r\n");
      }
    }
    measure("CSV");
  }

  @Test
  void twoHundredThousandXlsxRowsStreamInBoundedMemory() throws IOException {
    file = Files.createTempFile("payments-", ".xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
        OutputStream out = Files.newOutputStream(file)) {
      wb.setCompressTempFiles(true);
      Sheet sheet = wb.createSheet("การชำระเงิน");
      Row header = sheet.createRow(0);
      for (int c = 0; c < PortfolioKind.PAYMENTS.columns().size(); c++) {
        header.createCell(c).setCellValue(PortfolioKind.PAYMENTS.columns().get(c));
      }
      for (int i = 0; i < ROWS; i++) {
        Row r = sheet.createRow(i + 1);
        String[] cells = row(i);
        for (int c = 0; c < cells.length; c++) {
          r.createCell(c).setCellValue(cells[c]);
        }
      }
      wb.write(out);
      wb.dispose();
    }
    measure("xlsx");
  }

  void measure(String what) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long start = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(start);
    AtomicLong rows = new AtomicLong();
    long began = System.nanoTime();
    SheetRows.read(
        file,
        (number, cells) -> {
          assertThat(cells).hasSize(number == 1 ? 5 : cells.size());
          if (rows.incrementAndGet() % 20_000 == 0) {
            System.gc();
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          }
        });
    long ms = (System.nanoTime() - began) / 1_000_000;
    long growth = peak.get() - start;
    System.out.printf(
        "streaming %s: %,d rows (%,d bytes) in %,d ms; heap in use after GC grew by at most %,d KB%n",
        what, rows.get() - 1, Files.size(file), ms, growth / 1024);
    assertThat(rows.get()).isEqualTo(ROWS + 1L);
    assertThat(growth).isLessThan(MAX_GROWTH);
  }
}
