package th.go.cdd.womenfund.document;

import java.nio.charset.StandardCharsets;

/**
 * The built-in scanner for machines without clamd: it knows only the EICAR anti-virus test file, so
 * that the refusal path works (and is tested) everywhere. Production configures clamd.
 */
public class EicarScanner implements VirusScanner {

  /**
   * The EICAR test string, put together at run time so that no source or class file of the project
   * is itself flagged by a scanner.
   */
  static final byte[] EICAR =
      ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*")
          .getBytes(StandardCharsets.US_ASCII);

  @Override
  public Verdict scan(byte[] content) {
    return indexOf(content, EICAR) >= 0 ? Verdict.found("Eicar-Test-Signature") : Verdict.ok();
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
