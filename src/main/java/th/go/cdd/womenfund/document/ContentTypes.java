package th.go.cdd.womenfund.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, from its bytes alone (Apache Tika's magic numbers; the name is never shown to the
 * detector): a PDF renamed {@code .jpg} is a PDF, an {@code .exe} or HTML renamed {@code .pdf} is
 * refused.
 */
final class ContentTypes {

  /** The types accepted, with the extension a download gets. */
  static final Map<String, String> ACCEPTED =
      Map.of("application/pdf", ".pdf", "image/jpeg", ".jpg", "image/png", ".png");

  private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

  private ContentTypes() {}

  /** The detected type ("application/pdf"), whatever it is. */
  static String detect(byte[] content) {
    try {
      MediaType type = MAGIC.detect(new ByteArrayInputStream(content), new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The detected type when it is one of {@link #ACCEPTED}. */
  static Optional<String> accepted(byte[] content) {
    String type = detect(content);
    return ACCEPTED.containsKey(type) ? Optional.of(type) : Optional.empty();
  }
}
