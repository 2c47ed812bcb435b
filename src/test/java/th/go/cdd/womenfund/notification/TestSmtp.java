package th.go.cdd.womenfund.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The tests' SMTP server (GreenMail), on the port Maven reserved for this run ({@code
 * womenfund.test.smtp-port}, also what {@code application-test.yaml} sends to), 3025 in an IDE.
 */
public final class TestSmtp {

  public static final int PORT =
      Integer.parseInt(System.getProperty("womenfund.test.smtp-port", "3025"));

  private TestSmtp() {}

  /** A GreenMail server started and emptied for each test method. */
  public static GreenMailExtension perTest() {
    return new GreenMailExtension(new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP))
        .withPerMethodLifecycle(true);
  }
}
