package th.go.cdd.womenfund.document;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The documents' metadata (table {@code document}). */
@Repository
public class DocumentRepository {

  private static final String COLUMNS =
      "id, process_instance_id, record_kind, record_id, document_type, file_name, media_type,"
          + " size_bytes, sha256, uploaded_by, uploaded_at";

  private final JdbcClient jdbc;

  public DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String processInstanceId,
      String recordKind,
      long recordId,
      String documentType,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      String uploadedBy,
      LocalDateTime at) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into document (process_instance_id, record_kind, record_id, document_type,"
                + " file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            processInstanceId,
            recordKind,
            recordId,
            documentType,
            fileName,
            mediaType,
            size,
            sha256,
            uploadedBy,
            at)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<StoredDocument> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from document where id = ?")
        .param(id)
        .query(StoredDocument.class)
        .optional();
  }

  List<StoredDocument> ofInstance(String processInstanceId) {
    return jdbc.sql(
            "select " + COLUMNS + " from document where process_instance_id = ? order by id")
        .param(processInstanceId)
        .query(StoredDocument.class)
        .list();
  }

  List<StoredDocument> ofRecord(String recordKind, long recordId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from document where record_kind = ? and record_id = ? order by document_type, id")
        .params(recordKind, recordId)
        .query(StoredDocument.class)
        .list();
  }

  long count() {
    return jdbc.sql("select count(*) from document").query(Long.class).single();
  }
}
