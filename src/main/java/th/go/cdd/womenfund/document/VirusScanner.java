package th.go.cdd.womenfund.document;

/**
 * Looks at an upload before it is stored. {@link ClamdScanner} when clamd is configured ({@code
 * womenfund.documents.clamd}), else {@link EicarScanner}. A scanner that cannot answer throws
 * {@link ScannerUnavailableException}: the file is then refused, never stored unscanned.
 */
public interface VirusScanner {

  /** What the scanner found. */
  record Verdict(boolean clean, String signature) {

    public static Verdict ok() {
      return new Verdict(true, "");
    }

    public static Verdict found(String signature) {
      return new Verdict(false, signature);
    }
  }

  Verdict scan(byte[] content);

  /** The scanner could not look at the file (clamd down, an unexpected answer). */
  class ScannerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScannerUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
