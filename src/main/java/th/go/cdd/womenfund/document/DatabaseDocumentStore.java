package th.go.cdd.womenfund.document;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The documents' bytes in the fund's database (table {@code document_content}, bytea). */
public class DatabaseDocumentStore implements DocumentStore {

  private final JdbcClient jdbc;

  public DatabaseDocumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(long documentId, byte[] content) {
    jdbc.sql("insert into document_content (document_id, content) values (?, ?)")
        .params(documentId, content)
        .update();
  }

  @Override
  public Optional<byte[]> get(long documentId) {
    return jdbc.sql("select content from document_content where document_id = ?")
        .param(documentId)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  /** The database store unless another {@link DocumentStore} is configured. */
  @Configuration
  static class DefaultStore {

    @Bean
    @ConditionalOnMissingBean(DocumentStore.class)
    DocumentStore databaseDocumentStore(JdbcClient jdbc) {
      return new DatabaseDocumentStore(jdbc);
    }
  }
}
