package th.go.cdd.womenfund.document;

/**
 * An upload or download refused, with the HTTP status and the Thai reason: 400 (no file, no such
 * kind of paper here), 403/404 (not hers or not there: one answer for both), 413 (too large), 422
 * (not a PDF/JPEG/PNG by its content, or a virus), 503 (the scanner did not answer).
 */
public class DocumentRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public DocumentRefusal(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
