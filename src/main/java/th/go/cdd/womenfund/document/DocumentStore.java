package th.go.cdd.womenfund.document;

import java.util.Optional;

/**
 * Where the bytes of a document live. {@link DatabaseDocumentStore} (table {@code
 * document_content}) by default; another store (an object store, a file share) replaces it by being
 * the one bean of this type. It is called inside the upload's transaction.
 */
public interface DocumentStore {

  void put(long documentId, byte[] content);

  Optional<byte[]> get(long documentId);
}
