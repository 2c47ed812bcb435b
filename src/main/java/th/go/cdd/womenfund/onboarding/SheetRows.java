package th.go.cdd.womenfund.onboarding;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import th.go.cdd.womenfund.system.ThaiValidationException;

/**
 * Reads the rows of an uploaded file one at a time, whatever its size: a CSV (UTF-8) through
 * commons-csv's streaming parser, an .xlsx through POI's event model ({@link XSSFReader} with SAX),
 * never a whole workbook in memory. Each row goes to the handler with its number as the spreadsheet
 * shows it (the header is row 1). What stays in memory is one row, and for .xlsx the workbook's
 * table of distinct texts (bounded by the upload limit).
 */
final class SheetRows {

  /** Receives each row; may throw to stop reading. */
  interface Handler {
    void row(long number, List<String> cells);
  }

  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private SheetRows() {}

  static void read(Path file, Handler handler) throws IOException {
    if (isZip(file)) {
      readXlsx(file, handler);
    } else {
      readCsv(file, handler);
    }
  }

  private static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4
          && head[0] == ZIP[0]
          && head[1] == ZIP[1]
          && head[2] == ZIP[2]
          && head[3] == ZIP[3];
    }
  }

  private static void readCsv(Path file, Handler handler) throws IOException {
    Reader reader =
        new InputStreamReader(
            new BufferedInputStream(Files.newInputStream(file)),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord r : parser) {
        List<String> cells = new ArrayList<>(r.size());
        r.forEach(cells::add);
        handler.row(r.getRecordNumber(), cells);
      }
    } catch (CharacterCodingException e) {
      throw new ThaiValidationException(
          "ไฟล์ CSV ต้องบันทึกเป็นรหัส UTF-8 (ใน Excel: บันทึกเป็น \"CSV UTF-8\")");
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new ThaiValidationException(
            "ไฟล์ CSV ต้องบันทึกเป็นรหัส UTF-8 (ใน Excel: บันทึกเป็น \"CSV UTF-8\")");
      }
      throw new ThaiValidationException(
          "อ่านไฟล์ CSV ไม่ได้: เครื่องหมายคำพูด (\") ไม่ครบคู่หรือรูปแบบไฟล์ไม่ถูกต้อง");
    }
  }

  private static void readXlsx(Path file, Handler handler) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new ThaiValidationException("ไฟล์ Excel ไม่มีแผ่นงาน");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = SAXHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(),
                null,
                strings,
                new Rows(handler),
                new DataFormatter(),
                false));
        parser.parse(new InputSource(sheet));
      }
    } catch (ThaiValidationException | StopReading e) {
      throw e;
    } catch (IOException
        | RuntimeException
        | org.xml.sax.SAXException
        | javax.xml.parsers.ParserConfigurationException
        | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
      if (e.getCause() instanceof ThaiValidationException t) {
        throw t;
      }
      throw new ThaiValidationException(
          "อ่านไฟล์ Excel ไม่ได้: กรุณาใช้แบบฟอร์ม .xlsx ของระบบ หรือบันทึกเป็น CSV UTF-8");
    }
  }

  /** Thrown by a handler to stop reading early (the header is wrong, too many refusals). */
  static final class StopReading extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopReading() {
      super(null, null, false, false);
    }
  }

  private static final class Rows implements SheetContentsHandler {

    private final Handler handler;
    private final List<String> cells = new ArrayList<>();

    Rows(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.stream().anyMatch(c -> !c.isBlank())) {
        handler.row(rowNum + 1L, List.copyOf(cells));
      }
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value == null ? "" : value.strip());
    }
  }
}
