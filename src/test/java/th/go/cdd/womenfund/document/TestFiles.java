package th.go.cdd.womenfund.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small files of each kind, made here (nothing downloaded). */
final class TestFiles {

  private TestFiles() {}

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% "
            + text
            + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A PDF of about {@code size} bytes. */
  static byte[] pdfOfSize(int size) {
    byte[] head = pdf("padding");
    byte[] out = Arrays.copyOf(head, size);
    Arrays.fill(out, head.length, size, (byte) ' ');
    return out;
  }

  static byte[] jpeg() {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xE0,
      0,
      0x10,
      'J',
      'F',
      'I',
      'F',
      0,
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
      (byte) 0xFF,
      (byte) 0xD9
    };
  }

  static byte[] png() {
    return new byte[] {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1A,
      '\n',
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      8,
      2,
      0,
      0,
      0
    };
  }

  /** A Windows program's header (what an .exe renamed .pdf carries). */
  static byte[] exe() {
    byte[] b = new byte[256];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3C] = (byte) 0x80;
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }

  static byte[] html() {
    return "<!DOCTYPE html><html><head><script>alert(document.cookie)</script></head></html>"
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The EICAR test file. */
  static byte[] eicar() {
    return EicarScanner.EICAR.clone();
  }
}
